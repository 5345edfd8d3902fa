import sentry_sdk
from sentry_sdk.integrations.sanic import SanicIntegration
from sentry_sdk.transport import Transport

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.response import json, text

EVENTS = []
class Rec(Transport):
    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type in ("event", "transaction"):
                EVENTS.append(item.payload.json)

sentry_sdk.init(dsn="http://key@127.0.0.1:1/1", transport=Rec, integrations=[SanicIntegration()], traces_sample_rate=1.0, default_integrations=False)
app = Sanic("SentryApp")
app.config.AUTO_EXTEND = False

@app.get("/boom/<x:int>")
async def boom(request, x):
    raise ValueError(f"boom {x}")

@app.get("/teapot")
async def teapot(request):
    raise SanicException("tea", status_code=418)

@app.get("/ok")
async def ok(request):
    sentry_sdk.capture_message("hello")
    return text("ok")

bp = Blueprint("sbp", url_prefix="/bp")
@bp.get("/fail")
async def bpfail(request):
    return 1 // 0
app.blueprint(bp)

def summarize(e):
    exc = (e.get("exception") or {}).get("values") or [{}]
    req = e.get("request") or {}
    return {
        "type": e.get("type", "event"), "transaction": e.get("transaction"), "source": (e.get("transaction_info") or {}).get("source"),
        "level": e.get("level"), "message": e.get("message") or (e.get("logentry") or {}).get("message"),
        "exc": [(v.get("type"), v.get("value"), (v.get("mechanism") or {}).get("type"), (v.get("mechanism") or {}).get("handled")) for v in exc if v],
        "req": {k: req.get(k) for k in ("url", "method", "query_string")}, "req_headers": sorted((req.get("headers") or {}).keys()),
        "status": ((e.get("contexts") or {}).get("trace") or {}).get("status"),
        "http_status": ((e.get("contexts") or {}).get("response") or {}).get("status_code"),
        "tags": e.get("tags"),
        "spans": sorted(s.get("op") + ":" + str(s.get("description")) for s in e.get("spans") or []),
    }

@app.get("/events")
async def events(request):
    import asyncio
    sentry_sdk.flush()
    await asyncio.sleep(0.3)
    sentry_sdk.flush()
    return json([summarize(e) for e in EVENTS if (e.get("transaction") or "") != "events"])
