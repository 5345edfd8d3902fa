"""Second socket app: app-wide dumps in error pages, status edge cases, file() options."""

import json as stdjson
import os
import tempfile

from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.response import JSONResponse


def my_dumps(obj, **kw):
    return stdjson.dumps({"wrapped": obj}, **kw)


app = Sanic("responses2b", dumps=my_dumps)
app.config.FALLBACK_ERROR_FORMAT = "json"

TMP = tempfile.mkdtemp()
FILE = os.path.join(TMP, "f.txt")
with open(FILE, "w") as f:
    f.write("0123456789abcdefghij")
os.utime(FILE, (1700000000, 1700000000))


@app.get("/err")
async def err(request):
    raise SanicException("boom", status_code=409, context={"k": "/v"})


@app.get("/err500")
async def err500(request):
    raise ValueError("x")


@app.get("/nonser")
async def nonser(request):
    return response.json({"a": object()})


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="application/json")
    await r.send(response.json({"a": 1}).body)
    await r.eof()


@app.route("/json", methods=["GET", "HEAD", "POST"])
async def j(request):
    return response.json({"a": "/é"})


@app.get("/status/<kind>")
async def status(request, kind):
    s = {"204json": 204, "304text": 304, "100": 100, "103": 103, "1xx": 150, "0": 0}[kind]
    if kind == "204json":
        return response.json({"a": 1}, status=s)
    return response.text("body", status=s)


@app.get("/jr/<kind>")
async def jr(request, kind):
    r = JSONResponse({"a": 1})
    if kind == "setbody":
        r.set_body([1, 2], indent=None)
    elif kind == "append_after_dict":
        r.append(1)
    elif kind == "body_none":
        r.body = None
    elif kind == "raw":
        r.raw_body["b"] = 2
    return r


@app.get("/file/<kind>")
async def file(request, kind):
    kw = {
        "lm_req": {"request_headers": request.headers},
        "lm_false_req": {"request_headers": request.headers, "last_modified": False},
        "maxage_nostore": {"max_age": 5, "no_store": True},
        "maxage0": {"max_age": 0},
        "headers_cc": {"headers": {"Cache-Control": "private"}, "max_age": 9},
        "headers_lm": {"headers": {"Last-Modified": "x"}},
        "mime_charset": {"mime_type": "text/plain"},
        "mime_html": {"mime_type": "text/html"},
        "mime_json": {"mime_type": "application/json"},
        "status404": {"status": 404},
    }[kind]
    return await response.file(FILE, **kw)


@app.get("/validate")
async def validate(request):
    r = await response.validate_file(request.headers, 1700000000.0)
    return r or response.text("none")
