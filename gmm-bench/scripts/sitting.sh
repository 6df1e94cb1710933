#!/bin/bash
# One sitting of gmm-bench's results table (README "The table of issue 3"): the scikit-learn side, the
# JMH suite (every peer), then gmm's SIMD cells with more warm-up and shots. Results go to $OUT.
# Usage (from the repository root, after gen_data.py and `mvn -q -o install -pl gmm-core,gmm-bench -DskipTests`):
#   GMMBENCH_DATA=/tmp/gmmbench OUT=/tmp/sitting gmm-bench/scripts/sitting.sh
set -eu
: "${GMMBENCH_DATA:=/tmp/gmmbench}"
: "${OUT:=/tmp/sitting}"
: "${J:=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
export GMMBENCH_DATA
mkdir -p "$OUT"
stamp() { echo "== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
stamp sklearn
BENCH_DIR="${BENCH_DIR:-/work/shared/bench}" gmm-bench/scripts/sklearn-side.sh > "$OUT/sklearn.log" 2>&1
stamp suite
"$J" -cp gmm-bench/target/benchmarks.jar dev.gmm.bench.Suite \
    'dev\.gmm\.bench\.(EmIteration|Smile|CommonsMath)Benchmark' "$OUT/suite.json" > "$OUT/suite.log" 2>&1
stamp simd
"$J" -jar gmm-bench/target/benchmarks.jar 'EmIterationBenchmark.simd' -p workload=W2,W3,W4 -wi 8 -i 8 \
    -rf json -rff "$OUT/simd.json" > "$OUT/simd.log" 2>&1
stamp w1
"$J" -jar gmm-bench/target/benchmarks.jar 'EmIterationBenchmark.simd' -p workload=W1 -wi 30 -i 20 \
    -rf json -rff "$OUT/w1.json" > "$OUT/w1.log" 2>&1
stamp end
tail -12 "$OUT/suite.log"
