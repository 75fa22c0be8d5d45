#!/usr/bin/env bash
# Bulk screening end to end with the CLI (upload read into the database, rows decided and logged in chunks,
# results written), on a generated file, with the heap capped at 512 MB; then the same pipeline with a
# do-nothing rule set (the catalogue and messages of sei-2020, no rules) as the floor, and the ratio.
# Each run gets a fresh embedded PostgreSQL under target/bench-screening/. Usage: bench/screening.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
. bench/lib.sh
work=target/bench-screening
rm -rf "$work"; mkdir -p "$work"
java -cp "$(bench_classpath)" bench/GenerateApplications.java "$rows" "$work/applications.csv" 42
# The floor: the same rule set less its rules, so rows are read, checked, "decided", logged and written alike.
mkdir -p "$work/floor-rules/floor"
cp -r rules/sei-2020/catalogue rules/sei-2020/messages "$work/floor-rules/floor/"
sed 's/^id: .*/id: floor/' rules/sei-2020/ruleset.yaml > "$work/floor-rules/floor/ruleset.yaml"
cat > "$work/floor-rules/floor/floor.drl" <<'DRL'
package io.seicheck.rules.floor;

import io.seicheck.rules.facts.*;

// The benchmark floor: one rule that never fires (a rule set needs one).
rule "Never"
    @id("FLOOR-NEVER") @doc("none (benchmark floor)") @article("-") @verified(false)
when
    Profile(employees == -1)
then
end
DRL

run() { # name, extra env...
  local name=$1; shift
  env "$@" java -Xmx512m -jar target/sei-check.jar screen "$work/applications.csv" --out "$work/$name-results.csv" \
    --as-of 2026-06-30 --data "$work/$name-data" | tee "$work/$name.txt"
}
echo "== with the rules (sei-2020), decision log on"
run rules
echo "== floor: no rules, decision log on"
run floor SEI_RULES_PATH="$work/floor-rules"
rate() { sed -n 's/.*(\([0-9,]*\) rows\/s).*/\1/p' "$work/$1.txt" | tr -d ,; }
echo "rows/s with rules: $(rate rules); floor: $(rate floor); ratio: $(awk "BEGIN { printf \"%.2f\", $(rate rules) / $(rate floor) }")"
