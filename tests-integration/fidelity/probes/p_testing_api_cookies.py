"""sanic_testing clients, second audit: cookies sent and received, header forms."""

import asyncio

from _probe import new_app, show

from sanic import response


def make(name):
    app = new_app(name)

    @app.get("/c")
    async def c(request):
        return response.json(
            {
                "cookies": sorted((k, v) for k, vs in request.cookies.items() for v in vs),
                "raw": request.headers.getall("cookie", []),
            }
        )

    @app.get("/set")
    async def setc(request):
        r = response.text("s")
        r.add_cookie("a", "1")
        r.add_cookie("b", "two words", max_age=5, path="/")
        r.add_cookie("sec", "x", secure=True, httponly=True, samesite="Strict")
        r.delete_cookie("gone")
        r.headers.add("x-multi", "1")
        r.headers.add("x-multi", "2")
        return r

    return app


def rcookies(resp):
    return (
        sorted(resp.cookies.items()),
        type(resp.cookies).__name__,
        sorted(resp.headers.get_list("set-cookie")),
        resp.headers.get("x-multi"),
        resp.headers.get_list("x-multi"),
    )


CASES = [
    ("/c", {"cookies": {"s": "with space", "q": '"quoted"', "u": "üñ"}}),
    ("/c", {"cookies": {"a": "1"}, "headers": {"cookie": "b=2"}}),
    ("/c", {"headers": {"cookie": "x=1; y=2"}}),
    ("/c", {"cookies": {"a;b": "1"}}),
    ("/c", {"cookies": [("a", "1"), ("a", "2")]}),
]

sock = make("ck_sock")
asgi = make("ck_asgi")
for path, kw in CASES:
    show(f"sock {path} {kw}", lambda p=path, k=kw: sock.test_client.get(p, **k)[1].json)
    show(
        f"asgi {path} {kw}",
        lambda p=path, k=kw: asyncio.run(asgi.asgi_client.get(p, **k))[1].json,
    )
show("sock set", lambda: rcookies(sock.test_client.get("/set")[1]))
show("asgi set", lambda: rcookies(asyncio.run(asgi.asgi_client.get("/set"))[1]))

# --- socket-client options given to the ASGI client, and ReusableClient's methods ---
for kw in (
    {"debug": True},
    {"server_kwargs": {}},
    {"host": "127.0.0.1"},
    {"port": 1},
    {"allow_redirects": False},
    {"allow_none": True},
    {"timeout": 5},
):
    show(
        f"asgi option {kw}",
        lambda k=kw: asyncio.run(asgi.asgi_client.get("/c", **k))[1].status,
    )

from sanic_testing.reusable import ReusableClient  # noqa: E402

rapp = make("ck_reuse")
with ReusableClient(rapp) as rc:
    show("reuse request()", lambda: rc.request("/c", http_method="get"))
    show("reuse options", lambda: rc.options("/c")[1].status)
    show("reuse cookies", lambda: rc.get("/c", cookies={"a": "1"})[1].json)
    show("reuse set", lambda: rcookies(rc.get("/set")[1]))
    show("reuse debug", lambda: rc.get("/c", debug=True)[1].status)
    show("reuse server_kwargs", lambda: rc.get("/c", server_kwargs={})[1].status)
