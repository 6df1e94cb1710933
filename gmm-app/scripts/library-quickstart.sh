#!/usr/bin/env bash
# Follows the README's "Using gmm as a library" section word for word: installs gmm-core and
# gmm-datasets from this checkout into the local Maven repository, creates a fresh Maven project
# beside it (in a temporary folder) with the README's pom.xml, module-info.java and Quickstart.java,
# and runs it on the class path and on the module path. Fails unless both runs fit the two blobs,
# the module-path run uses the SIMD kernel, the saved model reads back, and a run without the vector
# module names the flag to add.
#   usage: library-quickstart.sh            (what CI runs; about a minute)
#   GMM_QUICKSTART_REPO=DIR: use DIR as the local Maven repository instead of ~/.m2/repository
#   GMM_QUICKSTART_OFFLINE=1: pass -o to Maven (no downloads)
#   GMM_QUICKSTART_SKIP_INSTALL=1: skip step 1 (a re-run, when the modules are installed already)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JDK="${JAVA_HOME:-}"
if [[ -z "$JDK" || ! -x "$JDK/bin/java" ]] || ! "$JDK/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  JDK="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1 || true)"
fi
if [[ ! -x "$JDK/bin/java" ]] && command -v java >/dev/null && java -version 2>&1 | grep -q 'version "2[5-9]'; then
  # a JDK 25 that is simply the java on the PATH
  JDK="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
fi
[[ -x "$JDK/bin/java" ]] || { echo "library-quickstart: needs a JDK 25 (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME="$JDK"
MVN=(mvn -B -q -ntp ${GMM_QUICKSTART_OFFLINE:+-o} ${GMM_QUICKSTART_REPO:+-Dmaven.repo.local=$GMM_QUICKSTART_REPO})
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# README step 1: install the library modules from the checkout (no public repository yet).
if [[ "${GMM_QUICKSTART_SKIP_INSTALL:-0}" != 1 ]]; then
  (cd "$ROOT" && "${MVN[@]}" -DskipTests install -pl gmm-core,gmm-datasets -am)
fi

# README step 2: a fresh project. The three files are cut out of README.md itself, so the script
# and the README cannot drift apart.
PROJECT="$WORK/gmm-quickstart"
mkdir -p "$PROJECT/src/main/java/com/example"
extract() { # the fenced block that follows the line "<!-- quickstart:$1 -->" in README.md
  # The blocks sit in a numbered list, indented by three spaces: match and print them without it.
  awk -v tag="<!-- quickstart:$1 -->" '{line = $0; sub(/^   /, "", line)}
    line == tag {found = 1; next}
    found && line ~ /^```/ {if (inside) exit; inside = 1; next}
    inside {print line}' "$ROOT/README.md"
}
extract pom.xml > "$PROJECT/pom.xml"
extract module-info.java > "$PROJECT/src/main/java/module-info.java"
extract Quickstart.java > "$PROJECT/src/main/java/com/example/Quickstart.java"
for f in pom.xml src/main/java/module-info.java src/main/java/com/example/Quickstart.java; do
  [[ -s "$PROJECT/$f" ]] || { echo "library-quickstart: README.md has no quickstart block for $f" >&2; exit 1; }
done

# README step 3: build, and list the dependencies' jars.
cd "$PROJECT"
"${MVN[@]}" compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=cp.txt
DEPS="$(cat cp.txt)"

# README step 4: the two ways to run it.
CLASSPATH_RUN="$("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "target/classes:$DEPS" com.example.Quickstart 2>&1)"
MODULE_RUN="$("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -p "target/classes:$DEPS" -m com.example.quickstart/com.example.Quickstart 2>&1)"
SCALAR_RUN="$("$JAVA_HOME/bin/java" -cp "target/classes:$DEPS" com.example.Quickstart 2>&1)"

check() { # name, output, pattern the output must hold
  if ! grep -q -- "$3" <<<"$2"; then
    echo "library-quickstart: the $1 run does not say '$3'; it printed:" >&2
    echo "$2" >&2
    exit 1
  fi
}
for run in "class path:$CLASSPATH_RUN" "module path:$MODULE_RUN" "scalar:$SCALAR_RUN"; do
  name="${run%%:*}"; out="${run#*:}"
  check "$name" "$out" "converged=true"
  check "$name" "$out" "weights \[0.50, 0.50\]"
  check "$name" "$out" "read back: same means"
done
check "module path" "$MODULE_RUN" "kernel simd"
check "class path" "$CLASSPATH_RUN" "kernel simd"
check "scalar" "$SCALAR_RUN" "kernel scalar"
# the INFO line that tells a user without the vector module what to add (README step 4)
check "scalar" "$SCALAR_RUN" "add --add-modules jdk.incubator.vector to the java command line"
echo "library-quickstart: README's library section works on the class path and the module path"
echo "  class path:  $(grep -m1 converged <<<"$CLASSPATH_RUN")"
echo "  module path: $(grep -m1 converged <<<"$MODULE_RUN")"
echo "  without the vector module: $(grep -m1 converged <<<"$SCALAR_RUN")"
