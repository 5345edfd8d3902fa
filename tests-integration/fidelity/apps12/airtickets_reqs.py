"""``python airtickets_app.py``: the routes exist only in the main process (added in
`run()`), so the worker serves an app without routes."""

REQS = [("GET", "/search/1"), ("POST", "/search", {"Content-Type": "application/json"}, b'{"adults": 1}')]

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    'the workers import the module as `__mp_main__`, where `run()` never ran, so the app '
    "has no route: Sanic's worker fails (`Cannot finalize with no routes defined.`) and "
    'the run stops; Hurtle starts and answers 404 (listed)'
)
