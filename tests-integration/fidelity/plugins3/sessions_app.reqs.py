# Through test_client, /go's redirect is followed without the Secure cookie (plain http):
# a new random session id under both.
A = {"Cookie": "sid=aaaa1111"}
B = {"Cookie": "sid=bbbb2222; other=1"}
REQS = [
    ("GET", "/visit", A), ("GET", "/visit", A), ("GET", "/visit", B), ("GET", "/peek", A),
    ("GET", "/peek", {"Cookie": "sid=unknown"}), ("GET", "/fail", A), ("GET", "/peek", A),
    ("GET", "/go", B), ("GET", "/peek", B), ("GET", "/clear", A), ("GET", "/peek", A),
    ("GET", "/clear", {"Cookie": "sid=never"}), ("GET", "/peek", {"Cookie": 'sid="quoted"'}),
    ("GET", "/nowhere", A),
]
