#!/usr/bin/env bash
# How good is the k-means start on a seeded sample (what fit uses on an .npy file with more rows than
# --init-sample) against the k-means start on every row? For each seed, EM to convergence from each
# start; prints the final lower bound (mean log-likelihood) per seed and the best over seeds.
#
#   DATA=x.npy SAMPLES="1000000 100000 10000" SEEDS="0 1 2 3 4" gmm-bench/scripts/sampled-start.sh
# The first sample size should be at least the file's row count: that is the start on every row.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GMM="$ROOT/gmm"
: "${DATA:?set DATA to an .npy file}" "${K:=16}" "${COV:=diag}" "${SAMPLES:=1000000 100000 10000}" "${SEEDS:=0 1 2 3 4}"
: "${HEAP:=-Xmx2g}"
export GMM_SKIP_BUILD=1 GMM_JAVA_OPTS="$HEAP"
out="$(mktemp -d)"
printf '%-12s' "sample"; for s in $SEEDS; do printf '%14s' "seed $s"; done; printf '%14s\n' best
for n in $SAMPLES; do
  printf '%-12s' "$n"
  best=-inf
  for s in $SEEDS; do
    lb=$("$GMM" fit --data "$DATA" --components "$K" --covariance "$COV" --seed "$s" --init-sample "$n" \
         --out "$out/m.json" | sed -n 's/.*lower bound \([^,]*\),.*/\1/p')
    printf '%14.6f' "$lb"
    best=$(python3 -c "print(max(float('$best'), $lb))")
  done
  printf '%14.6f\n' "$best"
done
rm -rf "$out"
