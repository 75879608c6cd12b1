-- wrk script for POST /api/v1/evaluate (bench/http-stateless.sh sets the two variables):
--   BODY_FILE  the JSON body (three members scoring every criterion of one sheet)
--   AUTH       the Authorization header value
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTH")

-- one machine-readable line at the end: requests/s and latency percentiles in ms
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50=%.2f p90=%.2f p99=%.2f max=%.2f errors=%d non2xx=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
