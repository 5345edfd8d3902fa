"""The exception an app's handler gets for odd statuses, under the HTTP server (test_client)
and ASGI (asgi_client); run under both interpreters and diff."""

import asyncio
import logging
import warnings

from sanic import Sanic
from sanic.response import HTTPResponse, text

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")

STATUSES = {"str": "abc", "str200": "200", "none": None, "103": 103, "600": 600, "1000": 1000}
app = Sanic("statushandler")


@app.exception(Exception)
async def caught(request, exception):
    return text(f"{type(exception).__name__}: {exception}", status=500)


@app.get("/<how>/<k>")
async def h(request, how, k):
    if how == "stream":
        r = await request.respond(status=STATUSES[k])
        await r.send("x")
        await r.eof()
        return None
    return HTTPResponse("x", status=STATUSES[k])


for how in ("plain", "stream"):
    for k in STATUSES:
        try:
            _, r = app.test_client.get(f"/{how}/{k}")
            print("http", how, k, r.status, r.text)
        except Exception as e:
            print("http", how, k, "EXC", type(e).__name__)


async def main():
    for how in ("plain", "stream"):
        for k in STATUSES:
            try:
                _, r = await app.asgi_client.get(f"/{how}/{k}")
                print("asgi", how, k, r.status_code, r.text)
            except Exception as e:
                print("asgi", how, k, "EXC", type(e).__name__, e)


asyncio.run(main())
