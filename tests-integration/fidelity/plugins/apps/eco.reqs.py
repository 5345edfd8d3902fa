REQS = [("GET", "/session"), ("GET", "/session", {"Cookie": "session=abc"}), ("GET", "/limited"), ("GET", "/limited"), ("GET", "/limited"), ("GET", "/exempt"),
 ("POST", "/things/a"), ("POST", "/things/b"), ("GET", "/things"), ("GET", "/nope"), ("GET", "/metrics")]
IGNORE = ["set-cookie"]
