"""python-socketio's ``AsyncServer(async_mode="sanic")`` on a Sanic app (run under either
interpreter: ``python socketio_server.py PORT``); socketio_client.py talks to it."""

import sys

import socketio

from sanic import Sanic
from sanic.response import text

sio = socketio.AsyncServer(async_mode="sanic", cors_allowed_origins=[])
app = Sanic("sio")
sio.attach(app)


@app.get("/")
async def index(request):
    return text("ok")


@sio.event
async def connect(sid, environ, auth):
    await sio.emit(
        "welcome", {"sid": sid, "auth": auth, "q": environ.get("QUERY_STRING", "")[:20]}, to=sid
    )


@sio.event
async def echo(sid, data):
    return {"echo": data}


@sio.event
async def shout(sid, data):
    await sio.emit("shouted", data)


@sio.event
async def binary(sid, data):
    await sio.emit("bin", data[::-1], to=sid)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=False)
