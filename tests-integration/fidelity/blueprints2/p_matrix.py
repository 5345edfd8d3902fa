"""Blueprint options against the same options given again at app.blueprint(): route table."""

import itertools
import random

from _probe import fmt, new_app

from sanic import Blueprint, response

PREFIX = [None, "/a", "/a/", "a", "", "/a/b"]
VERSION = [None, 1, "2", 1.5]
STRICT = [None, True, False]
VPREFIX = [None, "/api/v", "", "/x/"]
OPTS = list(itertools.product(PREFIX, VERSION, STRICT, VPREFIX))
rng = random.Random(7)
pairs = [(rng.choice(OPTS), rng.choice(OPTS)) for _ in range(500)]


def kw(opt):
    out = {}
    for key, val in zip(
        ("url_prefix", "version", "strict_slashes", "version_prefix"), opt, strict=True
    ):
        if val is not None:
            out[key] = val
    return out


async def h(request):
    return response.text(request.route.name)


for i, (bopt, ropt) in enumerate(pairs):
    label = f"{i} bp={kw(bopt)} reg={kw(ropt)}"
    try:
        app = new_app(f"m{i}")
        bp = Blueprint(f"b{i}", **kw(bopt))
        bp.add_route(h, "/r", name="r")
        bp.add_route(h, "/s/", name="s")
        bp.add_route(h, "", name="e")
        bp.add_route(h, "/v", name="v", version=9)
        bp.add_route(h, "/t", name="t", strict_slashes=True)
        bp.add_route(h, "/vp", name="vp", version=3, version_prefix="/ver")
        app.blueprint(bp, **kw(ropt))
        rows = sorted((r.name, r.path, bool(r.strict)) for r in app.router.routes)
        print(label, fmt(rows))
        urls = []
        for n in ("r", "s", "e", "v", "t", "vp"):
            try:
                urls.append(app.url_for(f"b{i}.{n}"))
            except Exception as e:
                urls.append(type(e).__name__)
        print(label, "url_for", urls)
    except Exception as e:
        print(label, "raises", type(e).__name__, e)
