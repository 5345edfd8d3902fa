"""Round ten of the real-world apps: the Sanic guide's websocket clean-up. A receiver task
reads the websocket (`add_task(receiver(ws), name=f"receiver:{request.id}")`), the handler
waits on something else and, in `finally`, awaits `app.cancel_task(name)` then calls
`app.purge_tasks()`. When a client leaves, Sanic cancels the receiver; Hurtle's `recv()`
raises `ConnectionClosed` there (kept), and `cancel_task` takes that end as the
cancellation, so the clean-up runs on: `/count` is 0 tasks in both after ten clients
(it was 10 under Hurtle).

    SANIC_PY=... HURTLE_PY=... python3 ../apps_compare.py "$PWD/ws_guide_app.py" ws_guide_reqs.py

The logs still differ where the kept item shows: what the receiver saw
(`CancelledError` against `ConnectionClosedOK`/`ConnectionClosedError`) and Sanic's
"Task ... was cancelled before it completed." warning.
"""

import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("wsguide")


async def receiver(ws):
    try:
        while True:
            message = await ws.recv()
            if not message:
                break
    except BaseException as error:
        print("receiver ended with", type(error).__name__, flush=True)
        raise


@app.websocket("/feed")
async def feed(request, ws):
    task_name = f"receiver:{request.id}"
    request.app.add_task(receiver(ws), name=task_name)
    try:
        await asyncio.Event().wait()  # the guide waits on app.event(...): never fires here
    finally:
        await request.app.cancel_task(task_name)
        request.app.purge_tasks()
        print("cleaned up", flush=True)


@app.get("/count")
async def count(request):
    return json({"tasks": len(list(request.app.tasks))})
