"""Every built-in signal around test_client requests: order, argument names and what they hold.

Run with each interpreter and diff the output:
    python builtin_events.py > out.txt
"""

import asyncio
import logging
import sys

from sanic import Sanic, Websocket, response
from sanic.signals import Event

logging.disable(logging.CRITICAL)
LOG: list[str] = []
app = Sanic("builtin_events")


def describe(value):
    name = type(value).__name__
    if name == "Request" or hasattr(value, "method") and hasattr(value, "path"):
        return f"Request({value.method} {value.path})"
    if hasattr(value, "status") and hasattr(value, "headers") and not isinstance(value, type):
        return f"{name}({value.status})"
    if isinstance(value, BaseException):
        return f"{name}({value})"
    if isinstance(value, (bytes, str, int, float, bool, type(None))):
        return repr(value)
    if isinstance(value, Sanic):
        return f"Sanic({value.name})"
    if isinstance(value, (dict, list, tuple)):
        return f"{name}{value!r}"[:120]
    return name


def make(event: str):
    async def handler(**kwargs):
        args = ", ".join(f"{k}={describe(v)}" for k, v in sorted(kwargs.items()))
        LOG.append(f"signal {event}: {args}")

    handler.__name__ = "h_" + event.replace(".", "_")
    return handler


for ev in Event:
    app.add_signal(make(ev.value), ev.value)


for lst in ("before_server_start", "after_server_start", "before_server_stop", "after_server_stop"):

    def mk(name):
        async def listener(app_, loop):
            LOG.append(f"listener {name}")

        return listener

    app.register_listener(mk(lst), lst)


@app.on_request
async def req_mw(request):
    LOG.append(f"request middleware {request.path}")


@app.on_response
async def resp_mw(request, resp):
    LOG.append(f"response middleware {request.path} {getattr(resp, 'status', None)}")


@app.get("/")
async def index(request):
    LOG.append("handler /")
    return response.text("ok")


@app.post("/body")
async def body(request):
    LOG.append(f"handler /body {request.body!r}")
    return response.text("b")


@app.post("/stream", stream=True)
async def stream(request):
    chunks = []
    while True:
        c = await request.stream.read()
        if c is None:
            break
        chunks.append(c)
    LOG.append(f"handler /stream {chunks!r}")
    return response.text("s")


@app.get("/err")
async def err(request):
    LOG.append("handler /err")
    raise ValueError("boom")


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    await r.send("b")
    await r.eof()
    LOG.append("handler /respond")


@app.websocket("/ws")
async def ws(request, ws: Websocket):
    msg = await ws.recv()
    LOG.append(f"ws handler got {msg!r}")
    await ws.send("pong")


@app.websocket("/wserr")
async def wserr(request, ws: Websocket):
    LOG.append("ws handler raising")
    raise ValueError("wsboom")


def flush(title):
    print(f"== {title}")
    for line in LOG:
        print("  " + line)
    LOG.clear()


def main():
    which = sys.argv[1:] or ["get", "post", "stream", "err", "404", "405", "respond", "ws", "wserr"]
    reqs = {
        "get": lambda c: c.get("/"),
        "post": lambda c: c.post("/body", data="hello"),
        "stream": lambda c: c.post("/stream", data="streamed"),
        "err": lambda c: c.get("/err"),
        "404": lambda c: c.get("/nope"),
        "405": lambda c: c.put("/"),
        "respond": lambda c: c.get("/respond"),
        "ws": lambda c: c.websocket("/ws", mimic=mimic),
        "wserr": lambda c: c.websocket("/wserr", mimic=mimic_quiet),
    }
    for name in which:
        try:
            _, resp = reqs[name](app.test_client)
            status = getattr(resp, "status", None)
        except Exception as e:
            status = f"raised {type(e).__name__}"
        flush(f"{name} -> {status}")


async def mimic(ws):
    await ws.send("ping")
    await ws.recv()


async def mimic_quiet(ws):
    try:
        await asyncio.wait_for(ws.recv(), 2)
    except Exception:
        pass


if __name__ == "__main__":
    main()
