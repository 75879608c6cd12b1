-- wrk script for bench/stored.sh (the peer figure): GET /api/v1/dossiers/{id} round-robin over the prepared dossiers
-- (one id a line in the file named by the environment variable DOSSIERS), Basic auth from AUTH. Counts non-200s.
local paths = {}
local counter = 0
local errors = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 7)
  threads = threads + 1
end

function init(args)
  for line in io.lines(os.getenv("DOSSIERS")) do
    if #line > 0 then paths[#paths + 1] = "/api/v1/dossiers/" .. line .. "/evaluations" end
  end
  -- each wrk thread starts at a different dossier so connections rarely race for one chain
  counter = (offset or 0) % #paths
  wrk.headers["Authorization"] = "Basic " .. os.getenv("AUTH")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", (string.gsub(paths[counter], "/evaluations$", "")))
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests %d, %.1f/s, non-2xx/socket errors %d/%d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
