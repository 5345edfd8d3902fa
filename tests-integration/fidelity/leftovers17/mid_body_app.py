"""App for mid_body.py: what a user's app observes when a client leaves mid-body.

Every event (error handler, signals, middleware, handler) is appended to $EVENTS. FEW=1:
server.exception.report alone of the signals (no lifecycle hook in Hurtle: its fast path)."""

import os
from asyncio import CancelledError, sleep

from sanic import Sanic
from sanic.exceptions import RequestCancelled
from sanic.response import text

app = Sanic("midbody17")


def note(what: str) -> None:
    with open(os.environ["EVENTS"], "a") as f:
        f.write(what + "\n")


@app.post("/upload")
async def upload(request):
    note(f"handler body={len(request.body)}")
    return text("ok")


@app.post("/stream", stream=True)
async def stream(request):
    size = 0
    try:
        while (piece := await request.stream.read()) is not None:
            size += len(piece)
    except BaseException as error:
        note(f"handler read raised {type(error).__name__}: {error}")
        raise
    note(f"handler stream body={size}")
    return text("ok")


_KINDS = {"Exception": Exception, "RequestCancelled": RequestCancelled, "CancelledError": CancelledError}


@app.post("/slow")
async def slow(request):
    note(f"handler body={len(request.body)}")
    await sleep(5)
    return text("ok")


@app.exception(_KINDS[os.environ.get("CATCH", "Exception")])
async def on_error(request, exception):
    note(f"error handler {type(exception).__name__}: {exception}")
    return text("handled", status=getattr(exception, "status_code", 500))


for event in (
    "http.lifecycle.begin",
    "http.lifecycle.read_head",
    "http.lifecycle.request",
    "http.lifecycle.handle",
    "http.lifecycle.read_body",
    "http.lifecycle.exception",
    "http.lifecycle.response",
    "http.lifecycle.send",
    "http.lifecycle.complete",
    "http.routing.before",
    "http.routing.after",
    "http.handler.before",
    "http.handler.after",
    "http.middleware.before",
    "http.middleware.after",
    "server.exception.report",
):

    def make(event):
        async def handler(**kwargs):
            extra = ""
            if "exception" in kwargs:
                extra = " " + type(kwargs["exception"]).__name__
            if "response" in kwargs and kwargs["response"] is not None:
                extra += f" status={kwargs['response'].status}"
            note(f"signal {event}{extra}")

        return handler

    if not os.environ.get("FEW") or event == "server.exception.report":
        app.signal(event)(make(event))


@app.on_request
async def on_request(request):
    note("request middleware")


@app.on_response
async def on_response(request, response):
    note(f"response middleware {response.status}")
