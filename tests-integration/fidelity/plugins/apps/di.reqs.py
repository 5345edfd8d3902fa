REQS = [("GET", "/counter"), ("GET", "/user/7"), ("GET", "/session", {"X-H": "hv"}), ("GET", "/conn"), ("GET", "/const"), ("GET", "/view"),
 ("GET", "/tmpl/Ann"), ("GET", "/child"), ("GET", "/missing"), ("GET", "/str"), ("GET", "/env"), ("GET", "/di-debug"), ("GET", "/user/x")]
