"""app.event() on built-in events while served: what each wait returns.

    python waits_served.py
"""

import asyncio
import logging

from sanic import Sanic
from sanic.signals import Event

logging.disable(logging.CRITICAL)
LOG: list[str] = []
app = Sanic("waits_served")
EVENTS = [
    "http.lifecycle.begin", "http.lifecycle.read_head", "http.lifecycle.request",
    "http.lifecycle.handle", "http.routing.before", "http.routing.after",
    "http.handler.before", "http.handler.after", "http.lifecycle.response",
    "http.lifecycle.send", "http.lifecycle.complete", "http.middleware.before",
    "http.middleware.after", "http.lifecycle.exception", "server.shutdown.before",
]  # fmt: skip
for ev in EVENTS:

    async def h(**kw):
        pass

    app.add_signal(h, ev)


def describe(d):
    if not isinstance(d, dict):
        return repr(d)
    return "{" + ", ".join(f"{k}: {type(v).__name__}" for k, v in sorted(d.items())) + "}"


@app.after_server_start
async def start(app_):
    async def wait(ev):
        try:
            got = await app_.event(ev, timeout=3)
            LOG.append(f"{ev}: {describe(got)}")
        except Exception as e:
            LOG.append(f"{ev}: raises {type(e).__name__}: {e}")

    for ev in EVENTS:
        app_.add_task(wait(ev))
    app_.add_task(wait(Event.HTTP_LIFECYCLE_REQUEST))
    await asyncio.sleep(0.05)


@app.on_request
async def mw(request):
    pass


@app.get("/")
async def index(request):
    raise ValueError("x")


_, resp = app.test_client.get("/")
print(resp.status)
for line in sorted(LOG):
    print(line)
