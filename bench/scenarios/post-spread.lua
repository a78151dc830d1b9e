-- POST a new record, each request into the next of $BENCH_SPREAD_COUNT collections (spread-000 …), round robin;
-- each thread starts at its own offset.
local bench = require "bench"

local prefix = bench.env("BENCH_SPREAD_PREFIX")
local count = tonumber(bench.env("BENCH_SPREAD_COUNT"))
local body = '{"data":{"title":"posted","n":1,"group":1,"done":false}}'
local next_collection

-- wrk.format uses wrk.headers (the Authorization) when given no headers of its own: set them there.
wrk.headers["Content-Type"] = "application/json"

function bench.init_thread(args)
  next_collection = (tid * 37) % count
end

function request()
  local collection = string.format("%s%03d", prefix, next_collection)
  next_collection = (next_collection + 1) % count
  return wrk.format("POST", bench.records(collection), nil, body)
end
