"""A handler of one built-in event that raises (or takes no arguments, or is sync): what
the client gets, which later signals run, what is logged.

    python raising_events.py EVENT MODE      (MODE: raise, noargs, sync)
"""

import logging
import sys

from sanic import Sanic, response
from sanic.signals import Event

event, mode = sys.argv[1], sys.argv[2]
LOG: list[str] = []


class Catch(logging.Handler):
    def emit(self, record):
        msg = record.getMessage().splitlines()[0][:100]
        exc = record.exc_info[1] if record.exc_info else None
        if record.levelno >= logging.WARNING:
            LOG.append(f"log {record.name} {record.levelname}: {msg} exc={type(exc).__name__ if exc else None}")


app = Sanic("raising_events")

if mode == "raise":

    async def bad(**kw):
        LOG.append(f"bad {event}")
        raise RuntimeError(f"bad-{event}")

elif mode == "noargs":

    async def bad():
        LOG.append(f"noargs {event}")

elif mode == "sync":

    def bad(**kw):
        LOG.append(f"sync {event} {sorted(kw)}")

app.add_signal(bad, event)

for ev in Event:
    if ev.value != event and not ev.value.startswith("websocket"):

        def mk(name):
            async def h(**kw):
                LOG.append(f"signal {name}")

            return h

        app.add_signal(mk(ev.value), ev.value)


@app.exception(Exception)
async def on_exc(request, exception):
    LOG.append(f"error handler {type(exception).__name__}: {exception}")
    return response.text(f"handled {exception}", status=500)


@app.post("/")
async def index(request):
    LOG.append("handler")
    return response.text("ok")


@app.before_server_start
async def attach(app_):
    for name in ("sanic.error", "sanic.root", "sanic.server", "asyncio", "hurtle"):
        lg = logging.getLogger(name)
        lg.addHandler(Catch())


try:
    _, resp = app.test_client.post("/", data="x")
    LOG.append(f"client {resp.status} {resp.text!r}"[:120])
except Exception as e:
    LOG.append(f"client raised {type(e).__name__}: {e}"[:120])
for line in LOG:
    print(line)
