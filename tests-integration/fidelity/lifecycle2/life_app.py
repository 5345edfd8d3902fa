"""Listener and task probe app, served by real Sanic and by Hurtle (driven by ``life_run.py``).

Every listener, task and handler appends ``ROLE: event`` to $PROBE_EVENTS. ROLE is ``main``
for the process that ran ``app.run`` and the worker's name otherwise. $PROBE_RAISE names a
listener event whose listener raises; $PROBE_MODE is ``single``, ``w1`` or ``w2``.
"""

from __future__ import annotations

import asyncio
import os
import sys

from sanic import Blueprint, Request, Sanic, response

EVENTS = os.environ.get("PROBE_EVENTS", "")
RAISE = os.environ.get("PROBE_RAISE", "")
MODE = os.environ.get("PROBE_MODE", "single")
os.environ.setdefault("PROBE_MAIN_PID", str(os.getpid()))


def role() -> str:
    if str(os.getpid()) == os.environ["PROBE_MAIN_PID"]:
        return "main"
    return os.environ.get("SANIC_WORKER_NAME", "proc")


def note(line: str) -> None:
    if EVENTS:
        with open(EVENTS, "a") as fh:
            fh.write(f"{role()}: {line}\n")


app = Sanic("LifeProbe")
app.config.ACCESS_LOG = False
bp = Blueprint("lbp")

EVENTS_ALL = (
    "main_process_start", "main_process_ready", "main_process_stop",
    "reload_process_start", "reload_process_stop",
    "before_server_start", "after_server_start", "before_server_stop", "after_server_stop",
)


def maybe_raise(event: str, who: str) -> None:
    if RAISE == f"{event}:{who}":
        raise RuntimeError(f"listener {who} of {event} fails")


def argdesc(args) -> str:
    out = []
    for a in args:
        if isinstance(a, Sanic):
            out.append("app")
        elif isinstance(a, asyncio.AbstractEventLoop):
            out.append("loop")
        else:
            out.append(type(a).__name__)
    return ",".join(out)


for _event in EVENTS_ALL:
    def _forms(event: str) -> None:
        async def by_listener(app_, loop):
            note(f"{event} listener(app,loop) args={argdesc((app_, loop))}")
            maybe_raise(event, "listener")
        app.listener(event)(by_listener)

        def sync_register(app_):
            note(f"{event} register sync(app) args={argdesc((app_,))}")
            maybe_raise(event, "sync")
        app.register_listener(sync_register, event)

        async def prio(app_):
            note(f"{event} priority=3")
            maybe_raise(event, "prio")
        app.listener(event, priority=3)(prio)

        async def bp_listener(app_):
            note(f"{event} blueprint")
            maybe_raise(event, "bp")
        bp.listener(event)(bp_listener)

        async def no_args():
            note(f"{event} noargs")
        if os.environ.get("PROBE_NOARGS"):
            app.register_listener(no_args, event)

        async def star(*args):
            note(f"{event} star args={argdesc(args)}")
        app.register_listener(star, event)

    _forms(_event)


@app.before_server_start
async def shorthand_bare(app_):
    note("before_server_start shorthand bare")
    app_.ctx.seen = "ctx-set"


async def shorthand_prio(app_, loop):
    note("after_server_start shorthand priority=7")


app.after_server_start(shorthand_prio, priority=7)


@app.main_process_start
async def shorthand_main(app_):
    note("main_process_start shorthand bare")
    if MODE != "single":
        app_.shared_ctx.counter = __import__("multiprocessing").Value("i", 41)


@bp.before_server_start
async def bp_shorthand(app_):
    note("before_server_start bp shorthand")


app.blueprint(bp)


# ------------------------------------------------------------------ tasks

async def long_task(label: str) -> None:
    note(f"task {label} started")
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        note(f"task {label} cancelled")
        raise
    finally:
        note(f"task {label} finally")


async def raising_task() -> None:
    note("task raising started")
    await asyncio.sleep(0)
    raise ValueError("task fails")


async def quick_task() -> str:
    note("task quick ran")
    return "quick result"


async def takes_app(app_) -> None:
    note(f"task takes_app got {argdesc((app_,))}")


def sync_takes_app(app_) -> None:
    note(f"task sync_takes_app got {argdesc((app_,))}")


app.add_task(long_task("coro"))
if os.environ.get("PROBE_EARLY_NAMED"):
    app.add_task(long_task("named"), name="named_early")
app.add_task(quick_task)
app.add_task(takes_app)
app.add_task(raising_task())
if os.environ.get("PROBE_SYNC_TASK"):
    app.add_task(sync_takes_app)


@app.after_server_start
async def late_tasks(app_):
    t = app_.add_task(long_task("late"), name="late")
    note(f"add_task returned {type(t).__name__}")
    app_.add_task(long_task("tocancel"), name="tocancel")
    await asyncio.sleep(0.2)
    names = sorted(x.get_name() for x in app_.tasks)
    note(f"tasks {names}")
    note(f"get_task late {type(app_.get_task('late')).__name__}")
    try:
        note(f"get_task missing {app_.get_task('missing', raise_exception=False)}")
        app_.get_task("missing")
    except Exception as e:
        note(f"get_task missing raises {type(e).__name__}: {e}")
    await app_.cancel_task("tocancel")
    note(f"after cancel_task tasks {sorted(x.get_name() for x in app_.tasks)}")
    app_.purge_tasks()
    note(f"after purge tasks {sorted(x.get_name() for x in app_.tasks)}")
    try:
        await app_.cancel_task("nope")
    except Exception as e:
        note(f"cancel_task missing raises {type(e).__name__}: {e}")
    note(f"cancel_task missing quiet {await app_.cancel_task('nope', raise_exception=False)}")


@app.get("/")
async def index(request: Request):
    app_ = request.app
    c = app_.shared_ctx.counter.value if MODE != "single" else None
    return response.text(f"ctx={app_.ctx.seen} shared={c}")


@app.get("/addtask")
async def addtask(request: Request):
    request.app.add_task(long_task("from_handler"), name="from_handler")
    return response.text("added")


if __name__ == "__main__":
    kwargs = dict(host="127.0.0.1", port=int(sys.argv[1]), motd=False)
    if MODE == "single":
        kwargs["single_process"] = True
    else:
        kwargs["workers"] = int(MODE[1:])
    if os.environ.get("PROBE_RELOAD"):
        kwargs["auto_reload"] = True
    app.run(**kwargs)
