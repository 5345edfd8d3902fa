"""Routes declared after the app's server started, the order of suites written for
pytest-sanic (its ``test_client`` fixture starts the server, the test then declares its
route): once for an app that started with a route, once for one that started with none.
Run under either interpreter and diff: ``python late_routes.py``. Each request is bounded
by a 5 s client timeout.

Found in the tenth round of real-world test suites (``../../README.md``, sanic-sentry and
sanic-sentry-error-handler). KEPT: the app that started without routes answers every
request with a 500 under Sanic 25.12 (its router was never finalized: ``'NoneType' object
is not callable``), the late route included; Hurtle answers 404, and serves the late route
as it does for the app that started with one (fixed there: it answered 404).
"""

import asyncio
import socket

import httpx

from sanic import Sanic
from sanic.response import text

Sanic.test_mode = True


async def serve(app: Sanic):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    return server, port


async def case(name: str, with_early_route: bool) -> None:
    app = Sanic(name)
    if with_early_route:
        app.add_route(lambda request: text("early"), "/early", name="early")
    server, port = await serve(app)
    app.add_route(lambda request: text("late"), "/late", name="late")
    async with httpx.AsyncClient(timeout=5) as client:
        for path in ("/early", "/late", "/missing"):
            answer = await client.get(f"http://127.0.0.1:{port}{path}")
            print(name, path, answer.status_code, answer.text.splitlines()[0][:40])
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()


async def main() -> None:
    await case("started_with_routes", True)
    await case("started_without_routes", False)  # KEPT: Sanic 500 for every path


asyncio.run(main())
