#!/usr/bin/env bash
# gmm-spark launcher: finds JDK 25, builds gmm-spark on first use (or when sources changed), runs its
# command line with Spark on the class path (Spark is a class-path application; gmm-spark is a class-path jar).
# It is gmm-spark.sh, not gmm-spark, because the module's folder has that name.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$ROOT/gmm-spark/target"

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    local v; v="$(java_major "$JAVA_HOME/bin/java")"
    if [[ -n "$v" && "$v" -ge 25 ]]; then echo "$JAVA_HOME"; return; fi
  fi
  local d
  for d in /usr/lib/jvm/*25*; do
    if [[ -x "$d/bin/java" ]]; then echo "$d"; return; fi
  done
  return 1
}

if ! JDK="$(find_java)"; then
  echo "gmm-spark: needs JDK 25 or newer; install it (e.g. apt-get install temurin-25-jdk) or set JAVA_HOME to one" >&2
  exit 1
fi

main_jar() { ls "$TARGET"/gmm-spark-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n1 || true; }

# Sources are compared with the last build, not with the jar: Maven leaves a jar whose own classes did
# not change untouched, so a change in gmm-core alone made every later run build again. BUILT holds
# the start time of the last build the launcher ran; the newer of it and the jar counts.
BUILT="$TARGET/launcher-built"
jar_is_stale() {
  local jar ref; jar="$(main_jar)"
  [[ -z "$jar" || ! -f "$TARGET/launcher.classpath" ]] && return 0
  ref="$jar"; [[ "$BUILT" -nt "$jar" ]] && ref="$BUILT"
  [[ -n "$(find "$ROOT"/gmm-core "$ROOT"/gmm-datasets "$ROOT"/gmm-spark -name target -prune -o \
      -path '*/src/main/*' -newer "$ref" -type f -print -quit 2>/dev/null)" ]] && return 0
  [[ -n "$(find "$ROOT" -maxdepth 2 -name pom.xml -newer "$ref" -print -quit 2>/dev/null)" ]] && return 0
  return 1
}

# GMM_SKIP_BUILD=1 runs whatever jar is there. The build is the reactor's package (no install): the class
# path file points at the sibling modules' jars and at Spark's jars in the local Maven repository.
if [[ "${GMM_SKIP_BUILD:-0}" != 1 ]] && jar_is_stale; then
  echo "gmm-spark: building (first use or changed sources; the first build downloads Spark, ~320 MB)..." >&2
  # the time the build starts: a source changed while Maven runs still counts as newer afterwards
  mkdir -p "$TARGET" && touch "$BUILT.next"
  LOG="$(mktemp "${TMPDIR:-/tmp}/gmm-spark-build.XXXXXX")"
  if ! (cd "$ROOT" && JAVA_HOME="$JDK" mvn -q -DskipTests -pl gmm-spark -am package >"$LOG" 2>&1); then
    grep -E 'ERROR' "$LOG" | head -n 20 >&2 || true
    echo "gmm-spark: the build failed (full log: $LOG); run 'mvn -DskipTests -pl gmm-spark -am package' in $ROOT to see why" >&2
    exit 1
  fi
  rm -f "$LOG"
  mv -f "$BUILT.next" "$BUILT" 2>/dev/null || true
fi

CLASSPATH="$(main_jar):$(cat "$TARGET/launcher.classpath")"
# In local mode the executors are threads of this JVM; a cluster's executors get the module through
# spark.executor.extraJavaOptions (README). GMM_JAVA_OPTS: extra JVM options, e.g. -Xmx16g.
VECTOR="--add-modules jdk.incubator.vector"

# The JVM prints "WARNING: Using incubator modules: jdk.incubator.vector" first on stderr; a user's mistake
# must end with exactly one line there (as with ./gmm), so that first line is dropped.
drop_incubator_warning() {
  trap '' INT
  local first
  if IFS= read -r first; then
    [[ "$first" == "WARNING: Using incubator modules: "* ]] || printf '%s\n' "$first"
  elif [[ -n "$first" ]]; then
    printf '%s' "$first"
  fi
  exec cat
}

exec 3> >(drop_incubator_warning >&2)
filter=$!
# shellcheck disable=SC2086
"$JDK/bin/java" ${GMM_JAVA_OPTS:-} $VECTOR --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Dlog4j2.configurationFile="$ROOT/gmm-spark/src/main/launcher/log4j2.properties" \
  -Dspark.executor.extraJavaOptions="$VECTOR" -Dspark.driver.host="${SPARK_DRIVER_HOST:-127.0.0.1}" \
  -cp "$CLASSPATH" dev.gmm.spark.internal.cli.SparkMain "$@" \
  2>&3 3>&- && rc=0 || rc=$?
exec 3>&-
wait "$filter" 2>/dev/null || true
exit "$rc"
