REQS = [("GET", "/boom/3?a=1"), ("GET", "/teapot"), ("GET", "/ok"), ("GET", "/bp/fail"), ("GET", "/nope"), ("GET", "/events")]
