"""Background tasks as older apps used them: failing, long-running, added late."""

CASES: dict[str, str] = {}

CASES["task_fails_before_run"] = '''
import asyncio
from sanic import Sanic, text
app = Sanic("A")
async def bad():
    raise RuntimeError("task failed")
app.add_task(bad())
@app.get("/")
async def h(request):
    await asyncio.sleep(0.05)
    return text("ok")
req(app)
'''

CASES["task_fails_in_handler"] = '''
import asyncio
from sanic import Sanic, text
app = Sanic("A")
async def bad():
    raise RuntimeError("task failed")
@app.get("/")
async def h(request):
    request.app.add_task(bad(), name="bad")
    await asyncio.sleep(0.05)
    t = request.app.get_task("bad", raise_exception=False)
    return text(str(t.done() if t else None))
req(app)
'''

CASES["task_long_running_at_stop"] = '''
import asyncio
from sanic import Sanic, text
app = Sanic("A")
async def forever():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("task cancelled at stop")
        raise
app.add_task(forever(), name="forever")
@app.get("/")
async def h(request):
    return text(str([t.get_name() for t in request.app.tasks]))
req(app)
'''

CASES["task_added_in_after_stop"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def late():
    print("late task ran")
@app.after_server_stop
async def s(app):
    try:
        r = app.add_task(late())
        print("add_task in after_server_stop", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["task_cancel_purge"] = '''
import asyncio
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    async def w():
        await asyncio.sleep(10)
    request.app.add_task(w(), name="w")
    await asyncio.sleep(0)
    await request.app.cancel_task("w")
    t = request.app.get_task("w")
    request.app.purge_tasks()
    try:
        request.app.get_task("w")
    except Exception as e:
        return text(f"{t.cancelled()} {type(e).__name__}: {e}")
    return text("still there")
req(app)
'''

CASES["task_sync_callable_returns_coro"] = '''
from sanic import Sanic, text
app = Sanic("A")
def make(app):
    async def inner():
        print("inner ran")
    return inner()
app.add_task(make)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''
