"""Blueprint-scoped middleware and exception handlers: which requests they reach."""

from _probe import new_app, req, show

from sanic import Blueprint, response
from sanic.exceptions import MethodNotAllowed, NotFound, SanicException

LOG: list[str] = []
HDRS = ("content-type", "x-a", "x-b", "x-g")


def run(app, label, method, path):
    LOG.clear()
    req(app, label, method, path, headers=HDRS)
    print(f"{label} log: {LOG}")


async def ok(request):
    LOG.append(f"handler {request.route.name}")
    return response.text("ok")


async def boom(request):
    raise ValueError("boom")


async def nf(request):
    raise NotFound("nf from handler")


app = new_app("scope")
a = Blueprint("a", url_prefix="/a")
b = Blueprint("b", url_prefix="/b")
a.add_route(ok, "/ok", name="ok")
a.add_route(boom, "/boom", name="boom")
a.add_route(nf, "/nf", name="nf")
a.add_route(ok, "/post", name="post", methods=["POST"])
b.add_route(ok, "/ok", name="ok")
b.add_route(boom, "/boom", name="boom")


@a.on_request
async def a_req(request):
    LOG.append("a req")


@a.on_response
async def a_resp(request, resp):
    LOG.append("a resp")
    resp.headers["x-a"] = "1"


@b.middleware("response")
async def b_resp(request, resp):
    LOG.append("b resp")
    resp.headers["x-b"] = "1"


@a.exception(ValueError)
async def a_value(request, exc):
    return response.text(f"a handled {exc}", status=418)


@a.exception(NotFound)
async def a_nf(request, exc):
    return response.text(f"a 404 {exc}", status=404)


@a.exception(MethodNotAllowed)
async def a_405(request, exc):
    return response.text(f"a 405 {exc}", status=405)


@app.on_request
async def app_req(request):
    LOG.append("app req")


app.blueprint(a)
app.blueprint(b)
for path in [
    "/a/ok",
    "/a/boom",
    "/a/nf",
    "/a/missing",
    "/a",
    "/a/",
    "/b/ok",
    "/b/boom",
    "/b/missing",
    "/zz",
]:
    run(app, f"GET {path}", "GET", path)
run(app, "GET /a/post", "GET", "/a/post")
run(app, "PUT /a/ok", "PUT", "/a/ok")

print("-- group scope")
app2 = new_app("scope2")
c = Blueprint("c", url_prefix="/c")
d = Blueprint("d", url_prefix="/d")
e = Blueprint("e", url_prefix="/e")
for bp in (c, d, e):
    bp.add_route(ok, "/ok", name="ok")
    bp.add_route(boom, "/boom", name="boom")
inner = Blueprint.group(c, url_prefix="/in")
outer = Blueprint.group(inner, d, url_prefix="/out")


@outer.exception(ValueError)
async def g_value(request, exc):
    return response.text(f"group handled {request.route.name}", status=418)


@outer.on_response
async def g_resp(request, resp):
    LOG.append("g resp")
    resp.headers["x-g"] = "1"


outer.append(e)  # added after the group's handlers
show("group after append", lambda: [x.name if isinstance(x, Blueprint) else "group" for x in outer])
show("c exception handlers", lambda: len(c.exceptions) if hasattr(c, "exceptions") else None)
show("e exception handlers", lambda: len(e.exceptions) if hasattr(e, "exceptions") else None)
show("c middlewares", lambda: len(c.middlewares) if hasattr(c, "middlewares") else None)
show("e middlewares", lambda: len(e.middlewares) if hasattr(e, "middlewares") else None)
app2.blueprint(outer)
for path in [
    "/out/in/c/ok",
    "/out/in/c/boom",
    "/out/d/boom",
    "/out/e/ok",
    "/out/e/boom",
    "/out/missing",
    "/out/in/c/missing",
]:
    run(app2, f"GET {path}", "GET", path)

print("-- late hooks")
app3 = new_app("scope3")
f = Blueprint("f", url_prefix="/f")
app3.blueprint(f)
show("late route", lambda: f.add_route(ok, "/ok", name="ok").__name__)


@f.on_request
async def f_req(request):
    LOG.append("f req late")


@f.exception(ValueError)
async def f_value(request, exc):
    return response.text("f late handled", status=418)


show("late boom route", lambda: f.add_route(boom, "/boom", name="boom").__name__)
show("rows", lambda: sorted(r.name for r in app3.router.routes))
for path in ["/f/ok", "/f/boom"]:
    run(app3, f"GET {path}", "GET", path)

print("-- app and bp handlers for one class")
app4 = new_app("scope4")
g1 = Blueprint("g1", url_prefix="/g1")
g1.add_route(boom, "/boom", name="boom")
g1.add_route(ok, "/ok", name="ok")


@g1.exception(Exception)
async def g1_any(request, exc):
    return response.text(f"g1 any {type(exc).__name__}", status=500)


@app4.exception(ValueError)
async def app_value(request, exc):
    return response.text("app value", status=400)


@app4.exception(SanicException)
async def app_sanic(request, exc):
    return response.text(f"app sanic {exc.status_code}", status=exc.status_code)


app4.blueprint(g1)
for path in ["/g1/boom", "/g1/nope", "/g1/ok"]:
    run(app4, f"GET {path}", "GET", path)
run(app4, "POST /g1/ok", "POST", "/g1/ok")
