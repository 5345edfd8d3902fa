"""What the loggers record while a form is parsed (logger, level, message, exception type);
one line per body. Run under both and diff."""

import logging

from sanic import Sanic
from sanic.compat import Header
from sanic.request import Request

records = []


class Keep(logging.Handler):
    def emit(self, record):
        exc = record.exc_info[0].__name__ if record.exc_info else None
        records.append((record.name, record.levelname, record.getMessage(), exc))


app = Sanic("Forms2Logs")  # (before the handlers: Sanic() sets its logging up)
for name in ("sanic.root", "sanic.error", "sanic.access", "sanic.server", "sanic.websockets"):
    lg = logging.getLogger(name)
    lg.handlers[:] = [Keep()]
    lg.setLevel(logging.DEBUG)
    lg.propagate = False
MP = "multipart/form-data; boundary=XX"
CASES = [
    ("no boundary", b"--XX\r\n", "multipart/form-data"),
    ("empty boundary", b"--XX\r\n", "multipart/form-data; boundary="),
    ("part without name", b"--XX\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XX--\r\n", MP),
    ("part without head", b"--XX\r\n\r\nv\r\n--XX--\r\n", MP),
    ("bad utf8 field", b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xff\r\n--XX--\r\n', MP),
    ("url bad utf8", b"a=\xff", "application/x-www-form-urlencoded"),
    ("url fine", b"a=1", "application/x-www-form-urlencoded"),
    ("mp fine", b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--XX--\r\n', MP),
    ("json ctype", b"{}", "application/json"),
    ("unknown charset part", b'--XX\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: text/plain; charset=bogus\r\n\r\nv\r\n--XX--\r\n', MP),
]
for cname, body, ctype in CASES:
    h = Header()
    h["content-type"] = ctype
    r = Request(b"/", h, "1.1", "POST", None, app)
    r.body = body
    records.clear()
    form = r.form
    print(cname, dict(form) if form is not None else None, records)
