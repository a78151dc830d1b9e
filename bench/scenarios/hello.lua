-- GET /v1/: the server's description, no storage involved (also the bare servlet's scenario).
require "bench"

wrk.method = "GET"
wrk.path = "/v1/"
