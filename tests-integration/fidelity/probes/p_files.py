"""response.file / file_stream / ResponseStream / request.respond, through the ASGI client."""

import asyncio
import os
import shutil
from datetime import UTC, datetime

from _probe import new_app

from sanic import response as R

DIR = "/tmp/sanic_probe_files"
shutil.rmtree(DIR, ignore_errors=True)
os.makedirs(DIR)
with open(f"{DIR}/a.txt", "w") as f:
    f.write("hello file\n" * 20)
with open(f"{DIR}/b.json", "w") as f:
    f.write('{"a": 1}')
with open(f"{DIR}/c.unknownext", "wb") as f:
    f.write(b"\x00\x01\x02")
with open(f"{DIR}/page.html", "w") as f:
    f.write("<p>x</p>")
MTIME = datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC).timestamp()
for name in os.listdir(DIR):
    os.utime(f"{DIR}/{name}", (MTIME, MTIME))

app = new_app("fileapp")
CASES = {
    "plain": lambda: R.file(f"{DIR}/a.txt"),
    "json": lambda: R.file(f"{DIR}/b.json"),
    "unknown": lambda: R.file(f"{DIR}/c.unknownext"),
    "html": lambda: R.file(f"{DIR}/page.html"),
    "mime": lambda: R.file(f"{DIR}/a.txt", mime_type="application/x-mine"),
    "filename": lambda: R.file(f"{DIR}/a.txt", filename="dl.txt"),
    "filename_unicode": lambda: R.file(f"{DIR}/a.txt", filename="dé l.txt"),
    "headers": lambda: R.file(f"{DIR}/a.txt", headers={"x-f": "1"}, status=203),
    "max_age": lambda: R.file(f"{DIR}/a.txt", max_age=60),
    "no_store": lambda: R.file(f"{DIR}/a.txt", no_store=True),
    "last_modified_false": lambda: R.file(f"{DIR}/a.txt", last_modified=False),
    "last_modified_dt": lambda: R.file(
        f"{DIR}/a.txt", last_modified=datetime(2021, 5, 6, tzinfo=UTC)
    ),
    "last_modified_ts": lambda: R.file(f"{DIR}/a.txt", last_modified=MTIME),
    "pathlib": lambda: R.file(__import__("pathlib").Path(f"{DIR}/a.txt")),
    "missing": lambda: R.file(f"{DIR}/nope.txt"),
    "stream": lambda: R.file_stream(f"{DIR}/a.txt"),
    "stream_chunk": lambda: R.file_stream(
        f"{DIR}/a.txt",
        chunk_size=7,
        mime_type="text/x",
        filename="s.txt",
        headers={"x-s": "1"},
        status=201,
    ),
    "stream_missing": lambda: R.file_stream(f"{DIR}/nope.txt"),
}


@app.get("/f/<case>")
async def f(request, case):
    return await CASES[case]()


@app.get("/range")
async def ranged(request):
    from sanic.handlers import ContentRangeHandler

    stats = os.stat(f"{DIR}/a.txt")
    cr = ContentRangeHandler(request, stats)
    return await R.file(f"{DIR}/a.txt", _range=cr)


@app.get("/stream")
async def streamed(request):
    async def body(resp):
        await resp.write("one,")
        await resp.write(b"two,")
        await resp.write("three")

    return R.ResponseStream(body, status=202, headers={"x-rs": "1"}, content_type="text/csv")


@app.get("/respond")
async def respond(request):
    resp = await request.respond(content_type="text/x-resp", headers={"x-r": "1"})
    await resp.send("a")
    await resp.send(b"b")
    await resp.eof()


@app.get("/respond_then_return")
async def respond_then_return(request):
    resp = await request.respond()
    await resp.send("streamed")
    return R.text("ignored?")


HDRS = (
    "content-type",
    "content-disposition",
    "cache-control",
    "last-modified",
    "expires",
    "x-f",
    "x-s",
    "x-rs",
    "x-r",
    "content-range",
    "accept-ranges",
    "etag",
)


async def go(path, headers=None):
    _, r = await app.asgi_client.get(path, headers=headers or {})
    return r


for path, hdrs in [(f"/f/{c}", None) for c in CASES] + [
    ("/range", {"range": "bytes=0-4"}),
    ("/range", {"range": "bytes=-5"}),
    ("/range", {"range": "bytes=500-600"}),
    ("/range", {"range": "items=0-1"}),
    ("/range", None),
    ("/stream", None),
    ("/respond", None),
    ("/respond_then_return", None),
    ("/f/plain", {"if-modified-since": "Thu, 02 Jan 2020 03:04:05 GMT"}),
]:
    r = asyncio.run(go(path, hdrs))
    parts = " ".join(
        f"{h}={r.headers.get(h)!r}" if h != "expires" else "expires=set"
        for h in HDRS
        if r.headers.get(h) is not None
    )
    print(f"GET {path} {hdrs or ''}: {r.status} {parts} body={r.body[:60]!r} len={len(r.body)}")
