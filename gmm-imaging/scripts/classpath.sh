#!/bin/sh
# Prints the class path for the scripts: this worktree's gmm-imaging classes plus the jars of a private copy
# (JARS, default /tmp/imaging-jars) of gmm-core, gmm-datasets, gmm-metrics, gmm-baselines, Jackson, Smile and
# SLF4J, taken from ~/.m2 so that other builds reinstalling them mid-run do not disturb a measurement.
JARS=${JARS:-/tmp/imaging-jars}
HERE=$(cd "$(dirname "$0")/.." && pwd)
printf '%s' "$HERE/target/classes"
for j in "$JARS"/*.jar; do printf ':%s' "$j"; done
echo
