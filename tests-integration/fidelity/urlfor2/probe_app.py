"""app.url_for cases: run under Sanic's and Hurtle's interpreters and diff the output.

/tmp/st-ref/bin/python probe_app.py > s.txt; .venv/bin/python probe_app.py > h.txt
"""

import sys
import uuid

from sanic import Blueprint, Sanic
from sanic.response import text


def h(request, **kw):
    return text("x")


def build(config=None, label="none"):
    app = Sanic("P" + label)
    for k, v in (config or {}).items():
        app.config[k] = v
    routes = [
        ("/s/<a>", "s_plain"),
        ("/s2/<a:str>", "s_str"),
        ("/i/<a:int>", "i"),
        ("/f/<a:float>", "f"),
        ("/al/<a:alpha>", "al"),
        ("/sl/<a:slug>", "sl"),
        ("/p/<a:path>", "p"),
        ("/y/<a:ymd>", "y"),
        ("/u/<a:uuid>", "u"),
        ("/e/<a:ext>", "e"),
        ("/e2/<a:ext=txt>", "e2"),
        ("/e3/<a:ext=txt|json>", "e3"),
        ("/e4/<a=int:ext=txt>", "e4"),
        ("/r/<a:[a-z]{3}>", "r"),
        ("/r2/<a:(?P<a>\\d+)>", "r2"),
        ("/two/<a:int>/<b>", "two"),
        ("/se/<a:strorempty>", "se"),
        ("/plain", "plain"),
        ("/slash/", "slash"),
    ]
    app.router.register_pattern("hexs", str, r"^[0-9a-f]+$")
    routes.append(("/c/<a:hexs>", "custom"))
    for uri, name in routes:
        app.add_route(h, uri, name=name)
    app.add_route(h, "/m", methods=["GET", "POST"], name="multi")
    app.add_route(h, "/m2", methods=["PUT"], name="multi2")

    @app.websocket("/ws", name="wsroute")
    async def ws(request, wsock):
        pass

    app.add_route(h, "/hosted", host="h.example", name="hosted")
    app.add_route(h, "/hosted2", host=["a.example", "b.example"], name="hosted2")
    app.static("/st", __file__, name="static")
    app.static("/stdir", "/tmp", name="tmpdir")

    bp = Blueprint("bp", url_prefix="/bp")
    bp.add_route(h, "/x/<a>", name="bx")
    bp.add_route(h, "/y", name="by", strict_slashes=True)
    bp.static("/bs", "/tmp")
    bp2 = Blueprint("bp2", url_prefix="bp2/", version=2)
    bp2.add_route(h, "/z", name="bz")
    bp2.add_route(h, "z2/", name="bz2")
    bp3 = Blueprint("bp3", version=3, version_prefix="/api/v")
    bp3.add_route(h, "/w", name="bw")
    bp4 = Blueprint("bp4", url_prefix="/bp4/")
    bp4.add_route(h, "/", name="root")
    bp4.add_route(h, "/e/", name="empty", strict_slashes=False)
    bp5 = Blueprint("bp5")
    bp5.add_route(h, "/q", name="bq")
    g = Blueprint.group(bp5, url_prefix="/grp", version=7)
    app.blueprint([bp, bp2, bp3, bp4, g])
    app.add_route(h, "/v", version=1, name="ver")
    app.add_route(h, "/v2", version="1.1", version_prefix="/x/v", name="ver2")
    return app


U = "12345678-1234-5678-1234-567812345678"
CASES = [
    ("s_plain", {"a": "abc"}),
    ("s_plain", {"a": 5}),
    ("s_plain", {"a": ""}),
    ("s_plain", {"a": "a/b"}),
    ("s_plain", {}),
    ("s_plain", {"b": 1}),
    ("s_str", {"a": "x"}),
    ("i", {"a": 12}),
    ("i", {"a": "12"}),
    ("i", {"a": -3}),
    ("i", {"a": "x"}),
    ("i", {"a": 1.5}),
    ("i", {"a": True}),
    ("i", {}),
    ("f", {"a": 1.5}),
    ("f", {"a": 2}),
    ("f", {"a": "x"}),
    ("f", {"a": "1.5"}),
    ("al", {"a": "abc"}),
    ("al", {"a": "ab1"}),
    ("al", {"a": 5}),
    ("sl", {"a": "ab-cd"}),
    ("sl", {"a": "AB_cd"}),
    ("sl", {"a": "ab cd"}),
    ("p", {"a": "a/b/c"}),
    ("p", {"a": "a b"}),
    ("p", {"a": ""}),
    ("y", {"a": "2024-01-02"}),
    ("y", {"a": "2024-1-2"}),
    ("y", {"a": "x"}),
    ("u", {"a": U}),
    ("u", {"a": uuid.UUID(U)}),
    ("u", {"a": "nope"}),
    ("u", {"a": U.upper()}),
    ("e", {"a": "f.txt"}),
    ("e", {"a": "f"}),
    ("e", {"a": "f.tar.gz"}),
    ("e2", {"a": "f.txt"}),
    ("e2", {"a": "f.json"}),
    ("e3", {"a": "f.json"}),
    ("e4", {"a": "3.txt"}),
    ("e4", {"a": "x.txt"}),
    ("r", {"a": "abc"}),
    ("r", {"a": "abcd"}),
    ("r", {"a": "ABC"}),
    ("r2", {"a": "12"}),
    ("r2", {"a": "x"}),
    ("two", {"a": 1, "b": "z"}),
    ("two", {"a": 1}),
    ("two", {"b": "z"}),
    ("se", {"a": ""}),
    ("se", {"a": "x"}),
    ("custom", {"a": "abc1"}),
    ("custom", {"a": "xyz"}),
    ("plain", {"q": [1, 2]}),
    ("plain", {"q": 1}),
    ("plain", {"q": None}),
    ("plain", {"q": ""}),
    ("plain", {"q": "é ü"}),
    ("plain", {"q": "a&b=c?d#e/f+g%h"}),
    ("plain", {"q": ["a", "b"], "r": "c"}),
    ("plain", {"q": ("a", "b")}),
    ("plain", {"q": True}),
    ("plain", {"q": b"bytes"}),
    ("plain", {"q": []}),
    ("plain", {"q": [None]}),
    ("plain", {"q": 1.5}),
    ("plain", {"é": "v"}),
    ("plain", {"_anchor": "top"}),
    ("plain", {"_anchor": "a b#c"}),
    ("plain", {"_anchor": ""}),
    ("plain", {"_anchor": "x", "q": 1}),
    ("plain", {"_external": True}),
    ("plain", {"_external": True, "_server": "s.example"}),
    ("plain", {"_external": True, "_server": "s.example:8080"}),
    ("plain", {"_external": True, "_scheme": "https", "_server": "s.example"}),
    ("plain", {"_scheme": "https"}),
    ("plain", {"_scheme": "https", "_server": "s.example"}),
    ("plain", {"_server": "s.example"}),
    ("plain", {"_external": False, "_server": "s.example"}),
    ("plain", {"_external": True, "_scheme": "ws", "_server": "s.example"}),
    ("plain", {"_external": True, "_anchor": "t", "q": 2, "_server": "s"}),
    ("plain", {"_method": "GET"}),
    ("multi", {}),
    ("multi", {"_method": "POST"}),
    ("multi", {"_method": "PUT"}),
    ("multi2", {"_method": "GET"}),
    ("slash", {}),
    ("wsroute", {}),
    ("wsroute", {"_external": True, "_server": "s.example"}),
    ("wsroute", {"_external": True, "_scheme": "wss", "_server": "s.example"}),
    ("hosted", {}),
    ("hosted", {"_external": True}),
    ("hosted", {"_external": True, "_scheme": "https"}),
    ("hosted", {"_server": "other.example", "_external": True}),
    ("hosted", {"_host": "h.example"}),
    ("hosted", {"_host": "h.example", "_external": True}),
    ("hosted", {"_host": "x.example"}),
    ("hosted2", {}),
    ("hosted2", {"_host": "b.example", "_external": True}),
    ("static", {"filename": "probe_app.py"}),
    ("static", {"name": "static", "filename": "probe_app.py"}),
    ("static", {"name": "static", "filename": "a b.txt"}),
    ("static", {"name": "static", "filename": "/lead.txt"}),
    ("static", {"name": "static"}),
    ("static", {"name": "tmpdir", "filename": "x/y.txt"}),
    ("static", {"name": "nosuch", "filename": "x"}),
    ("static", {"name": "static", "filename": "x", "_external": True, "_server": "s"}),
    ("static", {"name": "static", "filename": "x", "q": 1}),
    ("bp.static", {"filename": "x.txt"}),
    ("bp.static", {"name": "bp.static", "filename": "x.txt"}),
    ("static", {"name": "bp.static", "filename": "x.txt"}),
    ("bp.bx", {"a": "k"}),
    ("bp.by", {}),
    ("bp2.bz", {}),
    ("bp2.bz2", {}),
    ("bp3.bw", {}),
    ("bp4.root", {}),
    ("bp4.empty", {}),
    ("bp5.bq", {}),
    ("bx", {"a": "k"}),
    ("ver", {}),
    ("ver2", {}),
    ("nosuch", {}),
    ("bp.nosuch", {}),
    ("P.plain", {}),
    ("", {}),
]


def run(cases, config, label):
    app = build(config, label)
    out = []
    for name, kw in cases:
        try:
            r = app.url_for(name, **kw)
        except Exception as e:
            r = f"!{type(e).__name__}: {e}"
        out.append(f"{label} {name} {kw!r} -> {r}")
    return out


CONFIGS = [
    ("none", None),
    ("sn", {"SERVER_NAME": "conf.example"}),
    ("snport", {"SERVER_NAME": "conf.example:8443"}),
    ("snscheme", {"SERVER_NAME": "https://conf.example"}),
    ("snpath", {"SERVER_NAME": "https://conf.example/base"}),
]
EXT = [c for c in CASES if c[0] in ("plain", "hosted", "wsroute", "static", "bp.bx")]

if __name__ == "__main__":
    lines = run(CASES, None, "none")
    for label, cfg in CONFIGS[1:]:
        lines += run(
            EXT
            + [("plain", {"_external": True}), ("plain", {"_external": True, "_scheme": "https"})],
            cfg,
            label,
        )
    sys.stdout.write("\n".join(lines) + "\n")
