"""Odd statuses through the ASGI test client (run under both interpreters and diff)."""

import asyncio
import logging
import warnings

from sanic import Sanic
from sanic.response import HTTPResponse

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")

STATUSES = {"str": "abc", "str200": "200", "none": None, "float": 200.0, "103": 103, "600": 600}
app = Sanic("statusasgi")
app.config.FALLBACK_ERROR_FORMAT = "json"


@app.get("/<how>/<k>")
async def h(request, how, k):
    if how == "stream":
        r = await request.respond(status=STATUSES[k])
        await r.send("x")
        await r.eof()
        return None
    return HTTPResponse("x", status=STATUSES[k])


async def main():
    app.state._debug = True
    for how in ("plain", "stream"):
        for k in STATUSES:
            try:
                _, r = await app.asgi_client.get(f"/{how}/{k}")
            except Exception as e:
                print(how, k, "EXC", type(e).__name__, e)
                continue
            body = r.json if r.status_code == 500 and "json" in r.headers.get("content-type", "") else r.content
            print(how, k, r.status_code, body.get("message") if isinstance(body, dict) else body)


asyncio.run(main())
