import inspect

import sanic.exceptions as E

names = sorted(
    n
    for n in dir(E)
    if isinstance(getattr(E, n), type) and issubclass(getattr(E, n), BaseException)
)
print("names", names)
for n in names:
    c = getattr(E, n)
    attrs = {}
    for a in ("status_code", "message", "quiet", "headers", "context", "extra"):
        try:
            attrs[a] = repr(getattr(c, a, "<none>"))
        except Exception as ex:
            attrs[a] = "ERR " + type(ex).__name__
    mro = [k.__name__ for k in c.__mro__]
    try:
        sig = [
            (p.name, p.kind.name, repr(p.default))
            for p in inspect.signature(c.__init__).parameters.values()
        ]
    except Exception:
        sig = "ERR"
    print(n, mro, attrs, sig)
    for args, kw in [
        ((), {}),
        (("m",), {}),
        (("m", 418), {}),
        (
            (),
            {
                "message": "x",
                "status_code": 404,
                "quiet": True,
                "context": {"a": 1},
                "extra": {"b": 2},
                "headers": {"h": "v"},
            },
        ),
    ]:
        try:
            e = c(*args, **kw)
            d = {
                a: repr(getattr(e, a, "<none>"))
                for a in ("status_code", "message", "quiet", "headers", "context", "extra", "args")
            }
            print("  ", args, kw, "str=", repr(str(e)), "repr=", repr(repr(e)), d)
        except Exception as ex:
            print("  ", args, kw, "RAISES", type(ex).__name__, ex)
print("abort", hasattr(E, "abort"))
import sanic

print("sanic abort", hasattr(sanic, "abort"))
