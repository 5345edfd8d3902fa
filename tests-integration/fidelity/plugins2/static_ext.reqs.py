ORIGIN = {"Origin": "http://a.example"}
REQS = []
for path in ("/tpl/layout.html", "/tpl/", "/tpl", "/one.html", "/idx/", "/idx", "/bp/files/layout.html", "/f", "/fs", "/tpl/nope.html"):
    REQS += [("GET", path, ORIGIN), ("HEAD", path, ORIGIN), ("OPTIONS", path, {**ORIGIN, "Access-Control-Request-Method": "GET"}), ("POST", path, ORIGIN)]
REQS += [
    ("GET", "/one.html", {"Range": "bytes=0-9", **ORIGIN}),
    ("HEAD", "/one.html", {"Range": "bytes=0-9"}),
    ("GET", "/one.html", {"Range": "bytes=500-"}),
    ("GET", "/one.html", {"If-Modified-Since": "Mon, 01 Jan 2035 00:00:00 GMT"}),
    ("HEAD", "/one.html", {"If-Modified-Since": "Mon, 01 Jan 2035 00:00:00 GMT"}),
    ("HEAD", "/f", {"Range": "bytes=0-3"}),
    ("GET", "/tpl/../static_ext.py"),
    ("GET", "/tpl/%2e%2e/static_ext.py"),
]
IGNORE = ["last-modified", "etag"]
