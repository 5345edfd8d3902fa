"""Request class overrides and Request.get_current() outside handlers, under each interpreter."""

import asyncio
import logging

logging.disable(logging.CRITICAL)

from common import safe  # noqa: E402

from sanic import Request, Sanic  # noqa: E402
from sanic.response import json, text  # noqa: E402

out = []


class A(Request):
    def generate_id(self, *args):
        return f"inst-{len(args)}-{type(self).__name__}"


class B(Request):
    @staticmethod
    def generate_id(request):
        return f"static-{type(request).__name__}"


class C(Request):
    def generate_id(self):
        return "noargs"


class D(Request):
    @classmethod
    def generate_id(cls, request):
        return None


class E(Request):
    def make_context(self):
        return {"inst": True}


class F(Request):
    @classmethod
    def make_context(cls):
        return [cls.__name__]


class G(Request):
    @property
    def json(self):
        return {"overridden": True}

    @property
    def id(self):
        return "fixed"


for klass in (A, B, C, D, E, F, G):
    app = Sanic(f"R2d{klass.__name__}", request_class=klass)

    @app.post("/")
    async def h(request):
        return json(
            {
                "id": safe(lambda: request.id),
                "ctx": safe(lambda: request.ctx),
                "json": safe(lambda: request.json),
            }
        )

    _, resp = app.test_client.post("/", content=b'{"a": 1}')
    out.append(f"{klass.__name__}: {resp.status} {resp.text[:300]}")

rec_app = Sanic("R2e")
seen = {}


@rec_app.on_request
async def onreq(request):
    seen["on_request"] = Request.get_current() is request


@rec_app.on_response
async def onresp(request, response):
    seen["on_response"] = Request.get_current() is request


@rec_app.signal("http.lifecycle.handle")
async def sig(request, **_):
    seen["signal handle"] = safe(lambda: Request.get_current() is request)


@rec_app.get("/")
async def root(request):
    async def bg():
        await asyncio.sleep(0.05)
        seen["add_task"] = safe(lambda: Request.get_current() is request)

    request.app.add_task(bg())
    return text("x")


@rec_app.get("/err")
async def err(request):
    raise ValueError("boom")


@rec_app.exception(ValueError)
async def onerr(request, exc):
    seen["exception handler"] = Request.get_current() is request
    return text("handled", status=418)


@rec_app.after_server_start
async def started(app, _):
    seen["after_server_start"] = safe(lambda: Request.get_current())


@rec_app.before_server_stop
async def stopping(app, _):
    await asyncio.sleep(0.1)
    seen["before_server_stop"] = safe(lambda: Request.get_current())


rec_app.test_client.get("/")
_, resp = rec_app.test_client.get("/err")
out.append(f"err: {resp.status} {resp.text}")
for k, v in sorted(seen.items()):
    out.append(f"{k}: {v}")
out.append(f"after all: {safe(lambda: Request.get_current())}")
out.append(f"bad request_class: {safe(lambda: Sanic('R2f', request_class=dict).name)}")
print("\n".join(out))
