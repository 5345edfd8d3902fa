"""App for `probe.py`: what an app observes when its client leaves at each stage.

Listeners, signals, middleware, the RequestCancelled/CancelledError handler, what handlers
and their `finally` see (`request.transport.is_closing()`, the exception that ended them)
are appended to $EVENTS. The probe writes a `--- scenario` line before each scenario."""

from __future__ import annotations

import asyncio
import os

from sanic import Sanic
from sanic.exceptions import RequestCancelled
from sanic.response import text

app = Sanic("Asgi9")
CATCH = {"RequestCancelled": RequestCancelled, "CancelledError": asyncio.CancelledError,
         "Exception": Exception}[os.environ.get("CATCH", "RequestCancelled")]
_kept: list[asyncio.Task] = []


def note(line: str) -> None:
    with open(os.environ["EVENTS"], "a") as out:
        out.write(line + "\n")


def closing(request) -> str:
    try:
        return str(request.transport.is_closing())
    except Exception as error:
        return type(error).__name__


for event in ("before_server_start", "after_server_start", "before_server_stop",
              "after_server_stop"):
    def make(event: str):
        async def listener(app, *rest):
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            names = sorted({getattr(t.get_coro(), "__qualname__", "?") for t in others})
            note(f"listener {event}" + (f" tasks={names}" if "stop" in event else ""))
            if os.environ.get("DEBUG_TASKS") and "stop" in event:
                for t in others:
                    frames = t.get_stack()
                    note(f"  {t!r} cancelling={t.cancelling()} at {[(f.f_code.co_name, f.f_lineno) for f in frames]}")
        return listener
    app.register_listener(make(event), event)

for name in ("http.lifecycle.request", "http.lifecycle.handle", "http.lifecycle.exception",
             "http.lifecycle.response", "server.exception.report"):
    def make_signal(name: str):
        async def handler(**kw):
            error = kw.get("exception")
            extra = f" {type(error).__name__}" if error is not None else ""
            response = kw.get("response")
            if response is not None:
                extra += f" status={response.status}"
            note(f"signal {name}{extra}")
        return handler
    app.signal(name)(make_signal(name))


@app.on_request
async def on_request(request):
    note(f"request middleware {request.path}")
    if request.path == "/mwslow":
        try:
            await asyncio.sleep(3)
        except BaseException as error:
            ended(request, "request middleware", error)
            raise


@app.on_response
async def on_response(request, response):
    note(f"response middleware {request.path} {response.status} closing={closing(request)}")
    if os.environ.get("RAISE") == "middleware" and response.status >= 500:
        raise RuntimeError("the response middleware fails")
    if request.path == "/rmwslow" and response.status == 200:
        try:
            await asyncio.sleep(3)
        except BaseException as error:
            ended(request, "response middleware", error)
            raise


@app.exception(CATCH)
async def on_cancel(request, exception):
    note(f"error handler {type(exception).__name__} closing={closing(request)}")
    if os.environ.get("RAISE") == "handler":
        raise RuntimeError("the cancel handler fails")
    return text("handled", status=503)


def ended(request, label: str, error: BaseException | None) -> None:
    what = "returned" if error is None else type(error).__name__
    note(f"handler {label} {what} closing={closing(request)}")


@app.post("/upload")
async def upload(request):
    ended(request, "upload", None)
    return text(f"got {len(request.body)}")


@app.post("/instream", stream=True)
async def instream(request):
    note(f"instream max_size={request.stream.request_max_size}")
    size = 0
    try:
        while (piece := await request.stream.read()) is not None:
            size += len(piece)
    except BaseException as error:
        ended(request, f"instream after {size}", error)
        raise
    ended(request, f"instream {size}", None)
    return text(f"got {size}")


@app.post("/limited", stream=True)
async def limited(request):
    request.stream.request_max_size = 100
    note(f"limited max_size={request.stream.request_max_size}")
    size = 0
    try:
        while (piece := await request.stream.read()) is not None:
            size += len(piece)
    except BaseException as error:
        ended(request, f"limited after {size}: {str(error)[:40]}", error)
        raise
    ended(request, f"limited {size}", None)
    return text(f"got {size}")


@app.post("/expectslow", stream=True)
async def expectslow(request):
    try:
        await asyncio.sleep(1.5)
        note(f"expectslow slept closing={closing(request)}")
        body = b"".join([chunk async for chunk in request.stream])
    except BaseException as error:
        ended(request, "expectslow", error)
        raise
    ended(request, f"expectslow {len(body)}", None)
    return text("expect done")


@app.get("/slow")
async def slow(request):
    try:
        await asyncio.sleep(3)
    except BaseException as error:
        ended(request, "slow", error)
        raise
    ended(request, "slow", None)
    return text("slow done")


@app.get("/outstream")
async def outstream(request):
    response = await request.respond(content_type="text/plain")
    sent = 0
    try:
        for _ in range(60):
            await response.send(b"x" * 4096)
            sent += 1
            await asyncio.sleep(0.05)
        await response.eof()
    except BaseException as error:
        ended(request, f"outstream after {sent}", error)
        raise
    ended(request, "outstream", None)


@app.get("/late")
async def late(request):
    response = await request.respond(content_type="text/plain")
    await response.send(b"first")

    async def later():
        await asyncio.sleep(0.2)
        try:
            await response.send(b"late")
            note("late send went through")
        except BaseException as error:
            note(f"late send raised {type(error).__name__}: {str(error)[:60]}")
    _kept.append(asyncio.get_running_loop().create_task(later()))
    ended(request, "late", None)


@app.get("/mwslow")
async def mwslow(request):
    ended(request, "mwslow", None)
    return text("mw done")


@app.get("/swallow")
async def swallow(request):
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        note(f"swallow caught CancelledError closing={closing(request)}")
        await asyncio.sleep(0.1)
        note("swallow slept after the cancel")
        return text("swallowed")
    return text("swallow done")


@app.get("/rmwslow")
async def rmwslow(request):
    return text("rmw done")


@app.get("/fail")
async def fail(request):
    raise ValueError("failing")


@app.exception(ValueError)
async def on_value_error(request, exception):
    note(f"value error handler closing={closing(request)}")
    try:
        await asyncio.sleep(3)
    except BaseException as error:
        ended(request, "value error handler", error)
        raise
    return text("value error", status=500)


@app.get("/cutlater")
async def cutlater(request):
    response = await request.respond(content_type="text/plain")

    async def sender():
        for n in range(100):
            try:
                await response.send(b"y" * 4096)
            except BaseException as error:
                note(f"task send {n} raised {type(error).__name__}: {str(error)[:50]}")
                return
            await asyncio.sleep(0.05)
    _kept.append(asyncio.get_running_loop().create_task(sender()))
    try:
        await asyncio.sleep(3)
    except BaseException as error:
        ended(request, "cutlater", error)
        raise


@app.get("/quick")
async def quick(request):
    return text("quick")


@app.websocket("/ws")
async def ws(request, websocket):
    got = 0
    try:
        while True:
            message = await websocket.recv()
            if message is None:
                note("ws recv None")
                break
            got += 1
    except BaseException as error:
        ended(request, f"ws after {got}", error)
        raise
    ended(request, f"ws {got}", None)
