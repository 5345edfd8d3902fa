"""Requests for tasks_app.py through ``apps_compare.py`` (the ``before_server_stop``
listener's log line, which ``sanic-diff`` does not show, is compared here): jobs started,
one cancelled, one left running into the stop."""

REQS = [
    ("GET", "/ticks"),
    ("POST", "/jobs/a?seconds=0.01"),
    ("POST", "/jobs/b?seconds=30"),
    ("DELETE", "/jobs/b"),
    ("POST", "/jobs/w?kind=waiter"),
    ("POST", "/jobs/d?seconds=60"),
    ("GET", "/tasks"),
]

# Kept (README, "Real-world apps, sixteenth round"):
KEPT = (
    "the stop order (listed): Sanic cancels the app's tasks before `before_server_stop`, so "
    "the listener sees none running (and the cancellation warnings come first); Hurtle "
    "cancels them after it, so it lists `job:d, job:w, ticker`."
)
