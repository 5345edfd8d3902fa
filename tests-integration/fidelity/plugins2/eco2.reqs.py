REQS = []
for origin in ("http://a.good.example", "http://x.example", "http://bad.example", None):
    o = {"Origin": origin} if origin else {}
    REQS += [
        ("GET", "/api/items/1", o),
        ("OPTIONS", "/api/items/1", {**o, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-req"}),
        ("OPTIONS", "/api/items/1", {**o, "Access-Control-Request-Method": "DELETE"}),
        ("DELETE", "/api/items/1", o),
        ("GET", "/api/nothing", o),
        ("GET", "/api/fail", o),
        ("GET", "/api/missing", o),
        ("GET", "/api/crash", o),
        ("GET", "/api/bp/x", o),
        ("GET", "/pub/x", o),
        ("OPTIONS", "/pub/x", {**o, "Access-Control-Request-Method": "GET"}),
        ("GET", "/own", {**o, "Origin": "http://own.example"} if o else o),
        ("OPTIONS", "/own", {"Origin": "http://own.example", "Access-Control-Request-Method": "GET"}),
        ("GET", "/none", o),
    ]
REQS += [("GET", "/metrics-summary")]
