TP = {"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
REQS = [
    ("GET", "/"), ("GET", "/items/7?x=1"), ("GET", "/items/7", TP), ("GET", "/items/x"),
    ("POST", "/echo", {"Content-Type": "text/plain"}, "hello"), ("POST", "/echo"),
    ("GET", "/missing"), ("GET", "/boom"), ("GET", "/stream"), ("GET", "/health"),
    ("GET", "/v2/bp/things/abc"), ("GET", "/view", {"User-Agent": "probe/1"}),
    ("PATCH", "/view"), ("DELETE", "/view"), ("HEAD", "/"), ("OPTIONS", "/"),
    ("GET", "/nowhere"), ("GET", "/spans"), ("GET", "/metrics"),
]
