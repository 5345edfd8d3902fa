"""clients2: file and stream responses through the clients (headers and bodies)."""

import asyncio
import os
import tempfile

from _c import exc_line, new_app

from sanic import response
from sanic.response import ResponseStream

TMP = tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False)
TMP.write(b"line\n" * 20000)
TMP.close()
SKIP = {"date", "last-modified", "etag"}


def make(name):
    app = new_app(name)

    @app.get("/file")
    async def f(request):
        return await response.file(TMP.name)

    @app.get("/file_stream")
    async def fs(request):
        return await response.file_stream(TMP.name, chunk_size=4096)

    @app.get("/rs")
    async def rs(request):
        async def produce(r):
            for i in range(3):
                await r.write(f"p{i};")

        return ResponseStream(produce, content_type="text/x-p")

    return app


def desc(resp):
    h = sorted(
        (k, v)
        for k, v in resp.headers.items()
        if k not in SKIP and not (k == "content-length" and "mockserver" in str(resp.url))
    )
    return (resp.status, len(resp.body), resp.body[:12], h)


try:
    for i, (path, kw) in enumerate(
        (
            ("/file", {}),
            ("/file_stream", {}),
            ("/rs", {}),
            ("/file", {"headers": {"range": "bytes=0-9"}}),
            ("/file", {"headers": {"accept-encoding": "identity"}}),
        )
    ):
        s, a = make(f"c2f_s{i}"), make(f"c2f_a{i}")
        for cl, fn in (
            ("sock", lambda: s.test_client.get(path, **kw)),  # noqa: B023
            ("asgi", lambda: asyncio.run(a.asgi_client.get(path, **kw))),  # noqa: B023
        ):
            try:
                print(f"{cl} {path} {kw}: {desc(fn()[1])}")
            except BaseException as e:
                print(f"{cl} {path} {kw}: {exc_line(e)[:160]}")
finally:
    os.unlink(TMP.name)
