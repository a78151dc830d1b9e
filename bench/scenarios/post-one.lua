-- POST a new record into one collection (the server assigns the id).
local bench = require "bench"

wrk.method = "POST"
wrk.path = bench.records(bench.env("BENCH_POSTS"))
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"data":{"title":"posted","n":1,"group":1,"done":false}}'
