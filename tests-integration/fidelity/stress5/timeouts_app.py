"""Timeouts that fire while app code other than the handler runs (see `timeouts.py`)."""

import asyncio
import os
import time

from sanic import Sanic
from sanic.response import text

app = Sanic("stress5t")
app.config.RESPONSE_TIMEOUT = 0.5
app.config.REQUEST_TIMEOUT = 0.5
EV: list[str] = []
T0 = time.monotonic()


def ev(s):
    EV.append(f"{time.monotonic() - T0:.2f} {s}")


async def nap(label, request):
    s = float(request.args.get(label, "0"))
    if s:
        try:
            await asyncio.sleep(s)
        except BaseException as e:
            ev(f"{label} {request.path} {type(e).__name__}")
            raise
        ev(f"{label} {request.path} done")


@app.get("/ev")
async def events(request):
    out = "\n".join(EV)
    EV.clear()
    return text(out)


@app.get("/h")
async def h(request):
    await nap("h", request)
    return text("h")


@app.get("/raise")
async def boom(request):
    raise ValueError("boom")


@app.exception(ValueError)
async def on_value_error(request, exc):
    await nap("eh", request)
    return text("handled", status=418)


@app.on_request
async def req_mw(request):
    await nap("rq", request)


@app.on_response
async def resp_mw(request, response):
    ev(f"mw {request.path} {response.status}")
    await nap("rs", request)
    if response.status == 503:
        await nap("rs503", request)


@app.signal("http.lifecycle.response")
async def on_response_signal(request, response):
    await nap("sig", request)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["S5_PORT"]), single_process=True,
            access_log=False, motd=False)
