"""Parse times of large forms in-process (not a test: timing is compared by eye under both
interpreters):  PY perf_forms.py"""

import logging
import resource
import time

from sanic import Sanic
from sanic.compat import Header
from sanic.request import Request

logging.disable(logging.CRITICAL)
app = Sanic("Forms2Perf")
MP = "multipart/form-data; boundary=XX"
UE = "application/x-www-form-urlencoded"


def timed(name: str, body: bytes, ctype: str) -> None:
    headers = Header()
    headers["content-type"] = ctype
    request = Request(b"/", headers, "1.1", "POST", None, app)
    request.body = body
    start = time.perf_counter()
    fields = sum(len(v) for v in request.form.values())
    files = sum(len(v) for v in request.files.values())
    print(f"{name}: {time.perf_counter() - start:.2f}s fields={fields} files={files}")


FIELD = b'--XX\r\nContent-Disposition: form-data; name="k%d"\r\n\r\nv\r\n'
FILE = b'--XX\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n\r\n'
LONG_HEAD = b'--XX\r\nContent-Disposition: form-data; name="a"\r\n' + b"X: y\r\n" * 1000
timed("mp 300k distinct fields", b"".join(FIELD % i for i in range(300000)) + b"--XX--\r\n", MP)
timed("mp 300k same-name files", FILE * 300000 + b"--XX--\r\n", MP)
timed("mp one 48MB file", FILE[:-2] + b"\r\n-" * 16_000_000 + b"\r\n--XX--\r\n", MP)
timed("mp 1000 parts of 1000 head lines", (LONG_HEAD + b"\r\nv\r\n") * 1000 + b"--XX--\r\n", MP)
timed("url 1M fields", b"&".join(b"k%d=v" % i for i in range(1000000)), UE)
timed("url 9MB of escapes", b"a=" + b"%41" * 3_000_000, UE)
print("maxrss MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
