"""sentry-sdk's Sanic integration, deeper than round one: the request data of an event
(JSON, form and raw bodies, cookies, headers, query, REMOTE_ADDR, user with PII), the
transaction name and source per route kind, errors raised in middleware, in an exception
handler and under a custom handler, tags and breadcrumbs set by the app, and the user's
own frames in the exception's stack trace. Events go to a recording transport."""
import asyncio
import logging

import sentry_sdk
from sentry_sdk.integrations.logging import LoggingIntegration
from sentry_sdk.integrations.sanic import SanicIntegration
from sentry_sdk.transport import Transport

from sanic import Blueprint, Sanic
from sanic.response import ResponseStream, json, text
from sanic.views import HTTPMethodView

EVENTS = []


class Rec(Transport):
    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type in ("event", "transaction"):
                EVENTS.append(item.payload.json)


sentry_sdk.init(dsn="http://key@127.0.0.1:1/1", transport=Rec, traces_sample_rate=1.0,
                send_default_pii=True, max_request_body_size="always",
                integrations=[SanicIntegration(), LoggingIntegration(event_level=logging.ERROR)],
                default_integrations=False)
app = Sanic("Sentry2")
app.config.AUTO_EXTEND = False
log = logging.getLogger("userlog")


class Custom(Exception):
    pass


class HandlerFails(Exception):
    pass


@app.on_request
async def mw(request):
    sentry_sdk.set_tag("mw", "yes")
    sentry_sdk.add_breadcrumb(category="mw", message=f"saw {request.path}")
    if request.path == "/mw-fail":
        raise RuntimeError("from middleware")


@app.post("/body/<kind>")
async def body(request, kind):
    sentry_sdk.set_user({"id": "u1"})
    raise KeyError(kind)


@app.get("/custom")
async def custom(request):
    raise Custom("handled by app")


@app.exception(Custom)
async def on_custom(request, exc):
    return json({"custom": str(exc)}, status=409)


@app.get("/handler-fails")
async def handler_fails(request):
    raise HandlerFails("first")


@app.exception(HandlerFails)
async def on_hf(request, exc):
    raise LookupError("in the error handler")


@app.get("/mw-fail")
async def mw_fail(request):
    return text("never")


@app.get("/logged")
async def logged(request):
    log.error("user error log %s", 5)
    return text("logged")


def helper(n):
    return {}[n]


@app.get("/deep")
async def deep(request):
    return helper("k")


@app.get("/stream")
async def stream(request):
    async def gen(r):
        await r.write("a")
        raise ValueError("mid-stream")
    return ResponseStream(gen)


class V(HTTPMethodView):
    async def get(self, request, n):
        raise ZeroDivisionError(n)


app.add_route(V.as_view(), "/view/<n:int>")
bp = Blueprint("sbp2", url_prefix="/bp", version=2)


@bp.get("/<a>/<b:int>")
async def bpf(request, a, b):
    raise IndexError(a)


app.blueprint(bp)


def frames(v):
    return [(f.get("function"), f.get("module"), f.get("context_line", "").strip())
            for f in ((v.get("stacktrace") or {}).get("frames") or []) if f.get("in_app") and "userapp" in (f.get("module") or "")]


def summarize(e):
    exc = (e.get("exception") or {}).get("values") or []
    req = e.get("request") or {}
    return {
        "type": e.get("type", "event"), "transaction": e.get("transaction"),
        "source": (e.get("transaction_info") or {}).get("source"), "level": e.get("level"),
        "logentry": (e.get("logentry") or {}).get("message"), "logger": e.get("logger"),
        "exc": [(v.get("type"), v.get("value"), (v.get("mechanism") or {}).get("type"),
                 (v.get("mechanism") or {}).get("handled"), frames(v)) for v in exc],
        "req": {k: req.get(k) for k in ("url", "method", "query_string", "data", "cookies", "env")},
        "req_headers": {k: v for k, v in (req.get("headers") or {}).items() if k.lower() not in ("content-length",)},
        "user": e.get("user"), "tags": e.get("tags"),
        "crumbs": [(b.get("category"), b.get("message")) for b in (e.get("breadcrumbs") or {}).get("values", [])],
        "status": ((e.get("contexts") or {}).get("trace") or {}).get("status"),
        "http_status": ((e.get("contexts") or {}).get("response") or {}).get("status_code"),
        "spans": sorted(s.get("op") + ":" + str(s.get("description")) for s in e.get("spans") or []),
    }


@app.get("/events")
async def events(request):
    sentry_sdk.flush()
    await asyncio.sleep(0.3)
    sentry_sdk.flush()
    return json([summarize(e) for e in EVENTS if (e.get("transaction") or "") not in ("events", "/events")])
