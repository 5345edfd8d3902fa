"""``python brokerfork_app.py`` (the fork start method): the same requests as
broker_reqs.py; the consumer process prints what the handlers queue."""

REQS = [
    ("GET", "/hello"),
    ("GET", "/codes/005930"),
    ("POST", "/api/realtime", {"Content-Type": "application/json"}, b'{"assets": "005930;000660"}'),
    ("DELETE", "/api/realtime"),
    ("GET", "/api/realtime"),
]

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    "`Sanic.start_method = 'fork'` after a Queue already fixed 'fork': Sanic's main "
    'process fails (`context has already been set`, exit 1), Hurtle serves (the listed '
    'start-method item, here in the main process)'
)
