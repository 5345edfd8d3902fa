"""Blueprint.copy(): what a copy carries (hooks, statics, websockets, signals), and where."""

from _probe import new_app, req, show

from sanic import Blueprint, response

LOG: list[str] = []
HDRS = ("content-type", "x-mw")


async def ok(request):
    LOG.append(f"handler {request.route.name}")
    return response.text(request.route.name)


async def boom(request):
    raise KeyError("k")


src = Blueprint("src", url_prefix="/src", version=1)
src.add_route(ok, "/ok", name="ok")
src.add_route(boom, "/boom", name="boom")
# a copied static() route is refused by Sanic (an earlier round's kept item)


@src.websocket("/ws")
async def ws(request, sock):
    await sock.send("w")


@src.on_request
async def mw_req(request):
    LOG.append(f"mw {request.route.name}")


@src.on_response
async def mw_resp(request, resp):
    resp.headers["x-mw"] = request.route.name


@src.exception(KeyError)
async def on_key(request, exc):
    return response.text(f"key handled on {request.route.name}", status=409)


@src.listener("before_server_start")
async def lis(app_):
    LOG.append(f"listener {app_.name}")


@src.signal("copy.test.go")
async def sig(**kw):
    LOG.append("signal")


app = new_app("copyapp")
app.blueprint(src)
cp = src.copy("cp", url_prefix="/cp", version=2)
app.blueprint(cp)
cp2 = src.copy("cp2", url_prefix="/cp2", with_registration=True)
show("app.blueprints", lambda: sorted(app.blueprints))
show("rows", lambda: sorted((r.name, r.path) for r in app.router.routes))
show(
    "cp attrs",
    lambda: (
        cp.name,
        cp.url_prefix,
        cp.version,
        cp.copied_from if hasattr(cp, "copied_from") else "-",
    ),
)
show("cp2 registered", lambda: cp2.registered)
show("cp listeners", lambda: sorted(cp.listeners) if hasattr(cp, "listeners") else None)
for path in [
    "/v1/src/ok",
    "/v2/cp/ok",
    "/v1/cp2/ok",
    "/v1/src/boom",
    "/v2/cp/boom",
    "/v1/cp2/boom",
    "/src/st/a.txt",
    "/cp/st/a.txt",
    "/cp2/st/a.txt",
]:
    LOG.clear()
    req(app, f"GET {path}", "GET", path, headers=HDRS)
    print(f"GET {path} log: {LOG}")
for name, kw in [
    ("src.ok", {}),
    ("cp.ok", {}),
    ("cp2.ok", {}),
    ("cp.files", {"filename": "a.txt"}),
    ("cp2.files", {"filename": "a.txt"}),
    ("cp.ws", {}),
    ("src.ws", {}),
]:
    show(f"url_for {name}", lambda n=name, k=kw: app.url_for(n, **k))


async def late(request):
    return response.text("late")


show("late route on the registered original", lambda: src.get("/late")(late).__name__)


show(
    "copy after late route rows",
    lambda: sorted(r.path for r in app.router.routes if "late" in r.path),
)
cp3 = src.copy("cp3", url_prefix="/cp3")
a2 = new_app("copyapp2")
a2.blueprint(cp3)
show("cp3 rows", lambda: sorted(r.path for r in a2.router.routes))

print("-- copies on two apps")
two_a, two_b = new_app("two_a"), new_app("two_b")
base = Blueprint("base", url_prefix="/b")
base.add_route(ok, "/x", name="x")
two_a.blueprint(base)
two_b.blueprint(base, url_prefix="/bb")
c = show("copy registered on two apps", lambda: base.copy("basecopy", with_registration=True))
show("copy apps", lambda: sorted(x.name for x in c.apps) if c else None)
show("two_a rows", lambda: sorted((r.name, r.path) for r in two_a.router.routes))
show("two_b rows", lambda: sorted((r.name, r.path) for r in two_b.router.routes))
show(
    "copy with prefix on two apps",
    lambda: base.copy("basecopy2", url_prefix="/c2", with_registration=True),
)
show("two_b rows c2", lambda: sorted((r.name, r.path) for r in two_b.router.routes))
