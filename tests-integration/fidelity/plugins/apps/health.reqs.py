REQS = [("GET", "/"), ("GET", "/__health__"), ("GET", "/__health__/"), ("GET", "/docs/openapi.json")]
IGNORE = ["content-length"]
