REQS = [("GET", "/routes"), ("GET", "/vv2/v2/users"), ("GET", "/v2/users"), ("GET", "/raise"), ("GET", "/routes")]
