"""Nested groups with random options at each level, then registration options: route table."""

import itertools
import random

from _probe import fmt, new_app

from sanic import Blueprint, response

PREFIX = [None, "/g", "/g/", "g", "", "//g"]
VERSION = [None, 1, "2", 3.0]
STRICT = [None, True, False]
VPREFIX = [None, "/api/v", "", "/x/"]
OPTS = list(itertools.product(PREFIX, VERSION, STRICT, VPREFIX))
# a group's strict_slashes=False is ignored by Sanic (a kept difference, README): left out
GOPTS = [o for o in OPTS if o[2] is not False]
rng = random.Random(11)
KEYS = ("url_prefix", "version", "strict_slashes", "version_prefix")


def kw(opt):
    return {k: v for k, v in zip(KEYS, opt, strict=True) if v is not None}


async def h(request):
    return response.text(request.route.name)


def hosts(route):
    found = route.extra.hosts if hasattr(route, "extra") else None
    return tuple(sorted(h for h in found or () if h))


for i in range(400):
    bopt, ropt = rng.choice(OPTS), rng.choice(OPTS)
    iopt, oopt = rng.choice(GOPTS), rng.choice(GOPTS)
    nest = rng.choice(["one", "two", "two+loose"])
    host = rng.choice([None, None, "h.example", ["h.example", "k.example"]])
    label = f"{i} {nest} host={host} bp={kw(bopt)} inner={kw(iopt)} outer={kw(oopt)} reg={kw(ropt)}"
    try:
        app = new_app(f"g{i}")
        bkw = kw(bopt)
        if host:
            bkw["host"] = host
        bp = Blueprint(f"b{i}", **bkw)
        bp.add_route(h, "/r", name="r")
        bp.add_route(h, "/s/", name="s")
        bp.add_route(h, "", name="e")
        bp.add_route(h, "/v", name="v", version=9)
        other = Blueprint(f"o{i}", url_prefix="/o")
        other.add_route(h, "/r", name="r")
        inner = Blueprint.group(bp, **kw(iopt))
        if nest == "one":
            top = inner
        elif nest == "two":
            top = Blueprint.group(inner, **kw(oopt))
        else:
            top = Blueprint.group(inner, other, **kw(oopt))
        app.blueprint(top, **kw(ropt))
        rows = sorted({(r.name, r.path, bool(r.strict), hosts(r)) for r in app.router.routes})
        print(label, fmt(rows))
        urls = []
        for n in ("r", "s", "e", "v"):
            try:
                urls.append(app.url_for(f"b{i}.{n}"))
            except Exception as e:
                urls.append(f"{type(e).__name__}: {e}")
        print(label, "url_for", urls)
    except Exception as e:
        print(label, "raises", type(e).__name__, e)
