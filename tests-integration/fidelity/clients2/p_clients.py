"""clients2: ports and hosts, listeners per call, ReusableClient, server_kwargs, constants."""

import asyncio
import socket

from _c import new_app, show

from sanic import response
from sanic_testing import testing
from sanic_testing.reusable import ReusableClient
from sanic_testing.testing import SanicASGITestClient, SanicTestClient, TestingResponse

EV: list[str] = []


def make(name):
    app = new_app(name)
    for ev in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ):
        app.listener(ev)(
            lambda app, *a, _e=ev: EV.append(_e.split("_")[0][0] + _e.split("_")[-1][:3])
        )

    @app.get("/")
    async def index(request):
        EV.append("req")
        return response.json(
            {
                "port_hdr": request.headers.get("host", "").rsplit(":", 1)[-1].isdigit(),
                "server_port_type": type(request.server_port).__name__,
                "state_port_eq": request.app.state.port == request.server_port,
            }
        )

    return app


def drain():
    out = list(EV)
    EV.clear()
    return out


show("testing.PORT", lambda: testing.PORT)
show("testing.HOST", lambda: testing.HOST)
show("testing.ASGI_HOST", lambda: testing.ASGI_HOST)
show("testing.ASGI_PORT", lambda: testing.ASGI_PORT)
show("testing.ASGI_BASE_URL", lambda: testing.ASGI_BASE_URL)
show("TestingResponse mro", lambda: [c.__name__ for c in TestingResponse.__mro__])
show(
    "TestingResponse own",
    lambda: sorted(k for k in vars(TestingResponse) if not k.startswith("__")),
)

app = make("c2cl")
show("test_client type", lambda: type(app.test_client).__name__)
show("test_client port before", lambda: app.test_client.port)
show("test_client host before", lambda: app.test_client.host)
_, r = app.test_client.get("/")
show("call 1", lambda: (r.status, r.json))
print("events 1:", drain())
show(
    "test_client port after",
    lambda: (type(app.test_client.port).__name__, app.test_client.port > 0),
)
show("test_client host after", lambda: app.test_client.host)
p1 = app.test_client.port
app.test_client.get("/")
print("events 2:", drain())
show("port changes per call", lambda: app.test_client.port != p1)
show("same client object", lambda: app.test_client is app.test_client)
show("router finalized", lambda: (app.router.finalized, app.signal_router.finalized))  # fixed
show("call after finalized", lambda: app.test_client.get("/")[1].status)
drain()

# explicit port / host per call
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    FREE = s.getsockname()[1]
show(
    "call port=FREE",
    lambda: (app.test_client.get("/", port=FREE)[1].status, app.test_client.port == FREE),
)
show(
    "call host=127.0.0.1",
    lambda: (app.test_client.get("/", host="127.0.0.1")[1].status, app.test_client.host),
)
show("call port=None", lambda: app.test_client.get("/", port=None)[1].status)
show("call port=0", lambda: (app.test_client.get("/", port=0)[1].status, app.test_client.port))
drain()

# SanicTestClient made by hand, and server_kwargs: a fresh app each (sanic-testing fails a
# second SanicTestClient for one app: known kept, README "The test clients").
c = SanicTestClient(make("c2hand1"), port=None)
show("SanicTestClient(port=None) port before", lambda: c.port)
show("SanicTestClient(port=None) call", lambda: c.get("/")[1].json)
show("SanicTestClient(port=None) port after", lambda: (type(c.port).__name__, bool(c.port)))
c2 = SanicTestClient(make("c2hand2"), port=FREE)
show("SanicTestClient(port=FREE) port", lambda: c2.port == FREE)
show("SanicTestClient(port=FREE) call", lambda: (c2.get("/")[1].status, c2.port == FREE))
show("SanicTestClient(host=...) ", lambda: SanicTestClient(make("c2hand3"), host="127.0.0.1").host)
show("SanicTestClient default port", lambda: SanicTestClient(make("c2hand4")).port)
drain()

show(
    "server_kwargs backlog",
    lambda: make("c2sk1").test_client.get("/", server_kwargs={"backlog": 10})[1].status,
)
show(
    "server_kwargs access_log",
    lambda: make("c2sk2").test_client.get("/", server_kwargs={"access_log": False})[1].status,
)
# KEPT (known, "The test clients"): Hurtle's message names the argument and lists the options
show(
    "server_kwargs unknown",
    lambda: type(make("c2sk3").test_client.get("/", server_kwargs={"nope": 1})).__name__,
)
show(
    "server_kwargs auto_reload",
    lambda: make("c2sk4").test_client.get("/", server_kwargs={"auto_reload": False})[1].status,
)
drain()

# ReusableClient
rapp = make("c2reuse")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    RPORT = s.getsockname()[1]
rc = ReusableClient(rapp, port=RPORT)
show("reusable port attr", lambda: rc.port == RPORT)
show("reusable host attr", lambda: rc.host)
print("reusable before enter:", drain())
with rc:
    print("reusable entered:", drain())
    for i in range(3):
        show(f"reusable call {i}", lambda: (rc.get("/")[1].status, rc.get("/")[1].json))
    show("reusable post 405", lambda: rc.post("/")[1].status)
    show("reusable missing", lambda: rc.get("/missing")[1].status)
    show("reusable gather False", lambda: type(rc.get("/", gather_request=False)).__name__)
    print("reusable during:", drain())
print("reusable after exit:", drain())
show(
    "ReusableClient(app) port default", lambda: type(ReusableClient(make("c2reuse2")).port).__name__
)
show("ReusableClient(app) host default", lambda: ReusableClient(make("c2reuse3")).host)

# asgi client listeners per call
aapp = make("c2asgi")
show("asgi_client type", lambda: type(aapp.asgi_client).__name__)
asyncio.run(aapp.asgi_client.get("/"))
print("asgi events 1:", drain())
asyncio.run(aapp.asgi_client.get("/"))
print("asgi events 2:", drain())


async def two():
    await aapp.asgi_client.get("/")
    await aapp.asgi_client.get("/")


asyncio.run(two())
print("asgi events same loop:", drain())
show(
    "SanicASGITestClient(app) call",
    lambda: asyncio.run(SanicASGITestClient(make("c2asgi2")).get("/"))[1].status,
)
print("asgi by hand events:", drain())
show("asgi base url", lambda: str(aapp.asgi_client.base_url))
