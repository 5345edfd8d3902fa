"""clients2: what a test sees on the response (TestingResponse) over both clients."""

import asyncio

from _c import fmt, new_app, noport, show

from sanic import response

BIG = b"x" * (3 * 1024 * 1024 + 7)


def make(name):
    app = new_app(name)

    @app.route("/echo", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    async def echo(request):
        return response.json({"m": request.method, "n": len(request.body)})

    @app.get("/big")
    async def big(request):
        return response.raw(BIG)

    @app.post("/bigin")
    async def bigin(request):
        return response.text(f"{len(request.body)}:{request.body[:3]!r}:{request.body[-3:]!r}")

    @app.get("/stream")
    async def stream(request):
        r = await request.respond(content_type="text/csv", headers={"x-a": "1"})
        for i in range(4):
            await r.send(f"{i};" * 1000)
        await r.eof()

    @app.get("/r1")
    async def r1(request):
        return response.redirect("/r2")

    @app.get("/r2")
    async def r2(request):
        return response.redirect("/echo?x=1", status=301)

    @app.get("/cookie")
    async def cookie(request):
        r = response.text("c")
        r.add_cookie("a", "1", max_age=5)
        r.add_cookie("b", "two words", path="/x")
        r.delete_cookie("gone")
        return r

    @app.get("/text")
    async def text(request):
        return response.text("héllo", status=201, headers={"X-Y": "z"})

    @app.get("/nojson")
    async def nojson(request):
        return response.text("{bad")

    @app.get("/s/<code:int>")
    async def status(request, code):
        return response.empty(status=code)

    return app


sapp = make("c2sock")
aapp = make("c2asgi")


def desc(resp):
    if resp is None:
        return None
    # Known kept (README "The test clients" and "Test clients, API audit"): the ASGI
    # content-length, Sanic's literal `content-type: None`, the order of `Allow`.
    h = [
        (k, ", ".join(sorted(v.split(", "))) if k == "allow" else v)
        for k, v in resp.headers.items()
        if k != "date"
        and not (k == "content-length" and "mockserver" in str(resp.url))
        and not (k == "content-type" and v == "None")
    ]
    out = {
        "type": [c.__name__ for c in type(resp).__mro__][:3],
        "status": resp.status,
        "status_code": resp.status_code,
        "len": len(resp.body),
        "body": resp.body[:40],
        "content==body": resp.content == resp.body,
        "text": resp.text[:40],
        "headers": noport(fmt(h)),
        "cookies": sorted(resp.cookies.items()),
        "url": noport(str(resp.url)),
        "url type": type(resp.url).__name__,
        "history": [(type(x).__name__, x.status_code, noport(str(x.url))) for x in resp.history],
        "is_success": resp.is_success,
        "is_redirect": resp.is_redirect,
        "is_error": resp.is_error,
        "reason": resp.reason_phrase,
        "encoding": resp.encoding,
        "content_type": str(getattr(resp, "content_type", "!missing")).replace("None", "-"),
    }
    try:
        out["json"] = fmt(resp.json)[:60]
    except BaseException as e:
        out["json"] = f"!{type(e).__name__}"
    return out


CASES = [
    ("get", "/echo", {}),
    ("post", "/echo", {"content": b"abc"}),
    ("put", "/echo", {"json": [1]}),
    ("patch", "/echo", {"data": {"a": "b"}}),
    ("delete", "/echo", {}),
    ("options", "/echo", {}),
    ("head", "/echo", {}),
    ("get", "/big", {}),
    ("post", "/bigin", {"content": BIG}),
    ("get", "/stream", {}),
    ("get", "/r1", {}),
    ("get", "/r1", {"follow_redirects": True}),
    ("get", "/r1", {"allow_redirects": True}),
    ("get", "/r1", {"allow_redirects": False}),
    ("get", "/r1", {"follow_redirects": False}),  # KEPT (known): sanic-testing follows
    ("get", "/cookie", {}),
    ("get", "/text", {}),
    ("get", "/nojson", {}),
    ("get", "/s/204", {}),
    ("get", "/s/304", {}),
    ("get", "/s/418", {}),
    ("get", "/s/599", {}),
    ("get", "/missing", {}),
    ("post", "/text", {}),
]

for method, path, kw in CASES:
    shown = {
        k: (v if not isinstance(v, bytes) or len(v) < 10 else f"<{len(v)} bytes>")
        for k, v in kw.items()
    }
    show(
        f"sock {method} {path} {shown}",
        lambda: desc(getattr(sapp.test_client, method)(path, **kw)[1]),  # noqa: B023
    )
    show(
        f"asgi {method} {path} {shown}",
        lambda: desc(asyncio.run(getattr(aapp.asgi_client, method)(path, **kw))[1]),  # noqa: B023
    )
    show(
        f"sock nogather {method} {path}",
        lambda: desc(getattr(sapp.test_client, method)(path, gather_request=False, **kw)),  # noqa: B023
    )
