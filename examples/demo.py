"""The Hurtle demo app: run it with `python3 scripts/demo.py` (installs what it needs).

Routes:
  GET /                      plain text
  GET /json                  JSON
  GET /user/<user_id:int>    a typed path parameter
  GET /api/v1/ping           a blueprint with its own middleware (adds X-Blueprint)
  WS  /ws                    websocket echo
  GET /static/hello.txt      a static file
"""

from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.response import json, text

app = Sanic("HurtleDemo")
api = Blueprint("api", url_prefix="/api/v1")


@app.get("/")
async def index(request):
    return text("Hello from Hurtle.")


@app.get("/json")
async def as_json(request):
    return json({"hello": "world", "framework": "hurtle"})


@app.get("/user/<user_id:int>")
async def user(request, user_id: int):
    return json({"id": user_id, "type": type(user_id).__name__})


@api.get("/ping")
async def ping(request):
    return json({"pong": True})


@api.middleware("response")
async def mark_blueprint(request, response):
    response.headers["X-Blueprint"] = "api"


@app.websocket("/ws")
async def echo(request, ws):
    async for message in ws:
        await ws.send(message)


app.blueprint(api)
app.static("/static", Path(__file__).parent / "static")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000, single_process=True)
