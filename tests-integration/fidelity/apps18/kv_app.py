"""A key-value store over HTTP (written for this round): keys are paths (``<key:path>``,
percent-encoded slashes and spaces, a trailing slash, an empty key), values are raw bytes
stored with their ``Content-Type`` and given back by ``raw()``; ``PUT`` with
``If-None-Match: *`` only creates (412 otherwise), ``If-Match`` with a strong ETag from
``hashlib``; headers given as a list of pairs (two ``X-Tag`` fields); binary and chunked
bodies; ``GET /?prefix=`` lists keys; ``DELETE`` of a missing key 404; a value over 64 KB
refused by a ``SanicException`` with ``headers=``; ``request.body`` of a GET with a
body."""

import hashlib

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import HTTPResponse, empty, json, raw

app = Sanic("kv")
STORE: dict = {}


def _etag(body):
    return '"' + hashlib.md5(body).hexdigest() + '"'


@app.get("/")
async def listing(request):
    prefix = request.args.get("prefix", "")
    return json(sorted(k for k in STORE if k.startswith(prefix)))


@app.get("/kv/<key:path>")
async def get(request, key):
    if key not in STORE:
        raise NotFound(f"no key {key!r}")
    body, ctype, tags = STORE[key]
    headers = [("ETag", _etag(body))] + [("X-Tag", t) for t in tags]
    if request.headers.get("if-none-match") == _etag(body):
        return HTTPResponse(status=304, headers=headers)
    return raw(body, content_type=ctype, headers=headers)


@app.put("/kv/<key:path>")
async def put(request, key):
    body = request.body
    if len(body) > 65536:
        raise SanicException("value too large", status_code=413, headers={"X-Max": "65536"})
    exists = key in STORE
    if request.headers.get("if-none-match") == "*" and exists:
        raise SanicException("exists", status_code=412)
    match = request.headers.get("if-match")
    if match is not None and (not exists or match != _etag(STORE[key][0])):
        raise SanicException("etag mismatch", status_code=412)
    tags = [t.strip() for t in request.headers.getall("x-tag", []) for t in t.split(",") if t.strip()]
    STORE[key] = (body, request.headers.get("content-type", "application/octet-stream"), tags)
    return empty(status=200 if exists else 201, headers={"ETag": _etag(body)})


@app.delete("/kv/<key:path>")
async def delete(request, key):
    if STORE.pop(key, None) is None:
        raise NotFound(f"no key {key!r}")
    return empty()


@app.get("/echo-body")
async def echo_body(request):
    return json({"len": len(request.body), "body": request.body.decode("latin-1")})
