"""Seeded mutations (1-3 inserts, deletes or swaps of CRLF, dashes, the boundary, quotes...)
of one well-formed three-part multipart body, parsed through a hand-built request; one JSON
line per body. Run under both, then classify the differences:
    $S inproc_mutate.py SEED COUNT > s.jsonl; $H inproc_mutate.py SEED COUNT > h.jsonl
    python3 inproc_mutate.py --compare s.jsonl h.jsonl [-v]
"""

import json
import logging
import random
import sys

BASE = (
    b'--QQ\r\nContent-Disposition: form-data; name="a"\r\n\r\nv1\r\n'
    b'--QQ\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\nfile\r\n"
    b'--QQ\r\nContent-Disposition: form-data; name="b"\r\n\r\nv2\r\n--QQ--\r\n'
)
PIECES = [b"\r\n", b"\n", b"\r", b"--", b"-", b"QQ", b"--QQ", b"\r\n--QQ", b":", b";", b'"', b" ",
          b"=", b"name", b"x"]


def generate(seed: int, count: int) -> None:
    from sanic import Sanic
    from sanic.compat import Header
    from sanic.request import Request

    logging.disable(logging.CRITICAL)
    app = Sanic("Forms2Mutate")
    rnd = random.Random(seed)
    for i in range(count):
        body = bytearray(BASE)
        for _ in range(rnd.randint(1, 3)):
            op, pos = rnd.random(), rnd.randrange(len(body) + 1)
            if op < 0.4:
                body[pos:pos] = rnd.choice(PIECES)
            elif op < 0.8:
                del body[pos : pos + rnd.randint(1, 4)]
            else:
                body[pos : pos + 1] = rnd.choice(PIECES)
        headers = Header()
        headers["content-type"] = "multipart/form-data; boundary=QQ"
        request = Request(b"/", headers, "1.1", "POST", None, app)
        request.body = bytes(body)
        try:
            files = {k: [tuple(f) for f in v] for k, v in request.files.items()}
            out = repr((dict(request.form), files))
        except Exception as exc:
            out = repr(exc)
        print(json.dumps({"i": i, "body": bytes(body).decode("latin-1"), "out": out}))


def compare(sanic_path: str, hurtle_path: str, verbose: bool) -> None:
    counts = {"cases": 0, "alike": 0, "Sanic lost the whole form": 0,
              "the boundary string away from a delimiter (Sanic splits there)": 0,
              "no close delimiter": 0, "other": 0}
    with open(sanic_path) as s_file, open(hurtle_path) as h_file:
        for s_line, h_line in zip(s_file, h_file, strict=True):
            s, h = json.loads(s_line), json.loads(h_line)
            counts["cases"] += 1
            body = s["body"].encode("latin-1")
            if s["out"] == h["out"]:
                counts["alike"] += 1
            elif s["out"] == "({}, {})":
                counts["Sanic lost the whole form"] += 1
            elif body.count(b"QQ") != body.count(b"\r\n--QQ") + body.startswith(b"--QQ"):
                counts["the boundary string away from a delimiter (Sanic splits there)"] += 1
            elif b"\r\n--QQ--" not in body:
                counts["no close delimiter"] += 1
            else:
                counts["other"] += 1
                if verbose:
                    print(repr(body), "\n  S", s["out"], "\n  H", h["out"])
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3], "-v" in sys.argv)
    else:
        generate(int(sys.argv[1]), int(sys.argv[2]))
