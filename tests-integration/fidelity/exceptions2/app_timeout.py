"""A response timeout's error page in debug mode (sanic-diff app; timeout.http)."""

import asyncio

from sanic import Sanic, text

app = Sanic("Exc2Timeout")
app.config.RESPONSE_TIMEOUT = 1


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(3)
    return text("late")


@app.before_server_start
async def debug_on(app, loop):
    from sanic.application.constants import Mode

    app.state.mode = Mode.DEBUG
    app.config.DEBUG = True
