"""App for mid_body.py: what runs when a client leaves in the middle of a request body.

Each event (error handler, signal, middleware, handler) is appended to $EVENTS."""

import os

from sanic import Sanic
from sanic.response import text

app = Sanic("midbody")


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
    except Exception as error:
        note(f"handler read raised {type(error).__name__}: {error}")
        raise
    note(f"handler stream body={size}")
    return text("ok")


@app.exception(Exception)
async def on_error(request, exception):
    note(f"error handler {type(exception).__name__}: {exception}")
    return text("handled", status=getattr(exception, "status_code", 500))


@app.signal("http.lifecycle.exception")
async def on_exception_signal(request, exception):
    note(f"signal http.lifecycle.exception {type(exception).__name__}")


@app.on_request
async def on_request(request):
    note("request middleware")


@app.on_response
async def on_response(request, response):
    note(f"response middleware {response.status}")
