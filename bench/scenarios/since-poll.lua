-- A syncing client's poll: the polled collection's changes since $BENCH_SINCE (updates, creations, tombstones).
local bench = require "bench"

wrk.method = "GET"
wrk.path = bench.records(bench.env("BENCH_POLLED")) .. "?_since=" .. bench.env("BENCH_SINCE")
