"""``python starterkit_app.py`` (``app.run(dev=True)``: debug and the reloader's
process): a few of the .http requests, then the stop."""

REQS = [
    ("GET", "/"),
    ("GET", "/api/learner/home/"),
    ("GET", "/api/learner/practice/stream_video"),
    ("GET", "/api/learner/practice/placeholder"),
    ("GET", "/api/learner/nothing"),
]

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    "the debug 500 page of the missing file lists the framework's own frames (paths)"
)
