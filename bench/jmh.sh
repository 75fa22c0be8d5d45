#!/usr/bin/env bash
# JMH: one assessment of each sample (parse, check, evaluate, decide, render, write) against the JSON
# parse-and-write floor on the same profile. Usage: bench/jmh.sh [extra JMH options, e.g. -f 2 -wi 5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests test-compile
mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench-test.classpath)" org.openjdk.jmh.Main \
  io.seicheck.bench.AssessmentBenchmark -rf json -rff target/jmh-result.json "$@" 2>&1 | grep -v ' INFO '
