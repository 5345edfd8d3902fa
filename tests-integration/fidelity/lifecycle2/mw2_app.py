"""Second middleware probe app: unusual middleware callables and return values.

Served by real Sanic and by Hurtle (``python mw2_app.py PORT``), driven by ``mw_run.py mw2``.
"""

from __future__ import annotations

import functools
import os
import sys

from _signals import note, record_signals

from sanic import Blueprint, Request, Sanic, response
from sanic.exceptions import SanicException

app = Sanic("MwProbe2")
app.config.ACCESS_LOG = False


class CallableMw:
    async def __call__(self, request: Request):
        note(f"mw callable-instance route={request.route.name if request.route else None}")
        what = request.args.get("ret")
        if what == "str":
            return "a string"
        if what == "dict":
            return {"a": 1}
        if what == "int":
            return 5
        if what == "headers":
            raise SanicException("with headers", status_code=401, headers={"www-authenticate": "Basic"})
        return None


class Holder:
    def __init__(self) -> None:
        self.name = "bound"

    async def on_req(self, request: Request):
        note(f"mw bound-method {self.name}")

    async def on_resp(self, request: Request, resp):
        note(f"mw bound-method-resp {getattr(resp, 'status', resp)}")
        what = request.args.get("rret")
        if what == "str":
            return "a string"
        if what == "none_body":
            resp.body = None
        if what == "text":
            return response.text("resp replaced")


async def with_extra(label: str, request: Request):
    note(f"mw partial {label} stream={request.stream is not None} body={request.body!r}")


async def named(request: Request):
    note("mw named")


h = Holder()
app.on_request(CallableMw())
app.on_request(h.on_req)
app.on_request(functools.partial(with_extra, "p"))
app.on_response(h.on_resp)
app.register_named_middleware(named, ["MwProbe2.only_named"], "request")

bp = Blueprint("bp", url_prefix="/bp")


@bp.on_request
async def bp_req(request: Request):
    note("mw bp")


@bp.get("/x")
async def bp_x(request: Request):
    return response.text("bp")


app.blueprint(bp)


@app.get("/ok")
async def ok(request: Request):
    note("handler ok")
    return response.text("ok")


@app.route("/head", methods=["GET", "HEAD"])
async def head(request: Request):
    note(f"handler head {request.method}")
    return response.text("head body")


@app.get("/named")
async def only_named(request: Request):
    note("handler named")
    return response.text("named")


@app.post("/stream", stream=True)
async def streamed(request: Request):
    body = b""
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        body += chunk
    note(f"handler stream got {body!r}")
    return response.text(f"got {len(body)}")


@app.post("/body")
async def body(request: Request):
    return response.text(f"got {len(request.body)}")


@app.get("/empty")
async def empty(request: Request):
    return response.empty()


@app.get("/raw")
async def raw(request: Request):
    return response.raw(b"\x00\x01", status=203)


@app.get("/redirect")
async def redirect(request: Request):
    return response.redirect("/ok")


@app.get("/stream_fail")
async def stream_fail(request: Request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("part")
    raise RuntimeError("fails mid-stream")


@app.get("/gen_fail")
async def gen_fail(request: Request):
    async def gen(r):
        await r.write("part")
        raise RuntimeError("generator fails")
    return response.ResponseStream(gen, content_type="text/plain")


if os.environ.get("PROBE_SIGNALS", "1") == "1":
    record_signals(app, note)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, motd=False)
