"""Requests for hitcounter_app.py, run with ``--main`` (``python hitcounter_app.py``, two
workers): ten hits over separate connections, then ``/hits`` (the eleventh) and ``/who``.
Which worker answers is the kernel's choice, so only totals and key sets are compared."""

REQS = [("GET", "/hits")] * 10 + [("GET", "/hits"), ("GET", "/who")]

# Kept (README, "Real-world apps, seventeenth round"):
KEPT = (
    "Once a worker has put an item on the shared multiprocessing Queue, Sanic's main process "
    "never finishes stopping: after both `Worker complete` lines nothing more (no `Server "
    "Stopped`, no main_process_stop) until the driver's SIGKILL 15 s later (exit -9); without "
    "a put it stops at once. Hurtle stops, runs main_process_stop (which drains the queue) and "
    "exits 0. The two `Worker complete` lines come in either order (process timing)."
)
