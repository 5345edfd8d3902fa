"""The app of requests.http: what a request without a Host field is answered."""

from sanic import Sanic
from sanic.response import json

app = Sanic("MissingHost")


@app.route("/", methods=["GET", "POST", "OPTIONS"])
async def index(request):
    return json({"host": request.host, "url": request.url, "version": request.version})


@app.websocket("/ws")
async def ws(request, socket):
    await socket.send("hi")
