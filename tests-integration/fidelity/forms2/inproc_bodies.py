"""request.body set by the app to something other than bytes (str, bytearray, memoryview,
None, an int), then form/files/json; one line each. Run under both and diff."""

import logging

from sanic import Sanic
from sanic.compat import Header
from sanic.request import Request

logging.disable(logging.CRITICAL)
app = Sanic("Forms2Bodies")
UE = "application/x-www-form-urlencoded"
MP = "multipart/form-data; boundary=XX"
SIMPLE = b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XX--\r\n'
CASES = [
    (UE, "a=1"), (UE, bytearray(b"a=1")), (UE, memoryview(b"a=1")), (UE, None),
    (MP, SIMPLE.decode()), (MP, bytearray(SIMPLE)), (MP, memoryview(SIMPLE)), (MP, None),
    ("application/json", "[1]"), ("application/json", bytearray(b"[1]")),
    ("application/json", None), ("application/json", memoryview(b"[1]")), ("application/json", 5),
]


def safe(fn):
    try:
        value = fn()
    except BaseException as exc:
        return f"raise {type(exc).__name__} {exc}"
    return f"{type(value).__name__} {value!r}"


for ctype, body in CASES:
    headers = Header()
    headers["content-type"] = ctype
    request = Request(b"/", headers, "1.1", "POST", None, app)
    request.body = body
    print(
        ctype[:12],
        type(body).__name__,
        "form", safe(lambda r=request: r.form),
        "files", safe(lambda r=request: r.files),
        "json", safe(lambda r=request: r.json),
    )
