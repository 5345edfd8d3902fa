"""request.url_for under ASGI (root_path, Host, scheme, server), called as an ASGI app.

/tmp/st-ref/bin/python probe_asgi.py; ../../../.venv/bin/python probe_asgi.py
"""

import asyncio
import json
import os
import sys

os.environ.setdefault("UF2_CFG", "{}")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from app_req import app


async def call(path, root_path="", headers=(), scheme="http", server=("127.0.0.1", 8000)):
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": scheme,
        "path": path,
        "raw_path": path.encode(),
        "root_path": root_path,
        "query_string": b"",
        "headers": [(k.encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 5000),
        "server": server,
    }
    sent = []
    msgs = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if msgs:
            return msgs.pop(0)
        await asyncio.sleep(3600)

    async def send(m):
        sent.append(m)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


async def lifespan():
    q = [{"type": "lifespan.startup"}]
    out = []

    async def receive():
        if q:
            return q.pop(0)
        await asyncio.sleep(3600)

    async def send(m):
        out.append(m)

    t = asyncio.ensure_future(app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send))
    for _ in range(100):
        if out:
            break
        await asyncio.sleep(0.01)
    return t


CASES = [
    ("/u", "", [("host", "a.example")], "http", ("127.0.0.1", 8000)),
    ("/u", "/api", [("host", "a.example")], "http", ("127.0.0.1", 8000)),
    ("/api/u", "/api", [("host", "a.example")], "http", ("127.0.0.1", 8000)),
    ("/u", "", [], "http", ("127.0.0.1", 8000)),
    ("/u", "", [], "https", ("10.0.0.1", 443)),
    ("/u", "", [("host", "a.example:8443")], "https", ("127.0.0.1", 8000)),
    ("/u", "", [("host", "a.example")], "https", ("127.0.0.1", 8000)),
    (
        "/u",
        "/root",
        [
            ("host", "a.example"),
            ("x-forwarded-host", "f.example"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-for", "1.1.1.1"),
        ],
        "http",
        ("127.0.0.1", 8000),
    ),
]


async def main():
    t = await lifespan()
    for c in CASES:
        st, body = await call(*c)
        try:
            d = json.loads(body)
            keep = {
                k: d[k]
                for k in (
                    "plain []",
                    "wsr []",
                    "url",
                    "server_name",
                    "server_port",
                    "scheme",
                    "bp.bpr ['x']",
                )
            }
        except Exception:
            keep = body[:200].decode("latin-1")
        print(c[:3], c[3], st, json.dumps(keep, sort_keys=True))
    t.cancel()


asyncio.run(main())
