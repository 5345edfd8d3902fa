import json
from urllib.parse import quote

J = {"Content-Type": "application/json"}


def q(query, **extra):
    return json.dumps({"query": query, **extra})


B = "gqlB"
OPS = json.dumps({"query": "mutation($f: Upload!) { upload(file: $f) }", "variables": {"f": None}})
UPLOAD = (
    f"--{B}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{OPS}\r\n"
    f"--{B}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{\"0\": [\"variables.f\"]}}\r\n"
    f"--{B}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.txt\"\r\n"
    f"Content-Type: text/plain\r\n\r\nfile body\r\n--{B}--\r\n"
)
MULTI = {"Accept": "multipart/mixed;subscriptionSpec=1.0"}
REQS = [
    ("POST", "/graphql", J, q("{ hello }")),
    ("POST", "/graphql", J, q("query Q($n: String!) { hello(name: $n) }", variables={"n": "ann"})),
    ("POST", "/graphql", J, q("query A { hello } query B { items }", operationName="B")),
    ("POST", "/graphql", J, q("query A { hello } query B { items }")),
    ("POST", "/graphql?x=5", J, q("{ path }")), ("POST", "/graphql", J, q("{ teapot }")),
    ("POST", "/graphql", J, q("{ fail }")), ("POST", "/graphql", J, q("{ nope }")),
    ("POST", "/graphql", J, q("{ hello")), ("POST", "/graphql", J, "{not json"),
    ("POST", "/graphql", J, "[]"), ("POST", "/graphql", J, '{"variables": {}}'),
    ("POST", "/graphql", J, q("mutation { add(item: \"x\") }")),
    ("POST", "/graphql", {"Content-Type": "application/x-www-form-urlencoded"},
     "query=" + quote("{ hello }")),
    ("POST", "/graphql", {"Content-Type": "text/plain"}, "{ hello }"),
    ("POST", "/graphql", {"Content-Type": f"multipart/form-data; boundary={B}"}, UPLOAD),
    ("GET", "/graphql?query=" + quote("{ hello(name: \"get\") }")),
    ("GET", "/graphql?query=" + quote("query($n: String) { hello(name: $n) }")
     + "&variables=" + quote('{"n": "v"}')),
    ("GET", "/graphql?query=" + quote("mutation { add(item: \"y\") }")),
    ("GET", "/graphql?query=" + quote("{ hello }") + "&variables=notjson"),
    ("GET", "/graphql"), ("GET", "/graphql", {"Accept": "text/html"}),
    ("PUT", "/graphql", J, q("{ hello }")), ("HEAD", "/graphql?query=%7Bhello%7D"),
    ("POST", "/graphql", {**J, **MULTI}, q("subscription { count(to: 3) }")),
    ("POST", "/graphql", J, q("subscription { count(to: 2) }")),
    ("POST", "/graphql", {**J, "Accept": "text/event-stream"}, q("subscription { count(to: 2) }")),
    ("GET", "/graphql?query=" + quote("subscription { count(to: 2) }"), {"Accept": "text/event-stream"}),
    ("POST", "/graphql", {**J, **MULTI}, q("subscription { count(to: -1) }")),
    ("GET", "/ide", {"Accept": "text/html"}), ("GET", "/ide?query=%7Bhello%7D"),
    ("POST", "/ide", J, q("{ items }")),
    ("POST", "/bp/graphql", {**J, "X-Who": "me"}, q("{ custom }")),
    ("GET", "/bp/graphql?query=%7Bcustom%7D"),
]
