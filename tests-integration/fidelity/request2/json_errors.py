"""A custom loads that raises, and what an exception handler sees of request.json errors."""
# ruff: noqa: E402, F811 (probes pasted one after another; lambdas run at once)

import logging

logging.disable(logging.CRITICAL)
from sanic import Sanic
from sanic.response import json

for exc in (
    TypeError,
    KeyError,
    RuntimeError,
    UnicodeDecodeError("utf-8", b"x", 0, 1, "bad"),
    ArithmeticError,
):
    app = Sanic(f"L{len(str(exc))}{id(exc) % 1000}")

    def loads(s, exc=exc):
        if isinstance(exc, BaseException):
            raise exc
        raise exc("custom")

    app.config.update({})
    app2 = Sanic(app.name + "x", loads=loads)

    @app2.post("/")
    async def h(request):
        return json({"json": request.json})

    @app2.post("/lj")
    async def lj(request):
        return json({"json": request.load_json()})

    for path in ("/", "/lj"):
        _, resp = app2.test_client.post(path, content=b'{"a":1}')
        print(getattr(exc, "__name__", type(exc).__name__), path, resp.status, resp.text[:150])
import logging

logging.disable(logging.CRITICAL)
from sanic import Sanic

app = Sanic("E2")


@app.post("/")
async def h(request):
    return json({"json": request.json})


@app.post("/form")
async def f(request):
    return json({"form": dict(request.form)})


@app.get("/cur")
async def cur(request):
    return json({})


@app.exception(Exception)
async def handler(request, exc):
    return json(
        {
            "type": type(exc).__name__,
            "mro": [c.__name__ for c in type(exc).__mro__][:4],
            "msg": str(exc),
            "args": [str(a) for a in exc.args],
            "cause": type(exc.__cause__).__name__,
            "ctx": type(exc.__context__).__name__,
            "status": getattr(exc, "status_code", None),
            "quiet": getattr(exc, "quiet", None),
            "extra": getattr(exc, "extra", None),
            "context": getattr(exc, "context", None),
            "headers": dict(getattr(exc, "headers", {}) or {}),
        }
    )


for body in (b"{bad", b"\xff\xfe", b"[1,"):
    _, resp = app.test_client.post("/", content=body)
    print(resp.status, resp.text)
