"""Blueprint signals: which dispatches reach a blueprint's handlers (app, bp, other bp)."""

import asyncio

from _probe import new_app, show

from sanic import Blueprint

LOG: list[str] = []
app = new_app("sigapp")
one, two = Blueprint("one"), Blueprint("two")


@one.signal("s.t.shared")
async def one_shared(**kw):
    LOG.append(f"one shared {sorted(kw)}")


@two.signal("s.t.shared")
async def two_shared(**kw):
    LOG.append(f"two shared {sorted(kw)}")


@app.signal("s.t.shared")
async def app_shared(**kw):
    LOG.append(f"app shared {sorted(kw)}")


@one.signal("s.t.only_one")
async def one_only(**kw):
    LOG.append(f"one only {sorted(kw)}")


@app.signal("s.t.only_app")
async def app_only(**kw):
    LOG.append(f"app only {sorted(kw)}")


@one.signal("s.t.cond", condition={"k": "v"})
async def one_cond(**kw):
    LOG.append(f"one cond {sorted(kw)}")


app.blueprint(one)
app.blueprint(two)


async def run(label, coro_fn):
    LOG.clear()
    try:
        out = await coro_fn()
        await asyncio.sleep(0.02)
        if isinstance(out, list) and all(isinstance(t, asyncio.Task) for t in out):
            res = f"{len(out)} tasks"
        else:
            res = "task" if isinstance(out, asyncio.Task) else repr(out)
    except Exception as e:
        res = f"raises {type(e).__name__}: {e}"
    print(f"{label}: {res} {sorted(LOG)}")


async def main():
    await app._startup() if hasattr(app, "_startup") else None
    for label, fn in [
        ("app shared", lambda: app.dispatch("s.t.shared")),
        ("one shared", lambda: one.dispatch("s.t.shared")),
        ("two shared", lambda: two.dispatch("s.t.shared")),
        ("app only_one", lambda: app.dispatch("s.t.only_one")),
        ("two only_one", lambda: two.dispatch("s.t.only_one")),
        ("one only_app", lambda: one.dispatch("s.t.only_app")),
        ("one cond match", lambda: one.dispatch("s.t.cond", condition={"k": "v"})),
        ("one cond none", lambda: one.dispatch("s.t.cond")),
        ("app cond match", lambda: app.dispatch("s.t.cond", condition={"k": "v"})),
        ("one shared inline", lambda: one.dispatch("s.t.shared", inline=True)),
        ("one shared context", lambda: one.dispatch("s.t.shared", context={"a": 1}, inline=True)),
        ("one unknown", lambda: one.dispatch("s.t.unknown")),
        ("one unknown no fail", lambda: one.dispatch("s.t.unknown", fail_not_found=False)),
    ]:
        await run(label, fn)


asyncio.run(main())
show("bp unregistered dispatch", lambda: asyncio.run(Blueprint("zz").dispatch("s.t.shared")))
