"""``python zmqsched_app.py`` (workers=2, debug=True): the token decorator with and
without the header, a sync that finds its result, one that does not (retried once), one
whose service fails, a body that is not JSON (caught by the decorator), a GET without a
body, the path without its slash, an unknown path (the blueprint's 404 handler)."""

H = {"Content-Type": "application/json", "token": "s3cret"}
P = "/api/v1/schedule/file_sync/"
REQS = [
    ("POST", P, H, b'{"target": "10.0.0.2", "file_name": "a.conf"}'),
    ("POST", P, {"Content-Type": "application/json"}, b'{"target": "x"}'),
    ("POST", P, {**H, "token": "wrong"}, b"{}"),
    ("POST", P, H, b'{"file_name": "b.conf"}'),
    ("POST", P, H, b'{"target": "down", "file_name": "c"}'),
    ("POST", P, H, b"not json"),
    ("GET", P, {"token": "s3cret"}),
    ("POST", P.rstrip("/"), H, b'{"target": "t", "file_name": "d"}'),
    ("GET", "/nothing/here?q=1"),
    ("DELETE", P, H),
]
