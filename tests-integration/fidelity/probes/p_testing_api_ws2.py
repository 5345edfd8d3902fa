"""sanic_testing clients, second audit: websocket edge cases over the socket client."""

from _probe import new_app, show

n = [0]


def fresh():
    n[0] += 1
    app = new_app(f"ws2_{n[0]}")

    @app.websocket("/ws/<name>")
    async def ws(request, ws, name):
        await ws.send(f"{name}:{request.query_string}:{request.headers.get('x-h')}")
        await ws.recv()

    @app.websocket("/boom")
    async def boom(request, ws):
        raise ValueError("ws boom")

    return app


async def recv_one(ws):
    return await ws.recv()


async def mimic_raises(ws):
    raise KeyError("mimic boom")


def desc(out):
    req, res = out
    return (
        getattr(req, "path", None),
        getattr(req, "query_string", None),
        getattr(res, "client_received", None),
        getattr(res, "client_sent", None),
    )


show("ws params query", lambda: desc(fresh().test_client.websocket("/ws/bob?x=1", mimic=recv_one)))
show(
    "ws extra_headers",
    lambda: desc(
        fresh().test_client.websocket("/ws/a", mimic=recv_one, extra_headers={"x-h": "e"})
    ),
)
show(
    "ws headers=",
    lambda: desc(fresh().test_client.websocket("/ws/a", mimic=recv_one, headers={"x-h": "h"})),
)
show(
    "ws params=",
    lambda: desc(fresh().test_client.websocket("/ws/a", mimic=recv_one, params={"p": "1"})),
)
show("ws mimic raises", lambda: desc(fresh().test_client.websocket("/ws/a", mimic=mimic_raises)))
show("ws handler raises", lambda: desc(fresh().test_client.websocket("/boom", mimic=recv_one)))
show("ws handler raises no mimic", lambda: desc(fresh().test_client.websocket("/boom")))
show(
    "ws gather False",
    lambda: fresh().test_client.websocket("/ws/a", mimic=recv_one, gather_request=False)[0],
)


def fresh_end():
    n[0] += 1
    app = new_app(f"ws2e_{n[0]}")

    @app.websocket("/end")
    async def end(request, ws):
        await ws.send("x")

    return app


async def recv_twice(ws):
    await ws.recv()
    await ws.recv()


show(
    "ws mimic recv past the handler's end",
    lambda: desc(fresh_end().test_client.websocket("/end", mimic=recv_twice)),
)
