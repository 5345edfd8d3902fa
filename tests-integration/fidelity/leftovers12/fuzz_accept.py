import json
import random
import sys

from sanic.headers import parse_accept

random.seed(int(sys.argv[1]))
atoms = [
    "a",
    "b",
    "*",
    "text",
    "html",
    "/",
    ";",
    "=",
    ",",
    "q",
    "Q",
    "0.5",
    "1",
    "0",
    " ",
    "\t",
    '"',
    'x="a,b"',
    "type_",
    "subtype",
    "self",
    "params",
    "**",
    "/*",
    "",
    ".",
    "-1",
    "1e0",
    "nan",
    "ü",
    "\\",
]
out = []
for _i in range(3000):
    s = "".join(random.choice(atoms) for _ in range(random.randint(0, 10)))
    try:
        r = parse_accept(s)
        res = ["ok", [str(m) for m in r], [m.q for m in r]]
        try:
            mm = r.match("a/b", "text/html", "*/*")
            res.append([str(mm), str(mm.header)])
        except Exception as e:
            res.append("mEXC " + type(e).__name__)
    except Exception as e:
        res = ["EXC", type(e).__name__]
    out.append([s, res])
json.dump(out, open(sys.argv[2], "w"))
