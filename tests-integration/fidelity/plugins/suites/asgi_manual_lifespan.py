"""A Sanic app driven as pybridge-rpc's Sanic test drives it (run under either interpreter:
``python asgi_manual_lifespan.py``): ``app.asgi = True``, a lifespan scope whose
``receive`` gives ``lifespan.startup`` and then, at once, ``lifespan.shutdown``, then one
request through ``httpx.ASGITransport``. Prints the listeners run and the ASGI messages
sent, before and after the request, for diffing."""

import asyncio

import httpx

from sanic import Sanic
from sanic.response import json

app = Sanic("DemoApp")
events: list[str] = []


@app.before_server_start
async def before_start(app):
    events.append("before_server_start")


@app.after_server_start
async def after_start(app):
    events.append("after_server_start")


@app.before_server_stop
async def before_stop(app):
    events.append("before_server_stop")


@app.after_server_stop
async def after_stop(app):
    events.append("after_server_stop")


@app.get("/")
async def home(request):
    return json({"app": "sanic"})


async def main() -> None:
    app.asgi = True
    started = False
    sent: list[str] = []

    async def receive():
        nonlocal started
        if not started:
            started = True
            return {"type": "lifespan.startup"}
        return {"type": "lifespan.shutdown"}

    async def send(message):
        sent.append(message["type"])

    lifespan = asyncio.create_task(app({"type": "lifespan"}, receive, send))
    await asyncio.sleep(0.1)
    print("after the lifespan:", events, sent, "task done:", lifespan.done())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/")
        print("GET /:", response.status_code, response.text)
    lifespan.cancel()
    await asyncio.gather(lifespan, return_exceptions=True)
    print("at the end:", events, sent)


if __name__ == "__main__":
    asyncio.run(main())
