J = {"Content-Type": "application/json"}
REQS = [
    ("GET", "/routes"),
    ("GET", "/cars/3"), ("POST", "/cars/", J, "{}"), ("GET", "/things/a/b/2024-01-02"),
    ("GET", "/re/ABC"), ("GET", "/garage"), ("GET", "/v1/shop/items/5b3c7e4e-5a8d-4f7e-9c1b-0d9a0b1c2d3e"),
    ("GET", "/fast/items/5?q=x"), ("GET", "/fast/items/x"), ("GET", "/fast/items/5?q=a&q=b"),
    ("POST", "/fast/items", J, '{"name": "pen", "price": 2.5}'),
    ("POST", "/fast/items", J, '{"name": "p", "price": -1}'), ("POST", "/fast/items", J, "{bad"),
    ("POST", "/fast/items"), ("GET", "/fast/fail"), ("GET", "/fast/openapi.json"),
]
