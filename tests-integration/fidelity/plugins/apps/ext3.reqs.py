ORIGIN = {"Origin": "http://c.example"}
PF = dict(ORIGIN, **{"Access-Control-Request-Method": "GET"})
REQS = [("GET", "/pq?q=a&n=3"), ("GET", "/pq?n=3"), ("GET", "/pq?q=a&n=x"), ("GET", "/req"), ("GET", "/dep"),
 ("OPTIONS", "/ws", PF), ("GET", "/ws", ORIGIN), ("HEAD", "/stream"), ("OPTIONS", "/stream", PF), ("GET", "/stream", ORIGIN),
 ("GET", "/filt"), ("GET", "/v1/v/a", ORIGIN), ("OPTIONS", "/v1/v/b", PF), ("HEAD", "/v1/v/a"), ("PUT", "/v1/v/a"),
 ("GET", "/docs"), ("GET", "/docs/openapi.json"), ("GET", "/hidden/", ORIGIN),
 ("GET", "/ws", {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13", "Origin": "http://c.example"}),
]
IGNORE = []
