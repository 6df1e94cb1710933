#!/usr/bin/env bash
# Issue 19's out-of-core benchmark: EM over a memory-mapped float32 .npy file larger than the heap,
# against an in-memory fit of its first HEAD rows scaled to the same row count, and the same model
# bit for bit where both can run (the HEAD file mapped vs read onto the heap).
#
#   gmm-bench/scripts/out-of-core.sh                       # 100M x 16 (6.4 GB), K 16, full and diag
#   ROWS=10000000 HEAD=2000000 gmm-bench/scripts/out-of-core.sh   # scaled down
#
# Time per EM iteration: what gmm fit prints for a fit of .npy data ("(x s per iteration)"), the time
# from the end of the first iteration to the end of the last over ITER - 1 iterations — no JVM start,
# no start, no first read of the file from disk. Every run starts from the same start (k-means on a
# 1M-row sample of the big file), with tol 0.
# Needs python3 with numpy (gen_mixture.py). Run it on a quiet machine: it is a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GMM="$ROOT/gmm"
: "${ROWS:=100000000}" "${FEATURES:=16}" "${K:=16}" "${ITER:=6}" "${COVS:=full diag}"
: "${HEAD:=$((ROWS / 5))}"
: "${DIR:=/tmp/gmm-out-of-core}"
: "${MAPPED_HEAP:=-Xmx1g}" "${HEAP_HEAP:=-Xmx$(( HEAD * FEATURES * 4 / 1000000000 + 3 ))g}"
export GMM_SKIP_BUILD=1
mkdir -p "$DIR"
cd "$DIR"
BIG="x-$ROWS.npy"
SMALL="x-$ROWS-head-$HEAD.npy"
[[ -f "$BIG" ]] || { echo "== generating $BIG"; python3 "$ROOT/gmm-bench/scripts/gen_mixture.py" --rows "$ROWS" --features "$FEATURES" --components "$K" --out "$BIG"; }
[[ -f "$SMALL" ]] || python3 "$ROOT/gmm-bench/scripts/gen_mixture.py" --head "$HEAD" --from "$BIG" --out "$SMALL"
ls -l "$BIG" "$SMALL"

# seconds (and peak RSS in MB) of one gmm run
timed() {
  local opts="$1"; shift
  /usr/bin/time -f '%e %M' -o time.txt env GMM_JAVA_OPTS="$opts" "$GMM" "$@" >run.txt 2>err.txt || { cat err.txt >&2; exit 1; }
  read -r secs kb <time.txt
  echo "$secs $((kb / 1024))"
}

echo "== $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %-34s %10s %10s %8s\n' cov run "wall (s)" "s/iter" "RSS MB"
for cov in $COVS; do
  start="start-$cov.json"
  GMM_JAVA_OPTS="$MAPPED_HEAP" "$GMM" fit --data "$BIG" --components "$K" --covariance "$cov" --max-iter 0 --out "$start" >/dev/null
  for run in "mapped-big:$MAPPED_HEAP:$BIG:" "mapped-head:$MAPPED_HEAP:$SMALL:" "heap-head:$HEAP_HEAP:$SMALL:--no-map"; do
    IFS=: read -r name opts data extra <<<"$run"
    read -r secs rss < <(timed "$opts" fit --data "$data" --components "$K" --covariance "$cov" --init-from "$start" --max-iter "$ITER" --tol 0 --out "$cov-$name.json" $extra)
    per=$(sed -n 's/.*(\([0-9.]*\) s per iteration).*/\1/p' run.txt)
    printf '%-5s %-34s %10s %10s %8s\n' "$cov" "$name ($opts)" "$secs" "$per" "$rss"
    eval "per_${name//-/_}=$per"
  done
  python3 - "$cov" "$per_mapped_big" "$per_heap_head" "$ROWS" "$HEAD" <<'PY'
import json, sys
cov, big, head, rows, h = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
scaled = head * rows / h
print(f"{cov}: mapped {rows} rows {big:.2f} s/iter; in-memory {h} rows {head:.2f} s/iter, scaled x{rows / h:g} = "
      f"{scaled:.2f} s/iter; ratio {big / scaled:.3f} (goal <= 1.2)")
a = json.load(open(f"{cov}-mapped-head.json")); b = json.load(open(f"{cov}-heap-head.json"))
same = all(a[k] == b[k] for k in ("weights", "means", "covariances", "precisions_cholesky", "lower_bound"))
print(f"{cov}: head file mapped vs on the heap, same model bit for bit: {same}")
PY
done
echo "== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(delete $DIR when done: rm -rf $DIR)"
