-- Shared by every scenario (wrk loads this module into its main Lua state and into each thread's).
-- It authenticates every request, counts non-2xx answers per thread, and on done() appends one result line
-- (scenario, requests/s, p50, p90, p99 in ms, non-2xx, socket errors) to $BENCH_RESULT; warm-up runs leave
-- BENCH_RESULT unset so they record nothing.
-- A scenario sets the static request in wrk.method/path/body/headers, or defines a global request(); it may
-- set bench.init_thread(args) and bench.on_response(status, headers, body) (which returns how many failures the
-- answer carries beyond its status, e.g. inside a batch).
local bench = {}

function bench.env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then
    error("environment variable " .. name .. " is not set (run the scenarios through bench/run.sh)")
  end
  return value
end

function bench.records(collection)
  return "/v1/buckets/" .. bench.env("BENCH_BUCKET") .. "/collections/" .. collection .. "/records"
end

-- The record id format of the setup's Layout.recordId.
function bench.record_id(n)
  return string.format("r%07d", n)
end

-- Header lookup regardless of the case the server wrote the name in.
function bench.header(headers, name)
  local wanted = name:lower()
  for key, value in pairs(headers) do
    if key:lower() == wanted then
      return value
    end
  end
  return nil
end

wrk.headers["Authorization"] = bench.env("BENCH_AUTHORIZATION")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  non2xx = 0
  math.randomseed(tid)
  if bench.init_thread then
    bench.init_thread(args)
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if bench.on_response then
    non2xx = non2xx + bench.on_response(status, headers, body)
  end
end

function done(summary, latency, requests)
  local out = os.getenv("BENCH_RESULT")
  if out == nil or out == "" then
    return
  end
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("non2xx")
  end
  local errors = summary.errors
  local file = assert(io.open(out, "a"))
  file:write(string.format("%s\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%d\n",
    bench.env("BENCH_LABEL"),
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    failures,
    errors.connect + errors.read + errors.write + errors.timeout))
  file:close()
end

return bench
