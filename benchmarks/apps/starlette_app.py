"""The benchmark app on Starlette, served by uvicorn (httptools + uvloop), one process.

Run: ``python starlette_app.py PORT``. Same routes and bodies as ``sanic_app.py``; the ``/mw``
routes sit behind one pure-ASGI middleware that acts on the request and on the response.
"""

from __future__ import annotations

import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, Router


async def index(request: Request) -> Response:
    return PlainTextResponse("Hello, world!")


async def as_json(request: Request) -> Response:
    return JSONResponse({"hello": "world"})


async def user(request: Request) -> Response:
    return JSONResponse({"id": request.path_params["id"]})


async def echo(request: Request) -> Response:
    return Response(await request.body(), media_type="application/octet-stream")


class StampMiddleware:
    """One request-side and one response-side action, like the Sanic app's two middleware."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["seen"] = True

        async def send_stamped(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), (b"x-middleware", b"1")]
            await send(message)

        await self.app(scope, receive, send_stamped)


def routes(prefix: str) -> list[Route]:
    return [
        Route(prefix or "/", index),
        Route(f"{prefix}/json", as_json),
        Route(f"{prefix}/user/{{id:int}}", user),
        Route(f"{prefix}/echo", echo, methods=["POST"]),
    ]


app = Starlette(routes=[*routes(""), Mount("", app=StampMiddleware(Router(routes("/mw"))))])

if __name__ == "__main__":
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(sys.argv[1]),
        loop="uvloop",
        http="httptools",
        lifespan="off",
        access_log=False,
        log_level="warning",
    )
