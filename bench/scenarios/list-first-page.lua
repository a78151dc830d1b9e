-- The first page of 100 records of $BENCH_COLLECTION, in the default order (newest first).
local bench = require "bench"

wrk.method = "GET"
wrk.path = bench.records(bench.env("BENCH_COLLECTION")) .. "?_limit=100"
