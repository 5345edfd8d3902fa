REQS = [
    ("POST", "/items/b"),
    ("POST", "/items/aa"),
    ("POST", "/items/b"),
    ("GET", "/items"),
    ("GET", "/items/aa"),
    ("GET", "/items/zz"),
    ("GET", "/events"),
]
