"""The app of the third round of misbehaving-client probes (see the README section)."""

import asyncio
import gc
import os
import time

from sanic import Sanic, response
from sanic.response import file, file_stream, raw, text

app = Sanic("stress3")
C = app.config
for k in ("RESPONSE_TIMEOUT", "KEEP_ALIVE_TIMEOUT", "REQUEST_TIMEOUT", "REQUEST_MAX_SIZE"):
    v = os.environ.get("S3_" + k)
    if v:
        setattr(C, k, float(v) if "." in v else int(v))
if os.environ.get("S3_NOUVLOOP"):
    C.USE_UVLOOP = False
BIG = b"x" * (8 * 1024 * 1024)
FILE = os.path.join(os.environ.get("S3_SCRATCH", "/tmp/stress3"), "big8.bin")
if not os.path.exists(FILE):
    with open(FILE, "wb") as f:
        f.write(BIG)
EV = []


@app.get("/stats")
async def stats(request):
    gc.collect()
    rss = 0
    with open("/proc/self/status") as f:  # noqa: ASYNC230
        for line in f:
            if line.startswith("VmRSS"):
                rss = int(line.split()[1])
    return response.json(
        {
            "fds": len(os.listdir("/proc/self/fd")),
            "tasks": len(asyncio.all_tasks()),
            "rss_kb": rss,
            "pid": os.getpid(),
            "ev": EV[-20:],
        }
    )


@app.get("/")
async def root(request):
    return text("ok")


@app.route("/form", methods=["POST"])
async def form(request):
    t = time.perf_counter()
    f = request.form
    return text(f"{len(f)} {time.perf_counter() - t:.3f}")


@app.route("/files", methods=["POST"])
async def files(request):
    t = time.perf_counter()
    f = request.form
    fi = request.files
    return text(f"{len(f)} {len(fi)} {time.perf_counter() - t:.3f}")


@app.get("/args")
async def args(request):
    t = time.perf_counter()
    a = request.args
    qa = request.query_args
    return text(f"{len(a)} {len(qa)} {time.perf_counter() - t:.3f}")


@app.route("/json", methods=["POST"])
async def js(request):
    t = time.perf_counter()
    j = request.json
    return text(f"{type(j).__name__} {time.perf_counter() - t:.3f}")


@app.get("/cookies")
async def cookies(request):
    t = time.perf_counter()
    c = request.cookies
    return text(f"{len(c)} {time.perf_counter() - t:.3f}")


@app.get("/raw")
async def rawr(request):
    return raw(BIG)


@app.get("/file")
async def filer(request):
    return await file(FILE)


@app.get("/fstream")
async def fstream(request):
    return await file_stream(FILE)


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain")
    n = 0
    t0 = time.monotonic()
    try:
        for n in range(200):  # noqa: B007 (n is reported on exceptions)
            await r.send(b"y" * 65536)
        await r.eof()
        EV.append(f"respond done {n} {time.monotonic() - t0:.1f}")
    except BaseException as e:
        EV.append(f"respond exc {n} {type(e).__name__} {time.monotonic() - t0:.1f}")
        raise
