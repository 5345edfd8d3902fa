"""clients2: JSON edge cases, streamed request bodies, client-only keywords on asgi_client."""

import asyncio

from _c import exc_line, fmt, new_app

from sanic import response


def make(name):
    app = new_app(name)

    @app.get("/badjson")
    async def badjson(request):
        return response.raw(b"{bad", content_type="application/json")

    @app.get("/emptyjson")
    async def emptyjson(request):
        return response.raw(b"", content_type="application/json")

    @app.get("/nulljson")
    async def nulljson(request):
        return response.json(None)

    @app.post("/st", stream=True)
    async def st(request):
        total, parts = 0, 0
        while True:
            chunk = await request.stream.read()
            if chunk is None:
                break
            total += len(chunk)
            parts += 1
        return response.json(
            {"total": total, "some": parts > 0, "te": request.headers.get("transfer-encoding")}
        )

    @app.get("/")
    async def index(request):
        return response.text("i")

    return app


async def agen():
    for i in range(5):  # noqa: B007
        yield b"z" * 100_000


def gen():
    for i in range(3):  # noqa: B007
        yield b"y" * 10


def jdesc(res):
    req, resp = res
    try:
        j = fmt(resp.json)
    except BaseException as e:
        j = f"!{type(e).__name__}: {e}"
    return (resp.status, j, resp.text[:20])


for i, (label, path, kw) in enumerate(
    (
        ("badjson", "/badjson", {}),
        ("emptyjson", "/emptyjson", {}),
        ("nulljson", "/nulljson", {}),
        ("head badjson", "/badjson", {"method": "head"}),
    )
):
    method = kw.pop("method", "get")
    s = make(f"c2m_s{i}")
    a = make(f"c2m_a{i}")
    for cl, fn in (
        ("sock", lambda: getattr(s.test_client, method)(path)),  # noqa: B023
        ("asgi", lambda: asyncio.run(getattr(a.asgi_client, method)(path))),  # noqa: B023
    ):
        try:
            print(f"{cl} {label}: {jdesc(fn())}")
        except BaseException as e:
            print(f"{cl} {label}: {exc_line(e)[:160]}")

for i, (label, kw) in enumerate(
    (
        ("big bytes", {"content": b"q" * 2_000_000}),
        ("async gen", {"content": agen}),
        ("sync gen", {"content": gen}),
        ("data", {"data": {"a": "1"}}),
        (
            "none",
            {},
        ),  # KEPT (known, README line "Over ASGI, `request.stream.read()`"): Sanic reads one b""
    )
):
    s = make(f"c2st_s{i}")
    a = make(f"c2st_a{i}")
    for cl, fn in (
        (
            "sock",
            lambda: s.test_client.post(  # noqa: B023
                "/st",
                **{k: (v() if callable(v) else v) for k, v in kw.items()},  # noqa: B023
            ),
        ),
        (
            "asgi",
            lambda: asyncio.run(
                a.asgi_client.post("/st", **{k: (v() if callable(v) else v) for k, v in kw.items()})  # noqa: B023
            ),
        ),
    ):
        try:
            r = fn()[1]
            print(f"{cl} stream {label}: {r.status} {r.json}")
        except BaseException as e:
            print(f"{cl} stream {label}: {exc_line(e)[:160]}")

for i, kw in enumerate(
    (
        {"debug": True},
        {"server_kwargs": {"backlog": 5}},
        {"timeout": 3},
        {"host": "127.0.0.1"},
        {"port": 1},
        {"gather_request": False},
    )
):
    a = make(f"c2kw_a{i}")
    try:
        r = asyncio.run(a.asgi_client.get("/", **kw))
        print(f"asgi {kw}: {type(r).__name__} {r[1].status if isinstance(r, tuple) else r.status}")
    except BaseException as e:
        print(f"asgi {kw}: {exc_line(e)[:200]}")
