"""Middleware of the wrong shape, middleware that streams, request.ctx seen by error
handlers, middleware failing on websocket routes (sanic-diff app).
Run: python3 diffrun.py misc_app.py misc.http
"""

from sanic import Sanic
from sanic.response import text

app = Sanic("MwMisc")


@app.on_request
async def setup(request):
    request.ctx.user = "anon"
    how = request.args.get("how")
    if how == "respond":
        # a request middleware that starts the response itself
        response = await request.respond(text("from middleware respond"))
        request.ctx.responded_in_mw = type(response).__name__
        return None
    if how == "respond-return":
        return await request.respond(text("respond returned", status=202))
    if how == "respond-stream":
        response = await request.respond(content_type="text/plain")
        await response.send("streamed ")
        await response.send("from middleware")
        await response.eof()
        return None
    if how == "raise":
        raise ValueError("from request middleware")
    if how == "coro":
        return make_response()
    return None


async def make_response():
    return text("coroutine returned by a sync middleware", status=207)


def sync_returns_coroutine(request):
    if request.args.get("how") == "sync-coro":
        return make_response()
    return None


app.on_request(sync_returns_coroutine)


async def one_arg_response_mw(request):
    if request.args.get("how") == "arity":
        request.ctx.arity = "called"


app.register_middleware(one_arg_response_mw, "response")


async def either(request, response=None):
    if request.args.get("how") == "either":
        request.ctx.either = (request.ctx.__dict__.get("either") or "") + (
            "resp" if response is not None else "req"
        )
        if response is not None:
            response.headers["x-either"] = request.ctx.either


app.register_middleware(either, "request")
app.register_middleware(either, "response")


@app.on_response(priority=-10)
async def tail(request, response):
    response.headers["x-user"] = getattr(request.ctx, "user", "none")
    response.headers["x-ctx"] = ",".join(sorted(vars(request.ctx)))


@app.exception(ValueError, LookupError)
async def on_error(request, exc):
    return text(f"handled {type(exc).__name__} user={getattr(request.ctx, 'user', None)}", 400)


@app.get("/")
async def index(request):
    return text(f"index {getattr(request.ctx, 'responded_in_mw', '-')}")


@app.get("/fail")
async def fail(request):
    raise KeyError("k")


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send(f"user={request.ctx.user}")
