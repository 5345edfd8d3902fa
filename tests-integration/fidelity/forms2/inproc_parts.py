"""Part heads in depth, through hand-built requests (one line each); run under both and diff."""

import logging

logging.disable(logging.CRITICAL)

from sanic import Sanic  # noqa: E402
from sanic.compat import Header  # noqa: E402
from sanic.request import Request  # noqa: E402

app = Sanic("Forms2Parts")


def parse(body, ctype="multipart/form-data; boundary=XX"):
    h = Header()
    h["content-type"] = ctype
    r = Request(b"/", h, "1.1", "POST", None, app)
    r.body = body
    try:
        return f"{dict(r.form)!r} {({k: [tuple(f) for f in v] for k, v in r.files.items()})!r}"
    except Exception as exc:
        return f"raise {type(exc).__name__} {exc}"


def one(*head, content=b"v"):
    return b"--XX\r\n" + b"".join(h + b"\r\n" for h in head) + b"\r\n" + content + b"\r\n--XX--\r\n"


HEADS = [
    b'Content-Disposition: form-data; name="a"; filename*=UTF-8\'\'',
    b'Content-Disposition: form-data; name="a"; filename*=utf-8\'en\'%C3%A9.txt',
    b"Content-Disposition: form-data; name=\"a\"; filename*0=\"ab\"; filename*1=\"cd.txt\"",
    b"Content-Disposition: form-data; name*=UTF-8''%C3%A9",
    b'Content-Disposition: form-data; NAME="a"; FILENAME="U.TXT"',
    b'Content-Disposition: form-data; name = "a"',
    b'Content-Disposition: form-data;; name="a";',
    b'Content-Disposition: form-data ; name="a" ; filename="b"',
    b'Content-Disposition: inline; name="a"',
    b'Content-Disposition: name="a"',
    b'Content-Disposition: form-data; name="a"; filename=b.txt',
    b'Content-Disposition: form-data; name="a"; filename=',
    b'Content-Disposition: form-data; name="a"; filename="/etc/passwd"',
    b'Content-Disposition: form-data; name="a"; filename="C:\\\\x\\\\y.txt"',
    b'Content-Disposition: form-data; name="a"; filename="a\\\\b"',
    b'Content-Disposition: form-data; name="a"; filename="\xc3\xa9.txt"',
    b'Content-Disposition: form-data; name="a"; filename="\xe9.txt"',
    b'Content-Disposition: form-data; name="\xc3\xa9"',
    b'Content-Disposition: form-data; name="a"; filename="a"; filename="b"',
    b'Content-Disposition: form-data; name="a"; filename="  spaced  "',
    b'Content-Disposition: form-data; name=" a "',
    b'Content-Disposition: form-data; name="a\tb"',
    b'Content-Disposition : form-data; name="a"',
    b'Content-Disposition:\tform-data; name="a"',
    b'Content-Disposition: form-data; name="a',
    b'Content-Disposition: form-data; name=a"b"',
    b'Content-Disposition: form-data; name="a"b',
    b"Content-Disposition: form-data; name='a'",
    b'Content-Disposition: form-data; name="a"; size=3',
    b'Content-Disposition: form-data; name="a"; filename="x"; creation-date="Wed, 12 Feb 1997"',
]
for h in HEADS:
    print(repr(h), parse(one(h)))
for ct in [
    b"Content-Type: multipart/mixed; boundary=YY",
    b"Content-Type: text/plain;charset=",
    b'Content-Type: text/plain; charset="iso-8859-1"',
    b"Content-Type: text/plain; charset=latin-1; charset=utf-8",
    b"Content-Type:   image/png   ",
    b"Content-Type: ;",
    b"Content-Type: text/plain; name=x",
    b"content-type: APPLICATION/Octet-Stream",
]:
    print(repr(ct), parse(one(b'Content-Disposition: form-data; name="f"; filename="x"', ct, content=b"\xe9")))
    print(repr(ct), "field", parse(one(b'Content-Disposition: form-data; name="f"', ct, content=b"\xc3\xa9")))
NESTED = (
    b'--XX\r\nContent-Disposition: form-data; name="files"\r\nContent-Type: multipart/mixed; boundary=YY\r\n\r\n'
    b'--YY\r\nContent-Disposition: file; filename="1.txt"\r\n\r\none\r\n--YY--\r\n--XX--\r\n'
)
print("nested", parse(NESTED))
for b in [b"a" * 71, b"x" * 1000]:
    print("boundary", len(b), parse(one(b'Content-Disposition: form-data; name="a"').replace(b"XX", b), "multipart/form-data; boundary=" + b.decode()))

# delimiter lines: padding, close delimiter shapes, CR/LF mixes
P = b'Content-Disposition: form-data; name="a"\r\n\r\n1\r\n'
Q = b'Content-Disposition: form-data; name="b"\r\n\r\n2\r\n'
FRAMES = [
    b"--XX \r\n" + P + b"--XX\t\r\n" + Q + b"--XX--",
    b"--XX\r\n" + P + b"--XX-- \r\n",
    b"--XX\r\n" + P + b"--XX--junk\r\n",
    b"--XX\r\n" + P + b"--XX--\r\n--XX\r\n" + Q + b"--XX--",
    b"--XX\r\n" + P + b"--XX-\r\n" + Q + b"--XX--",
    b"--XX\r\n" + P + b"--XXjunk\r\n" + Q + b"--XX--",
    b"--XX\n" + P + b"--XX\r\n" + Q + b"--XX--",
    b"--XX\r\n" + P[:-2] + b"\n--XX\r\n" + Q + b"--XX--",
    b"\r\n\r\n--XX\r\n" + P + b"--XX--",
    b"junk--XX\r\n" + P + b"--XX--",
    b"--XX\r\n" + P + b"--XX\r\n" + b"--XX--",
    b"--XX\r\n" + P + b"--XX\r\n\r\n--XX--",
    b"--XX\r\n" + P + b"--XX\r\n\r\n\r\n--XX--",
    b"--XX\r\n" + P,
    b"--XX\r\n" + P[:-2],
    b"--XX--\r\n" + b"--XX\r\n" + P + b"--XX--",
    b"--XX\r\n" + P + b"--XX--" + b"\r\n" * 3,
    b"--XX\r\n\r\n" + P + b"--XX--",
    b"--XX\r\n" + P.replace(b"\r\n\r\n", b"\r\n \r\n") + b"--XX--",
]
for body in FRAMES:
    print("frame", repr(body), parse(body))
