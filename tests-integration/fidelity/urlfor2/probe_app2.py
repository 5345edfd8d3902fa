"""More app.url_for cases (odd values, views, same names, nested groups).

/tmp/st-ref/bin/python probe_app2.py > s.txt; ../../../.venv/bin/python probe_app2.py > h.txt
"""

import sys
import uuid

from sanic import Blueprint, Sanic
from sanic.response import text
from sanic.views import HTTPMethodView


def h(request, **kw):
    return text("x")


class Thing:
    def __str__(self):
        return "thing!"


app = Sanic("Q")
for uri, name in [
    ("/s/<a>", "s"),
    ("/i/<a:int>", "i"),
    ("/f/<a:float>", "f"),
    ("/u/<a:uuid>", "u"),
    ("/e/<a:ext>", "e"),
    ("/e2/<a:ext=txt>", "e2"),
    ("/e5/<a:ext=tar.gz>", "e5"),
    ("/p/<a:path>", "p"),
    ("/caf\u00e9/<a>", "cafe"),
    ("/sp ace", "space"),
    ("/y/<a:ymd>", "y"),
    ("/two/<a>/<b:int>", "two"),
    ("/sl/<a:slug>", "sl"),
]:
    app.add_route(h, uri, name=name)
app.add_route(h, "/uq/<a>", name="uq", unquote=True)
app.add_route(h, "/ns", name="ns", strict_slashes=False)
app.add_route(h, "/ns2/", name="ns2", strict_slashes=False)
app.add_route(h, "/ss/", name="ss", strict_slashes=True)


@app.route("/twice/a", name="twice")
@app.route("/twice/b", name="twice2")
async def twice(request):
    return text("t")


class V(HTTPMethodView):
    async def get(self, request):
        return text("v")


class W(HTTPMethodView):
    async def get(self, request, k):
        return text("w")


app.add_route(V.as_view(), "/view")
app.add_route(W.as_view(), "/wview/<k:int>", name="wnamed")

bpa = Blueprint("bpa", url_prefix="/a")
bpa.add_route(h, "/r", name="r")
bpb = Blueprint("bpb", url_prefix="b", version=1.5)
bpb.add_route(h, "r/", name="r")
bpc = Blueprint("bpc")
bpc.add_route(h, "/rc", name="rc", version=9)
inner = Blueprint.group(bpa, bpb, url_prefix="/in/")
outer = Blueprint.group(inner, bpc, url_prefix="out", version=3, version_prefix="/ver")
app.blueprint(outer)
bpd = Blueprint("bpd", url_prefix="/d/", strict_slashes=True)
bpd.add_route(h, "/", name="droot")
bpd.add_route(h, "/x/", name="dx")
app.blueprint(bpd, url_prefix="/dd")
bpv = Blueprint("bpv", version_prefix="")
bpv.add_route(h, "/nv", name="nv", version=2)
app.blueprint(bpv)
bpw = Blueprint("bpw", url_prefix="/w")


@bpw.websocket("/sock")
async def sock(request, ws):
    pass


app.blueprint(bpw)

U = "12345678-1234-5678-1234-567812345678"
CASES = [
    ("s", {"a": None}),
    ("s", {"a": b"by"}),
    ("s", {"a": Thing()}),
    ("s", {"a": "é"}),
    ("s", {"a": "a%20b"}),
    ("s", {"a": "a+b"}),
    ("s", {"a": "a;b,c=d"}),
    ("s", {"a": "~._-!$&'()*@:"}),
    ("s", {"a": " "}),
    ("s", {"a": "."}),
    ("s", {"a": ".."}),
    ("i", {"a": "0012"}),
    ("i", {"a": "+5"}),
    ("i", {"a": " 5"}),
    ("i", {"a": "٣"}),
    ("i", {"a": 10**20}),
    ("i", {"a": None}),
    ("f", {"a": float("inf")}),
    ("f", {"a": float("nan")}),
    ("f", {"a": "1e5"}),
    ("f", {"a": -0.0}),
    ("f", {"a": ".5"}),
    ("f", {"a": "5."}),
    ("f", {"a": 1e20}),
    ("u", {"a": U.replace("-", "")}),
    ("u", {"a": "{" + U + "}"}),
    ("u", {"a": uuid.uuid4().hex[:0] + U}),
    ("e", {"a": "f.TXT"}),
    ("e", {"a": ".txt"}),
    ("e", {"a": "f."}),
    ("e", {"a": "a/b.txt"}),
    ("e5", {"a": "f.tar.gz"}),
    ("e5", {"a": "f.gz"}),
    ("e2", {"a": "f.tx"}),
    ("p", {"a": "/lead"}),
    ("p", {"a": "trail/"}),
    ("p", {"a": "a//b"}),
    ("p", {"a": "a?b#c"}),
    ("p", {"a": "é/ü"}),
    ("p", {"a": "%41"}),
    ("cafe", {"a": "x"}),
    ("space", {}),
    ("uq", {"a": "é x"}),
    ("uq", {"a": "a/b"}),
    ("y", {"a": "2024-02-30"}),
    ("y", {"a": "1999-12-31"}),
    ("two", {"a": "x", "b": "y"}),
    ("two", {"a": "x", "b": 2, "c": 3}),
    ("sl", {"a": "a--b"}),
    ("sl", {"a": "-a"}),
    ("ns", {}),
    ("ns2", {}),
    ("ss", {}),
    ("twice", {}),
    ("twice2", {}),
    ("twice", {"_method": "POST"}),
    ("V", {}),
    ("view", {}),
    ("wnamed", {"k": 3}),
    ("W", {"k": 3}),
    ("V", {"_method": "GET"}),
    ("bpa.r", {}),
    ("bpb.r", {}),
    ("bpc.rc", {}),
    ("bpd.droot", {}),
    ("bpd.dx", {}),
    ("bpv.nv", {}),
    ("bpw.sock", {}),
    ("bpw.sock", {"_external": True, "_server": "s"}),
    ("s", {"a": "x", "q": {"k": 1, "l": 2}}),
    ("s", {"a": "x", "q": Thing()}),
    ("s", {"a": "x", "_foo": 1}),
    ("s", {"a": "x", "_anchor": None}),
    ("s", {"a": "x", "_external": 0}),
    ("s", {"a": "x", "_external": 1, "_server": "s"}),
    ("s", {"a": "x", "_anchor": "é/?"}),
    ("s", {"a": "x", "_server": "s:0"}),
    ("s", {"a": "x", "_external": True, "_server": "[::1]:8000"}),
    ("s", {"a": "x", "_external": True, "_server": "http://already.example"}),
    ("s", {"a": "x", "_external": True, "_server": "s.example/base"}),
    ("s", {"a": "x", "_external": True, "_scheme": "", "_server": "s"}),
    ("s", {"a": "x", "q": "a b", "r": "+"}),
    ("s", {"a": "x", "q": 0}),
    ("s", {"a": "x", "q": False}),
    ("s", {"a": "x", "q": [[1, 2]]}),
    ("s", {"a": "x", "q": {1, 2} and [1]}),
    ("s", {"a": "x", "a2": ["é", "&"]}),
]

if __name__ == "__main__":
    out = []
    for name, kw in CASES:
        try:
            r = app.url_for(name, **kw)
        except Exception as e:
            r = f"!{type(e).__name__}: {e}"
        out.append(f"{name} {kw!r} -> {r}")
    sys.stdout.write("\n".join(out) + "\n")
