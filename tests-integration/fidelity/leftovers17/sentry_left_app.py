"""App for mid_body.py (APP=sentry_left_app): what sentry-sdk's Sanic integration reports
when a client leaves before its response. Events stay in process (no network); at the
stop one line per event (type, transaction, exception types) goes to $EVENTS."""

import asyncio
import json
import os

import sentry_sdk
from sentry_sdk.integrations.sanic import SanicIntegration
from sentry_sdk.transport import Transport

from sanic import Sanic
from sanic.response import text

captured = []


class InProcess(Transport):
    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type in ("event", "transaction"):
                captured.append(item.payload.json)


sentry_sdk.init(
    integrations=[SanicIntegration()],
    default_integrations=False,
    auto_enabling_integrations=False,
    transport=InProcess(),
    traces_sample_rate=1.0,
)
app = Sanic("sentryleft")


@app.post("/slow")
async def slow(request):
    await asyncio.sleep(5)
    return text("ok")


@app.post("/upload")
async def upload(request):
    return text(str(len(request.body)))


@app.post("/stream", stream=True)
async def stream(request):
    while await request.stream.read() is not None:
        pass
    return text("ok")


@app.before_server_stop
def report(app_):
    sentry_sdk.flush()
    with open(os.environ["EVENTS"], "a") as f:
        for event in captured:
            values = (event.get("exception") or {}).get("values", [])
            status = ((event.get("contexts") or {}).get("trace") or {}).get("status")
            f.write(json.dumps([event.get("type", "event"), event.get("transaction"),
                                [v["type"] for v in values], status]) + "\n")
