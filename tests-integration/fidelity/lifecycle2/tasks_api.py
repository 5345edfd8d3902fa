"""Task and listener-signature API probe: ``python tasks_api.py PORT`` prints one fact a line.

Served single-process; everything happens in listeners, then the app stops itself.
``api_run.py`` runs it under real Sanic and under Hurtle and diffs the output.
"""

from __future__ import annotations

import asyncio
import functools
import sys

from sanic import Sanic

app = Sanic("TasksApi")


def say(*parts: object) -> None:
    print("::", *parts, flush=True)


def desc(value: object) -> str:
    if isinstance(value, asyncio.Task):
        return f"Task(name={value.get_name()!r}, done={value.done()})"
    return repr(value) if not callable(value) else type(value).__name__


async def attempt(label: str, fn) -> object:
    try:
        value = fn()
        if asyncio.iscoroutine(value):
            value = await value
        say(label, "->", desc(value))
        return value
    except Exception as e:
        say(label, "raises", type(e).__name__, str(e)[:150])
        return None


class CallableListener:
    async def __call__(self, app_):
        say("listener callable instance", type(app_).__name__)


async def partial_listener(tag, app_):
    say("listener partial", tag)


async def kwonly(app_, *, extra="default"):
    say("listener kwonly", extra)


async def optional_loop(app_, loop=None):
    say("listener optional loop", type(loop).__name__)


def sync_returns_coro(app_):
    async def inner():
        say("listener sync-returned coroutine ran")
    return inner()


app.register_listener(CallableListener(), "before_server_start")
app.register_listener(functools.partial(partial_listener, "tagged"), "before_server_start")
app.register_listener(kwonly, "before_server_start")
app.register_listener(optional_loop, "before_server_start")
app.register_listener(sync_returns_coro, "before_server_start")
app.register_listener(lambda a: say("listener lambda"), "before_server_start")


async def forever(label: str) -> None:
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        say("task", label, "got CancelledError")
        raise


async def stubborn() -> None:
    for _ in range(3):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            say("task stubborn swallowed a cancel")
    say("task stubborn ends")


async def finishes() -> str:
    return "done"


@app.after_server_start
async def probe(app_):
    await attempt("add_task named", lambda: app_.add_task(forever("a"), name="a"))
    await attempt("add_task duplicate name", lambda: app_.add_task(forever("a2"), name="a"))
    await attempt("add_task lambda no args", lambda: app_.add_task(lambda: None))
    await attempt("add_task sync function", lambda: app_.add_task(lambda a: say("sync fn got", type(a).__name__)))
    await attempt("add_task future", lambda: app_.add_task(asyncio.sleep(0), name="fut"))
    await attempt("add_task register=False", lambda: app_.add_task(finishes(), name="unreg", register=False))
    await attempt("add_task non-awaitable", lambda: app_.add_task(5))
    await attempt("add_task name=5", lambda: app_.add_task(finishes(), name=5))
    app_.add_task(finishes(), name="fin")
    await asyncio.sleep(0.05)
    await attempt("get_task finished", lambda: app_.get_task("fin"))
    await attempt("get_task unreg", lambda: app_.get_task("unreg", raise_exception=False))
    say("tasks type", type(app_.tasks).__name__)
    say("tasks", sorted(x.get_name() for x in app_.tasks))
    await attempt("purge_tasks", lambda: app_.purge_tasks())
    say("tasks after purge", sorted(x.get_name() for x in app_.tasks))
    await attempt("cancel_task msg", lambda: app_.cancel_task("a", msg="bye"))
    await asyncio.sleep(0.05)
    await attempt("get_task cancelled", lambda: app_.get_task("a"))
    app_.add_task(stubborn(), name="stub")
    await asyncio.sleep(0.05)
    await attempt("get_task stubborn", lambda: app_.get_task("stub"))
    await attempt("ctx attr missing", lambda: app_.ctx.nothing)
    app_.ctx.x = 1
    await attempt("ctx repr", lambda: repr(app_.ctx))
    await attempt("shared_ctx repr", lambda: repr(app_.shared_ctx))
    await attempt("shared_ctx set", lambda: setattr(app_.shared_ctx, "v", 1))
    app_.add_task(forever("left"), name="left")
    app_.stop()


@app.get("/")
async def index(request):
    return None


@app.after_server_stop
async def after(app_):
    say("after_server_stop tasks", sorted((x.get_name(), x.done()) for x in app_.tasks))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, motd=False, access_log=False)
