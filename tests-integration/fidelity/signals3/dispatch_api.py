"""The dispatch/event/signal API outside a server, one fact a line.

    python dispatch_api.py
"""

import asyncio
import logging
import sys

from sanic import Blueprint, Sanic
from sanic.signals import Event

logging.disable(logging.CRITICAL)


def show(label, fn):
    try:
        value = fn()
        if asyncio.iscoroutine(value):
            value = asyncio.get_event_loop().run_until_complete(value)
        text = repr(value) if not isinstance(value, asyncio.Task) else "Task"
        print(f"{label}: {text}"[:300])
    except BaseException as e:
        print(f"{label}: raises {type(e).__name__}: {e}"[:300])


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
LOG = []


async def finalize(a):
    a.signal_router.finalize()


def run(coro):
    return loop.run_until_complete(coro)


# ---- handler shapes
app = Sanic("dispatch_api")


@app.signal("shape.noargs.x")
def sync_noargs():
    LOG.append("sync_noargs")
    return "sync-result"


@app.signal("shape.kw.x")
async def takes_kw(**kw):
    LOG.append(f"takes_kw {sorted(kw)}")


@app.signal("shape.named.x")
async def takes_named(a, b=2):
    LOG.append(f"takes_named {a} {b}")
    return a


@app.signal("shape.dyn.<thing>")
async def dyn(thing, **kw):
    LOG.append(f"dyn {thing!r} {sorted(kw)}")
    return thing


@app.signal("shape.typed.<n:int>")
async def typed(n):
    LOG.append(f"typed {n!r}")
    return n


@app.signal("shape.cond.x", condition={"k": "v"})
async def cond():
    LOG.append("cond")
    return "cond"


@app.signal("shape.excl.x", condition={"k": "v"}, exclusive=False)
async def nonexcl():
    LOG.append("nonexcl")
    return "nonexcl"


@app.signal("shape.prio.x", priority=1)
async def p1():
    LOG.append("p1")


@app.signal("shape.prio.x", priority=5)
async def p5():
    LOG.append("p5")


@app.signal("shape.prio.x")
async def p0():
    LOG.append("p0")


@app.signal("shape.raise.x")
async def raiser():
    LOG.append("raiser")
    raise KeyError("kaboom")


@app.signal("shape.syncraise.x")
def sraiser():
    raise ValueError("sync-kaboom")


@app.signal(Event.HTTP_LIFECYCLE_REQUEST)
async def builtin_req(request):
    LOG.append("builtin_req")


def d(event, **kw):
    async def go():
        r = app.dispatch(event, **kw)
        LOG.append(f"dispatch returned {type(r).__name__}")
        out = await r
        if isinstance(out, asyncio.Task):
            LOG.append("awaited -> Task")
            out = await out
        await asyncio.sleep(0)
        return out

    return go


run(finalize(app))
cases = [
    ("noargs", d("shape.noargs.x")),
    ("noargs with context", d("shape.noargs.x", context={"a": 1})),
    ("noargs inline", d("shape.noargs.x", inline=True)),
    ("kw", d("shape.kw.x", context={"a": 1, "b": 2})),
    ("named", d("shape.named.x", context={"a": 1}, inline=True)),
    ("named missing", d("shape.named.x", inline=True)),
    ("named missing task", d("shape.named.x")),
    ("dyn", d("shape.dyn.foo", inline=True)),
    ("dyn ctx clash", d("shape.dyn.foo", context={"thing": "ctx"}, inline=True)),
    ("typed", d("shape.typed.42", inline=True)),
    ("typed wrong", d("shape.typed.abc", inline=True)),
    ("cond none", d("shape.cond.x", inline=True)),
    ("cond match", d("shape.cond.x", condition={"k": "v"}, inline=True)),
    ("cond other", d("shape.cond.x", condition={"k": "w"}, inline=True)),
    ("cond extra", d("shape.cond.x", condition={"k": "v", "z": 1}, inline=True)),
    ("excl none", d("shape.excl.x", inline=True)),
    ("excl match", d("shape.excl.x", condition={"k": "v"}, inline=True)),
    ("excl other", d("shape.excl.x", condition={"k": "w"}, inline=True)),
    ("prio", d("shape.prio.x", inline=True)),
    ("prio reverse", d("shape.prio.x", inline=True, reverse=True)),
    ("raise inline", d("shape.raise.x", inline=True)),
    ("raise task", d("shape.raise.x")),
    ("sync raise inline", d("shape.syncraise.x", inline=True)),
    ("unknown", d("no.such.event")),
    ("unknown inline", d("no.such.event", inline=True)),
    ("unknown quiet", d("no.such.event", fail_not_found=False)),
    ("unknown quiet inline", d("no.such.event", fail_not_found=False, inline=True)),
    ("two parts", d("no.such")),
    ("four parts", d("a.b.c.d")),
    ("enum", d(Event.HTTP_LIFECYCLE_REQUEST, context={"request": None}, inline=True)),
    ("builtin no ctx", d("http.lifecycle.request", inline=True)),
    ("builtin unhandled", d("http.lifecycle.begin", inline=True)),
    ("builtin unhandled quiet", d("http.lifecycle.begin", inline=True, fail_not_found=False)),
    ("server event", d("server.init.before", inline=True)),
    ("reserved custom", d("http.foo.bar", inline=True)),
]
for label, fn in cases:
    LOG.clear()
    show(label, fn)
    for line in LOG:
        print(f"    {line}")

# ---- registration errors (on an app not yet finalized)
app = Sanic("registration")
for label, fn in [
    ("reserved http", lambda: app.signal("http.custom.thing")(lambda: None)),
    ("reserved server", lambda: app.signal("server.custom.thing")(lambda: None)),
    ("reserved websocket", lambda: app.signal("websocket.custom.thing")(lambda: None)),
    ("builtin name ok", lambda: app.signal("http.lifecycle.begin")(lambda **k: None).__name__),
    ("two parts", lambda: app.signal("a.b")(lambda: None)),
    ("four parts", lambda: app.signal("a.b.c.d")(lambda: None)),
    ("one part", lambda: app.signal("a")(lambda: None).__name__),
    ("empty part", lambda: app.signal("a..c")(lambda: None).__name__),
    ("dyn namespace", lambda: app.signal("a.<b>.c")(lambda: None)),
    ("not callable", lambda: app.add_signal(None, "a.b.c").__name__),
    ("add_signal return", lambda: app.add_signal(lambda: None, "a.b.c").__name__),
    ("signal return", lambda: app.signal("a.b.e")(sync_noargs) is sync_noargs),
    ("noop name", lambda: app.add_signal(None, "a.b.h").__qualname__.split(".", 1)[1]),
    ("signal with enum", lambda: app.signal(Event.SERVER_INIT_AFTER)(lambda **k: None).__name__),
    ("bad priority", lambda: app.signal("a.b.f", priority="x")(lambda: None).__name__),
    ("bad condition", lambda: app.signal("a.b.g", condition="x")(lambda: None)),
    ("upper", lambda: app.signal("A.B.C")(lambda: None).__name__),
]:
    show(label, fn)

# ---- event() waits
app2 = Sanic("waits")


@app2.signal("wait.for.me")
async def wm():
    pass


@app2.signal("wait.dyn.<x>")
async def wd(x):
    pass


@app2.signal("wait.cond.x", condition={"a": 1})
async def wc():
    pass


async def waiting(event, dispatch, **kw):
    async def later():
        await asyncio.sleep(0.05)
        ev, dkw = dispatch
        await app2.dispatch(ev, **dkw)

    t = asyncio.ensure_future(later())
    try:
        return await app2.event(event, **kw)
    finally:
        await t


run(finalize(app2))
for label, fn in [
    ("wait static", lambda: waiting("wait.for.me", ("wait.for.me", {"context": {"z": 1}}))),
    ("wait static none", lambda: waiting("wait.for.me", ("wait.for.me", {}))),
    ("wait dyn", lambda: waiting("wait.dyn.<x>", ("wait.dyn.abc", {"context": {"z": 1}}))),
    ("wait dyn value", lambda: waiting("wait.dyn.abc", ("wait.dyn.abc", {}))),
    ("wait timeout", lambda: waiting("wait.for.me", ("wait.dyn.q", {}), timeout=0.2)),
    ("wait cond", lambda: waiting("wait.cond.x", ("wait.cond.x", {"condition": {"a": 1}}), condition={"a": 1})),
    ("wait cond nocond", lambda: waiting("wait.cond.x", ("wait.cond.x", {"condition": {"a": 1}}), timeout=0.2)),
    ("wait unknown", lambda: app2.event("wait.not.there")),
    ("wait unknown timeout", lambda: app2.event("wait.not.there", timeout=0.1)),
    ("wait two parts", lambda: app2.event("wait.x")),
    ("wait builtin unhandled", lambda: app2.event("http.lifecycle.begin", timeout=0.1)),
    ("wait builtin enum", lambda: app2.event(Event.HTTP_LIFECYCLE_BEGIN, timeout=0.1)),
    ("wait server", lambda: app2.event("server.init.before", timeout=0.1)),
]:
    show(label, fn)

# ---- blueprint
bp = Blueprint("bpsig")


@bp.signal("bp.sig.x")
async def bpx(**kw):
    LOG.append(f"bpx {sorted(kw)}")
    return "bp"


app3 = Sanic("bpapp")
app3.blueprint(bp)


@app3.signal("bp.sig.x")
async def appx(**kw):
    LOG.append(f"appx {sorted(kw)}")


run(finalize(app3))
for label, fn in [
    ("bp dispatch from app", lambda: app3.dispatch("bp.sig.x", inline=True)),
    ("bp dispatch from bp", lambda: bp.dispatch("bp.sig.x", inline=True)),
    ("bp dispatch cond", lambda: app3.dispatch("bp.sig.x", inline=True, condition={"blueprint": "bpsig"})),
    ("bp dispatch ctx", lambda: bp.dispatch("bp.sig.x", inline=True, context={"q": 1})),
    ("bp event", lambda: bp.event("bp.sig.x", timeout=0.1)),
]:
    LOG.clear()
    show(label, fn)
    for line in LOG:
        print(f"    {line}")
run(finalize(app))
print("router finalized", app.signal_router.finalized if hasattr(app.signal_router, "finalized") else "n/a")
sys.stdout.flush()
