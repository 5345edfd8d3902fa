"""Listeners, tasks and signals of the third ASGI audit; MODE chooses a failure or a
task kind (compare_asgi_lifespan.py)."""
import asyncio
import os
import sys

from sanic import Sanic
from sanic.response import json

app = Sanic("l3")
EV = os.environ["EVENTS"]
MODE = os.environ.get("MODE", "")

def note(s):
    with open(EV, "a") as f:
        f.write(s + "\n")

async def sleeper(label):
    note(f"T {label} start")
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        note(f"T {label} cancelled")
        raise
    finally:
        note(f"T {label} finally")

async def stubborn():
    note("T stubborn start")
    for i in range(3):
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            note(f"T stubborn ignores cancel {i}")
    note("T stubborn end")

async def raiser():
    note("T raiser start")
    await asyncio.sleep(0.1)
    raise ValueError("task boom")

async def quick():
    note("T quick ran")
    return 5

@app.before_server_start
async def bss(app_, loop):
    note(f"L bss loop={type(loop).__name__} ctx={getattr(app_.ctx, 'x', None)}")
    app_.ctx.x = 1
    app_.add_task(sleeper("named"), name="named")
    app_.add_task(sleeper("anon"))
    app_.add_task(quick(), name="quick")
    if MODE == "stubborn":
        app_.add_task(stubborn(), name="stubborn")
    if MODE == "raiser":
        app_.add_task(raiser(), name="raiser")
    if MODE == "bss_raise":
        raise KeyError("bss key")
    if MODE == "callables":
        async def with_app(a):
            note(f"T with_app got {type(a).__name__}")
        async def no_arg():
            note("T no_arg ran")
        def sync_fn(a):
            note("T sync_fn ran")
        app_.add_task(with_app, name="with_app")
        app_.add_task(no_arg)
        try:
            app_.add_task(sync_fn)
        except Exception as e:
            note(f"add sync EXC {type(e).__name__}: {e}")
        try:
            app_.add_task(quick(), name="named")
        except Exception as e:
            note(f"dup name EXC {type(e).__name__}: {e}")
    if MODE == "bss_bare":
        raise RuntimeError()
    if MODE == "bss_sanicexc":
        from sanic.exceptions import SanicException
        raise SanicException("sanic exc", status_code=503)
    if MODE == "bss_kbd":
        raise KeyboardInterrupt
    if MODE == "bss_exit":
        sys.exit(3)
    if MODE == "bss_cancel":
        raise asyncio.CancelledError()

@app.after_server_start
def ass(app_, loop):
    note(f"L ass(sync) ctx={app_.ctx.x} tasks={sorted(t.get_name() for t in app_.tasks)}")
    app_.add_task(sleeper("from_ass"), name="from_ass")
    if MODE == "ass_raise":
        raise RuntimeError("ass boom")

@app.before_server_stop
async def bsts(app_, loop):
    note(f"L bsts tasks={sorted(t.get_name() for t in app_.tasks)}")
    app_.add_task(sleeper("from_bsts"), name="from_bsts")
    if MODE == "bsts_raise":
        raise RuntimeError("bsts boom")

@app.after_server_stop
async def asts(app_, loop):
    note(f"L asts tasks={sorted(t.get_name() for t in app_.tasks)} ctx={app_.ctx.x}")
    if MODE == "asts_raise":
        raise RuntimeError("asts boom")

@app.listener("main_process_start")
async def mps(app_, loop):
    note("L mps")

@app.reload_process_start
async def rps(app_, loop):
    note("L rps")

@app.signal("server.init.before")
async def sib(app, loop):
    note("S server.init.before")

@app.signal("server.shutdown.after")
async def ssa(app, loop):
    note("S server.shutdown.after")

@app.get("/")
async def idx(request):
    return json({"tasks": sorted(t.get_name() for t in app.tasks),
                 "get_task": repr(type(app.get_task("named", raise_exception=False)).__name__),
                 "quick_result": repr(app.get_task("quick", raise_exception=False))[:40]})

@app.get("/cancel")
async def cancel(request):
    await app.cancel_task("named")
    await asyncio.sleep(0.05)
    return json({"tasks": sorted(t.get_name() for t in app.tasks)})

@app.get("/purge")
async def purge(request):
    app.purge_tasks()
    return json({"tasks": sorted(t.get_name() for t in app.tasks)})

@app.get("/addtask")
async def addtask(request):
    t = app.add_task(sleeper("from_req"), name="from_req")
    return json({"ret": type(t).__name__})
