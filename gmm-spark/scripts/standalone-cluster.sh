#!/usr/bin/env bash
# By hand (Decision 22): a real Spark standalone cluster on 127.0.0.1 — a master and two workers, separate
# JVMs started from the Spark jars — fits a fixture with ./gmm-spark.sh, then the same fit runs in local
# mode; the two model files must agree (compare-models.py: same n_iter, 1e-12 lower bound, 1e-10 parameters).
# Usage: gmm-spark/scripts/standalone-cluster.sh [FIXTURE, default blobs5d-full]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FIX="$ROOT/gmm-test-support/src/main/resources/fixtures/sklearn-em"
NAME="${1:-blobs5d-full}"
JDK="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -n1)}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gmm-spark-cluster.XXXXXX")"
TARGET="$ROOT/gmm-spark/target"
[[ -f "$TARGET/launcher.classpath" ]] || { echo "build first: ./gmm-spark.sh --help" >&2; exit 1; }

# A SPARK_HOME the workers can launch executors from: RELEASE marks a distribution, jars/ holds Spark.
export SPARK_HOME="$WORK/spark-home"
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
touch "$SPARK_HOME/RELEASE"
tr ':' '\n' < "$TARGET/launcher.classpath" | grep '/.m2/' | while read -r jar; do ln -sf "$jar" "$SPARK_HOME/jars/"; done
export SPARK_SCALA_VERSION=2.13 JAVA_HOME="$JDK" SPARK_LOCAL_IP=127.0.0.1 SPARK_WORKER_DIR="$WORK/work"


pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

"$JDK/bin/java" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 7077 --webui-port 18080 >"$WORK/master.log" 2>&1 &
pids+=($!)
sleep 5
for w in 1 2; do
  "$JDK/bin/java" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 1g --webui-port $((18080 + w)) spark://127.0.0.1:7077 >"$WORK/worker$w.log" 2>&1 &
  pids+=($!)
done
sleep 8
echo "master and workers: ${pids[*]} (logs in $WORK)"

python3 -c "
import json; f = json.load(open('$FIX/$NAME.json')); json.dump(f['start'], open('$WORK/start.json', 'w'))
print(f['dataset'], f['n_components'], f['covariance_type'])" > "$WORK/fixture"
read -r data k type < "$WORK/fixture"
args=(--partitions 4 --data "$FIX/$data" --components "$k" --covariance "$type" --init-from "$WORK/start.json"
      --tol 1e-10 --max-iter 1000)
# the executors load gmm's classes from the jars the driver ships
JARS="$(ls "$TARGET"/gmm-spark-*.jar | grep -v sources | head -n1),$ROOT/gmm-core/target/gmm-core-0.1.0-SNAPSHOT.jar,$ROOT/gmm-datasets/target/gmm-datasets-0.1.0-SNAPSHOT.jar"
start=$(date +%s.%N)
GMM_SKIP_BUILD=1 GMM_JAVA_OPTS="-Dspark.jars=$JARS -Dspark.executor.memory=768m -Dspark.cores.max=2" \
  "$ROOT/gmm-spark.sh" fit --master spark://127.0.0.1:7077 "${args[@]}" --out "$WORK/cluster.json"
echo "cluster fit: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
grep -h 'Registering worker\|Launching executor\|Asked to launch executor' "$WORK"/master.log "$WORK"/worker*.log 2>/dev/null | head -n 4 || true
echo "executors that ran (one folder per executor, per worker):"
find "$SPARK_WORKER_DIR" -mindepth 2 -maxdepth 2 -type d | sed "s|$WORK/||"
GMM_SKIP_BUILD=1 "$ROOT/gmm-spark.sh" fit --master 'local[2]' "${args[@]}" --out "$WORK/local.json"
python3 "$(dirname "$0")/compare-models.py" "$WORK/cluster.json" "$WORK/local.json"
