A = {"Origin": "http://a.example"}
PF = {"Origin": "http://a.example", "Access-Control-Request-Method": "POST"}
REQS = [
 ("GET", "/"), ("GET", "/", A), ("GET", "/", {"Origin": "http://evil.example"}),
 ("HEAD", "/"), ("HEAD", "/", A), ("OPTIONS", "/"), ("OPTIONS", "/", PF),
 ("OPTIONS", "/", {"Origin": "http://a.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-custom, content-type"}),
 ("OPTIONS", "/", {"Origin": "http://a.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-nope"}),
 ("OPTIONS", "/", {"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"}),
 ("TRACE", "/", {"X-A": "1", "Authorization": "secret", "Cookie": "a=b"}),
 ("TRACE", "/multi"),
 ("POST", "/", A), ("DELETE", "/", A), ("PATCH", "/nope", A), ("GET", "/nope", A),
 ("OPTIONS", "/nope", PF),
 ("GET", "/multi", A), ("OPTIONS", "/multi", PF), ("HEAD", "/multi"), ("PUT", "/multi", A, "x"),
 ("GET", "/err", A), ("GET", "/err"), ("GET", "/crash", A), ("HEAD", "/err", A),
 ("GET", "/special", {"Origin": "http://special.example"}), ("GET", "/special", A),
 ("OPTIONS", "/special", {"Origin": "http://special.example", "Access-Control-Request-Method": "GET"}),
 ("OPTIONS", "/view", PF), ("GET", "/view", A), ("HEAD", "/view"), ("PATCH", "/view", A),
 ("OPTIONS", "/bp/x", PF), ("OPTIONS", "/bp/y/3", PF), ("HEAD", "/bp/x", A), ("GET", "/bp/y/3", A),
 ("OPTIONS", "/own-options", PF), ("OPTIONS", "/own-options"),
 ("CONNECT", "/", A), ("OPTIONS", "*"),
]
