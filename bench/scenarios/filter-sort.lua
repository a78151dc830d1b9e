-- A filtered and sorted page of the small collection ($BENCH_FILTER_SORT_QUERY, e.g. in_group=2,3&_sort=-n&_limit=100).
local bench = require "bench"

wrk.method = "GET"
wrk.path = bench.records(bench.env("BENCH_SMALL")) .. "?" .. bench.env("BENCH_FILTER_SORT_QUERY")
