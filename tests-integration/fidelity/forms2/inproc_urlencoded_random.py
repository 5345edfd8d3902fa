"""Seeded random urlencoded bodies (UTF-8 atoms, escapes good and bad, separators) under four
utf-8 Content-Types; form and get_form(keep_blank_values=True) per body. Run under both and
diff:  PY inproc_urlencoded_random.py SEED COUNT"""

import logging
import random
import sys

from sanic import Sanic
from sanic.compat import Header
from sanic.request import Request

logging.disable(logging.CRITICAL)
app = Sanic("Forms2Urlencoded")
rnd = random.Random(int(sys.argv[1]))
ATOMS = ["a", "=", "&", ";", "+", "%", "%2", "%20", "%3D", "%26", "%zz", "%C3%A9", "%E9", "%00",
         "é", "€", " ", "\t", "\r\n", "\ufeff", "%EF%BB%BF", "%ED%A0%80", "%F0%9F%98%80", "%25",
         "b", "[]", "\x7f", "#", "?"]
CTYPES = ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8",
          "application/x-www-form-urlencoded; charset=UTF-8",
          'application/x-www-form-urlencoded;charset="utf-8"']
for i in range(int(sys.argv[2])):
    body = "".join(rnd.choice(ATOMS) for _ in range(rnd.randint(0, 12))).encode()
    headers = Header()
    headers["content-type"] = rnd.choice(CTYPES)
    request = Request(b"/", headers, "1.1", "POST", None, app)
    request.body = body
    try:
        out = (dict(request.form), dict(request.get_form(keep_blank_values=True)))
    except Exception as exc:
        out = repr(exc)
    print(i, repr(body), out)
