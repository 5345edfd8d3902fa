"""clients2: websockets over test_client / ReusableClient: what the returned proxy holds."""

from _c import exc_line, fmt, new_app

from sanic_testing.reusable import ReusableClient


def make(name):
    app = new_app(name)

    @app.websocket("/echo")
    async def echo(request, ws):
        while True:
            msg = await ws.recv()
            if msg is None or msg == "":
                break
            await ws.send(f"e:{msg}" if isinstance(msg, str) else msg[::-1])

    @app.websocket("/talk/<n:int>")
    async def talk(request, ws, n):
        for i in range(n):
            await ws.send(f"{i}:{request.args.get('q')}")
        got = await ws.recv()
        await ws.send(f"got {got}")
        await ws.recv()

    return app


async def m_echo(ws):
    await ws.send("a")
    r1 = await ws.recv()
    await ws.send(b"xy")
    r2 = await ws.recv()
    return [r1, r2]


async def m_talk(ws):
    out = [await ws.recv(), await ws.recv()]
    await ws.send("hi")
    out.append(await ws.recv())
    return out


def desc(res):
    if not isinstance(res, tuple):
        return f"not a tuple: {type(res).__name__}"
    req, resp = res
    out = {
        "req": (type(req).__name__, getattr(req, "path", None), getattr(req, "query_string", None)),
        "resp": type(resp).__name__,
    }
    for a in (
        "client_sent",
        "client_received",
        "server_sent",
        "server_received",
        "opened",
        "ws",
        "status",
    ):
        try:
            # the client connection's class is known kept (current websockets client)
            out[a] = "conn" if a == "ws" else fmt(getattr(resp, a))[:80]
        except BaseException as e:
            out[a] = f"!{type(e).__name__}"
    return out


# A fresh app per call: sanic-testing fails a second socket call after a websocket call
# on one app (known kept, README "The test clients").
for i, (label, fn) in enumerate(
    (
        ("echo", lambda app: app.test_client.websocket("/echo", mimic=m_echo)),
        ("talk", lambda app: app.test_client.websocket("/talk/2?q=z", mimic=m_talk)),
        (
            "talk params",
            lambda app: app.test_client.websocket("/talk/2", mimic=m_talk, params={"q": "p"}),
        ),
        (
            "talk nogather",
            lambda app: (
                "-",
                app.test_client.websocket("/talk/2", mimic=m_talk, gather_request=False),
            ),
        ),
    )
):
    try:
        print(f"sock {label}: {desc(fn(make(f'c2ws{i}')))}")
    except BaseException as e:
        print(f"sock {label}: {exc_line(e)[:160]}")

rapp = make("c2ws_reuse")
with ReusableClient(rapp) as rc:
    for label, fn in (
        ("echo", lambda: rc.websocket("/echo", mimic=m_echo)),
        ("talk", lambda: rc.websocket("/talk/2?q=z", mimic=m_talk)),
        ("echo again", lambda: rc.websocket("/echo", mimic=m_echo)),
    ):
        try:
            print(f"reuse {label}: {desc(fn())}")
        except BaseException as e:
            print(f"reuse {label}: {exc_line(e)[:160]}")
