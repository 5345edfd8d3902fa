"""Routing API: route/add_route options, names, routes_all, url_for, views, errors."""

from _probe import new_app, req, show

from sanic import Blueprint, response
from sanic.views import HTTPMethodView

app = new_app("routeapp")


@app.route("/plain")
async def plain(request):
    return response.text("plain")


@app.get("/typed/<id:int>/<name:str>", name="typed_route")
async def typed(request, id, name):
    return response.text(f"{id}-{name}")


@app.post("/post", version=2)
async def post_h(request):
    return response.text("post")


@app.route("/multi", methods=["GET", "POST", "put"])
async def multi(request):
    return response.text(request.method)


@app.get("/strict/", strict_slashes=True)
async def strict(request):
    return response.text("strict")


@app.get("/ver", version=1.1, version_prefix="/api/v")
async def ver(request):
    return response.text("ver")


@app.get("/hosted", host="example.com")
async def hosted(request):
    return response.text("hosted")


@app.get("/unq/<p:str>", unquote=True)
async def unq(request, p):
    return response.text(p)


@app.route("/ctx", ctx_label="foo", ctx_n=1)
async def ctxh(request):
    return response.text(str(request.route.ctx.label))


@app.get("/err", error_format="json")
async def errfmt(request):
    raise ValueError("x")


async def added(request):
    return response.text("added")


app.add_route(added, "/added", methods=["GET", "PATCH"], name="added_name", version=3)


class View(HTTPMethodView):
    async def get(self, request):
        return response.text("view get")

    async def post(self, request):
        return response.text("view post")


app.add_route(View.as_view(), "/view")


def deco(f):
    async def inner(request, *a, **k):
        r = await f(request, *a, **k)
        r.headers["x-deco"] = "1"
        return r

    return inner


class DecoView(HTTPMethodView):
    decorators = [deco]

    async def get(self, request):
        return response.text("deco view")


app.add_route(DecoView.as_view(), "/decoview")


class AttachView(HTTPMethodView, attach=app, uri="/attached"):
    async def get(self, request):
        return response.text("attached")


@app.websocket("/ws")
async def ws(request, ws):
    pass


app.add_websocket_route(ws, "/ws2", name="ws_two")

bp = Blueprint("bp", url_prefix="/bp")


@bp.get("/one")
async def one(request):
    return response.text("one")


@bp.route("/two", name="second")
async def two(request):
    return response.text("two")


app.blueprint(bp)

app.route("noslash")(added)
app.route("/sync", name="synch")(lambda r: response.text("s"))
app.route("/vs", version="2", name="vs")(added)
app.route("/stream", stream=True, methods=["POST"], name="streamed")(added)
app.route("", name="emptyr")(added)
ERRORS = [
    ("route methods str", lambda a: a.route("/mstr", methods="GET", name="mstr")(added)),
    ("route bad method", lambda a: a.route("/badm", methods=["FOO"], name="badm")(added)),
    ("route dup", lambda a: (a.route("/plain")(plain), a.route("/plain", name="plain2")(plain))),
    (
        "route dup name",
        lambda a: (a.route("/plain")(plain), a.route("/plainx", name="plain")(plain)),
    ),
    ("route dup name other method", lambda a: (a.get("/d")(plain), a.post("/d")(plain))),
    (
        "route dup path other method",
        lambda a: (a.get("/d", name="a")(plain), a.post("/d", name="b")(plain)),
    ),
    ("route not callable", lambda a: a.route("/nc")(None)),
    ("add_route uri not str", lambda a: a.add_route(added, 123)),
    ("add_route non callable", lambda a: a.add_route("x", "/x")),
    ("route version bad", lambda a: a.route("/vb", version="v2", name="vb")(added)),
    ("route bad param type", lambda a: a.route("/bp/<x:nosuch>", name="bpt")(added)),
    ("route dup param", lambda a: a.route("/dp/<x>/<x>", name="dpt")(added)),
    ("route bad regex", lambda a: a.route("/re/<x:[a-z>", name="bre")(added)),
    ("route unclosed", lambda a: a.route("/re/<x", name="unc")(added)),
    ("ws route dup", lambda a: (a.websocket("/ws")(ws), a.websocket("/ws")(ws))),
    ("HTTPMethodView no methods", lambda a: a.add_route(HTTPMethodView.as_view(), "/empty")),
    ("route lambda no name", lambda a: a.route("/lam")(lambda r: response.text("x"))),
    ("static dup", lambda a: (a.static("/s", "."), a.static("/s", "."))),
    ("route name with dot", lambda a: a.route("/nd", name="x.y")(added)),
]
for i, (label, fn) in enumerate(ERRORS):
    err_app = new_app(f"errapp{i}")
    if show(f"register: {label}", lambda a=err_app, f=fn: f(a) and "ok") is not None or True:
        req(err_app, f"then request: {label}", "GET", "/plain")

print("-- routes after registration")
app.router.finalize() if False else None
show("routes_all type", lambda: type(app.router.routes_all).__name__)
show("routes_all keys", lambda: sorted(map(str, app.router.routes_all)))
show("routes_static keys", lambda: sorted(map(str, app.router.routes_static)))
show("routes_dynamic keys", lambda: sorted(map(str, app.router.routes_dynamic)))
show("routes_regex keys", lambda: sorted(map(str, app.router.routes_regex)))
show("routes count", lambda: len(app.router.routes))
for route in sorted(app.router.routes, key=lambda r: (r.path, r.name)):
    show(
        f"route {route.path}",
        lambda r=route: (
            r.name,
            sorted(r.methods),
            r.uri,
            r.path,
            r.strict,
            r.unquote,
            r.static,
            sorted(r.labels) if hasattr(r, "labels") else None,
            getattr(r, "requirements", None),
        ),
    )
    show(
        f"route {route.path} ctx",
        lambda r=route: (
            sorted((k, repr(v)) for k, v in vars(r.ctx).items() if k not in ("hosts",))
            + [("hosts", sorted(map(str, r.ctx.hosts)) if hasattr(r.ctx, "hosts") else None)]
        ),
    )
    show(f"route {route.path} handler name", lambda r=route: getattr(r.handler, "__name__", None))
    show(
        f"route {route.path} defined_params",
        lambda r=route: [
            (p.name, p.label, p.cast.__name__ if hasattr(p.cast, "__name__") else repr(p.cast))
            for p in r.defined_params
        ],
    )

print("-- url_for")
for args in [
    ("plain",),
    ("routeapp.plain",),
    ("typed_route", {"id": 5, "name": "x"}),
    ("typed_route", {"id": "notint", "name": "x"}),
    ("typed_route", {"id": 5}),
    ("typed_route", {"id": 5, "name": "x", "extra": "q", "arr": [1, 2]}),
    ("typed_route", {"id": 5, "name": "x", "_anchor": "top"}),
    ("typed_route", {"id": 5, "name": "x", "_external": True}),
    ("typed_route", {"id": 5, "name": "x", "_external": True, "_scheme": "https"}),
    ("typed_route", {"id": 5, "name": "x", "_external": True, "_server": "srv:99"}),
    ("typed_route", {"id": 5, "name": "x", "_scheme": "https"}),
    ("typed_route", {"id": 5, "name": "x", "_method": "POST"}),
    ("post_h",),
    ("post_h", {"_method": "POST"}),
    ("ver",),
    ("added_name",),
    ("View",),
    ("DecoView",),
    ("AttachView",),
    ("ws",),
    ("ws_two",),
    ("bp.one",),
    ("bp.second",),
    ("one",),
    ("nonexistent",),
    ("",),
    ("hosted",),
    ("hosted", {"_external": True}),
    ("strict",),
    ("unq", {"p": "a b/c"}),
    ("typed_route", {"id": 5, "name": "x", "_external": True, "_server": "h", "_scheme": "ws"}),
]:
    name = args[0]
    kw = args[1] if len(args) > 1 else {}
    show(f"url_for {name} {kw}", lambda n=name, k=kw: app.url_for(n, **k))

app.config.SERVER_NAME = "myserver.com"
show("url_for external SERVER_NAME", lambda: app.url_for("plain", _external=True))
app.config.SERVER_NAME = "https://myserver.com/"
show("url_for external SERVER_NAME with scheme", lambda: app.url_for("plain", _external=True))
show("url_for scheme without external", lambda: app.url_for("plain", _scheme="http"))
del app.config["SERVER_NAME"]

print("-- requests")
for method, path in [
    ("GET", "/plain"),
    ("POST", "/plain"),
    ("GET", "/plain/"),
    ("GET", "/typed/3/abc"),
    ("GET", "/typed/x/abc"),
    ("POST", "/v2/post"),
    ("POST", "/post"),
    ("PUT", "/multi"),
    ("DELETE", "/multi"),
    ("GET", "/strict"),
    ("GET", "/strict/"),
    ("GET", "/api/v1.1/ver"),
    ("GET", "/hosted"),
    ("GET", "/unq/a%20b"),
    ("GET", "/ctx"),
    ("GET", "/err"),
    ("GET", "/v3/added"),
    ("PATCH", "/v3/added"),
    ("GET", "/view"),
    ("POST", "/view"),
    ("PUT", "/view"),
    ("GET", "/decoview"),
    ("GET", "/attached"),
    ("GET", "/bp/one"),
    ("GET", "/bp/two"),
    ("HEAD", "/plain"),
    ("OPTIONS", "/plain"),
    ("GET", "/mstr"),
    ("GET", "/sync"),
    ("GET", "/vs"),
    ("GET", "/v2/vs"),
]:
    req(app, f"{method} {path}", method, path, headers=("content-type", "allow", "x-deco"))
