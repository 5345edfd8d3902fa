REQS = [
    ("GET", "/flow"), ("GET", "/protected"), ("GET", "/protected", {"Accept": "application/json"}),
    ("GET", "/protected", {"Authorization": "Bearer x.y.z"}), ("GET", "/maybe"),
    ("GET", "/admin", {"Authorization": "Token abc"}), ("POST", "/login", {"Content-Type": "application/json"},
    '{"username": "ann", "password": "nope"}'), ("POST", "/login"),
]
