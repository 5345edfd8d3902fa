"""clients2: `sanic_testing.testing` module globals set by a suite after import."""

import asyncio
import socket

from _c import new_app, show

from sanic import response
from sanic_testing import testing
from sanic_testing.testing import SanicASGITestClient, SanicTestClient


def make(name):
    app = new_app(name)

    @app.get("/")
    async def index(request):
        return response.json([request.host, request.url, request.server_port == TAKEN[0]])

    return app


TAKEN = [0]
with socket.socket() as taken:
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    TAKEN[0] = taken.getsockname()[1]
    testing.PORT = TAKEN[0]  # fixed: Hurtle's client used it (Address already in use)
    show("PORT set, test_client", lambda: make("g1").test_client.get("/")[1].json[2])
    show("PORT set, SanicTestClient", lambda: SanicTestClient(make("g2")).get("/")[1].json[2])
    show("PORT set, port attr", lambda: make("g3").test_client.port)
testing.PORT = None

testing.ASGI_HOST = "other.test"  # fixed: Hurtle's client kept mockserver
show("ASGI_HOST set", lambda: asyncio.run(make("g4").asgi_client.get("/?q=1"))[1].json[:2])
testing.ASGI_PORT = 99
show("ASGI_PORT set", lambda: asyncio.run(make("g5").asgi_client.get("/"))[1].json[:2])
show("ASGI set, base_url attr", lambda: str(make("g6").asgi_client.base_url))
show(
    "ASGI set, absolute URL",
    lambda: asyncio.run(make("g7").asgi_client.get("http://abs.test:5/"))[1].json[:2],
)
# KEPT (known, "The test clients"): a base_url given to the client is used by Hurtle;
# sanic-testing ignores it and sends to ASGI_HOST:ASGI_PORT.
show(
    "ASGI set, base_url given",
    lambda: asyncio.run(SanicASGITestClient(make("g8"), base_url="http://mine.test:5").get("/"))[
        1
    ].json[:2],
)
testing.ASGI_BASE_URL = "http://base.test:7"
show("ASGI_BASE_URL set", lambda: asyncio.run(make("g9").asgi_client.get("/"))[1].json[:2])
testing.HOST = "::1"
show("HOST set, test_client host", lambda: make("g10").test_client.host)
