#!/usr/bin/env bash
# Two builds of the kernel side by side in one sitting: EmIterationBenchmark.simd per EM iteration,
# (t(11) − t(1)) / 10, from two benchmarks.jar files, alternating, so that a slower or faster machine
# moves both alike. Used to tell a change in the code from a change in the machine.
#
#   gmm-bench/scripts/kernel-ab.sh OLD.jar NEW.jar "W2 W3" "full diag" [REPS=1]
# e.g. OLD from `git worktree add --detach /tmp/old a87edb6 && (cd /tmp/old && mvn -o -q package
# -DskipTests -pl gmm-bench -am)`. Needs GMMBENCH_DATA (gen_data.py's folder). Runs at nice -20:
# with the scheduler's autogroups off (echo 0 > /proc/sys/kernel/sched_autogroup_enabled) niced work
# elsewhere on the machine then cannot take its cores.
set -euo pipefail
OLD="$1"; NEW="$2"; WORKLOADS="$3"; COVS="$4"; REPS="${5:-1}"
J="${J:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
: "${GMMBENCH_DATA:=/tmp/gmmbench}"; export GMMBENCH_DATA
out="$(mktemp -d)"
for w in $WORKLOADS; do for c in $COVS; do for rep in $(seq 1 "$REPS"); do
  for side in old new; do
    jar="$OLD"; [[ $side == new ]] && jar="$NEW"
    nice -n -20 "$J" -jar "$jar" 'EmIterationBenchmark.simd$' -p workload="$w" -p covariance="$c" -wi 5 -i 5 \
      -rf json -rff "$out/$side.json" >/dev/null 2>&1
    python3 - "$out/$side.json" "$side" "$w" "$c" <<'PY'
import json, sys
runs = {r["params"]["iterations"]: r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
print("%-4s %s %-4s %.2f ms per iteration (load %s)" % (sys.argv[2], sys.argv[3], sys.argv[4],
      (runs["11"] - runs["1"]) / 10, open("/proc/loadavg").read().split()[0]))
PY
  done
done; done; done
rm -rf "$out"
