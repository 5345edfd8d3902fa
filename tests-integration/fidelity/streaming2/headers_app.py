"""request.respond()/ResponseStream/file_stream with fields the app sets itself (sanic-diff)."""

from pathlib import Path

from sanic import Sanic
from sanic.response import ResponseStream, file_stream

app = Sanic("Streaming2Headers")
DATA = Path(__file__).parent / "data.txt"
CASES = {
    "ct-both": dict(headers={"content-type": "a/b"}, content_type="c/d"),
    "ct-header": dict(headers={"Content-Type": "a/b"}),
    "ct-empty": dict(content_type=""),
    "conn-close": dict(headers={"connection": "close"}),
    "conn-keep": dict(headers={"connection": "keep-alive"}),
    "conn-upgrade": dict(headers={"connection": "upgrade", "upgrade": "x"}),
    "keep-alive-field": dict(headers={"keep-alive": "timeout=5"}),
    "te-gzip": dict(headers={"transfer-encoding": "gzip"}),
    "te-chunked-upper": dict(headers={"Transfer-Encoding": "Chunked"}),
    "cl-bad": dict(headers={"content-length": "x"}),
    "cl-neg": dict(headers={"content-length": "-1"}),
    "cl-zero": dict(headers={"content-length": "0"}),
    "cl-te": dict(headers={"content-length": "4", "transfer-encoding": "chunked"}),
    "date": dict(headers={"date": "Mon, 01 Jan 2024 00:00:00 GMT"}),
    "server": dict(headers={"server": "mine"}),
    "status-str": dict(status="201"),
    "status-999": dict(status=999),
    "headers-list": dict(headers=[("x-a", "1"), ("x-a", "2")]),
    "headers-none-value": dict(headers={"x-n": None}),
    "headers-int-value": dict(headers={"x-i": 5}),
    "headers-bytes-value": dict(headers={"x-b": b"v"}),
}


@app.route("/respond/<case>", methods=["GET", "HEAD"])
async def respond(request, case):
    response = await request.respond(**CASES[case])
    await response.send("body")
    await response.eof()


@app.route("/rs/<case>", methods=["GET", "HEAD"])
async def rs(request, case):
    async def fn(response):
        await response.write("body")

    return ResponseStream(fn, **CASES[case])


@app.route("/fs/<case>", methods=["GET", "HEAD"])
async def fs(request, case):
    kw = CASES[case]
    return await file_stream(DATA, chunk_size=500, headers=dict(kw.get("headers") or {}) or None,
                             mime_type=kw.get("content_type"), status=kw.get("status", 200))
