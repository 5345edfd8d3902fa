# ruff: noqa: B023  (a throw-away probe, kept as it ran)
import asyncio

from sanic import Sanic

CASES = [
  [("foo.bar.baz", 1), ("foo.bar.<x>", "x")],
  [("foo.bar.<x>", 1), ("foo.bar.<y>", "x")],
  [("foo.bar.<x>", 1), ("foo.bar.<y:int>", "x")],
  [("foo.bar.baz", 1), ("foo.bar.qux", "x")],
  [("foo.bar.baz", 1), ("foo.bar.baz", "x", {"a": "1"})],
  [("foo.bar.<x:int>", 1), ("foo.bar.<y:int>", "x")],
]
for i, case in enumerate(CASES):
    app = Sanic(f"sigp{i}")
    calls=[]
    err = None
    for j, c in enumerate(case):
        ev, pr = c[0], c[1]
        cond = c[2] if len(c) > 2 else None
        async def h(_j=j, **kw): calls.append(_j)
        try:
            app.signal(ev, priority=pr, condition=cond)(h)
        except Exception as e:
            err = f"REG{j} {type(e).__name__}: {e}"
    out = []
    async def main():
        try:
            await app._startup()
        except Exception as e:
            out.append(f"STARTUP {type(e).__name__}: {e}")
            return
        for ev in ("foo.bar.baz", "foo.bar.7", "foo.bar.qux"):
            calls.clear()
            try:
                await app.dispatch(ev, condition={"a": "1"} if len(case[-1])>2 else None, fail_not_found=False)
                out.append(f"{ev}: {calls}")
            except Exception as e:
                out.append(f"{ev}: DISPATCH {type(e).__name__}: {e}")
    asyncio.run(main())
    print(i, case, err, out)
