-- POST a new record, each request into the next of $BENCH_SPREAD_COUNT collections (spread-000 …), round robin;
-- each thread starts at its own offset.
local bench = require "bench"

local prefix = bench.env("BENCH_SPREAD_PREFIX")
local count = tonumber(bench.env("BENCH_SPREAD_COUNT"))
local body = '{"data":{"title":"posted","n":1,"group":1,"done":false}}'
local headers = { ["Content-Type"] = "application/json" }
local next_collection

function bench.init_thread(args)
  next_collection = (tid * 37) % count
end

function request()
  local collection = string.format("%s%03d", prefix, next_collection)
  next_collection = (next_collection + 1) % count
  return wrk.format("POST", bench.records(collection), headers, body)
end
