#!/usr/bin/env bash
# HTTP load on loopback with wrk: POST /v1/assessments?suggestions=false (the sample bodies in turn, bench/http/
# rotate.lua) against POST /v1/bench/baseline in the same server, which reads the same body into the same DTO
# through the same filters (body limit, API key, rate limit) and writes an answer of the same size without
# evaluating or logging. Both exist in one jar; the baseline and the log switch only under Spring profile `bench`.
#   server 1 (profile bench):                              baseline, then assessments with the decision log
#                                                          (fsync on), then the same at half its peak rate,
#                                                          open loop (bench/ConstantRate.java)
#   server 2 (profile bench, sei.bench.decision-log=off):  baseline, then assessments with the log swapped for
#                                                          a no-op (no write, no wait for a commit)
# Ratios are taken against the baseline of the same server. Beside requests/s, which on a shared machine moves
# with whatever else runs, the CPU the server used per request (JVM plus its PostgreSQL, from /proc), which moves
# much less. wrk runs on the same 2 cores and takes its share. Prints a markdown table.
# Usage: bench/http-load.sh [seconds per measurement, 20] [wrk connections, 32]
# Env: HTTP_WARMUP (s per endpoint, 10), HTTP_JVM_OPTS (e.g. a JFR recording), HTTP_PORT, SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-32}
warm=${HTTP_WARMUP:-10}
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -DskipTests package
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
jar=$PWD/target/sei-check.jar
work=$PWD/target/bench-http/$(date +%Y%m%d-%H%M%S)
mkdir -p "$work"
port=${HTTP_PORT:-18090}
samples=(samples/*.json)
assess="/v1/assessments?suggestions=false"
baseline="/v1/bench/baseline?suggestions=false"
hz=$(getconf CLK_TCK)
pid=""

stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap stop EXIT

start() { # log name, extra service arguments...
  local name=$1; shift
  # shellcheck disable=SC2086
  java ${HTTP_JVM_OPTS:-} -jar "$jar" --spring.profiles.active=bench --server.port=$port \
    --sei.data-dir="$work/data" "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ] && return
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "service did not get ready" >&2; exit 1
}

key() { # a FIRM key allowed 1,000,000 requests a minute (the default limit would answer 429 under load)
  local admin; admin=$(cat "$work/data/admin.key")
  curl -s -H "X-API-Key: $admin" -H 'Content-Type: application/json' \
    --data '{"tenant":"bench","roles":["FIRM"],"name":"http load","rateLimit":1000000}' \
    "http://127.0.0.1:$port/v1/keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p'
}

check() { # every sample answers 200 on a path, or the load would measure errors
  local f code
  for f in "${samples[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $SEI_BENCH_KEY" -H 'Content-Type: application/json' \
      --data-binary @"$f" "http://127.0.0.1:$port$1")
    [ "$code" = 200 ] || { echo "$f on $1: HTTP $code" >&2; exit 1; }
  done
}

cpu_ticks() { # CPU used so far by the service and its PostgreSQL (postmaster and backends), in clock ticks
  local pm p total=0
  pm=$(head -1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)
  for p in $pid $pm $([ -n "$pm" ] && pgrep -P "$pm"); do
    [ -r "/proc/$p/stat" ] && total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo $total
}

load() { # path, seconds, connections; prints wrk's RESULT line and the server's CPU ms per request
  local before after line n
  before=$(cpu_ticks)
  line=$(wrk -t2 -c"$3" -d"$2s" --timeout 10s -s bench/http/rotate.lua "http://127.0.0.1:$port$1" -- "${samples[@]}" \
    | grep '^RESULT')
  after=$(cpu_ticks)
  n=$(field "$line" requests)
  echo "$line cpu_ms=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

row() { # label, RESULT line, baseline RESULT line or empty
  local ratio="—" cpu_ratio=""
  if [ -n "$3" ]; then
    ratio=$(awk -v a="$(field "$2" rps)" -v b="$(field "$3" rps)" 'BEGIN { printf "%.2f", a / b }')
    cpu_ratio=$(awk -v a="$(field "$2" cpu_ms)" -v b="$(field "$3" cpu_ms)" 'BEGIN { printf " (×%.1f)", a / b }')
  fi
  printf '| %s | %.0f | %s | %s%s | %s | %s | %s | %s |\n' "$1" "$(field "$2" rps)" "$ratio" "$(field "$2" cpu_ms)" \
    "$cpu_ratio" "$(field "$2" p50_ms)" "$(field "$2" p90_ms)" "$(field "$2" p99_ms)" \
    $(( $(field "$2" non2xx) + $(field "$2" socket_errors) ))
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "### HTTP load: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), ${conns} connections, 2 threads, ${secs} s per run after ${warm} s warm-up, ${#samples[@]} sample bodies in turn"
echo
echo "| run | requests/s | ratio to baseline | server CPU ms/request (× baseline) | p50 ms | p90 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|---|---|"

start logged
SEI_BENCH_KEY=$(key); export SEI_BENCH_KEY
check "$baseline"; check "$assess"
load "$baseline" "$warm" "$conns" >/dev/null
load "$assess" "$warm" "$conns" >/dev/null
b1=$(load "$baseline" "$secs" "$conns")
row "baseline: parse, same-size answer" "$b1" ""
l1=$(load "$assess" "$secs" "$conns")
row "assessment, decision log on" "$l1" "$b1"
half=$(awk -v r="$(field "$l1" rps)" 'BEGIN { printf "%.0f", r / 2 }')
c1=$(java bench/ConstantRate.java "http://127.0.0.1:$port$assess" "$half" "$warm" "$secs" "$conns" "${samples[@]}")
printf '| assessment, decision log on, constant %s/s (half of peak, open loop) | %.0f | — | — | %s | %s | %s | %s |\n' \
  "$half" "$(field "$c1" rps)" "$(field "$c1" p50_ms)" "$(field "$c1" p90_ms)" "$(field "$c1" p99_ms)" "$(field "$c1" non2xx)"
stop

start unlogged --sei.bench.decision-log=off
SEI_BENCH_KEY=$(key); export SEI_BENCH_KEY
check "$assess"
load "$baseline" "$warm" "$conns" >/dev/null
load "$assess" "$warm" "$conns" >/dev/null
b2=$(load "$baseline" "$secs" "$conns")
row "baseline, second server" "$b2" ""
u2=$(load "$assess" "$secs" "$conns")
row "assessment, decision log off (bench profile only)" "$u2" "$b2"
stop
echo
echo "Constant rate, counted requests only: $(sed 's/^RESULT //' <<<"$c1") (latency from when each request was due)."
echo "Load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg) (2 cores). Server logs: $work"
