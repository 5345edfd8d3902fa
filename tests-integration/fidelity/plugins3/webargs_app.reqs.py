J = {"Content-Type": "application/json"}
F = {"Content-Type": "application/x-www-form-urlencoded"}
JA = {**J, "Accept": "application/json"}
B = "wB"
MP = {"Content-Type": f"multipart/form-data; boundary={B}"}
FILE = (f"--{B}\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"d.csv\"\r\n"
        f"Content-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--{B}--\r\n")
REQS = [
    ("GET", "/query?q=x"), ("GET", "/query?q=x&n=3&ids=1,2,3"), ("GET", "/query"),
    ("GET", "/query", {"Accept": "application/json"}), ("GET", "/query", {"Accept": "text/plain"}),
    ("GET", "/query?q=x&n=abc&ids=1,x"), ("GET", "/query?q=x&extra=1"),
    ("GET", "/multi?v=a&v=b&v="), ("GET", "/multi"),
    ("POST", "/json", J, '{"name": "ann", "tags": ["a"]}'), ("POST", "/json", J, '{"name": "a", "age": -1}'),
    ("POST", "/json", JA, '{"age": "x"}'), ("POST", "/json", JA, '{"name": "ann", "zzz": 1}'),
    ("POST", "/json", JA, "{broken"), ("POST", "/json", JA, "[1, 2]"), ("POST", "/json", JA),
    ("POST", "/json", {"Content-Type": "application/vnd.api+json"}, '{"name": "vnd"}'),
    ("POST", "/json", {"Content-Type": "text/plain"}, '{"name": "txt"}'),
    ("POST", "/json", JA, b'{"name": "\xff\xfe"}'),
    ("POST", "/form", F, "name=bo&agree=true"), ("POST", "/form", F, "agree=maybe"),
    ("POST", "/form", MP, f"--{B}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nmp\r\n--{B}--\r\n"),
    ("POST", "/either", J, '{"name": "j"}'), ("POST", "/either", F, "name=f"), ("POST", "/either", F, ""),
    ("GET", "/headers", {"X-Token": "t", "Accept": "*/*"}), ("GET", "/headers"),
    ("GET", "/cookies", {"Cookie": "sid=abc; other=1"}), ("GET", "/cookies", {"Cookie": "sid=\"quoted\""}),
    ("GET", "/cookies"),
    ("GET", "/path/5/hello"), ("GET", "/path/500/hello"), ("GET", "/path/5/he%20llo"),
    ("POST", "/files", MP, FILE), ("POST", "/files", MP, f"--{B}--\r\n"),
    ("POST", "/status", J, '{"n": "x"}'), ("POST", "/status", JA, "{}"), ("POST", "/status", J, '{"n": 1}'),
    ("GET", "/parse?a=1"), ("GET", "/parse?a=b", {"Accept": "application/json"}),
    ("POST", "/people", J, '{"name": "viewer"}'), ("POST", "/people", JA, '{"name": ""}'),
    ("GET", "/people?limit=3"), ("GET", "/people?limit=x", {"Accept": "application/json"}),
    ("POST", "/bp/handled", J, '{"name": "ok"}'), ("POST", "/bp/handled", J, '{"name": 1}'),
    ("POST", "/bp/handled", J, "nope"),
]
