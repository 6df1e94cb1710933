#!/usr/bin/env bash
# Issue 19's online benchmark: one pass of stepwise EM over ROWS rows of a known mixture, from the .npy
# file and from standard input (CSV lines piped from the generator), against batch EM on the same data
# (mapped, to convergence). Goal: the online model's mean log-likelihood on all rows within 0.5 % of
# batch EM's (or above it: both land in local optima at K 16, and either may find the better one),
# with memory independent of ROWS (peak RSS printed, heap fixed by ONLINE_HEAP).
#
#   gmm-bench/scripts/online-em.sh                  # 10M x 16, K 16, full and diag
#   ROWS=1000000 gmm-bench/scripts/online-em.sh     # scaled down
# Needs python3 with numpy (gen_mixture.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GMM="$ROOT/gmm"
GEN="$ROOT/gmm-bench/scripts/gen_mixture.py"
: "${ROWS:=10000000}" "${FEATURES:=16}" "${K:=16}" "${BATCH:=10000}" "${ALPHA:=0.6}" "${COVS:=full diag}" "${SEED:=7}"
: "${DIR:=/tmp/gmm-online}" "${ONLINE_HEAP:=-Xmx256m}" "${BATCH_HEAP:=-Xmx1g}"
export GMM_SKIP_BUILD=1
mkdir -p "$DIR"
cd "$DIR"
DATA="x-$ROWS.npy"
[[ -f "$DATA" ]] || python3 "$GEN" --rows "$ROWS" --features "$FEATURES" --components "$K" --seed "$SEED" --out "$DATA"

mean_ll() { GMM_JAVA_OPTS="$BATCH_HEAP" "$GMM" score --model "$1" --data "$DATA" | python3 -c "import json,sys; print(json.load(sys.stdin)['mean_log_likelihood'])"; }

echo "== $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
for cov in $COVS; do
  common=(--components "$K" --covariance "$cov" --seed 1)
  /usr/bin/time -f '%e %M' -o t-batch.txt env GMM_JAVA_OPTS="$BATCH_HEAP" "$GMM" fit --data "$DATA" "${common[@]}" --out "batch-$cov.json"
  /usr/bin/time -f '%e %M' -o t-file.txt env GMM_JAVA_OPTS="$ONLINE_HEAP" "$GMM" fit --data "$DATA" --online --batch-size "$BATCH" --step-exponent "$ALPHA" "${common[@]}" --out "online-file-$cov.json"
  python3 "$GEN" --rows "$ROWS" --features "$FEATURES" --components "$K" --seed "$SEED" --dtype f8 --csv \
    | /usr/bin/time -f '%e %M' -o t-stdin.txt env GMM_JAVA_OPTS="$ONLINE_HEAP" "$GMM" fit --data - --online --batch-size "$BATCH" --step-exponent "$ALPHA" "${common[@]}" --out "online-stdin-$cov.json"
  batch=$(mean_ll "batch-$cov.json"); file=$(mean_ll "online-file-$cov.json"); stdin=$(mean_ll "online-stdin-$cov.json")
  python3 - "$cov" "$batch" "$file" "$stdin" "$(cat t-batch.txt)" "$(cat t-file.txt)" "$(cat t-stdin.txt)" <<'PY'
import sys
cov, batch, file, stdin = sys.argv[1], *map(float, sys.argv[2:5])
times = [t.split() for t in sys.argv[5:8]]
for name, ll, (secs, kb) in (("batch EM (mapped)", batch, times[0]), ("online, .npy file", file, times[1]),
                             ("online, stdin CSV", stdin, times[2])):
    # signed: positive when the model fits the data better than batch EM's; the goal is > -0.5 %
    gap = (ll - batch) / abs(batch) * 100
    print(f"{cov:5} {name:20} mean log-likelihood {ll:.6f}  vs batch {gap:+.3f} % (goal > -0.5 %)  {secs} s"
          f"  peak RSS {int(kb) // 1024} MB")
PY
done
echo "== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(delete $DIR when done: rm -rf $DIR)"
