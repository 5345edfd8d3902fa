"""Middleware probe app, served by real Sanic and by Hurtle (``python mw_app.py PORT``).

Every middleware, handler, error handler and ``http.lifecycle.*`` signal appends one line to
the file named by $PROBE_EVENTS, so ``mw_run.py`` can diff what ran, in which order.
Query arguments steer short-circuits: ``?short=NAME`` makes middleware NAME return a
response, ``?raise=NAME`` makes it raise, ``?replace=NAME`` makes a response middleware
return a new response, ``?kind=custom`` raises the exception class with its own handler.
"""

from __future__ import annotations

import os
import sys

from _signals import note, record_signals

from sanic import Blueprint, Request, Sanic, response
from sanic.exceptions import SanicException

MODE = os.environ.get("PROBE_MODE", "single")
app = Sanic("MwProbe")
app.config.ACCESS_LOG = False


class CustomError(SanicException):
    status_code = 418


def steer(name: str, request: Request, resp=None):
    note(f"mw {name}" + (f" status={resp.status}" if resp is not None else ""))
    if request.args.get("short") == name:
        return response.text(f"short by {name}", status=201, headers={"x-short": name})
    if request.args.get("replace") == name:
        return response.text(f"replaced by {name}", status=202)
    if request.args.get("raise") == name:
        if request.args.get("kind") == "custom":
            raise CustomError(f"custom from {name}")
        if request.args.get("kind") == "sanic":
            raise SanicException(f"sanic from {name}", status_code=409)
        raise RuntimeError(f"boom from {name}")
    if resp is not None:
        resp.headers.add("x-seen", name)
    return None


def make_req(name: str, is_async: bool = True):
    if is_async:
        async def mw(request: Request):
            return steer(name, request)
    else:
        def mw(request: Request):  # type: ignore[misc]
            return steer(name, request)
    mw.__name__ = f"req_{name}"
    return mw


def make_resp(name: str, is_async: bool = True):
    if is_async:
        async def mw(request: Request, resp):
            return steer(name, request, resp)
    else:
        def mw(request: Request, resp):  # type: ignore[misc]
            return steer(name, request, resp)
    mw.__name__ = f"resp_{name}"
    return mw


# --- app middleware in every registration form
app.middleware("request")(make_req("a_deco"))
app.on_request(make_req("a_onreq"))
app.register_middleware(make_req("a_register"), "request")
app.middleware(make_req("a_bare"))
app.on_request(make_req("a_prio5"), priority=5)
app.register_middleware(make_req("a_sync", is_async=False), "request")
app.middleware("request", priority=-3)(make_req("a_prio_neg"))

app.middleware("response")(make_resp("r_deco"))
app.on_response(make_resp("r_onresp"))
app.register_middleware(make_resp("r_register"), "response")
app.on_response(make_resp("r_prio5"), priority=5)
app.register_middleware(make_resp("r_sync", is_async=False), "response")
app.middleware("response", priority=-3)(make_resp("r_prio_neg"))

# --- blueprints and a group
bp1 = Blueprint("bp1", url_prefix="/bp1")
bp2 = Blueprint("bp2", url_prefix="/bp2")
bp3 = Blueprint("bp3", url_prefix="/bp3")
bp1.middleware("request")(make_req("bp1"))
bp1.middleware("response")(make_resp("bp1"))
bp1.on_request(make_req("bp1_prio9"), priority=9)
bp2.on_request(make_req("bp2"))
bp2.on_response(make_resp("bp2"))
bp3.on_request(make_req("bp3"))
bp3.on_response(make_resp("bp3"))
bp3.on_response(make_resp("bp3_prio9"), priority=9)
group = Blueprint.group(bp1, bp2, url_prefix="/g")
group.middleware("request")(make_req("grp"))
group.middleware("response")(make_resp("grp"))


@bp1.get("/x")
async def bp1_x(request: Request):
    note("handler bp1_x")
    return response.text("bp1")


@bp2.get("/x")
async def bp2_x(request: Request):
    note("handler bp2_x")
    raise RuntimeError("bp2 handler fails")


@bp3.get("/x")
async def bp3_x(request: Request):
    note("handler bp3_x")
    return response.text("bp3")


@bp3.exception(RuntimeError)
async def bp3_err(request: Request, exc: Exception):
    note(f"bp3 handler exception {type(exc).__name__}: {exc}")
    return response.text(f"bp3 handled {exc}", status=503)


app.blueprint(group)
app.blueprint(bp3)


@app.get("/ok")
async def ok(request: Request):
    note("handler ok")
    return response.text("ok")


@app.get("/sync")
def sync_handler(request: Request):
    note("handler sync")
    return response.text("sync")


@app.get("/err")
async def err(request: Request):
    note("handler err")
    if request.args.get("kind") == "custom":
        raise CustomError("custom from handler")
    raise RuntimeError("handler fails")


@app.get("/stream")
async def stream(request: Request):
    note("handler stream")
    resp = await request.respond(content_type="text/plain")
    note(f"after respond status={resp.status}")
    await resp.send("a")
    await resp.send("b")
    await resp.eof()


@app.get("/stream_ret")
async def stream_ret(request: Request):
    async def gen(r):
        await r.write("x")
        await r.write("y")
    note("handler stream_ret")
    return response.ResponseStream(gen, content_type="text/plain")


@app.websocket("/ws")
async def ws(request: Request, wsock):
    note("handler ws")
    await wsock.send("hi")


app.static("/static", os.path.join(os.path.dirname(os.path.abspath(__file__)), "static"))


@app.exception(CustomError)
async def custom_handler(request: Request, exc: Exception):
    note(f"custom handler {type(exc).__name__}: {exc}")
    return response.text(f"handled {exc}", status=418)


record_signals(app, note)


if __name__ == "__main__":
    port = int(sys.argv[1])
    app.run(host="127.0.0.1", port=port, single_process=True, motd=False)
