"""Items 6 and 7 of "Leftovers, fourth pass": http.lifecycle signals around a failing
begin handler (BEGIN_FAILS=1) and around a stop with connections still open."""

import asyncio
import os

from sanic import Sanic, text

app = Sanic("Leftovers4")
app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 2.0


def say(*parts):
    print("EV", *parts, flush=True)


@app.signal("http.lifecycle.begin")
async def begin(conn_info):
    if os.environ.get("BEGIN_FAILS"):
        raise RuntimeError("begin handler failed")


@app.signal("http.lifecycle.complete")
async def complete(conn_info):
    say("complete", conn_info.client_port)


@app.signal("server.shutdown.before")
async def shutdown_before(**_):
    say("server.shutdown.before")


@app.signal("server.shutdown.after")
async def shutdown_after(**_):
    say("server.shutdown.after")


@app.before_server_stop
async def before_stop(app):
    say("before_server_stop")


@app.after_server_stop
async def after_stop(app):
    say("after_server_stop")


@app.get("/")
async def index(request):
    return text("ok")


@app.get("/sleep/<seconds:float>")
async def sleep(request, seconds: float):
    say("handler start", request.conn_info.client_port)
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        say("handler cancelled", request.conn_info.client_port)
        raise
    say("handler end", request.conn_info.client_port)
    return text("slept")
