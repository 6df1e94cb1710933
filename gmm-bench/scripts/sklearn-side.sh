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
