"""What reaches server.exception.report (and report_exception), served by test_client.

    python report_events.py
"""

import asyncio
import logging
import sys

from sanic import Sanic, Websocket, response
from sanic.exceptions import NotFound

logging.disable(logging.CRITICAL)
LOG: list[str] = []
app = Sanic("report_events")
which = sys.argv[1] if len(sys.argv) > 1 else "all"


@app.signal("server.exception.report")
async def report(exception, **kw):
    LOG.append(f"report {type(exception).__name__}: {exception} extra={sorted(kw)}")


@app.report_exception
async def rep2(app_, exception):
    LOG.append(f"report_exception {type(app_).__name__} {type(exception).__name__}")


@app.signal("custom.fail.now")
async def custom_fail():
    raise LookupError("custom")


@app.get("/err")
async def err(request):
    raise ValueError("handler")


@app.get("/notfound")
async def nf(request):
    raise NotFound("nf")


@app.get("/task")
async def task(request):
    async def bad():
        raise KeyError("task")

    app.add_task(bad())
    await asyncio.sleep(0.05)
    return response.text("ok")


@app.get("/plain_task")
async def plain_task(request):
    async def bad():
        raise KeyError("plain")

    asyncio.get_running_loop().create_task(bad())
    await asyncio.sleep(0.05)
    return response.text("ok")


@app.get("/dispatch_task")
async def dispatch_task(request):
    t = await app.dispatch("custom.fail.now")
    await asyncio.sleep(0.05)
    return response.text(type(t).__name__)


@app.get("/dispatch_inline")
async def dispatch_inline(request):
    try:
        await app.dispatch("custom.fail.now", inline=True)
    except LookupError:
        return response.text("caught")
    return response.text("no")


@app.get("/mw")
async def mw_route(request):
    return response.text("mw")


@app.on_request
async def mw(request):
    if request.path == "/mw":
        raise OSError("middleware")


@app.on_response
async def rmw(request, resp):
    if request.path == "/err":
        raise OSError("response middleware")


@app.websocket("/ws")
async def ws(request, ws: Websocket):
    raise ValueError("ws")


@app.after_server_start
async def failing_listener(app_):
    if which == "listener":
        raise RuntimeError("listener")


def main():
    paths = ["/err", "/notfound", "/nope", "/task", "/plain_task", "/dispatch_task", "/dispatch_inline", "/mw"]
    if which == "listener":
        paths = ["/nope"]
    for path in paths:
        LOG.clear()
        try:
            _, resp = app.test_client.get(path)
            status = resp.status if resp is not None else None
        except Exception as e:
            status = f"raised {type(e).__name__}"
        print(f"== {path} -> {status}")
        for line in LOG:
            print("  " + line)
    if which == "all":
        LOG.clear()

        async def mimic(ws):
            try:
                await asyncio.wait_for(ws.recv(), 1)
            except Exception:
                pass

        try:
            app.test_client.websocket("/ws", mimic=mimic)
        except Exception:
            pass
        print("== /ws")
        for line in LOG:
            print("  " + line)


main()
