"""request.cookies as a mapping, beyond cookies2/: run under both interpreters and diff.

/tmp/st-ref/bin/python probe_req_api.py > /tmp/s.txt
.venv/bin/python probe_req_api.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

from __future__ import annotations

import copy
import pickle
import re

from sanic.cookies.request import CookieRequestParameters, parse_cookie


def fmt(v):
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", repr(v))


def show(label, fn):
    try:
        out = fn()
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {type(out).__name__} {fmt(out)}")


def c(raw="a=1; a=2; b=3; __Host-h=4; __Secure-s=5"):
    return CookieRequestParameters(parse_cookie(raw))


RAWS = [
    "a=1",
    "a=1; a=2",
    'a="x\\"y"',
    "a=b=c",
    " a = 1 ; b = 2 ",
    "=x",
    "a=",
    "a",
    ";;a=1;;",
    "a=1,b=2",
    "a=\x00",
    "a=\x7f",
    "a=é",
    "a b=1",
    "a\tb=1",
    "$a=1",
    'a=""',
    'a="x',
    'a=x"',
    "__Host-a=1",
    "__host-a=1",
    "__Secure-=1",
    "a=1; A=2",
    "a=%41",
    'a="\\101"',
    'a="\\\\"',
    "a=1;b",
    "b;a=1",
    "a=[1]",
    "a={x}",
    "a=1 2",
    'a="1 2"',
    'a=1"2',
    "a=(x)",
    "a=<x>",
    "a=x;",
    "a=;b=",
    "a==",
    "a= =",
    "k=v; bad; k2=v2",
]
for raw in RAWS:
    show(f"parse {raw!r}", lambda raw=raw: parse_cookie(raw))

show("get default", lambda: c().get("zz", "dflt"))
show("get default kw", lambda: c().get("zz", default="dflt"))
show("getlist default", lambda: c().getlist("zz", ["d"]))
show("getlist default nonlist", lambda: c().getlist("zz", "d"))
show("getlist default kw", lambda: c().getlist("zz", default=["d"]))
show("getlist none", lambda: c().getlist("zz", None))
show("get first", lambda: c().get("a"))
show("getlist all", lambda: c().getlist("a"))
show("get host plain", lambda: c().get("h"))
show("get secure plain", lambda: c().get("s"))
show("get host full", lambda: c().get("__Host-h"))
show("get host_prefix kw", lambda: c().get("h", host_prefix=True))
show("getlist secure_prefix kw", lambda: c().getlist("s", secure_prefix=True))
show("item host plain", lambda: c()["h"])
show("in host plain", lambda: "h" in c())
show("attr", lambda: c().a)
show("attr host", lambda: c().h)
show("attr missing", lambda: c().zz)
show("len", lambda: len(c()))
show("list", lambda: list(c()))
show("items", lambda: list(c().items()))
show("values", lambda: list(c().values()))
show("dict", lambda: dict(c()))
show("eq dict", lambda: c("a=1") == {"a": ["1"]})
show("repr", lambda: c("a=1"))
show("str", lambda: str(c("a=1")))
show("copy", lambda: copy.copy(c("a=1")))
show("deepcopy", lambda: copy.deepcopy(c("a=1")))
show("pickle", lambda: pickle.loads(pickle.dumps(c("a=1"))))
show("pop", lambda: c("a=1").pop("a"))
show("setitem", lambda: (lambda x: (x.__setitem__("z", ["9"]), x.get("z")))(c("a=1")))
show("update", lambda: (lambda x: (x.update({"z": ["9"]}), x.get("z")))(c("a=1")))
show("or", lambda: c("a=1") | {"z": ["9"]})
show("bool empty", lambda: bool(c("")))
show("empty", lambda: c(""))
show("ctor none", lambda: CookieRequestParameters())
show("ctor kw", lambda: CookieRequestParameters(a=["1"]).get("a"))
show("get int", lambda: c().get(1))
show("get none", lambda: c().get(None))
show("getlist empty name", lambda: c("=x").getlist(""))
show("isinstance dict", lambda: isinstance(c(), dict))
