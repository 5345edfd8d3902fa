"""App for props_rfc.http (sanic-diff): the black-box side of the RFC grammar properties
(packages/http-core/tests/test_props_*.py). Not collected as a test."""

import os
import tempfile

from sanic import Sanic
from sanic.handlers import ContentRangeHandler
from sanic.response import file, json, raw

app = Sanic("PropsRfc")
app.config.FORWARDED_SECRET = "s3cr3t"

_DIR = tempfile.mkdtemp(prefix="props-rfc-")
PATH = os.path.join(_DIR, "abc.bin")
with open(PATH, "wb") as handle:
    handle.write(b"ABCDEFGHIJKLMNOPQRST")
os.utime(PATH, (1577836800, 1577836800))


@app.post("/echo")
async def echo(request):
    return raw(request.body)


@app.get("/range")
async def ranged(request):
    handler = ContentRangeHandler(request, os.stat(PATH))
    return await file(PATH, headers={"ETag": '"v1"'}, _range=handler)


@app.get("/fwd")
async def fwd(request):
    return json(request.forwarded)


@app.get("/args")
async def args(request):
    return json(request.query_args)


@app.get("/cookies")
async def cookies(request):
    return json({name: request.cookies.getlist(name) for name in request.cookies})


@app.post("/form")
async def form(request):
    files = {k: [(f.name, f.body.decode("utf-8", "replace")) for f in v] for k, v in request.files.items()}
    return json({"form": {k: request.form.getlist(k) for k in request.form}, "files": files})


@app.get("/server")
async def server(request):
    return json([request.server_name, request.server_port])


@app.get("/cond")
async def cond(request):
    return await file(PATH, request_headers=request.headers)
