#!/usr/bin/env bash
# Every benchmark, one after the other, into one dated report: bench/results/<YYYY-MM-DD>-<host>.md.
# Usage: bench/run-all.sh [quick|full]   (quick: about 20 minutes on 2 cores; full: about 45)
# Every in-process and HTTP measurement starts after a warm-up of 20 s or more: the JIT takes 20-40 s to settle
# on this code (Drools generates a class per constraint as it first evaluates it), and a shorter warm-up measures
# compilation. Each JMH benchmark runs in its own JVM, so it gets its own warm-up.
# Each part's length can be set on its own (seconds unless said):
#   ENGINE_SECONDS, JMH_OPTS (JMH options), LOG_SECONDS, HTTP_SECONDS, HTTP_WARMUP, HTTP_CONNECTIONS,
#   STARTUP_RUNS (launches per variant), SUGGESTION_SECONDS; PARTS="engine jmh log http startup suggestions"
#   (a run of some parts only writes bench/results/<date>-<host>-<parts>.md).
# Needs: JDK 17, Maven, curl, wrk (installed with apt-get when missing and running as root).
# Figures from a shared or busy machine are marked as such by the load averages the report records.
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
case $mode in
  quick) d_engine=15; d_jmh="-f 1 -wi 10 -w 2 -i 5 -r 2 -p sample=industrial-robot-maker,vaccine-startup,cement-plant-new-capacity"; d_log=3; d_http=15; d_warm=30; d_runs=1; d_sugg=1 ;;
  full) d_engine=30; d_jmh="-f 1 -wi 15 -w 2 -i 10 -r 2"; d_log=10; d_http=30; d_warm=45; d_runs=5; d_sugg=2 ;;
  *) echo "usage: bench/run-all.sh [quick|full]" >&2; exit 2 ;;
esac
ENGINE_SECONDS=${ENGINE_SECONDS:-$d_engine}
JMH_OPTS=${JMH_OPTS-$d_jmh}
LOG_SECONDS=${LOG_SECONDS:-$d_log}
HTTP_SECONDS=${HTTP_SECONDS:-$d_http}
HTTP_WARMUP=${HTTP_WARMUP:-$d_warm}
HTTP_CONNECTIONS=${HTTP_CONNECTIONS:-32}
STARTUP_RUNS=${STARTUP_RUNS:-$d_runs}
SUGGESTION_SECONDS=${SUGGESTION_SECONDS:-$d_sugg}
all_parts="engine jmh log http startup suggestions"
PARTS=${PARTS:-$all_parts}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }; fi
  command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
fi

host=$(hostname -s 2>/dev/null || hostname)
day=$(date -u +%Y-%m-%d)
mkdir -p bench/results
out=bench/results/$day-$host.md
[ "$PARTS" = "$all_parts" ] || out=bench/results/$day-$host-$(tr ' ' '-' <<<"$PARTS").md # a partial run
parts_log=target/bench-run-all.log
mkdir -p target
: >"$parts_log"
began=$(date -u +%s)

section() { # title, command...: runs it, timing it, into the report; a failure is recorded, not fatal
  local title=$1; shift
  local t0=$(date -u +%s) status
  echo ">> $title: $*" | tee -a "$parts_log" >&2
  { echo; echo "## $title"; echo; echo "\`$*\` — load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; echo; } >>"$out"
  "$@" >"target/bench-part.out" 2>>"$parts_log"
  status=$?
  cat "target/bench-part.out" >>"$out"
  [ $status = 0 ] || echo "**FAILED (exit $status); see $parts_log**" >>"$out"
  echo "_took $(( $(date -u +%s) - t0 )) s_" >>"$out"
}

as_code() { # command...: its output in a code block (for plain-text reports)
  echo '```'
  "$@"
  local s=$?
  echo '```'
  return $s
}

jmh_summary() { # the JMH score table, and assess / JSON floor per sample
  # shellcheck disable=SC2086
  bench/jmh.sh $JMH_OPTS >target/jmh.out 2>&1 || { tail -20 target/jmh.out; return 1; }
  echo '```'
  sed -n '/^Benchmark /,$p' target/jmh.out
  echo '```'
  echo
  echo "| sample | assess (µs) | JSON floor (µs) | ratio |"
  echo "|---|---|---|---|"
  awk '/^AssessmentBenchmark\.(assess|jsonFloor) / { v[$2 "/" $1] = $5; s[$2] = 1 }
       END { for (k in s) printf "| %s | %.1f | %.1f | %.1f |\n", k, v[k "/AssessmentBenchmark.assess"],
             v[k "/AssessmentBenchmark.jsonFloor"], v[k "/AssessmentBenchmark.assess"] / v[k "/AssessmentBenchmark.jsonFloor"] }' \
    target/jmh.out
}

{
  echo "# SEI Check benchmarks, $day ($mode run)"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| machine | $host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) |"
  echo "| Java | $(java -version 2>&1 | head -1) |"
  echo "| commit | $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet -- . ':(exclude)bench/results' 2>/dev/null || echo ' (with local changes)') |"
  echo "| started | $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| settings | engine ${ENGINE_SECONDS} s after 20 s; JMH \`${JMH_OPTS:-as annotated}\`; log ${LOG_SECONDS} s; HTTP ${HTTP_SECONDS} s after ${HTTP_WARMUP} s, ${HTTP_CONNECTIONS} connections; start-up ${STARTUP_RUNS} launch(es) per variant; suggestions ${SUGGESTION_SECONDS} s |"
} >"$out"

mvn -B -q -DskipTests package >>"$parts_log" 2>&1 || { echo "build failed; see $parts_log" >&2; exit 1; }
export SKIP_BUILD=1
for part in $PARTS; do
  case $part in
    engine) section "Engine, in-process, one thread" as_code bench/engine.sh "$ENGINE_SECONDS" ;;
    jmh) section "JMH: one assessment against the JSON floor, in-process" jmh_summary ;;
    log) section "Decision log, in-process: with against without" as_code bench/decision-log.sh "$LOG_SECONDS" ;;
    http) section "HTTP load" env HTTP_WARMUP="$HTTP_WARMUP" bench/http-load.sh "$HTTP_SECONDS" "$HTTP_CONNECTIONS" ;;
    startup) section "Start-up" bench/startup.sh "$STARTUP_RUNS" ;;
    suggestions) section "Suggestions, in-process, one thread" as_code bench/suggestions.sh "$SUGGESTION_SECONDS" ;;
    *) echo "unknown part $part" >&2 ;;
  esac
done
{
  echo
  echo "Finished $(date -u '+%H:%M UTC') after $(( ($(date -u +%s) - began) / 60 )) min; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (above $(nproc) means other work shared the machine)."
} >>"$out"
echo "$out"
