J = {"Content-Type": "application/json"}
JA = {"Content-Type": "application/json", "Accept": "application/json"}
HA = {"Content-Type": "application/json", "Accept": "text/html"}
TA = {"Content-Type": "application/json", "Accept": "text/plain"}
F = {"Content-Type": "application/x-www-form-urlencoded"}
REQS = []
for h in (J, JA, HA, TA):
    REQS += [
        ("POST", "/dc", h, '{"name": "a", "age": 3, "inner": {"n": 1}}'),
        ("POST", "/dc", h, '{"name": "a", "age": "x", "inner": {"n": 1}}'),
        ("POST", "/dc", h, '{"name": "a", "age": 3}'),
        ("POST", "/dc", h, '{"name": "a", "age": 3, "inner": {"n": "z"}}'),
        ("POST", "/dc", h, '{"name": 5, "age": 3, "inner": {"n": 1}, "tags": [1]}'),
        ("POST", "/dc", h, "not json"),
        ("POST", "/dc", h, "[1, 2]"),
        ("POST", "/dc", h, ""),
        ("POST", "/pd", h, '{"name": "ab", "age": 0}'),
        ("POST", "/pd", h, '{"name": "abc", "age": 1}'),
        ("POST", "/fn", h, '{"ok": 2}'),
    ]
REQS += [
    ("GET", "/q?q=x&page=2&ids=1&ids=2&flag=true"),
    ("GET", "/q?q=x&page=two"),
    ("GET", "/q"),
    ("GET", "/q?q=x&ids=a"),
    ("GET", "/q?q=x&flag=maybe"),
    ("GET", "/q?q=x&q=y"),
    ("POST", "/pdq?q=z", J, '{"name": "abc", "age": 1}'),
    ("POST", "/pdq", J, '{"name": "abc", "age": 1}'),
    ("POST", "/form", F, "q=a&page=3&ids=4&ids=5"),
    ("POST", "/form", F, "page=3"),
    ("POST", "/form", J, '{"q": "a"}'),
    ("POST", "/fn", J, '{"ok": 1}'),
    ("POST", "/bp/dc", J, '{"name": "a"}'),
    ("POST", "/bp/dc", J, "{"),
]
