"""Forms in-process: hand-built requests' form/files/json, File and RequestParameters.

Run under real Sanic and under Hurtle and diff the output:
    /tmp/st-ref/bin/python inproc.py > /tmp/forms2/s.txt
    ../../../.venv/bin/python inproc.py > /tmp/forms2/h.txt
"""
# ruff: noqa: B023 (each lambda runs at once, inside its own loop step)

import copy
import json
import logging
import pickle
import sys

logging.disable(logging.CRITICAL)

from sanic import Sanic  # noqa: E402
from sanic.compat import Header  # noqa: E402
from sanic.request import File, Request, RequestParameters  # noqa: E402

out = []


def safe(fn):
    try:
        value = fn()
    except BaseException as exc:
        return f"raise {type(exc).__name__} {exc}"
    return f"{type(value).__name__} {value!r}"


def rec(name, fn):
    out.append(f"{name}: {safe(fn)}")


app = Sanic("Forms2In")


def make(body=b"", ctype=None, method="POST", cls=Request):
    headers = Header()
    if ctype is not None:
        headers["content-type"] = ctype
    req = cls(b"/form", headers, "1.1", method, None, app)
    req.body = body
    return req


# --- File
f = File(type="text/plain", body=b"x", name="a.txt")
rec("File repr", lambda: repr(f))
rec("File fields", lambda: File._fields)
rec("File positional", lambda: File("a/b", b"1", "n"))
rec("File eq tuple", lambda: f == ("text/plain", b"x", "a.txt"))
rec("File asdict", lambda: dict(f._asdict()))
rec("File pickle", lambda: pickle.loads(pickle.dumps(f)))
rec("File missing arg", lambda: File(type="a", body=b""))
rec("File defaults", lambda: File._field_defaults)
rec("File replace", lambda: f._replace(name="b"))
rec("File is tuple", lambda: isinstance(f, tuple))
rec("File len", lambda: len(f))
rec("File index 0", lambda: f[0])

# --- RequestParameters
rp = RequestParameters({"a": ["1", "2"], "e": [], "s": "xyz"})
for name, fn in [
    ("get a", lambda: rp.get("a")),
    ("get a default", lambda: rp.get("a", "d")),
    ("get missing", lambda: rp.get("zz")),
    ("get missing default", lambda: rp.get("zz", "d")),
    ("get str value", lambda: rp.get("s")),
    ("getlist a", lambda: rp.getlist("a")),
    ("getlist missing", lambda: rp.getlist("zz")),
    ("getlist missing default", lambda: rp.getlist("zz", ["d"])),
    ("getlist missing default str", lambda: rp.getlist("zz", "d")),
    ("getlist e", lambda: rp.getlist("e")),
    ("getlist s", lambda: rp.getlist("s")),
    ("[] a", lambda: rp["a"]),
    ("repr", lambda: repr(rp)),
    ("str", lambda: str(rp)),
    ("eq dict", lambda: rp == {"a": ["1", "2"], "e": [], "s": "xyz"}),
    ("copy", lambda: copy.copy(rp)),
    ("copy type", lambda: type(copy.copy(rp)).__name__),
    ("deepcopy type", lambda: type(copy.deepcopy(rp)).__name__),
    ("pickle", lambda: pickle.loads(pickle.dumps(rp))),
    ("json", lambda: json.dumps(rp)),
    ("kwargs", lambda: RequestParameters(a=["1"])),
    ("empty", lambda: RequestParameters()),
    ("get positional default kw", lambda: rp.get("zz", default="k")),
    ("getlist kw default", lambda: rp.getlist("zz", default=["k"])),
    ("or", lambda: rp | {"b": ["3"]}),
    ("or type", lambda: type(rp | {"b": ["3"]}).__name__),
    ("fromkeys type", lambda: type(RequestParameters.fromkeys(["a"])).__name__),
    ("get non-list int", lambda: RequestParameters({"n": 5}).get("n")),
    ("get None", lambda: RequestParameters({"n": None}).get("n")),
    ("get tuple", lambda: RequestParameters({"n": ("x", "y")}).get("n")),
]:
    rec("RP " + name, fn)

# --- hand-built requests
MP = "multipart/form-data; boundary=XX"
SIMPLE = (
    b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n'
    b'--XX\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\nhello\r\n--XX--\r\n"
)
cases = [
    ("url", b"a=1&b=&c", "application/x-www-form-urlencoded"),
    ("mp", SIMPLE, MP),
    ("mp blank", b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n\r\n--XX--\r\n', MP),
    ("none ctype", b"a=1", None),
    ("json ctype", b'{"a":1}', "application/json"),
    ("empty body mp", b"", MP),
    ("empty body url", b"", "application/x-www-form-urlencoded"),
]
for cname, body, ctype in cases:
    for method in ["POST", "GET"]:
        p = f"req {cname} {method} "
        r = make(body, ctype, method)
        rec(p + "content_type", lambda: r.content_type)
        rec(p + "parsed_form before", lambda: r.parsed_form)
        rec(p + "form", lambda: r.form)
        rec(p + "files", lambda: r.files)
        rec(p + "form is form", lambda: r.form is r.form)
        g = r.get_form(keep_blank_values=True)
        rec(p + "get_form kb", lambda: g)
        rec(p + "get_form is form", lambda: g is r.form)
        rec(p + "files after kb", lambda: r.files)
        rec(p + "get_form again", lambda: r.get_form())
        rec(p + "json", lambda: r.json)
        rec(p + "load_json", lambda: r.load_json())

# files read before form; form reset by hand
r = make(SIMPLE, MP)
rec("files first", lambda: r.files)
rec("then form", lambda: r.form)
r.parsed_form = None
rec("form after reset", lambda: r.form)
r.parsed_files = None
r.body = b'--XX\r\nContent-Disposition: form-data; name="z"\r\n\r\nq\r\n--XX--\r\n'
rec("files after reset+new body", lambda: r.files)
rec("form after reset+new body", lambda: r.form)

# load_json sequences
for body in [b"", b"{", b"[1]", b"null", b"0", b"false", b'""']:
    r = make(body, "application/json")
    p = f"lj {body!r} "
    rec(p + "custom", lambda: r.load_json(loads=lambda s: ["c", s]))
    rec(p + "default", lambda: r.load_json())
    rec(p + "parsed_json", lambda: r.parsed_json)
    rec(p + "json", lambda: r.json)
    r2 = make(body, "application/json")
    rec(p + "json first", lambda: r2.json)
    rec(p + "json twice", lambda: r2.json)
    rec(p + "loads str", lambda: r2.load_json(loads=lambda s: type(s).__name__))
    rec(p + "loads raising", lambda: r2.load_json(loads=lambda s: 1 / 0))
    rec(p + "parsed after raising", lambda: r2.parsed_json)
    rec(p + "loads None", lambda: r2.load_json(loads=None))

# a BadRequest's details
r = make(b"{", "application/json")
caught = None
try:
    r.load_json()
except Exception as exc:
    caught = exc
rec("bad json type", lambda: type(caught).__mro__[:3])
rec("bad json status", lambda: caught.status_code)
rec("bad json quiet", lambda: getattr(caught, "quiet", None))
rec("bad json args", lambda: caught.args)
rec("bad json cause", lambda: type(caught.__cause__).__name__)
rec("bad json context", lambda: type(caught.__context__).__name__)
rec("bad json suppress", lambda: caught.__suppress_context__)

# class-level loads
class MyReq(Request):
    pass


MyReq._loads = staticmethod(lambda s: {"mine": s})
r = make(b"[1]", "application/json", cls=MyReq)
rec("subclass _loads", lambda: r.json)

print("\n".join(out))
print("lines:", len(out), file=sys.stderr)
