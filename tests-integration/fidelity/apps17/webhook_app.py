"""A webhook receiver (written for this round): deliveries signed GitHub/Stripe-style with
HMAC-SHA256 over the raw body, checked with ``hmac.compare_digest`` against
``X-Hub-Signature-256``; one route reads ``request.body`` (``request.json`` only after the
check), one is ``stream=True`` and hashes the body piece by piece from
``request.stream.read()`` (chunked deliveries), a Stripe-style ``t=...,v1=...`` header with
a tolerance, idempotency by ``X-Delivery-Id`` in ``app.ctx``, per-event dispatch to
handlers registered with a decorator, ``request.id`` from ``X-Request-ID``
(``REQUEST_ID_HEADER``), 202 answers and a delivery log read back as NDJSON with
``raw()``."""

import hashlib
import hmac
import json as stdjson

from sanic import Sanic
from sanic.exceptions import BadRequest, Forbidden
from sanic.response import empty, json, raw

app = Sanic("hooks")
app.config.REQUEST_ID_HEADER = "X-Delivery-Id"
SECRET = b"whsec_test"
HANDLERS = {}


def on(event):
    def register(fn):
        HANDLERS[event] = fn
        return fn
    return register


@on("push")
def handle_push(payload):
    return {"commits": len(payload.get("commits", [])), "ref": payload.get("ref")}


@on("ping")
def handle_ping(payload):
    return {"zen": payload.get("zen", "")}


@app.before_server_start
async def setup(app, _):
    app.ctx.seen = {}
    app.ctx.log = []


def expected(body: bytes) -> str:
    return "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()


def verify(header, body):
    if not header:
        raise Forbidden("missing signature")
    if not hmac.compare_digest(header.strip(), expected(body)):
        raise Forbidden("signature mismatch")


def record(request, event, body, outcome):
    request.app.ctx.log.append({"id": str(request.id), "event": event, "bytes": len(body),
                                "outcome": outcome})


@app.post("/hooks/github")
async def github(request):
    body = request.body
    verify(request.headers.get("x-hub-signature-256"), body)
    delivery = str(request.id)
    if delivery in request.app.ctx.seen:
        return json({"duplicate": True, "first": request.app.ctx.seen[delivery]}, status=200)
    event = request.headers.get("x-github-event", "")
    handler = HANDLERS.get(event)
    if handler is None:
        record(request, event, body, "ignored")
        return empty(status=204)
    try:
        payload = stdjson.loads(body)
    except ValueError:
        raise BadRequest("payload is not JSON") from None
    result = handler(payload)
    request.app.ctx.seen[delivery] = result
    record(request, event, body, "handled")
    return json({"event": event, "result": result}, status=202)


@app.post("/hooks/stream", stream=True)
async def streamed(request):
    mac = hmac.new(SECRET, digestmod=hashlib.sha256)
    size = pieces = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        mac.update(chunk)
        size += len(chunk)
        pieces += 1
    sig = request.headers.get("x-hub-signature-256", "")
    ok = hmac.compare_digest(sig, "sha256=" + mac.hexdigest())
    record(request, "stream", b"x" * size, "handled" if ok else "rejected")
    return json({"ok": ok, "size": size, "read_any": pieces > 0}, status=202 if ok else 403)


@app.post("/hooks/stripe")
async def stripe(request):
    header = request.headers.get("stripe-signature", "")
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    if "t" not in parts or "v1" not in parts:
        raise BadRequest("malformed Stripe-Signature")
    signed = parts["t"].encode() + b"." + request.body
    want = hmac.new(SECRET, signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, parts["v1"]):
        raise Forbidden("bad v1")
    if abs(int(parts["t"]) - 1_700_000_000) > 300:
        raise Forbidden("timestamp outside tolerance")
    event = request.json
    record(request, event.get("type", "?"), request.body, "handled")
    return json({"received": True, "type": event.get("type")})


@app.get("/log")
async def log(request):
    lines = "".join(stdjson.dumps(e, sort_keys=True) + "\n" for e in request.app.ctx.log)
    return raw(lines.encode(), content_type="application/x-ndjson")


@app.get("/sign")
async def sign(request):
    return json({"sig": expected(request.args.get("body", "").encode())})
