#!/usr/bin/env bash
# The speed table of issue 18 (Decision 22: a benchmark, not a test): gmm-spark vs MLlib's GaussianMixture
# per EM iteration and per whole fit, one SparkSession and one cached DataFrame per run, K 16 full, on
# 1M × 16 and 200k × 16, with 1 and then 2 executor cores. Run it on a quiet machine (the MLlib side takes
# long: tens of seconds or more per iteration at 1M rows).
# Usage: gmm-spark/scripts/bench.sh [EXTRA_ITERATIONS=3] [ROWS...=1000000 200000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="$ROOT/gmm-spark/target"
EXTRA="${1:-3}"; shift || true
ROWS=("${@:-1000000 200000}")
[[ -d "$TARGET/test-classes/dev/gmm/spark/bench" && -f "$TARGET/launcher.classpath" ]] || {
  echo "build first: /work/bin/mvnslot -o -q -pl gmm-spark -am package -DskipTests (or mvn ... package -DskipTests)" >&2; exit 1; }
JDK="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -n1)}"
CP="$TARGET/classes:$TARGET/test-classes:$(cat "$TARGET/launcher.classpath")"
uptime
for cores in 1 2; do
  # shellcheck disable=SC2068
  "$JDK/bin/java" -Xmx8g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -Dlog4j2.configurationFile="$ROOT/gmm-spark/src/main/launcher/log4j2.properties" \
    -cp "$CP" dev.gmm.spark.bench.SparkVsMllib "local[$cores]" "$EXTRA" ${ROWS[@]} 2>/dev/null | { [[ $cores == 1 ]] && cat || tail -n +3; }
done
