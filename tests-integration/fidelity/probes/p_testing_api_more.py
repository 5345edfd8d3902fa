"""sanic_testing clients, second audit: odd arguments, what the app sees, cookies kept."""

import asyncio
import socket

import httpx
from _probe import new_app, show

from sanic import response


def make(name):
    app = new_app(name)

    @app.route("/see", methods=["GET", "POST"])
    async def see(request):
        return response.json(
            {
                "ip": request.ip,
                "port": type(request.port).__name__,
                "server_name": request.server_name.replace("127.0.0.1", "LOCAL"),
                "url": request.url.split("://")[0],
                "path": request.path,
                "qs": request.query_string,
                "ua": (request.headers.get("user-agent") or "").split("/")[0],
                "accept": request.headers.get("accept"),
                "enc": request.headers.get("accept-encoding"),
                "conn": request.headers.get("connection"),
                "cookies": dict(request.cookies),
                "hdr": request.headers.getall("x-m", []),
                "body": request.body.decode(errors="replace"),
                "ct": (request.headers.get("content-type") or "").split(";")[0],
                "cl": request.headers.get("content-length"),
                "te": request.headers.get("transfer-encoding"),
            }
        )

    @app.get("/setc")
    async def setc(request):
        r = response.text("set")
        r.add_cookie("kept", "yes")
        return r

    @app.get("/badjson")
    async def badjson(request):
        return response.text("{not json", content_type="application/json")

    @app.get("/none")
    async def none(request):
        return None

    @app.get("/mw-raise")
    async def mwr(request):
        return response.text("fine")

    @app.on_response
    async def raise_in_mw(request, resp):
        if request.path == "/mw-raise":
            raise RuntimeError("mw boom")

    return app


app = make("more_sock")
aapp = make("more_asgi")


def gen():
    yield b"a"
    yield b"b"


CASES = [
    ("get", "/see", {"headers": [("x-m", "1"), ("x-m", "2")]}),
    ("get", "/see", {"cookies": httpx.Cookies({"c": "1"})}),
    ("get", "/see", {"params": {"n": 1, "f": 1.5, "b": True}}),
    ("get", "/see", {"params": {"e": ""}}),
    ("get", "see", {}),
    ("get", "", {}),
    ("get", "/see#frag", {}),
    ("get", "/see?a=1&a=2", {"params": [("b", "3")]}),
    ("get", "/see?", {}),
    ("get", "/s%20e", {}),
    ("post", "/see", {"json": None}),
    ("post", "/see", {"data": {"a": "1"}, "json": {"b": 2}}),
    ("post", "/see", {"content": b"", "headers": {"content-type": "text/x"}}),
    ("get", "/badjson", {}),
    ("get", "/none", {}),
    ("get", "/mw-raise", {}),
]


def run_sock(m, p, k):
    req, resp = getattr(app.test_client, m)(p, **k)
    return req.path if req else None, resp.status, resp.text[:300]


async def run_asgi(m, p, k):
    req, resp = await getattr(aapp.asgi_client, m)(p, **k)
    return req.path if req else None, resp.status, resp.text[:300]


for m, p, k in CASES:
    show(f"sock {m} {p!r} {k}", lambda m=m, p=p, k=k: run_sock(m, p, k))
    show(f"asgi {m} {p!r} {k}", lambda m=m, p=p, k=k: asyncio.run(run_asgi(m, p, k)))

show("badjson json sock", lambda: app.test_client.get("/badjson")[1].json)


async def badjson_asgi():
    return (await aapp.asgi_client.get("/badjson"))[1].json


show("badjson json asgi", lambda: asyncio.run(badjson_asgi()))


# cookies across calls
def sock_cookie():
    app.test_client.get("/setc")
    return app.test_client.get("/see")[1].json["cookies"]


async def asgi_cookie():
    await aapp.asgi_client.get("/setc")
    return (await aapp.asgi_client.get("/see"))[1].json["cookies"]


show("sock cookies kept across calls", sock_cookie)
show("asgi cookies kept across calls", lambda: asyncio.run(asgi_cookie()))
show("asgi client cookie jar", lambda: dict(aapp.asgi_client.cookies))

# response.request (httpx) and elapsed
show("resp.request", lambda: type(app.test_client.get("/see")[1].request).__name__)
show("resp.request method", lambda: app.test_client.get("/see")[1].request.method)
show("resp.elapsed type", lambda: type(app.test_client.get("/see")[1].elapsed).__name__)
show("resp.history sock", lambda: len(app.test_client.get("/see")[1].history))
show("resp is_closed", lambda: app.test_client.get("/see")[1].is_closed)


async def agen():
    yield b"x"
    yield b"y"


FILES = {"files": [("f", ("a.txt", b"1")), ("f", ("b.txt", b"2"))]}
show("sock files list", lambda: run_sock("post", "/see", FILES)[2][-60:])
show("asgi files list", lambda: asyncio.run(run_asgi("post", "/see", FILES))[2][-60:])
show("sock head body", lambda: app.test_client.head("/see")[1].body)
show("sock options", lambda: app.test_client.options("/see")[1].headers.get("allow"))
show("asgi options", lambda: asyncio.run(aapp.asgi_client.options("/see"))[1].headers.get("allow"))
# Last: under Sanic this call breaks the socket client for the rest of the process.
show("sock content async gen", lambda: run_sock("post", "/see", {"content": agen()}))
show("asgi content async gen", lambda: asyncio.run(run_asgi("post", "/see", {"content": agen()})))


# Last: after a failed start, Sanic's socket client fails every later call.
# server fails to start: the port is taken
busy = socket.socket()
busy.bind(("127.0.0.1", 0))
busy.listen(1)
taken = busy.getsockname()[1]
from sanic_testing.testing import SanicTestClient  # noqa: E402

fapp = new_app("failstart")


@fapp.get("/")
async def root(request):
    return response.text("ok")


show("port taken", lambda: SanicTestClient(fapp, port=taken).get("/"))
busy.close()
