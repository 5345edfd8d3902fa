"""``python sdut_app.py`` (debug=True): a few requests, then the stop, where the
`after_server_stop` listener calls `loop.run_until_complete` and `loop.close()` on the
running loop."""

REQS = [
    ("GET", "/"),
    ("POST", "/public/energy", {"Content-Type": "application/x-www-form-urlencoded"}, b"floor=1&room=101"),
    ("POST", "/public/energy", {"Content-Type": "application/x-www-form-urlencoded"}, b"floor=7"),
    ("GET", "/missing"),
]

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    'the `after_server_stop` listener that calls `loop.run_until_complete()` on the '
    'running loop: Hurtle logs the RuntimeError once and the stop goes on; Sanic runs the '
    'stop listeners a second time and logs nothing (listed in the listeners section)'
)
