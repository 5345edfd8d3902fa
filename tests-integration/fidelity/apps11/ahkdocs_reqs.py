"""``python ahkdocs_app.py`` (app.run at module level, one worker process)."""
J = {"Content-Type": "application/json"}
REQS = [
    ("POST", "/api/search", J, b'{"q": "msg", "v": 1}'),
    ("POST", "/api/search", J, b'{"q": "ma", "v": 2}'),
    ("POST", "/api/search", J, b'{"q": "", "v": 2}'),
    ("POST", "/api/search", J, b'{"q": "x", "v": 3}'),
    ("POST", "/api/search", J, b'{"q": 1, "v": 2}'),
    ("POST", "/api/search", J, b'{"q": "x"}'),
    ("POST", "/api/search", J, b'null'),
    ("POST", "/api/search", J, b'[1]'),
    ("POST", "/api/search", J, b'{bad'),
    ("POST", "/api/search", {}, b''),
    ("POST", "/api/entry", J, b'{"q": "map", "v": 2}'),
    ("POST", "/api/entry", J, b'{"q": "msgbox", "v": 1}'),
    ("POST", "/api/entry", J, b'{"q": "", "v": 1}'),
    ("GET", "/api/entry"),
    ("GET", "/api/nope"),
]
