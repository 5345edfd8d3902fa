import inspect

import sanic.handlers as H
from sanic import Blueprint, Sanic, text
from sanic.exceptions import *
from sanic.handlers import ErrorHandler

PUBLIC = [
    n
    for n in dir(ErrorHandler)
    if not n.startswith("_") or n in ("_lookup", "_full_lookup", "_add")
]
print(PUBLIC)
for n in PUBLIC:
    a = getattr(ErrorHandler, n)
    if callable(a):
        try:
            print(
                n,
                [
                    (p.name, p.kind.name, repr(p.default))
                    for p in inspect.signature(a).parameters.values()
                ],
            )
        except Exception:
            print(n, "nosig")
    else:
        print(n, repr(a))
eh = ErrorHandler()
print("init attrs", sorted(k for k in vars(eh) if not k.startswith("_")))


def h1(r, e):
    return text("h1")


def h2(r, e):
    return text("h2")


class A(Exception):
    pass


class B(A):
    pass


class C(B):
    pass


class M1(Exception):
    pass


class D(M1, B):
    pass


eh.add(A, h1)
eh.add(B, h2, route_names=["r1"])
for exc in [A(), B(), C(), D(), M1(), ValueError()]:
    for rn in [None, "r1", "r2"]:
        f = eh.lookup(exc, rn)
        print(type(exc).__name__, rn, f and f.__name__)
try:
    eh.add(A, h2)
    print("dup add ok", eh.lookup(A(), None).__name__)
except Exception as ex:
    print("dup", type(ex).__name__, ex)
try:
    eh.add(A, h2, route_names=["r1"])
    print("dup add rn ok")
except Exception as ex:
    print("dup rn", type(ex).__name__, ex)
try:
    print(eh.add(ValueError(), h1))
except Exception as ex:
    print("inst", type(ex).__name__, ex)
try:
    print(eh.lookup(A, None))
except Exception as ex:
    print("lookup class", type(ex).__name__, ex)
try:
    print(eh.lookup(KeyError()))
except Exception as ex:
    print("lookup no rn", type(ex).__name__, ex)
app = Sanic("a")
print(
    "app eh",
    type(app.error_handler).__name__,
    app.error_handler.fallback if hasattr(app.error_handler, "fallback") else "nofb",
)


@app.exception(A, B)
def hh(r, e):
    return text("x")


print("exception returns", hh, getattr(hh, "__name__", None))


@app.exception([KeyError, IndexError])
def hl(r, e):
    return text("x")


print(app.error_handler.lookup(KeyError(), None))
try:

    @app.exception()
    def he(r, e):
        return text("x")

    print("empty ok")
except Exception as ex:
    print("empty", type(ex).__name__, ex)
try:

    @app.exception(int)
    def hi(r, e):
        return text("x")

    print("int ok")
except Exception as ex:
    print("int", type(ex).__name__, ex)
bp = Blueprint("bp")


@bp.exception(A)
def bph(r, e):
    return text("bp")


print("bp exception returns", bph)
print([type(x).__name__ for x in bp.exceptions] if hasattr(bp, "exceptions") else "noattr")
fe = list(bp._future_exceptions) if hasattr(bp, "_future_exceptions") else "nofe"
print(
    "fe", [(type(x).__name__, getattr(x, "exceptions", None)) for x in fe] if fe != "nofe" else fe
)
app.blueprint(bp)


@bp.route("/x")
def x(r):
    return text("x")


app.router.finalize() if False else None
print(eh.lookup(ValueError(), None))
print(
    "handlers attr", hasattr(eh, "handlers"), hasattr(eh, "cached_handlers"), hasattr(eh, "_lookup")
)
print("finalize", hasattr(ErrorHandler, "finalize"))
print(sorted(H.__all__) if hasattr(H, "__all__") else "noall")
