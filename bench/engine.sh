#!/usr/bin/env bash
# Rough engine throughput on the sample mix (one thread, in-process). Usage: bench/engine.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/bench.classpath ]; then # SKIP_BUILD=1: bench/run-all.sh built it
  mvn -B -q -DskipTests compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
java -cp "target/classes:$(cat target/bench.classpath)" bench/EngineThroughput.java "${1:-10}" 2>&1 | grep -v ' INFO '
