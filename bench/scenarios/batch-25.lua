-- POST /v1/batch of 25 record creations into one collection. A sub-request that fails inside the 200 batch
-- answer counts as one more non-2xx.
local bench = require "bench"

local requests = {}
for i = 1, 25 do
  requests[i] = '{"body":{"data":{"title":"batched","n":' .. i .. ',"group":' .. (i % 10) .. ',"done":false}}}'
end

wrk.method = "POST"
wrk.path = "/v1/batch"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"defaults":{"method":"POST","path":"/buckets/' .. bench.env("BENCH_BUCKET") .. '/collections/'
  .. bench.env("BENCH_BATCHED") .. '/records"},"requests":[' .. table.concat(requests, ",") .. ']}'

function bench.on_response(status, headers, body)
  local failed = 0
  for sub_status in body:gmatch('"status"%s*:%s*(%d+)') do
    local code = tonumber(sub_status)
    if code < 200 or code > 299 then
      failed = failed + 1
    end
  end
  return failed
end
