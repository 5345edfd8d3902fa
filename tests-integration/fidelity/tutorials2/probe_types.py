"""Data types user code unpacks and mutates: request.files entries (a NamedTuple, unpacked
`type, body, name = f`), Header (add/extend/update/popall/getall, repr, dict()),
RequestParameters, and the types of request.files/form/args/headers/cookies seen by a
handler. Run by ./probes.sh under both interpreters."""

import logging

from sanic import Sanic
from sanic.compat import Header
from sanic.request import File, RequestParameters
from sanic.response import json

logging.disable(logging.CRITICAL)


def run(name, fn):
    try:
        print(name, "ok", repr(fn())[:150])
    except Exception as e:
        print(name, type(e).__name__, str(e)[:120])


f = File(type="text/plain", body=b"abc", name="a.txt")
run("file_tuple", lambda: tuple(f))
run("file_fields", lambda: File._fields)
run("file_unpack", lambda: (lambda t, b, n: (t, b, n))(*f))
run("file_repr", lambda: repr(f))
run("file_positional", lambda: File("t", b"b", "n").name)
run("file_asdict", lambda: f._asdict())
h = Header({"X-A": "1"})
run("hdr_add", lambda: (h.add("X-A", "2"), h.getall("x-a"))[1])
run("hdr_extend", lambda: (h.extend([("X-B", "3")]), list(h.items()))[1])
run("hdr_update", lambda: (h.update({"X-C": "4"}), sorted(h.keys()))[1])
run("hdr_popall", lambda: h.popall("x-a"))
run("hdr_repr", lambda: repr(Header([("a", "1"), ("a", "2")])))
run("hdr_eq_dict", lambda: Header({"a": "1"}) == {"a": "1"})
run("hdr_str", lambda: str(Header({"a": "1"})))
run("hdr_dict", lambda: dict(Header([("a", "1"), ("a", "2")])))
run("hdr_len", lambda: len(Header([("a", "1"), ("a", "2")])))
run("hdr_setdefault", lambda: Header({"a": "1"}).setdefault("b", "2"))
run("hdr_get_default", lambda: Header().get("missing", "d"))
run("hdr_getone_missing", lambda: Header().getone("missing"))
run("hdr_int_value", lambda: (lambda x: (x.__setitem__("n", 5), x["n"]))(Header())[1])
run("rp_get_default_list", lambda: RequestParameters({"a": ["1", "2"]}).get("a"))
run("rp_getlist_missing", lambda: RequestParameters().getlist("x"))
run("rp_dict", lambda: dict(RequestParameters({"a": ["1"]})))
run("rp_repr", lambda: repr(RequestParameters({"a": ["1"]})))
app = Sanic("MiscApp")


@app.post("/f")
async def f_(request):
    out = {}
    for k, v in request.files.items():
        t, b, n = v[0]
        out[k] = [t, b.decode(), n, type(v).__name__]
    return json(
        {
            "files": out,
            "form_type": type(request.form).__name__,
            "files_type": type(request.files).__name__,
            "args_type": type(request.args).__name__,
            "hdr_type": type(request.headers).__name__,
            "cookies_type": type(request.cookies).__name__,
        }
    )


_, r = app.test_client.post("/f", files={"up": ("x.txt", b"data", "text/plain")}, data={"k": "v"})
print("request types", r.json)
