#!/bin/sh
# Prints the class path for the scripts: this worktree's gmm-imaging classes plus the jars of a private copy
# (JARS, default /tmp/imaging-jars) of gmm-core, gmm-datasets, gmm-metrics, gmm-baselines, Jackson, Smile and
# SLF4J, taken from ~/.m2 so that other builds reinstalling them mid-run do not disturb a measurement.
# CLASSES overrides the gmm-imaging classes (e.g. a copy, so a rebuild cannot change them under a long run).
# Make the private copy once:
#   mkdir -p /tmp/imaging-jars && cp ~/.m2/repository/dev/gmm/gmm-{core,datasets,metrics,baselines}/0.1.0-SNAPSHOT/*.jar \
#     ~/.m2/repository/com/fasterxml/jackson/core/*/2.18.3/*.jar ~/.m2/repository/com/github/haifengl/smile-*/6.2.5/*.jar \
#     ~/.m2/repository/org/slf4j/slf4j-{api,nop}/2.0.17/*.jar /tmp/imaging-jars/
JARS=${JARS:-/tmp/imaging-jars}
HERE=$(cd "$(dirname "$0")/.." && pwd)
printf '%s' "${CLASSES:-$HERE/target/classes}"
for j in "$JARS"/*.jar; do printf ':%s' "$j"; done
echo
