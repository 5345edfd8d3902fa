"""sanic_testing clients: request options and response objects, socket and ASGI."""

import asyncio

from _probe import exc_line, new_app, show

from sanic import response


def make(name):
    app = new_app(name)

    @app.route("/echo", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
    async def echo(request):
        return response.json(
            {
                "method": request.method,
                "args": request.args,
                "json": request.json
                if request.headers.get("content-type") == "application/json"
                else None,
                "form": request.form if request.form else None,
                "body": request.body.decode(errors="replace"),
                "cookies": dict(request.cookies),
                "x": request.headers.get("x-test"),
                "ct": request.headers.get("content-type"),
            }
        )

    @app.get("/redir")
    async def redir(request):
        return response.redirect("/echo?from=redir")

    @app.get("/setcookie")
    async def setcookie(request):
        r = response.text("c")
        r.add_cookie("sc", "1")
        return r

    @app.get("/boom")
    async def boom(request):
        raise ValueError("boom")

    return app


CASES = [
    ("get", "/echo", {"params": {"a": "1", "b": ["2", "3"]}}),
    ("post", "/echo", {"json": {"k": "v"}}),
    ("post", "/echo", {"data": {"f": "1"}}),
    ("post", "/echo", {"content": b"raw"}),
    ("put", "/echo", {"headers": {"x-test": "hdr"}}),
    ("patch", "/echo", {"cookies": {"c1": "v1"}}),
    ("delete", "/echo", {}),
    ("options", "/echo", {}),
    ("head", "/echo", {}),
    ("get", "/redir", {}),
    ("get", "/redir", {"allow_redirects": False}),
    ("get", "/setcookie", {}),
    ("get", "/boom", {}),
    ("get", "/echo?q=1", {}),
]


def describe(req, resp):
    return (
        type(req).__name__ if req is not None else None,
        getattr(req, "path", None),
        resp.status,
        resp.headers.get("content-type"),
        resp.json if resp.headers.get("content-type") == "application/json" else resp.text[:40],
        dict(resp.cookies) if hasattr(resp, "cookies") else None,
        resp.headers.get("location"),
    )


sock = make("tsock")
for method, path, kw in CASES:
    try:
        req, resp = getattr(sock.test_client, method)(path, **kw)
        print(f"socket {method} {path} {kw}: {describe(req, resp)}")
    except BaseException as e:
        print(f"socket {method} {path} {kw}: {exc_line(e)}")

asgi = make("tasgi")


async def run(method, path, kw):
    req, resp = await getattr(asgi.asgi_client, method)(path, **kw)
    return describe(req, resp)


for method, path, kw in CASES:
    try:
        print(f"asgi {method} {path} {kw}: {asyncio.run(run(method, path, kw))}")
    except BaseException as e:
        print(f"asgi {method} {path} {kw}: {exc_line(e)}")

show(
    "socket gather_request=False",
    lambda: sock.test_client.get("/echo", gather_request=False).status,
)
show("socket debug kw", lambda: sock.test_client.get("/echo", debug=True)[1].status)
show(
    "socket request() with http_method",
    lambda: sock.test_client.request("/echo", http_method="post")[1].json["method"],
)
show(
    "asgi request()",
    lambda: asyncio.run(asgi.asgi_client.request("post", "/echo"))[1].json["method"],
)


# --- errors the socket client reports, and TestingResponse.json (parsed once) ---
errs = make("terrs")


@errs.get("/slow")
async def slow(request):
    await asyncio.sleep(1)
    return response.text("late")


for label, call in [
    ("get json=", lambda: errs.test_client.get("/echo", json={"a": 1})),
    ("delete content=", lambda: errs.test_client.delete("/echo", content=b"x")),
    ("options data=", lambda: errs.test_client.options("/echo", data={"a": "1"})),
    ("timeout", lambda: errs.test_client.get("/slow", timeout=0.05)),
    ("timeout allow_none", lambda: errs.test_client.get("/slow", timeout=0.05, allow_none=True)),
    ("bad kwarg allow_none", lambda: errs.test_client.get("/echo", bogus=1, allow_none=True)),
]:
    show(f"socket {label}", call)


def json_cached():
    _, resp = errs.test_client.get("/echo")
    resp.json["method"] = "changed"
    return resp.json is resp.json, resp.json["method"]


show("socket json parsed once", json_cached)

# --- ReusableClient: session, port and loop before run, redirects, errors ---
from sanic_testing.reusable import ReusableClient  # noqa: E402

reuse_app = make("treuse")


@reuse_app.get("/slow")
async def rslow(request):
    await asyncio.sleep(1)
    return response.text("late")


client = ReusableClient(reuse_app, client_kwargs={"headers": {"x-test": "session"}})
show(
    "reusable before run",
    lambda: (
        type(client._session).__name__,
        type(client.port).__name__,
        client._loop.is_closed(),
        client._session.follow_redirects,
    ),
)
with client:
    show("reusable get", lambda: client.get("/echo")[1].json["x"])
    show("reusable redirect", lambda: client.get("/redir")[1].status)
    show("reusable redirect followed", lambda: client.get("/redir", follow_redirects=True)[1].status)
    show("reusable allow_redirects", lambda: client.get("/redir", allow_redirects=False))
    show("reusable get json=", lambda: client.get("/echo", json={"a": 1}))
    show("reusable timeout", lambda: client.get("/slow", timeout=0.05))
    show("reusable allow_none", lambda: client.get("/slow", timeout=0.05, allow_none=True))
    show("reusable after errors", lambda: client.get("/echo")[1].status)
show("reusable session after stop", lambda: client._session)


def refused_server_kwargs():
    try:
        ReusableClient(reuse_app, server_kwargs={"workers": 2})
    except TypeError as e:  # the messages name different classes
        return "create_server() got an unexpected keyword argument 'workers'" in str(e)
    return "accepted"


show("reusable server_kwargs create_server refuses", refused_server_kwargs)

# --- websockets over the socket client (one app per call: Sanic's client breaks after one) ---


def ws_app(name):
    app = new_app(name)

    @app.websocket("/ws")
    async def ws(request, ws):
        async for message in ws:
            await ws.send(f"echo:{message}")

    return app


async def mimic(ws):
    seen = (ws.open, ws.closed, ws.path, sorted(ws.response_headers.keys()))
    await ws.send("hi")
    return seen, await ws.recv()


seen_by_mimic = []


async def recording_mimic(ws):
    seen_by_mimic.append(await mimic(ws))


def ws_call():
    req, resp = ws_app("tws1").test_client.websocket("/ws", mimic=recording_mimic)
    return (
        req.path,
        type(resp).__name__,
        resp.client_sent,
        resp.client_received,
        resp.server_received,
        resp.server_sent,
        seen_by_mimic,
    )


show("websocket mimic", ws_call)
show(
    "websocket extra_headers",
    lambda: ws_app("tws2").test_client.websocket("/ws", extra_headers={"x-h": "1"})[0].headers.get("x-h"),
)
