#!/usr/bin/env bash
# Start-up: time from `java` to the first successful assessment (POST /v1/assessments, 200), the service against
# a bare Spring Boot app, each on an existing data folder (a first launch, not counted, makes it: initdb,
# migrations, admin key). Median of N launches, in three ways: the fat jar as built; the same with a dynamic
# AppCDS archive from a training run (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile), which holds the JDK's
# and the launcher's classes only (the fat jar's own class loader is not archived); and the jar extracted
# (java -Djarmode=tools extract) with a static AppCDS archive of every class the training run loaded
# (-XX:DumpLoadedClassList, then -Xshare:dump), application classes included but not lambda proxies: JDK 17
# crashed here dumping those of the extracted service, dynamically or statically (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary).
#
# The bare app is io.seicheck.bench.BareApplication in the same jar: the same classpath, so the same
# auto-configuration (Tomcat, Spring MVC, Security, Actuator, springdoc, Jackson, validation, Hikari, Flyway),
# the same embedded PostgreSQL with the same migrations and first admin key, and the same API-key filter chain;
# its POST /v1/assessments reads the body strictly into the same DTO and answers. What it leaves out is exactly
# what the service adds: compiling and warming the rule sets, catalogues, the decision log and its archive. A
# separate minimal project would differ in dependencies and say less; a profile inside the service would need
# conditions on every policy bean. The ratio therefore reads "what our start-up work costs on top of the stack".
#
# Also reported: launch to readiness (/actuator/health/readiness 200) and from readiness to the first answer,
# which shows whether the warm-up before readiness (AssessmentService.warmUp, an empty profile evaluated under
# every rule set while the context starts) leaves the first caller much to pay.
# Usage: bench/startup.sh [launches per variant, 3]   Env: SKIP_BUILD=1, STARTUP_PORT
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -DskipTests package
jar=$PWD/target/sei-check.jar
sample=$PWD/samples/ic-designer.json
work=$PWD/target/bench-startup/$(date +%Y%m%d-%H%M%S)
mkdir -p "$work"
java -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" >/dev/null
port=${STARTUP_PORT:-18089}
pid=""
stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap stop EXIT
cd "$work"

command_of() { # app (service|bare), layout (jar|extracted): the java arguments after the JVM options
  case "$1/$2" in
    service/jar) echo "-jar $jar" ;;
    bare/jar) echo "-Dloader.main=io.seicheck.bench.BareApplication -cp $jar org.springframework.boot.loader.launch.PropertiesLauncher" ;;
    service/extracted) echo "-cp $work/extracted/sei-check.jar io.seicheck.SeiCheckApplication" ;;
    bare/extracted) echo "-cp $work/extracted/sei-check.jar io.seicheck.bench.BareApplication" ;;
  esac
}

now() { date +%s%N; }

launch() { # app, layout, extra JVM options...; prints "launch-to-ready-ms launch-to-first-answer-ms"
  local app=$1 layout=$2; shift 2
  local start ready code="" key=""
  start=$(now)
  # shellcheck disable=SC2046
  java "$@" $(command_of "$app" "$layout") --server.port=$port --sei.data-dir="$work/$app-data" \
    >"$work/$app.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$app exited" >&2; tail -5 "$work/$app.log" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(now)
  key=$(cat "$work/$app-data/admin.key")
  until [ "$code" = 200 ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-API-Key: $key" \
      --data-binary @"$sample" "http://127.0.0.1:$port/v1/assessments?suggestions=false")
    [ "$code" = 200 ] || { kill -0 "$pid" 2>/dev/null || exit 1; sleep 0.02; }
  done
  echo "$(( (ready - start) / 1000000 )) $(( ($(now) - start) / 1000000 ))"
  stop
}

median_of() { # app, layout, JVM options...: median of $runs launches, "ready first"
  local i
  for i in $(seq 1 "$runs"); do launch "$@"; done | sort -n -k2 | sed -n "$(( (runs + 1) / 2 ))p"
}

declare -A result
for app in service bare; do
  launch "$app" jar >/dev/null # first start: initdb, migrations, first admin key
  result[$app/jar]=$(median_of "$app" jar)
  launch "$app" jar -XX:ArchiveClassesAtExit="$work/$app-jar.jsa" >/dev/null
  result[$app/jar-cds]=$(median_of "$app" jar -XX:SharedArchiveFile="$work/$app-jar.jsa")
  launch "$app" extracted -XX:DumpLoadedClassList="$work/$app.classlist" >/dev/null
  # Without the lambda proxies: JDK 17 crashed dumping the service's (SIGSEGV, adjust_lambda_proxy_class_dictionary).
  grep -v '^@lambda-proxy' "$work/$app.classlist" >"$work/$app-no-lambdas.classlist"
  java -Xshare:dump -XX:SharedClassListFile="$work/$app-no-lambdas.classlist" -XX:SharedArchiveFile="$work/$app-extracted.jsa" \
    -cp "$work/extracted/sei-check.jar" >"$work/$app-dump.log" 2>&1
  result[$app/extracted-cds]=$(median_of "$app" extracted -XX:SharedArchiveFile="$work/$app-extracted.jsa")
done

echo "### Start-up: launch to first answer, median of $runs launches on an existing data folder"
echo
echo "| variant | service: ready / first assessment (ms) | bare app: ready / first answer (ms) | ratio (first answer) | service: ready → first assessment (ms) |"
echo "|---|---|---|---|---|"
for v in jar jar-cds extracted-cds; do
  read -r sr sf <<<"${result[service/$v]}"
  read -r br bf <<<"${result[bare/$v]}"
  case $v in
    jar) label="fat jar (java -jar)" ;;
    jar-cds) label="fat jar + AppCDS archive" ;;
    extracted-cds) label="extracted jar + static AppCDS archive" ;;
  esac
  printf '| %s | %s / %s | %s / %s | %s | %s |\n' "$label" "$sr" "$sf" "$br" "$bf" \
    "$(awk -v a="$sf" -v b="$bf" 'BEGIN { printf "%.2f", a / b }')" $((sf - sr))
done
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores). Logs and archives: $work"
