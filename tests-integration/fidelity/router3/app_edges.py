"""Routing, third round: hand-written edge cases for sanic-diff (see requests_edges.http)."""
import uuid
from datetime import date

from sanic import Blueprint, Sanic
from sanic.response import json

app = Sanic("R3edges")


def hexa(v):
    return int(v, 16)


def nums(v):
    return [int(x) for x in v.split(",")]


app.router.register_pattern("hexa", hexa, r"^[0-9a-f]+$")
app.router.register_pattern("nums", nums, r"^\d+(,\d+)*$")
app.router.register_pattern("anyx", str, r"x.*")


def d(v):
    if isinstance(v, (uuid.UUID, date)):
        return [type(v).__name__, str(v)]
    return [type(v).__name__, v]


def mk(tag):
    async def h(request, **kw):
        r = request.route
        return json({
            "tag": tag, "kw": {k: d(v) for k, v in sorted(kw.items())},
            "mi": {k: d(v) for k, v in sorted(request.match_info.items())},
            "tpl": request.uri_template, "ep": request.endpoint, "name": request.name,
            "rpath": r.path if r else None, "path": request.path,
        })
    h.__name__ = "h" + tag
    return h


R = [
    # overlapping: static vs dynamic, int vs str, path at the end
    ("ov_static", "/ov/new", {}),
    ("ov_int", "/ov/<v:int>", {}),
    ("ov_str", "/ov/<v:str>", {}),
    ("ov_float", "/ov/<v:float>", {}),
    ("ov_path", "/ov/<a>/<v:path>", {}),
    ("ov_deep", "/ov/<a>/edit", {}),
    ("ov_deep_int", "/ov/<a:int>/edit", {"methods": ["POST"]}),
    # custom patterns
    ("cp_hexa", "/cp/<v:hexa>", {}),
    ("cp_nums", "/cp/n/<v:nums>", {}),
    ("cp_anyx", "/cp/x/<v:anyx>", {}),
    # ext forms
    ("ext_any", "/ext/a/<f:ext>", {}),
    ("ext_list", "/ext/l/<f:ext=jpg|png>", {}),
    ("ext_int", "/ext/i/<f=int:ext=txt>", {}),
    ("ext_uuid", "/ext/u/<f=uuid:ext>", {}),
    ("ext_slug", "/ext/s/<f=slug:ext=md>", {}),
    ("ext_two", "/ext/t/<f:ext=tar.gz|tar.xz>", {}),
    # regex
    ("re_plain", r"/re/p/<v:\d+-\d+>", {}),
    ("re_group", r"/re/g/<v:(?P<v>[a-z]+)\.html>", {}),
    ("re_anon", r"/re/a/<v:(\d+)x>", {}),
    ("re_alt", r"/re/alt/<v:foo|bar>", {}),
    # unquote
    ("uq", "/uq/<v>", {"unquote": True}),
    ("uq_path", "/uqp/<v:path>", {"unquote": True}),
    ("nq", "/nq/<v>", {}),
    ("nq_path", "/nqp/<v:path>", {}),
    ("uq_static", "/uq-static/café", {}),
    ("uq_int", "/uqi/<v:int>", {"unquote": True}),
    # slashes
    ("sl_strict", "/sl/a/", {"strict_slashes": True}),
    ("sl_loose", "/sl/b/", {"strict_slashes": False}),
    ("sl_none", "/sl/c", {}),
    ("sl_root_param", "/sl/d/<v>/", {"strict_slashes": True}),
    # methods
    ("m_get", "/m", {"methods": ["GET"]}),
    ("m_post", "/m", {"methods": ["POST"], "name": "m_post2"}),
    ("m_opt", "/mo", {"methods": ["OPTIONS", "GET"]}),
    ("m_head", "/mh", {"methods": ["HEAD"]}),
    ("m_any", "/many", {"methods": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]}),
    # hosts
    ("h_one", "/h", {"host": "one.test"}),
    ("h_list", "/h", {"host": ["two.test", "three.test:8000"], "name": "h_list2"}),
    ("h_post", "/hp", {"host": "one.test", "methods": ["POST"]}),
    # versions
    ("v_int", "/ver", {"version": 1}),
    ("v_str", "/ver", {"version": "2.1", "name": "v_str2"}),
    ("v_pref", "/ver", {"version": 3, "version_prefix": "/api/v", "name": "v_pref2"}),
    ("v_pref_noslash", "/vp", {"version": 4, "version_prefix": "ver"}),
    # case
    ("case_lower", "/case/abc", {}),
    ("case_upper", "/case/ABC", {}),
    # long
    ("long", "/long/" + "a" * 200 + "/<v>", {}),
]
for tag, uri, kw in R:
    kw = dict(kw)
    kw.setdefault("name", tag)
    app.add_route(mk(tag), uri, **kw)

bp = Blueprint("bp", url_prefix="/bp/", strict_slashes=True, version=5, version_prefix="/x")
bp.add_route(mk("bp_root"), "/", name="bp_root")
bp.add_route(mk("bp_a"), "/a", name="bp_a")
bp.add_route(mk("bp_b"), "/b/", name="bp_b", strict_slashes=False)
bp2 = Blueprint("bp2", url_prefix="/bp2", host="one.test")
bp2.add_route(mk("bp2_a"), "/a/<v:int>", name="bp2_a")
app.blueprint(bp)
app.blueprint(bp2)


@app.get("/tables")
async def tables(request):
    r = app.router
    return json({
        "all": sorted(str(k) for k in r.routes_all)[:12],
        "static": sorted(str(k) for k in r.routes_static)[:12],
        "dynamic": sorted(str(k) for k in r.routes_dynamic)[:12],
        "regex": sorted(str(k) for k in r.routes_regex)[:12],
        "nall": len(r.routes_all), "nstatic": len(r.routes_static),
        "ndynamic": len(r.routes_dynamic), "nregex": len(r.routes_regex),
        "types": [type(r.routes_all).__name__, type(r.routes_static).__name__,
                  type(r.routes_dynamic).__name__, type(r.routes_regex).__name__],
    })


@app.get("/late")
async def late(request):
    try:
        app.add_route(mk("late"), "/late-added", name="late_added")
    except Exception as e:
        return json({"exc": type(e).__name__, "msg": str(e)})
    return json({"ok": True})
