J = {"Content-Type": "application/json"}
ORIGIN = {"Origin": "http://x.example"}
REQS = [
 ("POST", "/items", J, '{"name":"a","price":1.5}'), ("POST", "/items", J, '{"name":"a"}'), ("POST", "/items", dict(J, **ORIGIN), 'garbage'),
 ("GET", "/thing", ORIGIN), ("GET", "/stream", ORIGIN), ("GET", "/raises", ORIGIN), ("GET", "/nope", ORIGIN),
 ("OPTIONS", "/thing", dict(ORIGIN, **{"Access-Control-Request-Method": "GET"})),
 ("POST", "/bp2/pet", J, '{"nam":1}'), ("POST", "/bp2/pet", J, '{"name":"rex"}'),
 ("GET", "/bp2/c", {"Origin": "http://only.example"}), ("GET", "/bp2/c", ORIGIN),
 ("GET", "/apidocs"), ("GET", "/apidocs/openapi.json"), ("GET", "/apidocs/swagger"), ("GET", "/docs"),
]
