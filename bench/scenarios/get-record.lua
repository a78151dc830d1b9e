-- GET one record: a random one of the small collection's records (r0000001 … r0001000).
local bench = require "bench"

local records = bench.records(bench.env("BENCH_SMALL")) .. "/"
local count = tonumber(bench.env("BENCH_SMALL_COUNT"))

function request()
  return wrk.format("GET", records .. bench.record_id(math.random(count)))
end
