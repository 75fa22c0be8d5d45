#!/usr/bin/env bash
# N synthetic loan applications for bulk screening (see bench/GenerateApplications.java).
# Usage: bench/generate.sh N out.csv|out.jsonl [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:$(cat target/bench.classpath)" bench/GenerateApplications.java "$@"
