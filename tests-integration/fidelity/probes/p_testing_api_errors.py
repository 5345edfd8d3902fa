"""sanic_testing clients, second audit: handlers that fail in unusual ways."""

import asyncio

from _probe import new_app, show

from sanic import response
from sanic.exceptions import NotFound


class Custom(Exception):
    pass


def make(name):
    app = new_app(name)
    app.config.RESPONSE_TIMEOUT = 0.3

    @app.get("/cancel")
    async def cancel(request):
        raise asyncio.CancelledError()

    @app.get("/custom")
    async def custom(request):
        raise Custom("c")

    @app.exception(Custom)
    async def on_custom(request, exc):
        raise RuntimeError("handler of handler")

    @app.get("/notfound")
    async def nf(request):
        raise NotFound("gone")

    @app.get("/slow")
    async def slow(request):
        await asyncio.sleep(2)
        return response.text("late")

    @app.get("/half")
    async def half(request):
        r = await request.respond(content_type="text/plain")
        await r.send("part,")
        raise ValueError("mid-stream")

    @app.get("/badtype")
    async def badtype(request):
        return "a string"

    return app


def line(out):
    req, resp = out
    return (getattr(req, "path", None), resp.status, resp.text[:60])


# One app per call: after some of these Sanic's socket client fails every later call.
for i, path in enumerate(("/cancel", "/custom", "/notfound", "/slow", "/half", "/badtype")):
    show(f"sock {path}", lambda p=path, i=i: line(make(f"err_sock{i}").test_client.get(p)))
    show(
        f"asgi {path}",
        lambda p=path, i=i: line(asyncio.run(make(f"err_asgi{i}").asgi_client.get(p))),
    )
