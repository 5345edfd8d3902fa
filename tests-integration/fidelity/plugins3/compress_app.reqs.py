GZ = {"Accept-Encoding": "gzip"}
DEF = {"Accept-Encoding": "deflate"}
BOTH = {"Accept-Encoding": "gzip, deflate, br"}
REQS = [
    ("GET", "/text"), ("GET", "/text", GZ), ("GET", "/text", DEF), ("GET", "/text", BOTH),
    ("GET", "/text", {"Accept-Encoding": "GZIP;q=0"}),
    ("HEAD", "/text", GZ), ("GET", "/small", GZ), ("GET", "/json", GZ),
    ("GET", "/html-vary", GZ), ("GET", "/png", GZ), ("GET", "/created", GZ),
    ("GET", "/teapot", GZ), ("GET", "/empty", GZ), ("GET", "/redirect", GZ),
    ("GET", "/file", GZ), ("HEAD", "/file", GZ), ("GET", "/file", {**GZ, "Range": "bytes=0-9"}),
    ("GET", "/stream", GZ), ("GET", "/missing", GZ),
    ("GET", "/missing", {**GZ, "Accept": "application/json"}), ("GET", "/boom", GZ),
    ("GET", "/nowhere", {**GZ, "Accept": "text/plain"}), ("POST", "/text", GZ),
    ("OPTIONS", "/text", GZ), ("GET", "/already", GZ),
    ("GET", "/dec/text"), ("GET", "/dec/text", GZ), ("GET", "/dec/text", DEF),
    ("HEAD", "/dec/text", DEF), ("GET", "/dec/json", DEF), ("GET", "/dec/small", DEF),
    ("GET", "/dec/stream", DEF), ("GET", "/dec/view", DEF),
    ("POST", "/dec/view", {**DEF, "Content-Type": "application/json"}, '{"a": [1, 2]}'),
    ("PUT", "/dec/view", DEF),
]
