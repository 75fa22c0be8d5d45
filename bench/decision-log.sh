#!/usr/bin/env bash
# Assessments per second with the decision log against without (same run), and chain verification speed.
# In-process, on a fresh embedded PostgreSQL under target/bench-postgres. Usage: bench/decision-log.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
java -cp "$(bench_classpath)" bench/DecisionLogThroughput.java "${1:-10}" 2>&1 \
  | grep -v -E ' (INFO|WARN) |^\s*$|zonky|initdb|postgres|creating|selecting|running|performing|syncing|fixing|Success|ok$|pg_ctl|waiting|done|server|You can|enabling|Data page|The files|This user|The database|with locale'
