# Sourced by the in-process benchmarks: build the classes and write their classpath once (bench/run-all.sh builds
# first and sets SKIP_BUILD=1), then run a single-file program of bench/ with `java -cp "$(bench_classpath)"`.
bench_build() {
  if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/bench.classpath ]; then
    mvn -B -q -DskipTests compile
    mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
  fi
}
bench_classpath() {
  echo "target/classes:$(cat target/bench.classpath)"
}
