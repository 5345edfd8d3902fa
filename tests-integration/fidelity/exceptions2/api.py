"""Print what user code sees of ``sanic.exceptions``; run under each interpreter, diff.

    python3 tests-integration/fidelity/exceptions2/compare.py api

One line per fact: names, hierarchy (issubclass against every class and some built-ins),
class attributes, constructor signatures, and instances built with many argument sets
(str, repr, args and attributes, and whether an instance's dicts are shared).
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import pickle
import sys
from pathlib import Path

import sanic
import sanic.exceptions as E

ATTRS = ("status_code", "message", "quiet", "headers", "context", "extra")


def show(v: object) -> str:
    try:
        return repr(v)
    except Exception as ex:
        return f"<repr raised {type(ex).__name__}>"


def classes() -> list[str]:
    return sorted(
        n
        for n in dir(E)
        if not n.startswith("_")
        and isinstance(getattr(E, n), type)
        and issubclass(getattr(E, n), BaseException)
    )


NAMES = classes()
BUILTINS = [
    BaseException,
    Exception,
    ValueError,
    LookupError,
    KeyError,
    OSError,
    FileNotFoundError,
    IsADirectoryError,
    PermissionError,
    ConnectionError,
    TimeoutError,
    RuntimeError,
    asyncio.CancelledError,
    SystemExit,
    KeyboardInterrupt,
]


def sig(c: type) -> str:
    try:
        s = inspect.signature(c)
    except (TypeError, ValueError):
        return "no signature"
    return str([(p.name, p.kind.name, show(p.default)) for p in s.parameters.values()])


def instance(c: type, args: tuple, kw: dict) -> str:
    try:
        e = c(*args, **kw)
    except Exception as ex:
        return f"RAISES {type(ex).__name__}"
    try:
        s = str(e)
    except Exception as ex:
        s = f"<str raised {type(ex).__name__}>"
    parts = [f"str={s!r}", f"repr={show(e)}", f"args={show(e.args)}"]
    for a in ATTRS:
        parts.append(f"{a}={show(getattr(e, a, '<none>'))}")
    return " ".join(parts)


def section_names() -> None:
    print("classes", NAMES)
    print("sanic top-level", sorted(n for n in dir(sanic) if n in NAMES or n == "abort"))
    print("abort in exceptions", hasattr(E, "abort"))
    print("SanicIsADirectoryError", hasattr(E, "SanicIsADirectoryError"))
    for n in NAMES:
        c = getattr(E, n)
        print(
            "name",
            n,
            c.__name__,
            c.__qualname__,
            "same-as",
            [m for m in NAMES if getattr(E, m) is c],
        )


def section_hierarchy() -> None:
    for n in NAMES:
        c = getattr(E, n)
        subs = [m for m in NAMES if m != n and issubclass(c, getattr(E, m))]
        bis = [b.__name__ for b in BUILTINS if issubclass(c, b)]
        print("isa", n, subs, bis)


def section_class_attrs() -> None:
    for n in NAMES:
        c = getattr(E, n)
        print("cls", n, " ".join(f"{a}={show(getattr(c, a, '<none>'))}" for a in ATTRS))
        print("sig", n, sig(c))


ARGSETS: list[tuple[tuple, dict]] = [
    ((), {}),
    (("m",), {}),
    ((b"bytes \xc3\xa9",), {}),
    (("",), {}),
    ((None,), {}),
    (("m", 418), {}),
    (("m",), {"status_code": 503}),
    ((), {"status_code": 409}),
    ((), {"status_code": 299}),
    ((), {"status_code": 599}),
    (("m",), {"quiet": True}),
    (("m",), {"quiet": False}),
    (("m",), {"context": {"a": 1}, "extra": {"b": [1, 2]}}),
    (("m",), {"headers": {"X-A": "1"}}),
    (("m",), {"headers": [("X-A", "1")]}),
    (("m",), {"bogus": 1}),
    (("m", 418, True), {}),
    ((123,), {}),
    ((), {"message": "kw"}),
    ((), {"message": None, "quiet": None, "context": None, "extra": None, "headers": None}),
    (("m",), {"context": {}, "extra": {}, "headers": {}}),
    (("m",), {"headers": None}),
    ((["l"],), {}),
]


def section_instances() -> None:
    for n in NAMES:
        c = getattr(E, n)
        for args, kw in ARGSETS:
            print("inst", n, show(args), show(kw), instance(c, args, kw))


def section_specials() -> None:
    cases = [
        ("Unauthorized", ("Auth",), {"scheme": "Basic", "realm": "r"}),
        ("Unauthorized", ("Auth", "Bearer"), {}),
        (
            "Unauthorized",
            ("Auth",),
            {
                "scheme": "Digest",
                "realm": "r",
                "qop": "auth, auth-int",
                "nonce": "n",
                "opaque": "o",
            },
        ),
        ("Unauthorized", ("Auth",), {"realm": "r"}),
        ("Unauthorized", ("Auth",), {"scheme": "Bearer", "headers": {"X": "1"}}),
        ("Unauthorized", ("Auth",), {"scheme": "Bearer", "headers": {"WWW-Authenticate": "Other"}}),
        ("Unauthorized", ("Auth",), {"scheme": "Bearer", "error": 'q"uote'}),
        ("Unauthorized", ("Auth",), {"status_code": 402}),
        ("Unauthorized", (), {"scheme": "Basic"}),
        ("Unauthorized", ("Auth",), {"scheme": ""}),
        ("Unauthorized", ("Auth",), {"scheme": "Basic", "realm": None, "n": 5}),
        ("Unauthorized", ("Auth",), {"scheme": None, "realm": "r"}),
        ("Unauthorized", (b"Auth",), {"scheme": "Basic", "quiet": False, "context": {"a": 1}}),
        ("MethodNotAllowed", ("no", "PUT", ("GET", "POST")), {"quiet": False}),
        ("MethodNotAllowed", (), {"allowed_methods": ["GET"]}),
        ("MethodNotAllowed", (None, None, None), {}),
        ("FileNotFound", ("f", Path("/a/b"), None), {}),
        ("FileNotFound", (), {}),
        ("PyFileError", (Path("conf.py"),), {"context": {"a": 1}}),
        ("WebsocketClosed", (), {"quiet": False}),
        ("MethodNotAllowed", ("no", "PUT", ["GET", "POST"]), {}),
        ("MethodNotAllowed", ("no",), {"method": "PUT", "allowed_methods": ("GET",)}),
        ("MethodNotAllowed", ("no", "PUT", []), {}),
        ("MethodNotAllowed", ("no", "PUT", None), {}),
        ("MethodNotAllowed", ("no", "PUT", ["GET"]), {"headers": {"Allow": "X"}}),
        ("MethodNotAllowed", ("no", "PUT", ["GET"]), {"headers": {"X-B": "2"}}),
        ("MethodNotAllowed", ("no", "PUT", {"GET"}), {}),
        ("MethodNotAllowed", ("no", "PUT", "GET"), {}),
        ("MethodNotSupported", ("no", "PUT", ["GET"]), {}),
        ("RangeNotSatisfiable", ("r",), {}),
        ("RangeNotSatisfiable", ("r", None), {}),
        ("ContentRangeError", ("r",), {}),
        ("InvalidRangeType", ("r",), {}),
        ("FileNotFound", ("f", "/a/b", "/b"), {}),
        ("FileNotFound", ("f",), {"path": "/a", "relative_url": "b"}),
        ("PyFileError", ("conf.py",), {}),
        ("PyFileError", ("conf.py", 400), {}),
        ("PyFileError", (), {}),
        ("LoadFileException", ("bad",), {}),
        ("URLBuildError", ("bad",), {}),
        ("InvalidSignal", ("bad",), {}),
        ("WebsocketClosed", ("closed",), {}),
        ("ServerKilled", (), {}),
        ("ServerKilled", ("k", 1), {}),
        ("RequestCancelled", (), {}),
        ("RequestCancelled", ("x",), {}),
        ("HeaderNotFound", ("h",), {}),
        ("HeaderNotFound", ("h", 400), {}),
        ("InvalidHeader", ("h",), {}),
        ("BadURL", ("u",), {}),
        ("HeaderExpectationFailed", ("e",), {}),
        ("ExpectationFailed", ("e",), {}),
    ]
    for n, args, kw in cases:
        c = getattr(E, n, None)
        if c is None:
            print("special", n, "missing")
            continue
        print("special", n, show(args), show(kw), instance(c, args, kw))

    class Rng:
        total = 10
        start = 0
        end = 5
        size = 5

    class NoTotal:
        total = None

    for n in ("RangeNotSatisfiable", "ContentRangeError", "InvalidRangeType"):
        for rng in (Rng(), NoTotal()):
            try:
                e = getattr(E, n)("r", rng)
                print("special-range", n, show(e.headers), str(e), e.args)
            except Exception as ex:
                print("special-range", n, "RAISES", type(ex).__name__)


def section_sharing() -> None:
    for n in NAMES:
        c = getattr(E, n)
        try:
            a = c("a")
            b = c("b")
        except Exception as ex:
            print("share", n, "RAISES", type(ex).__name__)
            continue
        for attr in ("headers", "context", "extra"):
            va = getattr(a, attr, None)
            vb = getattr(b, attr, None)
            same = va is not None and va is vb
            cls_same = va is not None and va is getattr(c, attr, object())
            print(
                "share",
                n,
                attr,
                "instances-share",
                same,
                "is-class-attr",
                cls_same,
                type(va).__name__,
            )
    h = {"X": "1"}
    ctx = {"c": 1}
    e = E.SanicException("m", headers=h, context=ctx, extra=ctx)
    print("identity headers", e.headers is h, "context", e.context is ctx, "extra", e.extra is ctx)


def section_subclasses() -> None:
    class A(E.SanicException):
        status_code = 402
        message = "pay"
        quiet = True
        headers = {"X-Cls": "1"}

    class B(E.NotFound):
        message = "gone"

    class C(E.SanicException):
        def __init__(self, thing):
            super().__init__(f"thing {thing}")
            self.thing = thing

    class D(E.SanicException):
        def __init__(self):  # no super()
            pass

    class F(E.Unauthorized):
        headers = {"X-F": "f"}

    class G(E.BadRequest, ValueError):
        pass

    class H(E.SanicException):
        status_code = 418
        context = {"cls": 1}
        extra = {"cx": 2}

    for k, args, kw in [
        (A, (), {}),
        (A, ("own",), {}),
        (A, (), {"headers": {"X-I": "2"}}),
        (A, (), {"quiet": False}),
        (A, (), {"status_code": 410}),
        (B, (), {}),
        (B, ("m",), {}),
        (C, ("t",), {}),
        (D, (), {}),
        (F, ("u",), {"scheme": "Basic", "realm": "r"}),
        (F, ("u",), {}),
        (G, ("g",), {}),
        (H, (), {}),
        (H, (), {"context": {"i": 1}}),
    ]:
        print("sub", k.__name__, show(args), show(kw), instance(k, args, kw))
    a1 = A()
    a1.headers["X-New"] = "n"
    print("sub class headers after mutation", A.headers, A().headers)
    for k in (A, B, C, D, G):
        try:
            e = k("t") if k is C else k()
            e2 = pickle.loads(pickle.dumps(e))
            print("pickle", k.__name__, "ok", str(e2), e2.args)
        except Exception as ex:
            print("pickle", k.__name__, "RAISES", type(ex).__name__)


def section_copy_pickle() -> None:
    for n in NAMES:
        c = getattr(E, n)
        for args, kw in (
            ((), {}),
            (("m",), {"context": {"a": 1}, "headers": {"X": "1"}, "quiet": True}),
        ):
            try:
                e = c(*args, **kw)
            except Exception as ex:
                print("cp", n, "make RAISES", type(ex).__name__)
                continue
            for how, f in (
                ("pickle", lambda x: pickle.loads(pickle.dumps(x))),
                ("copy", copy.copy),
                ("deepcopy", copy.deepcopy),
            ):
                try:
                    e2 = f(e)
                    print("cp", n, how, show(args), instance_of(e2))
                except Exception as ex:
                    print("cp", n, how, show(args), "RAISES", type(ex).__name__)


def instance_of(e: BaseException) -> str:
    return " ".join(
        [f"str={str(e)!r}", f"args={show(e.args)}"]
        + [f"{a}={show(getattr(e, a, '<none>'))}" for a in ATTRS]
    )


def section_raise() -> None:
    # What a try/except written for Sanic catches.
    pairs = [
        ("NotFound", "SanicException"),
        ("FileNotFound", "NotFound"),
        ("HeaderNotFound", "BadRequest"),
        ("InvalidUsage", "BadRequest"),
        ("BadRequest", "InvalidUsage"),
        ("ServerError", "InternalServerError"),
        ("URLBuildError", "ServerError"),
        ("ServiceUnavailable", "SanicException"),
        ("RequestTimeout", "HTTPException"),
        ("PayloadTooLarge", "HTTPException"),
        ("HeaderExpectationFailed", "ExpectationFailed"),
        ("RangeNotSatisfiable", "ContentRangeError"),
        ("InvalidRangeType", "RangeNotSatisfiable"),
        ("MethodNotAllowed", "MethodNotSupported"),
        ("LoadFileException", "SanicException"),
        ("PyFileError", "SanicException"),
        ("WebsocketClosed", "SanicException"),
        ("ServerKilled", "SanicException"),
        ("InvalidSignal", "SanicException"),
        ("RequestCancelled", "SanicException"),
        ("BadURL", "BadRequest"),
        ("InvalidHeader", "BadRequest"),
        ("Unauthorized", "Forbidden"),
        ("Forbidden", "HTTPException"),
    ]
    for a, b in pairs:
        ca, cb = getattr(E, a), getattr(E, b)
        try:
            try:
                raise ca.__new__(ca)
            except cb:
                r = "caught"
        except BaseException as ex:
            r = f"escaped {type(ex).__name__}"
        print("catch", a, "as", b, r)


SECTIONS = {
    "names": section_names,
    "hierarchy": section_hierarchy,
    "class": section_class_attrs,
    "instances": section_instances,
    "specials": section_specials,
    "sharing": section_sharing,
    "subclasses": section_subclasses,
    "copy": section_copy_pickle,
    "raise": section_raise,
}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(SECTIONS):
        SECTIONS[name]()
