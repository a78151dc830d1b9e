-- PATCH a record with If-Match: its current ETag, so every request is a conditional update that must succeed.
-- Run with as many threads as connections: each thread then owns one connection and one record (patch-01 …),
-- requests and answers alternate, and the ETag of each answer is the If-Match of the next request.
-- Each thread's first request GETs its record for the current ETag (the warm-up run moved it on): 16 GETs among
-- the thousands of PATCHes measured. The record ids come from the setup ($BENCH_PATCH_ETAGS: "<id> <etag>" lines).
local bench = require "bench"

local path, etag
local counter = 0

-- wrk.format uses wrk.headers (the Authorization) when given no headers of its own: set them there.
wrk.headers["Content-Type"] = "application/json"

function bench.init_thread(args)
  local line = 0
  for text in io.lines(bench.env("BENCH_PATCH_ETAGS")) do
    line = line + 1
    if line == tid then
      path = bench.records(bench.env("BENCH_PATCHED")) .. "/" .. text:match("^(%S+) ")
    end
  end
  if path == nil then
    error("no PATCH record for thread " .. tid .. ": run with as many threads as the setup's connections")
  end
end

function request()
  if etag == nil then
    return wrk.format("GET", path)
  end
  counter = counter + 1
  wrk.headers["If-Match"] = etag
  return wrk.format("PATCH", path, nil, '{"data":{"counter":' .. counter .. '}}')
end

function bench.on_response(status, response_headers, body)
  etag = bench.header(response_headers, "ETag") or etag
  return 0
end
