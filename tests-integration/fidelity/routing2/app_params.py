"""Routing probe app for sanic-diff: every parameter type, slashes, hosts, versions, methods.

Each handler answers JSON describing what the router gave it (values and their types) and
the request's routing attributes, so one request compares the whole match.
"""
from __future__ import annotations

import uuid
from datetime import date

from sanic import Blueprint, Sanic
from sanic.response import json
from sanic.views import HTTPMethodView

app = Sanic("Routing2")


def hex_int(value: str) -> int:
    return int(value, 16)


def shout(value: str) -> str:
    return value.upper()


app.router.register_pattern("hex", hex_int, r"^[0-9a-f]+$")
app.router.register_pattern("upper", shout, r"^[A-Z]+$")


def describe(v: object) -> object:
    if isinstance(v, (uuid.UUID, date)):
        return [type(v).__name__, str(v)]
    return [type(v).__name__, v]


async def show(request, **kw):
    route = request.route
    return json({
        "kw": {k: describe(v) for k, v in sorted(kw.items())},
        "match_info": {k: describe(v) for k, v in sorted(request.match_info.items())},
        "name": request.name,
        "endpoint": request.endpoint,
        "uri_template": request.uri_template,
        "route_path": route.path if route else None,
        "route_uri": getattr(route, "uri", None) if route else None,
        "path": request.path,
        "raw_url": request.raw_url.decode(),
    })


TYPED = [
    ("str", "/t/str/<v:str>"),
    ("strorempty", "/t/soe/<v:strorempty>"),
    ("untyped", "/t/untyped/<v>"),
    ("int", "/t/int/<v:int>"),
    ("float", "/t/float/<v:float>"),
    ("alpha", "/t/alpha/<v:alpha>"),
    ("slug", "/t/slug/<v:slug>"),
    ("path", "/t/path/<v:path>"),
    ("ymd", "/t/ymd/<v:ymd>"),
    ("uuid", "/t/uuid/<v:uuid>"),
    ("ext", "/t/ext/<v:ext>"),
    ("ext1", "/t/ext1/<v:ext=txt>"),
    ("ext2", "/t/ext2/<v:ext=txt|json>"),
    ("extgz", "/t/extgz/<v:ext=tar.gz|tar.xz>"),
    ("extint", "/t/extint/<v=int:ext=png|jpg>"),
    ("extalpha", "/t/extalpha/<v=alpha:ext>"),
    ("re1", r"/t/re1/<v:[a-z]+>"),
    ("re2", r"/t/re2/<v:\d{4}-\d{2}>"),
    ("regrp", r"/t/regrp/<v:(?P<v>[a-z]+)-x>"),
    ("regrp2", r"/t/regrp2/<v:(\d+)\.html>"),
    ("hex", "/t/hex/<v:hex>"),
    ("upper", "/t/upper/<v:upper>"),
    ("two", "/t/two/<a:int>/<b:alpha>"),
    ("mixed", "/t/mixed/<a:int>/fixed/<b>"),
    ("pathmid", "/t/pathmid/<v:path>/end"),
    ("soemid", "/t/soemid/<v:strorempty>/end"),
    ("unq", "/t/unq/<v>"),
    ("unqpath", "/t/unqpath/<v:path>"),
]

for name, uri in TYPED:
    kw = {"unquote": True} if name.startswith("unq") else {}
    app.add_route(show, uri, name=f"r_{name}", **kw)

# precedence on one segment
for name, uri in [
    ("p_int", "/prec/<v:int>"), ("p_float", "/prec/<v:float>"), ("p_alpha", "/prec/<v:alpha>"),
    ("p_slug", "/prec/<v:slug>"), ("p_str", "/prec/<v:str>"), ("p_lit", "/prec/lit"),
    ("p_uuid", "/prec/<v:uuid>"), ("p_ymd", "/prec/<v:ymd>"), ("p_ext", "/prec/<v:ext>"),
]:
    app.add_route(show, uri, name=name)

# trailing slashes
app.add_route(show, "/sl/plain", name="sl_plain")
app.add_route(show, "/sl/slash/", name="sl_slash")
app.add_route(show, "/sl/strict", name="sl_strict", strict_slashes=True)
app.add_route(show, "/sl/strict_s/", name="sl_strict_s", strict_slashes=True)
app.add_route(show, "/sl/loose", name="sl_loose", strict_slashes=False)
app.add_route(show, "/sl/loose_s/", name="sl_loose_s", strict_slashes=False)
app.add_route(show, "/sl/dyn/<v>", name="sl_dyn", strict_slashes=False)
app.add_route(show, "/sl/dyns/<v>/", name="sl_dyns", strict_slashes=True)
app.add_route(show, "/sl/pth/<v:path>", name="sl_pth", strict_slashes=False)

bp = Blueprint("bp1", url_prefix="/bp1", strict_slashes=True)
bp.add_route(show, "/a", name="a")
bp.add_route(show, "/b/", name="b")
bp.add_route(show, "/c", name="c", strict_slashes=False)
bp.add_route(show, "", name="root")
bp2 = Blueprint("bp2", url_prefix="/bp2/")
bp2.add_route(show, "/a", name="a")
bp2.add_route(show, "/", name="root")
bp2.add_route(show, "/<v:int>", name="dyn")
bp3 = Blueprint("bp3", url_prefix="/bp3")
bp3.add_route(show, "/a", name="a")
grp = Blueprint.group(bp3, url_prefix="/grp", strict_slashes=True)
app.blueprint(bp)
app.blueprint(bp2)
app.blueprint(grp)

# versions
app.add_route(show, "/ver/i", name="ver_i", version=1)
app.add_route(show, "/ver/f", name="ver_f", version=1.1)
app.add_route(show, "/ver/s", name="ver_s", version="2")
app.add_route(show, "/ver/sv", name="ver_sv", version="v3")
app.add_route(show, "/ver/p", name="ver_p", version=4, version_prefix="/api/v")
app.add_route(show, "/ver/pn", name="ver_pn", version=5, version_prefix="")
app.add_route(show, "/ver/f0", name="ver_f0", version=1.0)

# hosts
app.add_route(show, "/h", name="h_one", host="one.test")
app.add_route(show, "/h", name="h_list", host=["two.test", "three.test"])
app.add_route(show, "/h", name="h_port", host="four.test:8000")
app.add_route(show, "/h/<v:int>", name="h_dyn", host="one.test")
app.add_route(show, "/hx", name="hx_only", host="one.test")

# methods
app.add_route(show, "/m/get", name="m_get")
app.add_route(show, "/m/post", name="m_post", methods=["POST"])
app.add_route(show, "/m/lower", name="m_lower", methods=["get", "put"])
app.add_route(show, "/m/head", name="m_head", methods=["HEAD"])
app.add_route(show, "/m/opt", name="m_opt", methods=["OPTIONS"])
app.add_route(show, "/m/all", name="m_all", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
app.add_route(show, "/m/split", name="m_split_get", methods=["GET"])
app.add_route(show, "/m/split", name="m_split_post", methods=["POST"])
app.add_route(show, "/m/dyn/<v:int>", name="m_dyn", methods=["PUT"])


class View(HTTPMethodView):
    async def get(self, request, v=None):
        return await show(request, v=v) if v else await show(request)

    async def post(self, request, v=None):
        return await show(request, v=v) if v else await show(request)


app.add_route(View.as_view(), "/view", name="view")
app.add_route(View.as_view(), "/view/<v:int>")


@app.get("/named.with.dots", name="dotted.name")
async def dotted(request):
    return await show(request)


@app.get("/dec/<v:int>")
async def decorated(request, v):
    return await show(request, v=v)
