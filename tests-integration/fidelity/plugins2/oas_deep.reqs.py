REQS = [
    ("GET", "/docs/openapi.json"),
    ("GET", "/docs/swagger-config"),
    ("GET", "/docs"),
]
