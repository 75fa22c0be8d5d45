#!/usr/bin/env bash
# N synthetic loan applications for bulk screening (see bench/GenerateApplications.java).
# Usage: bench/generate.sh N out.csv|out.jsonl [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
java -cp "$(bench_classpath)" bench/GenerateApplications.java "$@"
