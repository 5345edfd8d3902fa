REQS = [
    ("POST", "/notes/first"),
    ("POST", "/notes/second"),
    ("GET", "/notes"),
    ("GET", "/notes/2"),
    ("GET", "/notes/9"),
    ("GET", "/visit"),
    ("GET", "/visit", {"Cookie": "sid=0123456789abcdef0123456789abcdef"}),
]
IGNORE = ["set-cookie"]
