"""The app of run.py: a listener stops the loop (LOOP_STOP_IN names which; MODE how to run)."""

import asyncio
import os
import sys

from sanic import Sanic
from sanic.response import text

app = Sanic("LoopStop")
WHERE = os.environ.get("LOOP_STOP_IN", "before_server_start")


def mark(step: str) -> None:
    print(f"STEP {step} pid={os.getpid()}", file=sys.stderr, flush=True)


@app.get("/")
async def index(request):
    return text("served")


def listener(event: str):
    async def run(app):
        mark(event)
        if event == WHERE:
            asyncio.get_running_loop().stop()
            mark(f"{event}: loop.stop() called")
            await asyncio.sleep(0)
            mark(f"{event}: after loop.stop()")

    return run


for event in (
    "main_process_start",
    "main_process_ready",
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_stop",
):
    app.register_listener(listener(event), event)


if __name__ == "__main__":
    single = os.environ.get("MODE", "single") == "single"
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=single, access_log=False,
            motd=False)
    mark("app.run returned")
