#!/usr/bin/env bash
# Latency of an assessment with suggestions against without, per sample, in-process, one thread.
# Usage: bench/suggestions.sh [seconds per sample and mode]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
java -cp "$(bench_classpath)" bench/SuggestionCost.java "${1:-2}" 2>&1 | grep -v ' INFO '
