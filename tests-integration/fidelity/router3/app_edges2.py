"""Routing, third round: more edge cases (inline regex shapes, empty values, catch-alls)."""
import re

from sanic import Sanic
from sanic.response import json

app = Sanic("R3edges2")


def twice(v):
    return v * 2


def ints(v):
    return int(v)


app.router.register_pattern("twice", twice, r"^[a-z]{1,3}$")
app.router.register_pattern("comp", ints, re.compile(r"^\d{3}$"))


def mk(tag):
    async def h(request, **kw):
        return json({"tag": tag, "kw": {k: [type(v).__name__, str(v)] for k, v in sorted(kw.items())},
                     "mi": {k: str(v) for k, v in sorted(request.match_info.items())},
                     "tpl": request.uri_template, "name": request.name, "path": request.path})
    h.__name__ = "h_" + tag
    return h


R = [
    ("root", "/", {}),
    ("p_path", "/p/<v:path>", {}),
    ("soe", "/soe/<v:strorempty>", {}),
    ("soe2", "/soe2/<v:strorempty>/x", {}),
    ("re_anch", r"/ra/<v:^\d+$>", {}),
    ("re_slash", r"/rs/<v:[a-z/]+>", {}),
    ("re_brace", r"/rb/<v:\d{2,}>", {}),
    ("re_colon", r"/rc/<v:\d+:\d+>", {}),
    ("re_two", r"/r2/<a:\d+>-<b:[a-z]+>", {}),
    ("re_mid", r"/rm/x<v:\d+>y", {}),
    ("cp_twice", "/tw/<v:twice>", {}),
    ("cp_comp", "/cc/<v:comp>", {}),
    ("many", "/m/<a>/<b>/<c>/<d>/<e>", {}),
    ("intneg", "/in/<v:int>", {}),
    ("post_only", "/po", {"methods": ["POST"]}),
    ("dup_static", "/ds/a", {}),
    ("dup_dyn", "/ds/<v>", {"methods": ["POST"]}),
    ("under_name", "/un/<a_b1>", {}),
]
for tag, uri, kw in R:
    try:
        app.add_route(mk(tag), uri, name=tag, **kw)
    except Exception as e:
        print("register", tag, type(e).__name__, e)


@app.get("/catch/<rest:path>")
async def catch(request, rest):
    return json({"rest": rest, "path": request.path})
