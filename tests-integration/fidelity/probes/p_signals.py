"""Signals: registration, dispatch options, events/wait_for, name validation."""

import asyncio

from _probe import exc_line, new_app, show

from sanic import Blueprint
from sanic.signals import Event

app = new_app("sigapp")
LOG = []


@app.signal("foo.bar.baz")
async def h1(**kwargs):
    LOG.append(("h1", sorted(kwargs.items())))


@app.signal("foo.bar.baz", priority=5)
def h_sync(**kwargs):
    LOG.append(("h_sync", sorted(kwargs.items())))


@app.signal("foo.bar.<thing>")
async def h_dyn(thing, **kwargs):
    LOG.append(("h_dyn", thing, sorted(kwargs.items())))


@app.signal("foo.cond.x", condition={"k": "v"})
async def h_cond(**kwargs):
    LOG.append(("h_cond", sorted(kwargs.items())))


@app.signal("foo.exc.x")
async def h_exc(**kwargs):
    LOG.append("h_exc")
    raise ValueError("boom in signal")


@app.signal("foo.ret.x")
async def h_ret(**kwargs):
    return "returned"


@app.signal(Event.HTTP_LIFECYCLE_BEGIN)
async def h_enum(**kwargs):
    pass


bp = Blueprint("sigbp")


@bp.signal("bp.sig.one")
async def bp_h(**kwargs):
    LOG.append(("bp_h", sorted(kwargs.items())))


app.blueprint(bp)

show("Event members", lambda: [(e.name, e.value) for e in Event])
for name in [
    "foo",
    "foo.bar",
    "a.b.c.d",
    "foo.bar.baz",
    "http.lifecycle.nope",
    "server.init.before",
    "Foo.Bar.Baz",
    "foo..bar",
    "foo.bar.<x:int>",
    "sanic.x.y",
]:
    a = new_app(f"sigval{abs(hash(name)) % 100000}")
    show(f"register {name!r}", lambda a=a, n=name: (a.signal(n)(h1), "ok")[1])
show("signal non-async handler ok", lambda: "ok")
show("signal_router type", lambda: type(app.signal_router).__name__)


async def describe(out):
    if isinstance(out, list):
        return [await describe(o) for o in out]
    if isinstance(out, asyncio.Task):
        try:
            result = await out
        except BaseException as e:
            return f"Task raising {type(e).__name__}: {e}"
        return f"Task -> {result!r}"
    return repr(out)


async def main():
    await app._startup() if hasattr(app, "_startup") else None
    for label, coro in [
        ("dispatch foo.bar.baz", lambda: app.dispatch("foo.bar.baz")),
        ("dispatch with context", lambda: app.dispatch("foo.bar.baz", context={"a": 1})),
        ("dispatch dyn", lambda: app.dispatch("foo.bar.qux", context={"b": 2})),
        ("dispatch cond match", lambda: app.dispatch("foo.cond.x", condition={"k": "v"})),
        ("dispatch cond no match", lambda: app.dispatch("foo.cond.x", condition={"k": "w"})),
        ("dispatch cond missing", lambda: app.dispatch("foo.cond.x")),
        ("dispatch not found", lambda: app.dispatch("no.such.sig")),
        ("dispatch not found fail", lambda: app.dispatch("no.such.sig", fail_not_found=True)),
        ("dispatch not found no fail", lambda: app.dispatch("no.such.sig", fail_not_found=False)),
        ("dispatch exc", lambda: app.dispatch("foo.exc.x")),
        ("dispatch exc reraise False", lambda: app.dispatch("foo.exc.x", reraise=False)),
        ("dispatch ret", lambda: app.dispatch("foo.ret.x")),
        ("dispatch bp", lambda: app.dispatch("bp.sig.one", context={"z": 1})),
        ("dispatch bp via bp", lambda: bp.dispatch("bp.sig.one", context={"y": 1})),
        (
            "dispatch reserved",
            lambda: app.dispatch("http.lifecycle.begin", context={"conn_info": None}),
        ),
        ("dispatch bad name", lambda: app.dispatch("onlyone")),
        ("inline not found", lambda: app.dispatch("no.such.sig", inline=True)),
        (
            "inline not found no fail",
            lambda: app.dispatch("no.such.sig", inline=True, fail_not_found=False),
        ),
        ("inline exc", lambda: app.dispatch("foo.exc.x", inline=True)),
        ("inline reverse", lambda: app.dispatch("foo.bar.baz", inline=True, reverse=True)),
        ("inline ret", lambda: app.dispatch("foo.ret.x", inline=True)),
        ("inline one word", lambda: app.dispatch("oneword", inline=True)),
        (
            "inline enum",
            lambda: app.dispatch(
                Event.HTTP_LIFECYCLE_BEGIN, inline=True, context={"conn_info": None}
            ),
        ),
    ]:
        LOG.clear()
        try:
            out = await coro()
            print(f"{label}: returned {await describe(out)} log={LOG}")
        except BaseException as e:
            print(f"{label}: {exc_line(e)} log={LOG}")
    LOG.clear()
    try:
        t = app.dispatch("foo.bar.baz", inline=True)
        print("inline dispatch type:", type(t).__name__)
        r = await t
        print("inline result:", repr(r), LOG)
    except BaseException as e:
        print("inline:", exc_line(e))

    async def waiter():
        return await app.event("foo.bar.baz", timeout=1)

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    await app.dispatch("foo.bar.baz", context={"w": 1})
    try:
        print("event result:", repr(await w))
    except BaseException as e:
        print("event:", exc_line(e))
    try:
        print("event unknown:", repr(await app.event("not.registered.sig", timeout=0.05)))
    except BaseException as e:
        print("event unknown:", exc_line(e))
    try:
        print("event timeout:", repr(await app.event("foo.bar.baz", timeout=0.05)))
    except BaseException as e:
        print("event timeout:", exc_line(e))
    try:
        w2 = asyncio.create_task(app.event("foo.bar.baz", timeout=1, condition={"c": 1}))
        await asyncio.sleep(0.01)
        await app.dispatch("foo.bar.baz", condition={"c": 1})
        print("event with condition:", repr(await w2))
    except BaseException as e:
        print("event with condition:", exc_line(e))
    try:
        w3 = asyncio.create_task(app.event("foo.bar.<thing>", timeout=1))
        await asyncio.sleep(0.01)
        await app.dispatch("foo.bar.zz")
        print("event dynamic:", repr(await w3))
    except BaseException as e:
        print("event dynamic:", exc_line(e))
    try:
        w4 = asyncio.create_task(app.event(Event.HTTP_LIFECYCLE_BEGIN, timeout=0.05))
        print("event enum:", repr(await w4))
    except BaseException as e:
        print("event enum:", exc_line(e))


asyncio.run(main())
