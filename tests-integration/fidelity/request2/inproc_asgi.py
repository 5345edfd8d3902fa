"""Request attributes over ASGI (sanic_testing's asgi_client), under each interpreter."""

import asyncio
import logging

logging.disable(logging.CRITICAL)

from sanic import Request, Sanic  # noqa: E402
from sanic.response import json  # noqa: E402


def safe(fn):
    try:
        v = fn()
        if isinstance(v, bytes):
            v = v.decode("latin-1")
        if not isinstance(v, (str, int, float, bool, type(None), list, dict, tuple)):
            v = f"{type(v).__name__}"
        return v
    except BaseException as exc:
        return f"raise {type(exc).__name__} {exc}"


app = Sanic("R2asgi")
ATTRS = [
    "path",
    "raw_url",
    "url",
    "scheme",
    "host",
    "server_name",
    "server_port",
    "server_path",
    "ip",
    "port",
    "remote_addr",
    "socket",
    "stream_id",
    "protocol",
    "transport",
    "conn_info",
    "content_type",
    "query_string",
    "version",
    "method",
    "is_safe",
    "head",
    "request_line",
    "id",
    "token",
    "body",
    "match_info",
    "uri_template",
    "endpoint",
    "name",
    "responded",
]


@app.route("/a/<x>", methods=["GET", "POST"])
async def a(request, x):
    res = {k: safe(lambda k=k: getattr(request, k)) for k in ATTRS}
    res["id"] = type(request.id).__name__
    res["args"] = safe(lambda: dict(request.args))
    res["form"] = safe(lambda: dict(request.form or {}))
    res["json"] = safe(lambda: request.json)
    res["scope keys"] = safe(lambda: sorted(request.scope))
    res["scope type"] = safe(lambda: request.scope["type"])
    res["current"] = Request.get_current() is request
    res["ctx"] = repr(request.ctx)
    res["headers"] = safe(lambda: sorted(request.headers.keys()))
    res["conn_info.client_ip"] = safe(
        lambda: request.conn_info.client_ip if request.conn_info else "NONE"
    )
    res["cred"] = safe(lambda: repr(request.credentials))
    return json(res)


async def main():
    for method, path, kw in [
        ("get", "/a/1?q=1&q=2", {}),
        (
            "get",
            "/a/%C3%A9?x",
            {
                "headers": {
                    "host": "Ex.ample:8080",
                    "authorization": "Bearer z",
                    "x-request-id": "abc",
                }
            },
        ),
        (
            "post",
            "/a/1",
            {
                "content": b"a=1&b=",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
        ),
        (
            "post",
            "/a/1",
            {"content": b'{"k": [1]}', "headers": {"content-type": "application/json"}},
        ),
        ("post", "/a/1", {"content": b"{bad", "headers": {"content-type": "application/json"}}),
    ]:
        _, resp = await getattr(app.asgi_client, method)(path, **kw)
        print(method, path, resp.status)
        try:
            for k, v in sorted(resp.json.items()):
                print(f"  {k}: {v!r}")
        except Exception:
            print("  ", resp.text[:300])


asyncio.run(main())
