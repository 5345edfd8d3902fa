"""Python-level facts about middleware registration and ctx objects, printed one a line;
run under both interpreters and diff (not a test: CI has no Sanic).

    diff <(/tmp/st-ref/bin/python api_probe.py) <(.venv/bin/python api_probe.py)
"""

import logging

from sanic import Blueprint, Request, Sanic

logging.disable(logging.CRITICAL)
Sanic.test_mode = True


def fact(name, fn):
    try:
        value = fn()
    except Exception as exc:  # the exception is the fact
        value = f"raises {type(exc).__name__}: {exc}"
    print(f"{name}: {value}")


def attach_case(attach):
    app = Sanic(f"A{abs(hash(attach))}")

    async def mw(request, response=None):
        if response is not None:
            response.headers["x-mw"] = "resp"

    fact(
        f"register_middleware attach_to={attach!r}",
        lambda: type(app.register_middleware(mw, attach)).__name__,
    )
    fact("  request_middleware len", lambda: len(app.request_middleware))
    fact("  response_middleware len", lambda: len(app.response_middleware))
    fact(f"  app.middleware(fn, {attach!r})", lambda: type(app.middleware(mw, attach)).__name__)
    fact(f"  app.middleware({attach!r})(fn)", lambda: type(app.middleware(attach)(mw)).__name__)
    bp = Blueprint(f"b{abs(hash(attach))}")
    fact(f"  bp.middleware(fn, {attach!r})", lambda: type(bp.middleware(mw, attach)).__name__)


def attach_names():
    for attach in ["request", "response", "REQUEST", "Response", " response", "resp", ""]:
        attach_case(attach)


def ctx_facts():
    app = Sanic("CtxFacts")
    bp = Blueprint("cbp", url_prefix="/c")
    fact("app.ctx", lambda: repr(app.ctx))
    fact("bp.ctx", lambda: repr(bp.ctx))
    bp.ctx.x = 1
    copy = bp.copy("cbp2", url_prefix="/c2")
    fact("bp.copy().ctx is bp.ctx", lambda: copy.ctx is bp.ctx)
    fact("bp.copy().ctx", lambda: repr(copy.ctx))
    group = Blueprint.group(bp, copy)
    fact("group has ctx", lambda: hasattr(group, "ctx"))
    fact("Request.get_current() outside", lambda: Request.get_current())
    fact("app.ctx settable", lambda: setattr(app, "ctx", "new") or app.ctx)
    fact("bp.ctx settable", lambda: setattr(bp, "ctx", "new") or bp.ctx)


attach_names()
ctx_facts()
