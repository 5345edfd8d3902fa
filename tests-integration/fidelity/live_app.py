"""App served by real Sanic and by Hurtle for compare_ws_asgi.py (websockets, lifecycle, streams).

Run directly (``python live_app.py PORT``) it serves in single-process mode; ``uvicorn
live_app:app`` serves it in ASGI mode. Listener, task and shutdown events go to the file named
by $LIVE_EVENTS (one line each) so that events after the last request are observable too.
"""

from __future__ import annotations

import asyncio
import os
import sys

from sanic import Blueprint, Request, Sanic, Websocket, response
from sanic.exceptions import WebsocketClosed

app = Sanic("LiveApp")
app.config.WEBSOCKET_MAX_SIZE = 1024
app.config.WEBSOCKET_PING_INTERVAL = 0.5
app.config.WEBSOCKET_PING_TIMEOUT = 5

EVENTS_FILE = os.environ.get("LIVE_EVENTS", "")
SIGNALS: list[str] = []
WS_SEEN: list[str] = []


def note(event: str) -> None:
    if EVENTS_FILE:
        with open(EVENTS_FILE, "a") as fh:
            fh.write(event + "\n")


for _name in (
    "main_process_start", "main_process_ready", "main_process_stop",
    "before_server_start", "after_server_start", "before_server_stop", "after_server_stop",
):
    def _make(name: str):
        async def listener(app_: Sanic, *args) -> None:
            note(f"listener {name} nargs={len(args)}")
            if name == "before_server_start":
                app_.ctx.from_listener = "set-in-before_server_start"
        return listener

    app.register_listener(_make(_name), _name)


async def background(label: str) -> None:
    note(f"task {label} started")
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        note(f"task {label} cancelled")
        raise


app.add_task(background("early"))


@app.after_server_start
async def start_late_task(app_: Sanic) -> None:
    app_.add_task(background("late"), name="late")


# ---------------------------------------------------------------------------- signals

SIGNAL_EVENTS = (
    "http.lifecycle.begin", "http.lifecycle.read_head", "http.lifecycle.request",
    "http.lifecycle.handle", "http.lifecycle.read_body", "http.lifecycle.exception",
    "http.lifecycle.response", "http.lifecycle.send", "http.lifecycle.complete",
    "http.routing.before", "http.routing.after",
    "http.handler.before", "http.handler.after",
    "server.init.before", "server.init.after",
    "server.shutdown.before", "server.shutdown.after",
)

for _event in SIGNAL_EVENTS:
    def _sig(event: str):
        async def handler(**kwargs) -> None:
            SIGNALS.append(f"{event} {sorted(kwargs)}")
            if event.startswith("server."):
                note(f"signal {event}")
        return handler

    app.signal(_event)(_sig(_event))


@app.signal("http.middleware.before", condition={"attach_to": "request"})
async def mw_before(**kwargs) -> None:
    SIGNALS.append(f"http.middleware.before {sorted(kwargs)}")


@app.signal("http.middleware.after", condition={"attach_to": "request"})
async def mw_after(**kwargs) -> None:
    SIGNALS.append(f"http.middleware.after {sorted(kwargs)}")


@app.signal("live.custom.event")
async def custom_signal(**kwargs) -> None:
    SIGNALS.append("live.custom.event")


@app.on_request
async def set_ctx(request: Request) -> None:
    request.ctx.marker = "from-middleware"


@app.get("/signals/reset")
async def signals_reset(request: Request):
    SIGNALS.clear()
    return response.text("ok")


@app.get("/signals/probe")
async def signals_probe(request: Request):
    return response.text("probe")


@app.post("/signals/probe_post")
async def signals_probe_post(request: Request):
    return response.text("posted")


@app.get("/signals/probe_error")
async def signals_probe_error(request: Request):
    raise ValueError("boom")


@app.get("/signals")
async def signals_list(request: Request):
    await asyncio.sleep(0.1)
    return response.json(list(SIGNALS))


@app.get("/ctx")
async def ctx(request: Request):
    return response.json({
        "app_ctx": getattr(request.app.ctx, "from_listener", None),
        "request_ctx": getattr(request.ctx, "marker", None),
        "tasks": sorted(t.get_name() for t in request.app.tasks),
    })


@app.get("/event/wait")
async def event_wait(request: Request):
    async def fire() -> None:
        await asyncio.sleep(0.05)
        await request.app.dispatch("live.custom.event", context={"x": 1})

    request.app.add_task(fire())
    try:
        got = await request.app.event("live.custom.event", timeout=2)
        return response.json({"ok": True, "got": repr(got)})
    except Exception as exc:
        return response.json({"ok": False, "error": type(exc).__name__})


@app.get("/event/unknown")
async def event_unknown(request: Request):
    try:
        await request.app.event("live.never.registered", timeout=0.2)
        return response.json({"ok": True})
    except Exception as exc:
        return response.json({"ok": False, "error": type(exc).__name__})


@app.get("/event/timeout")
async def event_timeout(request: Request):
    try:
        await request.app.event("live.custom.event", timeout=0.1)
        return response.json({"ok": True})
    except Exception as exc:
        return response.json({"ok": False, "error": type(exc).__name__})


# ---------------------------------------------------------------------------- websockets

@app.websocket("/ws/echo")
async def ws_echo(request: Request, ws: Websocket):
    async for msg in ws:
        await ws.send(msg)


@app.websocket("/ws/proto", subprotocols=["chat", "superchat"])
async def ws_proto(request: Request, ws: Websocket):
    await ws.send(f"subprotocol={ws.subprotocol!r}")


@app.websocket("/ws/recv_timeout")
async def ws_recv_timeout(request: Request, ws: Websocket):
    msg = await ws.recv(timeout=0.2)
    await ws.send(f"first={msg!r}")
    msg = await ws.recv(timeout=2)
    await ws.send(f"second={msg!r}")


@app.websocket("/ws/return")
async def ws_return(request: Request, ws: Websocket):
    await ws.send("bye")


@app.websocket("/ws/raise")
async def ws_raise(request: Request, ws: Websocket):
    await ws.send("about to fail")
    raise ValueError("handler failed")


@app.websocket("/ws/close_custom")
async def ws_close_custom(request: Request, ws: Websocket):
    await ws.close(4000, "custom reason")


@app.websocket("/ws/close_default")
async def ws_close_default(request: Request, ws: Websocket):
    await ws.close()


@app.websocket("/ws/client_close")
async def ws_client_close(request: Request, ws: Websocket):
    WS_SEEN.clear()
    try:
        msg = await ws.recv()
        WS_SEEN.append(f"recv returned {msg!r}")
        msg = await ws.recv()
        WS_SEEN.append(f"second recv returned {msg!r}")
    except BaseException as exc:
        WS_SEEN.append(f"recv raised {type(exc).__name__} {isinstance(exc, WebsocketClosed)}")
        raise
    try:
        await ws.send("after close")
        WS_SEEN.append("send after close ok")
    except BaseException as exc:
        WS_SEEN.append(f"send raised {type(exc).__name__}")


@app.websocket("/ws/client_close_iter")
async def ws_client_close_iter(request: Request, ws: Websocket):
    WS_SEEN.clear()
    try:
        async for msg in ws:
            WS_SEEN.append(f"iter got {msg!r}")
        WS_SEEN.append("iter ended")
    except BaseException as exc:
        WS_SEEN.append(f"iter raised {type(exc).__name__}")
        raise


@app.get("/ws/seen")
async def ws_seen(request: Request):
    await asyncio.sleep(0.2)
    return response.json(list(WS_SEEN))


@app.websocket("/ws/ctx")
async def ws_ctx(request: Request, ws: Websocket):
    request.ctx.inside = "handler"
    await ws.send(f"{getattr(request.ctx, 'marker', None)}|{request.ctx.inside}")


@app.websocket("/ws/info")
async def ws_info(request: Request, ws: Websocket):
    await ws.send(f"{request.method} {request.path} {request.args.get('q')} {type(ws).__name__}")


bp = Blueprint("wsbp", url_prefix="/bp")


@bp.websocket("/ws")
async def bp_ws(request: Request, ws: Websocket):
    await ws.send(f"blueprint {request.endpoint}")
    await ws.send(await ws.recv())


app.blueprint(bp)


# ---------------------------------------------------------------------------- streams

@app.post("/stream/read", stream=True)
async def stream_read(request: Request):
    sizes = []
    body = b""
    for _ in range(10000):
        chunk = await request.stream.read()
        if chunk is None:
            break
        sizes.append(len(chunk))
        body += chunk
    return response.json({"total": len(body), "nonempty": all(sizes), "body": body.decode()[:40],
                          "request_body": repr(request.body)})


@app.post("/stream/iter", stream=True)
async def stream_iter(request: Request):
    body = b""
    async for chunk in request.stream:
        body += chunk
    return response.json({"total": len(body), "body": body.decode()[:40]})


@app.post("/stream/receive_body", stream=True)
async def stream_receive_body(request: Request):
    before = repr(request.body)
    await request.receive_body()
    return response.json({"before": before, "after": request.body.decode()[:40]})


@app.post("/plain/receive_body")
async def plain_receive_body(request: Request):
    before = request.body.decode()
    await request.receive_body()
    return response.json({"before": before, "after": request.body.decode(),
                          "stream": repr(request.stream is None)})


@app.get("/respond/basic")
async def respond_basic(request: Request):
    resp = await request.respond(content_type="text/csv")
    await resp.send("a,b\n")
    await resp.send(b"1,2\n")
    await resp.eof()


@app.get("/respond/headers")
async def respond_headers(request: Request):
    resp = await request.respond(status=201, headers={"x-stream": "yes"}, content_type="text/plain")
    await resp.send("one")
    await resp.send("")
    await resp.send("two")


@app.get("/respond/no_eof")
async def respond_no_eof(request: Request):
    resp = await request.respond()
    await resp.send("partial")


@app.get("/respond/then_return")
async def respond_then_return(request: Request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("streamed")
    await resp.eof()
    return response.text("ignored?")


@app.get("/stream/response")
async def stream_response(request: Request):
    async def gen(resp):
        await resp.write("x")
        await resp.write("y")
    return response.ResponseStream(gen, content_type="text/plain")


@app.get("/error")
async def error(request: Request):
    raise ValueError("boom")


@app.get("/hello")
async def hello(request: Request):
    return response.text("hello", headers={"x-a": "1"})


if __name__ == "__main__":
    port = int(sys.argv[1])
    app.run(host="127.0.0.1", port=port, single_process=True, access_log=False, motd=False)
