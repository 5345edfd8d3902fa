REQS = [("GET", "/cfg", {"Origin": "http://env.example"}), ("GET", "/apidoc/openapi.json"), ("OPTIONS", "/cfg", {"Origin": "http://env.example", "Access-Control-Request-Method": "GET"})]
