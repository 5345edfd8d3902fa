"""Seeded random multipart and urlencoded bodies, well formed (no content holds the
delimiter), parsed through hand-built requests; one line per body. Run under both
interpreters and diff:  PY inproc_random.py [COUNT] [SEED]"""

import logging
import random
import sys

logging.disable(logging.CRITICAL)

from sanic import Sanic  # noqa: E402
from sanic.compat import Header  # noqa: E402
from sanic.request import Request  # noqa: E402

app = Sanic("Forms2Random")
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)

NAME_CHARS = "abcQYZ019 _-.é€😀[]%+&=;'"  # (no "XX": Sanic splits at the bare boundary, listed)
CONTENT = [b"", b"x", b"hello world", b"\r\n", b"a\r\nb", b"\x00\xff\xfe", "é€".encode(),
           b"--X", b"-", b"=", b"%41", b"+", b" lead", b"trail ", b"\r\n\r\n", b"\t"]
CTYPES = [None, "text/plain", "application/octet-stream", "image/PNG", "text/plain; charset=utf-8",
          "text/plain; charset=iso-8859-1", "TEXT/HTML;charset=UTF-8", "application/json",
          "text/plain; format=flowed", "text/csv ; charset=utf-8"]
BOUNDARIES = ["XX", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "a" * 70, "1234", "b-o_u.n+d",
              "---------------------------9051914041544843365972754266"]


def word(n=6):
    return "".join(rnd.choice(NAME_CHARS) for _ in range(rnd.randint(1, n)))


def quoted(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def mp_body(boundary):
    parts = []
    for _ in range(rnd.randint(0, 6)):
        name = word()
        head = [f'Content-Disposition: form-data; name="{quoted(name)}"']
        is_file = rnd.random() < 0.4
        if is_file:
            head[0] += f'; filename="{quoted(word(10))}"'
        ct = rnd.choice(CTYPES)
        if ct:
            head.append(f"Content-Type: {ct}")
        if rnd.random() < 0.2:
            head.reverse()
        # (a field that is not valid UTF-8 loses Sanic the whole form: kept, not drawn)
        pool = CONTENT if is_file else CONTENT[:5] + CONTENT[6:]
        content = b"".join(rnd.choice(pool) for _ in range(rnd.randint(0, 4)))
        parts.append(b"--" + boundary.encode() + b"\r\n" + "\r\n".join(head).encode() + b"\r\n\r\n" + content + b"\r\n")
    tail = b"--" + boundary.encode() + b"--" + rnd.choice([b"", b"\r\n", b"\r\nepilogue"])
    pre = rnd.choice([b"", b"", b"preamble\r\n"])
    return pre + b"".join(parts) + tail


def ue_body():
    pieces = []
    for _ in range(rnd.randint(0, 6)):
        k = rnd.choice(["a", "b", "%C3%A9", "x+y", "", "%zz", "a%20b", "é", "k;v"])
        v = rnd.choice(["1", "", "%2B", "+", "%", "x=y", "%E2%82%AC", "€", "a%0Ab"])
        pieces.append(rnd.choice([f"{k}={v}", k, f"{k}="]))
    return rnd.choice(["&", "&&"]).join(pieces).encode()


def show(req):
    try:
        form = {k: v for k, v in req.form.items()}
        files = {k: [(f.name, f.type, f.body) for f in v] for k, v in req.files.items()}
        kb = dict(req.get_form(keep_blank_values=True))
        return f"{form!r} {files!r} {kb!r}"
    except Exception as exc:
        return f"raise {type(exc).__name__} {exc}"


for i in range(COUNT):
    if rnd.random() < 0.7:
        b = rnd.choice(BOUNDARIES)
        ctype = f"multipart/form-data; boundary={b}" if rnd.random() < 0.7 else f'multipart/form-data; boundary="{b}"'
        body = mp_body(b)
    else:
        ctype = "application/x-www-form-urlencoded"
        body = ue_body()
    h = Header()
    h["content-type"] = ctype
    req = Request(b"/", h, "1.1", "POST", None, app)
    req.body = body
    print(i, show(req))
