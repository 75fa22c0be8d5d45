#!/usr/bin/env bash
# Start-up: time from `java -jar` to the first successful assessment (embedded PostgreSQL on an existing data
# folder, Flyway, rules compiled and warmed), median of 3 launches; then the same with an AppCDS archive made
# by a training run. Usage: bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
jar="$PWD/target/sei-check.jar"
work=$(mktemp -d)
trap 'pkill -f "$jar" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
port=18089
sample="$OLDPWD/samples/ic-designer.json"

launch() { # extra JVM options...; prints milliseconds to the first 200
  local start end code key
  start=$(date +%s%N)
  java "$@" -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
  local pid=$!
  while true; do
    key=$(cat data/admin.key 2>/dev/null || true)
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' ${key:+-H "X-API-Key: $key"} \
      --data-binary @"$sample" "http://127.0.0.1:$port/v1/assessments" || true)
    [ "$code" = "200" ] && break
    kill -0 $pid 2>/dev/null || { echo "service exited" >&2; tail -5 "$work/app.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | sed -n 2p; }

launch >/dev/null # first start: initdb, migrations, first admin key
plain=$( (launch; launch; launch) | median)
launch -XX:ArchiveClassesAtExit="$work/app.jsa" >/dev/null # training run writes the class archive on exit
cds=$( (launch -XX:SharedArchiveFile="$work/app.jsa"; launch -XX:SharedArchiveFile="$work/app.jsa"; \
        launch -XX:SharedArchiveFile="$work/app.jsa") | median)
echo "launch to first assessment, median of 3: ${plain} ms; with an AppCDS archive: ${cds} ms"
