#!/bin/sh
# The scikit-learn column of gmm-bench's table: bench_sklearn.py (from the shared bench directory) on
# every workload and covariance, on the same files the JMH suite reads ($GMMBENCH_DATA).
# Needs Debian's python3-sklearn (apt-get install -y python3-sklearn; it brings OpenBLAS).
# Usage: BENCH_DIR=/path/to/shared/bench GMMBENCH_DATA=/tmp/gmmbench gmm-bench/scripts/sklearn-side.sh
# Cheap cells run more iterations and pairs; the seconds-per-iteration cells fewer, so that the whole
# column takes a few minutes on a quiet 2-core machine.
set -eu
: "${BENCH_DIR:=/work/shared/bench}"
: "${GMMBENCH_DATA:=/tmp/gmmbench}"
export GMMBENCH_DATA
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-2}"
# Debian's OpenBLAS falls back to a generic kernel on CPUs it does not know (DGEMM 12 instead of about
# 78 GFLOP/s on the Zen 4 these tables come from): unless OPENBLAS_CORETYPE is set, time a DGEMM under
# each core type and give scikit-learn the fastest.
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  probe='import numpy as np, time; a = np.random.rand(1500, 1500); a @ a; t = time.time(); [a @ a for _ in range(4)]; print(time.time() - t)'
  best=""; best_time=999
  for coretype in default HASWELL SKYLAKEX ZEN COOPERLAKE SAPPHIRERAPIDS; do
    if [ "$coretype" = default ]; then t=$(/usr/bin/python3 -c "$probe" 2>/dev/null || echo 999)
    else t=$(OPENBLAS_CORETYPE=$coretype /usr/bin/python3 -c "$probe" 2>/dev/null || echo 999); fi
    if awk -v a="$t" -v b="$best_time" 'BEGIN { exit !(a < b) }'; then best=$coretype; best_time=$t; fi
  done
  [ "$best" != default ] && export OPENBLAS_CORETYPE="$best"
fi
echo "== OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(default)}"
cd "$BENCH_DIR"
/usr/bin/python3 gen_data.py
# workload cov I1 I2 pairs
for cell in "W1 full 3 13 3" "W1 diag 3 13 3" "W2 diag 3 13 3" "W4 diag 3 13 3" "W3 diag 1 6 2" \
            "W2 full 1 6 2" "W4 full 1 6 2" "W3 full 1 4 2"; do
  set -- $cell
  echo "== $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 bench_sklearn.py "$1" "$2" --i1 "$3" --i2 "$4" --reps "$5" --warmup 1 --threads 2 --reg 0
done
echo "== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
