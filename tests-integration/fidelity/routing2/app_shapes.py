"""Second routing probe app for sanic-diff: regex forms, prefixes with parameters, unicode
and odd characters in static paths, parameters spread over a blueprint's url_prefix."""
from __future__ import annotations

from sanic import Blueprint, Sanic
from sanic.response import json

app = Sanic("Routing2Shapes")


async def show(request, **kw):
    return json({
        "kw": {k: [type(v).__name__, str(v)] for k, v in sorted(kw.items())},
        "name": request.name,
        "uri_template": request.uri_template,
        "url_for": request.app.url_for(request.name.split(".", 1)[1], **kw)
        if request.name else None,
    })


ROUTES = [
    ("re_alt", r"/re/alt/<v:a|b>"),
    ("re_anch", r"/re/anch/<v:^[a-z]+$>"),
    ("re_flag", r"/re/flag/<v:(?i)[a-z]+>"),
    ("re_slash", r"/re/slash/<v:[a-z/]+>"),
    ("re_dot", r"/re/dot/<v:.*>"),
    ("re_empty", r"/re/empty/<v:[a-z]*>"),
    ("re_grp", r"/re/grp/<v:(?:ab)+>"),
    ("re_named", r"/re/named/<v:(?P<v>\d+)>"),
    ("re_two", r"/re/two/<a:\d+>-<b:\d+>"),
    ("re_mix", r"/re/mix/<a:int>/<b:[a-z]{2}>/<c:path>"),
    ("re_digits", r"/re/digits/<v:\d+>"),
    ("re_unicode", r"/re/uni/<v:\w+>"),
    ("st_unicode", "/st/café"),
    ("st_space", "/st/a%20b"),
    ("st_plus", "/st/a+b"),
    ("st_star", "/st/a*b"),
    ("st_semi", "/st/a;b"),
    ("st_colon", "/st/a:b"),
    ("st_at", "/st/@me"),
    ("st_tilde", "/st/~u"),
    ("st_upper", "/st/UP"),
    ("st_dot", "/st/.well-known/x"),
    ("st_pct", "/st/100%"),
    ("dyn_uni", "/dyn/<v>/ü"),
]
for name, uri in ROUTES:
    try:
        app.add_route(show, uri, name=name)
    except Exception as e:  # recorded by the probe of registration errors
        print("skip", name, type(e).__name__, e)

org = Blueprint("org", url_prefix="/org/<org_id:int>")
org.add_route(show, "/team/<team>", name="team")
org.add_route(show, "/", name="root")
app.blueprint(org)
pre = Blueprint("pre", url_prefix="/pre/<slug:slug>", version=2)
pre.add_route(show, "/x", name="x")
app.blueprint(Blueprint.group(pre, url_prefix="/g/<gid>"))
