REQS = [("GET", "/docs/openapi.json"), ("GET", "/docs"), ("GET", "/docs/"), ("GET", "/docs/swagger"), ("GET", "/docs/redoc"), ("GET", "/docs/swagger-config"), ("HEAD", "/docs"),
  ("POST", "/pets", {"Content-Type": "application/json"}, '{"name":"a"}'), ("POST", "/pets", {"Content-Type": "application/json"}, '{"age":1}'),
  ("GET", "/docs/openapi.json?x=1")]
