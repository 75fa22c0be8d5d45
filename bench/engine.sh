#!/usr/bin/env bash
# Rough engine throughput on the sample mix (one thread, in-process). Usage: bench/engine.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
java -cp "$(bench_classpath)" bench/EngineThroughput.java "${1:-10}" 2>&1 | grep -v ' INFO '
