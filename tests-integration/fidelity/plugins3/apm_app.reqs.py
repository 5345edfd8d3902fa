TP = {"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
REQS = [
    ("GET", "/"), ("GET", "/users/5?debug=1", TP), ("GET", "/users/x"),
    ("POST", "/echo", {"Content-Type": "application/json"}, '{"a": 1}'),
    ("GET", "/boom"), ("GET", "/boom", {"Accept": "application/json"}), ("GET", "/missing"),
    ("GET", "/teapot"), ("GET", "/handled"), ("GET", "/bp/x/yz"), ("GET", "/view"),
    ("POST", "/view"), ("GET", "/nowhere"), ("GET", "/events"),
]
