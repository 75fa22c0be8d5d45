#!/usr/bin/env bash
# Latency of an assessment with suggestions against without, per sample, in-process, one thread.
# Usage: bench/suggestions.sh [seconds per sample and mode]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/bench.classpath ]; then # SKIP_BUILD=1: bench/run-all.sh built it
  mvn -B -q -DskipTests compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
java -cp "target/classes:$(cat target/bench.classpath)" bench/SuggestionCost.java "${1:-2}" 2>&1 | grep -v ' INFO '
