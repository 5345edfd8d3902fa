"""Blueprint groups in depth: nesting, prefixes, versions, middleware order, hooks."""

from _probe import new_app, req, show

from sanic import Blueprint, response

LOG = []


def handler(tag):
    async def h(request):
        LOG.append(f"handler {tag}")
        return response.text(f"{tag} {request.route.name} {request.route.path}")

    h.__name__ = f"h_{tag}"
    return h


def mw(tag):
    async def m(request):
        LOG.append(tag)

    m.__name__ = f"mw_{tag}"
    return m


def rmw(tag):
    async def m(request, resp):
        LOG.append(tag)

    m.__name__ = f"rmw_{tag}"
    return m


a = Blueprint("ga", url_prefix="/a", version=1)
b = Blueprint("gb", url_prefix="/b")
c = Blueprint("gc", url_prefix="/c", strict_slashes=True)
a.get("/x")(handler("a"))
b.get("/x")(handler("b"))
c.get("/x/")(handler("c"))
a.on_request(mw("a-req"))
b.on_request(mw("b-req"))
a.on_response(rmw("a-resp"))
inner = Blueprint.group(a, b, url_prefix="/inner", version=2)
outer = Blueprint.group(
    inner, c, url_prefix="/outer", version_prefix="/api/v", strict_slashes=False
)
inner.on_request(mw("inner-req"))
outer.on_request(mw("outer-req"))
inner.on_response(rmw("inner-resp"))
outer.on_response(rmw("outer-resp"))
outer.middleware(
    mw("outer-prio"), "request", priority=5
) if "priority" in outer.middleware.__code__.co_varnames else None

app = new_app("grpapp")
app.on_request(mw("app-req"))
app.on_response(rmw("app-resp"))
app.blueprint(outer)
show("routes", lambda: sorted((r.name, r.path, r.strict) for r in app.router.routes))
show("blueprints", lambda: sorted(app.blueprints))
show("outer blueprints", lambda: [bp.name for bp in outer.blueprints])
show("outer len", lambda: len(outer))
show(
    "inner attrs",
    lambda: (inner.url_prefix, inner.version, inner.strict_slashes, inner.version_prefix),
)
show(
    "outer attrs",
    lambda: (outer.url_prefix, outer.version, outer.strict_slashes, outer.version_prefix),
)
show("a prefix after", lambda: (a.url_prefix, a.version))
for name, kw in [("ga.h_a", {}), ("gb.h_b", {}), ("gc.h_c", {})]:
    show(f"url_for {name}", lambda n=name, k=kw: app.url_for(n, **k))
for path in [
    "/api/v1/outer/inner/a/x",
    "/api/v2/outer/inner/b/x",
    "/outer/c/x/",
    "/outer/c/x",
    "/api/v2/outer/c/x/",
    "/v1/outer/inner/a/x",
]:
    LOG.clear()
    req(app, f"GET {path}", "GET", path)
    print(f"   order: {LOG}")

app2 = new_app("grpapp2")
g = Blueprint.group(
    Blueprint("one", url_prefix="/1"), Blueprint("two", url_prefix="/2"), url_prefix="/g"
)
for bp in g:
    bp.get("/")(handler(bp.name))


@g.exception(KeyError)
async def g_key(request, exc):
    return response.text(f"group caught {exc}", status=400)


app2.blueprint(g)
app2.blueprint(g)
show("register group twice routes", lambda: sorted(r.path for r in app2.router.routes))
req(app2, "GET /g/1", "GET", "/g/1")
req(app2, "GET /g/2/", "GET", "/g/2/")
show(
    "group insert after register",
    lambda: (g.append(Blueprint("three", url_prefix="/3")), len(g))[1],
)
show(
    "app.blueprint(list of groups)",
    lambda: (
        new_app("grpapp3").blueprint([Blueprint.group(Blueprint("l1")), Blueprint("l2")]),
        "ok",
    )[1],
)
show(
    "group with name_prefix",
    lambda: (lambda gg: (new_app("grpapp4").blueprint(gg), sorted(gg[0].name for _ in [0]))[1])(
        Blueprint.group(
            Blueprint("np1").get("/")(handler("np")) and Blueprint("np1b"), name_prefix="pre"
        )
    ),
)
