"""sanic_testing clients, second audit: the request object a call returns, read afterwards."""

import asyncio

from _probe import fmt, new_app, show

from sanic import response


def make(name):
    app = new_app(name)

    @app.post("/r/<item:int>", name="named")
    async def r(request, item):
        request.ctx.seen = item
        return response.text("ok")

    return app


ATTRS = (
    "method",
    "path",
    "query_string",
    "args",
    "json",
    "body",
    "cookies",
    "content_type",
    "endpoint",
    "uri_template",
    "name",
    "match_info",
    "scheme",
    "protocol",
    "version",
    "is_safe",
    "is_idempotent",
    "is_cacheable",
    "socket",
    "remote_addr",
)


def describe(req):
    out = {}
    for a in ATTRS:
        try:
            v = getattr(req, a)
            out[a] = type(v).__name__ if a in ("protocol", "socket") else fmt(v)[:50]
        except BaseException as e:
            out[a] = f"!{type(e).__name__}"
    out["ctx.seen"] = getattr(req.ctx, "seen", None)
    out["route"] = getattr(req.route, "name", None)
    out["app"] = req.app.name
    out["headers"] = sorted(k for k in req.headers.keys() if k != "content-length")
    return out


KW = {"json": {"a": 1}, "params": {"q": "1"}, "cookies": {"c": "v"}}
sapp = make("req_sock")
aapp = make("req_asgi")
show("sock request", lambda: describe(sapp.test_client.post("/r/5", **KW)[0]))
show("asgi request", lambda: describe(asyncio.run(aapp.asgi_client.post("/r/5", **KW))[0]))
