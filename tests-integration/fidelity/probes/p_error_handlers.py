"""Error handlers: app.exception, bp.exception, ErrorHandler add/lookup, subclasses, fallback."""

from _probe import new_app, req, show

from sanic import Blueprint, response
from sanic.exceptions import BadRequest, Forbidden, NotFound, SanicException, ServerError
from sanic.handlers import ErrorHandler


class MyError(SanicException):
    status_code = 422
    message = "my default"


class SubError(MyError):
    pass


app = new_app("ehapp")
LOG = []


@app.exception(NotFound)
async def on_404(request, exc):
    LOG.append(("on_404", type(exc).__name__))
    return response.text(f"custom 404: {exc}", status=404)


@app.exception(MyError, ValueError)
def on_mine(request, exc):
    LOG.append(("on_mine", type(exc).__name__))
    return response.json(
        {"mine": str(exc), "status": getattr(exc, "status_code", None)},
        status=getattr(exc, "status_code", 500),
    )


@app.exception([KeyError, IndexError])
async def on_list(request, exc):
    return response.text(f"list handler {type(exc).__name__}", status=400)


@app.exception(Forbidden)
async def returns_none(request, exc):
    LOG.append("returns_none")


@app.exception(ZeroDivisionError)
async def raises_again(request, exc):
    raise BadRequest("from handler")


bp = Blueprint("ehbp", url_prefix="/bp")


@bp.exception(MyError)
async def bp_mine(request, exc):
    return response.text(f"bp handler {exc}", status=409)


@bp.get("/mine")
async def bp_route(request):
    raise MyError("in bp")


@bp.get("/sub")
async def bp_sub(request):
    raise SubError("sub in bp")


@bp.get("/val")
async def bp_val(request):
    raise ValueError("val in bp")


app.blueprint(bp)


@app.get("/mine")
async def mine(request):
    raise MyError()


@app.get("/sub")
async def sub(request):
    raise SubError("sub")


@app.get("/value")
async def value(request):
    raise ValueError("v")


@app.get("/key")
async def key(request):
    raise KeyError("k")


@app.get("/forbidden")
async def forbidden(request):
    raise Forbidden("f")


@app.get("/zero")
async def zero(request):
    return 1 / 0


@app.get("/none")
async def none(request):
    return None


@app.get("/notresp")
async def notresp(request):
    return {"a": 1}


@app.get("/str")
async def strresp(request):
    return "a string"


for path in [
    "/mine",
    "/sub",
    "/value",
    "/key",
    "/forbidden",
    "/zero",
    "/none",
    "/notresp",
    "/str",
    "/missing",
    "/bp/mine",
    "/bp/sub",
    "/bp/val",
    "/bp/missing",
]:
    LOG.clear()
    req(app, f"GET {path}", "GET", path)
    print(f"   log: {LOG}")

eh = ErrorHandler()
show("ErrorHandler fallback attr", lambda: getattr(eh, "fallback", "missing"))
eh.add(NotFound, on_404)
show(
    "ErrorHandler.lookup after add",
    lambda: getattr(eh.lookup(NotFound("x"), None), "__name__", None),
)
show(
    "ErrorHandler.lookup subclass",
    lambda: eh.lookup(type("Sub404", (NotFound,), {})("x"), None).__name__,
)
show(
    "ErrorHandler.lookup route_name",
    lambda: getattr(eh.lookup(NotFound("x"), "ehapp.x"), "__name__", None),
)
eh.add(ServerError, on_mine, route_names=["r1"])
show(
    "lookup route-scoped match",
    lambda: getattr(eh.lookup(ServerError("x"), "r1"), "__name__", None),
)
show(
    "lookup route-scoped other",
    lambda: getattr(eh.lookup(ServerError("x"), "r2"), "__name__", None),
)
show("handlers attr type", lambda: type(eh.handlers).__name__)
show("app.error_handler is ErrorHandler", lambda: isinstance(app.error_handler, ErrorHandler))
show("app.error_handler.fallback", lambda: app.error_handler.fallback)
show("default method", lambda: callable(eh.default))
show("response method", lambda: callable(eh.response))
show("log method", lambda: callable(getattr(eh, "log", None)))
show(
    "exception decorator returns", lambda: type(app.exception(IOError)(lambda r, e: None)).__name__
)
show("exception no args", lambda: app.exception()(lambda r, e: None))
show("exception non-exception", lambda: app.exception(int)(lambda r, e: None))


class CustomHandler(ErrorHandler):
    def default(self, request, exception):
        LOG.append(("custom default", type(exception).__name__))
        return response.text(
            f"custom default {type(exception).__name__}",
            status=getattr(exception, "status_code", 500),
        )


app2 = new_app("ehapp2", error_handler=CustomHandler())


@app2.get("/boom")
async def boom(request):
    raise RuntimeError("boom")


@app2.get("/nf")
async def nf(request):
    raise NotFound("nf")


for path in ["/boom", "/nf", "/missing"]:
    LOG.clear()
    req(app2, f"custom {path}", "GET", path)
    print(f"   log: {LOG}")

app3 = new_app("ehapp3")
app3.config.FALLBACK_ERROR_FORMAT = "json"


@app3.get("/boom")
async def boom3(request):
    raise RuntimeError("boom3")


@app3.get("/text")
async def text3(request):
    raise BadRequest("as text?")
    return response.text("x")


for path in ["/boom", "/missing", "/text"]:
    req(app3, f"fallback json {path}", "GET", path)

app4 = new_app("ehapp4")
app4.config.FALLBACK_ERROR_FORMAT = "text"


@app4.get("/json")
async def json4(request):
    raise BadRequest("from json route")
    return response.json({})


@app4.get("/html")
async def html4(request):
    raise BadRequest("from html route")
    return response.html("")


for path in ["/json", "/html", "/missing"]:
    req(app4, f"fallback text {path}", "GET", path)

app5 = new_app("ehapp5")


@app5.get("/plain")
async def plain5(request):
    raise BadRequest("plain route")


for accept in [
    "application/json",
    "text/plain",
    "text/html",
    "*/*",
    "application/json, text/html;q=0.9",
    "text/html;q=0.5, application/json;q=0.6",
    "image/png",
]:
    print(
        f"accept {accept}: {__import__('_probe').asgi(app5, 'GET', '/plain', headers=('content-type',), headers_=None) if False else ''}",
        end="",
    )
    import asyncio

    async def go(a=accept):
        _, r = await app5.asgi_client.get("/plain", headers={"accept": a})
        return r.status, r.headers.get("content-type"), r.body[:60]

    print(asyncio.run(go()))
for ctype, body in [("application/json", '{"a": 1}'), ("text/plain", "x")]:

    async def go2(c=ctype, b=body):
        _, r = await app5.asgi_client.post("/missing", headers={"content-type": c}, content=b)
        return r.status, r.headers.get("content-type")

    print(f"post content-type {ctype}:", asyncio.run(go2()))
