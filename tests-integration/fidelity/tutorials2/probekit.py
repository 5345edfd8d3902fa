"""The harness shared by probe_legacy.py and probe_api.py: register cases with `@case`,
make uniquely named apps with `fresh()`, and `run()` prints each case's outcome (its
result, or the exception's type and message) on one line."""

import itertools
import logging

logging.disable(logging.CRITICAL)

CASES: dict = {}
_n = itertools.count()


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def fresh(prefix: str = "P"):
    from sanic import Sanic

    return Sanic(f"{prefix}{next(_n)}")


def run() -> None:
    for name, fn in CASES.items():
        try:
            out = fn()
            print(f"{name}: ok {out!r}")
        except BaseException as e:
            msg = str(e).replace("\n", " ")[:240]
            print(f"{name}: {type(e).__module__}.{type(e).__name__}: {msg}")
