-- wrk script of the benchmark harness: an optional POST body (BENCH_BODY_SIZE bytes) and
-- one machine-readable summary line ("BENCH_JSON {...}") printed when the run is done.
local body_size = tonumber(os.getenv("BENCH_BODY_SIZE") or "0")
if body_size > 0 then
  wrk.method = "POST"
  wrk.body = string.rep("x", body_size)
  wrk.headers["Content-Type"] = "application/octet-stream"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, ' ..
    '"p50_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.mean, latency.max))
end
