-- wrk script: POSTs the sample bodies given after `--` in turn (each thread starts at a different one), with the
-- key from $SEI_BENCH_KEY; at the end prints one line for bench/http-load.sh to parse.
-- Usage: SEI_BENCH_KEY=... wrk -s bench/http/rotate.lua http://127.0.0.1:PORT/PATH -- samples/*.json
local requests = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count)
end

function init(args)
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-API-Key"] = os.getenv("SEI_BENCH_KEY"),
    ["Accept-Language"] = os.getenv("SEI_BENCH_LANGUAGE") or "zh-CN",
  }
  for _, file in ipairs(args) do
    local f = assert(io.open(file, "rb"))
    local body = f:read("*a")
    f:close()
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
  assert(#requests > 0, "give sample files after --")
  next_index = ((offset or 1) - 1) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
