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
