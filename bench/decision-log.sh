#!/usr/bin/env bash
# Assessments per second with the decision log against without (same run), and chain verification speed.
# In-process, on a fresh embedded PostgreSQL under target/bench-postgres. Usage: bench/decision-log.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/bench.classpath ]; then # SKIP_BUILD=1: bench/run-all.sh built it
  mvn -B -q -DskipTests compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
java -cp "target/classes:$(cat target/bench.classpath)" bench/DecisionLogThroughput.java "${1:-10}" 2>&1 \
  | grep -v -E ' (INFO|WARN) |^\s*$|zonky|initdb|postgres|creating|selecting|running|performing|syncing|fixing|Success|ok$|pg_ctl|waiting|done|server|You can|enabling|Data page|The files|This user|The database|with locale'
