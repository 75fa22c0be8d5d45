#!/usr/bin/env bash
# Rough engine throughput on the sample mix (one thread, in-process).
# Usage: bench/engine.sh [seconds measured, 10] [seconds of warm-up first, 20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
java -cp "$(bench_classpath)" bench/EngineThroughput.java "${1:-10}" "${2:-20}" 2>&1 | grep -v ' INFO '
