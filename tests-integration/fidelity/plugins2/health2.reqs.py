# The first request waits for the worker (it may time out while sanic-ext loads);
# /hc/info lists pids and start times, which differ by nature: read it with --show.
REQS = [("GET", "/__health__"), ("GET", "/shape"), ("GET", "/__health__"), ("GET", "/hc/info")]
