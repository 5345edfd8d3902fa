"""sanic_testing clients, second audit: websockets, response helpers, client surface."""

import asyncio
import inspect

from _probe import fmt, new_app, show

from sanic import response


def ws_app(name):
    app = new_app(name)

    @app.websocket("/ws")
    async def ws(request, ws):
        async for message in ws:
            await ws.send(f"echo:{message}")

    @app.websocket("/once")
    async def once(request, ws):
        await ws.send("hello")
        await ws.send(b"bin")

    @app.websocket("/proto", subprotocols=["p1", "p2"])
    async def proto(request, ws):
        await ws.send(ws.subprotocol or "none")

    @app.get("/plain")
    async def plain(request):
        return response.text("x")

    return app


def wsdesc(out):
    req, res = out
    attrs = {}
    for a in ("client_sent", "client_received", "server_sent", "server_received", "opened"):
        try:
            attrs[a] = getattr(res, a)
        except BaseException as e:
            attrs[a] = f"!{type(e).__name__}"
    keys = sorted(res.keys()) if isinstance(res, dict) else None
    return (type(req).__name__, getattr(req, "path", None), type(res).__name__, keys, attrs)


async def echo_mimic(ws):
    await ws.send("a")
    first = await ws.recv()
    await ws.send(b"b")
    second = await ws.recv()
    return first, second


async def recv_mimic(ws):
    return [await ws.recv(), await ws.recv()]


async def proto_mimic(ws):
    return ws.subprotocol, await ws.recv()


n = [0]


def fresh():
    n[0] += 1
    return ws_app(f"wsa{n[0]}")


show("sock ws no mimic", lambda: wsdesc(fresh().test_client.websocket("/ws")))
show("sock ws echo", lambda: wsdesc(fresh().test_client.websocket("/ws", mimic=echo_mimic)))
show("sock ws once", lambda: wsdesc(fresh().test_client.websocket("/once", mimic=recv_mimic)))
show(
    "sock ws subprotocols",
    lambda: wsdesc(fresh().test_client.websocket("/proto", subprotocols=["p2"], mimic=proto_mimic)),
)
show("sock ws gather False", lambda: fresh().test_client.websocket("/ws", gather_request=False)[0])
show("sock ws on http route", lambda: type(fresh().test_client.websocket("/plain")).__name__)
show("sock ws 404", lambda: type(fresh().test_client.websocket("/nothere")).__name__)


def asgi_ws(path, **kw):
    return wsdesc(asyncio.run(fresh().asgi_client.websocket(path, **kw)))


show("asgi ws", lambda: asgi_ws("/ws"))
show("asgi ws once", lambda: asgi_ws("/once"))
show("asgi ws subprotocols", lambda: asgi_ws("/proto", subprotocols=["p1"]))

# --- response helpers and surface ---
app = fresh()
_, r = app.test_client.get("/plain")
for name in sorted(n for n in dir(r) if not n.startswith("__")):
    try:
        v = getattr(r, name)
        shown = "method" if callable(v) else type(v).__name__
    except BaseException as e:
        shown = f"!{type(e).__name__}"
    print(f"resp attr {name}: {shown}")

from sanic_testing.testing import SanicASGITestClient, SanicTestClient  # noqa: E402


def params(fn):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return "?"
    return [
        (n, str(p.kind).split(".")[-1], None if p.default is p.empty else repr(p.default))
        for n, p in sig.parameters.items()
    ]


# Public methods (parameter names, kinds, defaults; annotations differ in spelling only).
# sanic-testing's private helpers (_collect_request, _run_request...) are its internals.
for name in ("get", "post", "put", "patch", "delete", "options", "head", "request", "websocket"):
    print(f"SanicTestClient.{name}: {params(getattr(SanicTestClient, name))}")
for name in ("request", "websocket"):
    print(f"SanicASGITestClient.{name}: {params(getattr(SanicASGITestClient, name))}")
print(f"SanicTestClient.__init__: {params(SanicTestClient.__init__)}")
print(f"SanicASGITestClient.__init__: {params(SanicASGITestClient.__init__)}")
import sanic_testing.testing as st  # noqa: E402

show("testing module names", lambda: sorted(n for n in vars(st) if not n.startswith("_")))
import sanic_testing  # noqa: E402

show("package names", lambda: sorted(n for n in vars(sanic_testing) if not n.startswith("_")))


# --- in a running loop ---
async def inside():
    a = fresh()
    return a.test_client.get("/plain")[1].status


show("sock call inside loop", lambda: asyncio.run(inside()))


# --- debug and exceptions ---
dapp = new_app("dbg")


@dapp.get("/boom")
async def boom(request):
    raise KeyError("k")


show("debug=True boom", lambda: dapp.test_client.get("/boom", debug=True)[1].text[:40])
show("debug boom ct", lambda: dapp.test_client.get("/boom", debug=True)[1].content_type)
show("then plain boom", lambda: fmt(dapp.test_client.get("/boom")[1].status))
