REQS = [
    ("GET", "/who"),
    ("HEAD", "/who"),
    ("OPTIONS", "/who"),
    ("OPTIONS", "/who", {"Origin": "http://c.example", "Access-Control-Request-Method": "GET"}),
    ("GET", "/c", {"Origin": "http://c.example"}),
    ("GET", "/c", {"Origin": "http://x.example"}),
    ("OPTIONS", "/c", {"Origin": "http://c.example", "Access-Control-Request-Method": "GET"}),
    ("GET", "/t"),
    ("GET", "/docs"),
    ("GET", "/docs/openapi.json"),
    ("GET", "/p"),
    ("TRACE", "/p"),
]
