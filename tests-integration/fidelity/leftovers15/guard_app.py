# ruff: noqa: E702, I001  (a throw-away probe, kept as it ran)
import os

from sanic import Sanic
from sanic.log import logger
from sanic.response import text


def build():
    app = Sanic("GuardApp")
    @app.get("/")
    async def h(request):
        logger.info("handled in worker")
        return text("ok")
    @app.after_server_start
    async def started(app, loop):
        logger.info("started listener")
        if os.environ.get("STOPPER") and app.m.name.endswith("0-0"):
            # first worker asks the manager to stop after a bit
            async def stop():
                import asyncio; await asyncio.sleep(1.5); app.m.terminate()
            app.add_task(stop())
    return app

if os.environ.get("MODE") == "spawn":
    app = build()

if __name__ == "__main__":
    if os.environ.get("MODE") != "spawn":
        app = build()
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]), workers=2, motd=False, access_log=True)
