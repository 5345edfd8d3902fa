REQS = [
    ("GET", "/tpl/bob?a=7"),
    ("GET", "/tpl-resp"),
    ("GET", "/async"),
    ("GET", "/bad-tpl"),
    ("GET", "/missing"),
]
PRE = {"Access-Control-Request-Method": "POST"}
for origin in ("http://a.example", "https://x.b.example", "http://evil.example", "null", None):
    o = {"Origin": origin} if origin else {}
    REQS += [
        ("GET", "/api/1", o),
        ("OPTIONS", "/api/1", {**o, **PRE}),
        ("OPTIONS", "/api/1", {**o, "Access-Control-Request-Method": "PATCH"}),
        ("OPTIONS", "/api/1", {**o, **PRE, "Access-Control-Request-Headers": "X-One, x-other"}),
        ("OPTIONS", "/api/1", {**o, **PRE, "Access-Control-Request-Headers": "content-type"}),
        ("OPTIONS", "/nowhere", {**o, **PRE}),
        ("OPTIONS", "/tpl/z", {**o, "Access-Control-Request-Method": "GET"}),
        ("DELETE", "/api/1", o),
        ("GET", "/err", o),
        ("GET", "/deco", o),
        ("OPTIONS", "/deco", {**o, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-any"}),
    ]
REQS += [
    ("GET", "/deco", {"Origin": "http://deco.example"}),
    ("OPTIONS", "/deco", {"Origin": "http://deco.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-any"}),
    ("OPTIONS", "/api/1", {"Origin": "http://a.example"}),
    ("OPTIONS", "/api/x", {"Origin": "http://a.example", **PRE}),
]
