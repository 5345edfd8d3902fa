"""The app proc.py runs under Sanic and Hurtle with ``app.run()``; settings come from SANIC_*.

Listeners print what the settings decide at start-up and at the stop.
"""

import os
import sys

from sanic import Sanic, response

app = Sanic("ProcApp")


@app.get("/")
async def index(request):
    return response.text("ok")


@app.get("/err")
async def err(request):
    raise ValueError("boom")


@app.get("/dispatch")
async def dispatch(request):
    try:
        await app.dispatch("custom.thing.happened")
        return response.text("dispatched")
    except Exception as e:
        return response.text(f"{type(e).__name__}")


@app.after_server_start
async def started(app):
    print(f"started: reload={app.auto_reload} debug={app.debug}", flush=True)


@app.before_server_stop
async def stopping(app):
    print("stopping", flush=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True,
            **({"access_log": True} if os.environ.get("RUN_ACCESS") else {}))  # fmt: skip
