"""kiki_app.py under the ``sanic`` command line as run.sh starts it (two workers, no
access log, motd or coffee, no noisy exceptions), then requests: the shared response
three times (on one connection too), the blueprints under /api, an error page in the
configured JSON format, a 500 whose log the flags decide."""

CMD = ["-m", "sanic", "--host", "127.0.0.1", "--port", "{port}", "--no-access-logs", "--no-coffee",
       "--no-motd", "--no-noisy-exceptions", "--workers", "2", "kiki_app:app"]
REQS = [
    ("GET", "/"),
    ("GET", "/"),
    ("GET", "/api/"),
    ("GET", "/api/example/"),
    ("GET", "/api/example"),
    ("GET", "/api/example/fail"),
    ("GET", "/api/example/crash"),
    ("GET", "/config"),
    ("GET", "/"),
]
