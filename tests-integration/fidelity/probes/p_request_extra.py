"""More request behaviours: request ids, respond() misuse, custom Request classes, ctx flow."""

import uuid
from types import SimpleNamespace

from _probe import exc_line, new_app, req

from sanic import Request, response


class MyCtx(SimpleNamespace):
    pass


class MyRequest(Request):
    @staticmethod
    def make_context():
        return MyCtx(made=True)

    @classmethod
    def generate_id(cls, *_):
        return "fixed-id"


app = new_app("rx")


@app.on_request
async def mw(request):
    request.ctx.from_mw = Request.get_current() is request


@app.get("/id")
async def rid(request):
    rid = request.id
    shown = str(rid) if request.headers.get("x-request-id") else "random"
    return response.json({"id": shown, "type": type(rid).__name__})


@app.get("/ctx")
async def ctx(request):
    return response.json({"ctx": vars(request.ctx), "type": type(request.ctx).__name__})


@app.get("/respond_twice")
async def respond_twice(request):
    r = await request.respond()
    try:
        await request.respond()
        second = "ok"
    except BaseException as e:
        second = exc_line(e)
    await r.send(second)
    await r.eof()


@app.get("/respond_after_send")
async def respond_after_send(request):
    r = await request.respond(status=201, headers={"x-a": "1"}, content_type="text/x")
    await r.send("one")
    try:
        r.status = 500
        changed = "status set"
    except BaseException as e:
        changed = exc_line(e)
    await r.send(changed)
    await r.eof()
    try:
        await r.send("after eof")
    except BaseException:
        pass


@app.get("/respond_with_response")
async def respond_with_response(request):
    return await request.respond(response.text("given", status=202))


@app.get("/raise_after_respond")
async def raise_after_respond(request):
    r = await request.respond()
    await r.send("partial")
    raise ValueError("after streaming")


app.config.REQUEST_ID_HEADER = "X-Request-ID"

for path, headers in [
    ("/id", {}),
    ("/id", {"x-request-id": "abc"}),
    ("/id", {"x-request-id": "42"}),
    ("/id", {"x-request-id": str(uuid.UUID(int=1))}),
    ("/ctx", {}),
    ("/respond_twice", {}),
    ("/respond_after_send", {}),
    ("/respond_with_response", {}),
    ("/raise_after_respond", {}),
]:
    req(
        app,
        f"GET {path} {headers}",
        "GET",
        path,
        headers=("content-type", "x-a"),
        send_headers=headers,
    )
    if path == "/id" and not headers:
        # The default id is random: only its type is compared.
        pass

app2 = new_app("rx2", request_class=MyRequest)


@app2.get("/")
async def idx(request):
    return response.json(
        {
            "cls": type(request).__name__,
            "ctx": type(request.ctx).__name__,
            "made": getattr(request.ctx, "made", None),
            "id": request.id,
        }
    )


req(app2, "custom request class", "GET", "/")

app3 = new_app("rx3", ctx=SimpleNamespace(shared=1))


@app3.get("/")
async def idx3(request):
    return response.json({"app_ctx": vars(request.app.ctx), "req_ctx": vars(request.ctx)})


req(app3, "app ctx", "GET", "/")
