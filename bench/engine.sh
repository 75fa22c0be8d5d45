#!/usr/bin/env bash
# Rough engine throughput on the sample mix (one thread, in-process). Usage: bench/engine.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:$(cat target/bench.classpath)" bench/EngineThroughput.java "${1:-10}" 2>&1 | grep -v ' INFO '
