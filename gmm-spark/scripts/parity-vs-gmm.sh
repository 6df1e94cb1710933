#!/usr/bin/env bash
# By hand: ./gmm-spark.sh fit --init-from start.json on local[2] with 3 partitions against ./gmm fit, on
# sklearn-em fixtures (all of them by default, or the names given, e.g. iris-full blobs5d-tied).
# Needs the two launchers built (./gmm builds gmm-app; ./gmm-spark.sh builds gmm-spark).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FIX="$ROOT/gmm-test-support/src/main/resources/fixtures/sklearn-em"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/gmm-spark-parity.XXXXXX")"
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  mapfile -t names < <(python3 -c "import json; print('\n'.join(n[:-5] for n in json.load(open('$FIX/INDEX.json'))))")
fi
status=0
for name in "${names[@]}"; do
  read -r data k type < <(python3 -c "
import json; f = json.load(open('$FIX/$name.json')); json.dump(f['start'], open('$OUT/$name-start.json', 'w'))
print(f['dataset'], f['n_components'], f['covariance_type'])")
  common=(--data "$FIX/$data" --components "$k" --covariance "$type" --init-from "$OUT/$name-start.json" --tol 1e-10 --max-iter 1000)
  "$ROOT/gmm" fit "${common[@]}" --out "$OUT/$name-gmm.json" >/dev/null
  "$ROOT/gmm-spark.sh" fit --master 'local[2]' --partitions 3 "${common[@]}" --out "$OUT/$name-spark.json" >/dev/null
  python3 "$(dirname "$0")/compare-models.py" "$OUT/$name-spark.json" "$OUT/$name-gmm.json" || status=1
done
exit "$status"
