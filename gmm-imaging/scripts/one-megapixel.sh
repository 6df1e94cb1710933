#!/bin/sh
# The 1-megapixel side-by-side of issue 8: gmm (K = 8, full, k-means start, to convergence) warm and cold,
# and scikit-learn 1.2 on the same pixels, with the machine's load logged before each step.
#   gmm-imaging/scripts/one-megapixel.sh [OUTDIR]   (default /work/imaging-results), from the repository root
# Needs the private jar copy of classpath.sh and gmm-imaging built (mvn -o install -pl gmm-imaging).
set -e
OUT=${1:-/work/imaging-results}
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CP=$("$HERE/classpath.sh")
run_java() { "$JAVA" --add-modules jdk.incubator.vector -cp "$CP" "$HERE/OneMegapixelTiming.java" "$@" 2>&1 | grep -v '^WARNING: Using incubator'; }
[ -f "$OUT/flower-1mp-f64.bin" ] || run_java prepare /work/shared/datasets/images/flower.jpg "$OUT"
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== gmm, warm JVM (one warm-up fit, then 3 timed fits), all cores"
run_java time "$OUT/flower-1mp.png" --warm --repeat 3
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== gmm, warm JVM, 1 thread"
run_java time "$OUT/flower-1mp.png" --warm --repeat 2 --threads 1
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== gmm, cold JVM (first fit of a fresh process; process wall time below)"
/usr/bin/time -f "process wall %e s (JVM start, source compile, image read, fit)" "$JAVA" --add-modules jdk.incubator.vector \
    -cp "$CP" "$HERE/OneMegapixelTiming.java" time "$OUT/flower-1mp.png" 2>&1 | grep -v '^WARNING: Using incubator'
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== scikit-learn, default threads"
/usr/bin/python3 "$HERE/sklearn_1mp.py" "$OUT/flower-1mp-f64.bin" 1
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== scikit-learn, one thread (OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1)"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$HERE/sklearn_1mp.py" "$OUT/flower-1mp-f64.bin" 1
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
