"""``python jwoos_app.py``: workers = the CPUs this process may run on (two here)."""

REQS = [("GET", "/"), ("GET", "/"), ("GET", "/"), ("POST", "/"), ("GET", "/x")]

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    "none but timing: under load (load average 13 on 2 cores) Hurtle's main process binds "
    "before its workers are up sooner than Sanic's, and the first request can wait past "
    "the comparer's 5 s (`<TIMEOUT>` in 1 run of 5); both answer it once a worker is "
    'ready'
)
