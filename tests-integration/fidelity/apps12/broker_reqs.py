"""``python broker_app.py``: the queues, the app and `run(workers=2)` made inside a
function of the main process."""

REQS = [
    ("GET", "/hello"),
    ("GET", "/codes/005930"),
    ("POST", "/api/realtime", {"Content-Type": "application/json"}, b'{"assets": "005930;000660"}'),
    ("DELETE", "/api/realtime"),
    ("GET", "/api/realtime"),
]

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    'both refuse to start alike (the Queue made before app.run fixed the start method); '
    "Hurtle's message adds a hint (listed)"
)
