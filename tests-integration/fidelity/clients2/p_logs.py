"""clients2: the log records a test sees (caplog) for one call of each client."""

import asyncio
import re

from _c import capture, new_app

from sanic import response
from sanic_testing.reusable import ReusableClient

LOG = capture()
# the banner's lines that name the server, its version, the platform and the packages
SKIP = re.compile(r"^(Sanic v|Hurtle v|python: |platform: |packages: )")


def make(name, **cfg):
    app = new_app(name)
    app.config.update(cfg)

    @app.get("/")
    async def index(request):
        return response.text("i")

    @app.get("/boom")
    async def boom(request):
        raise KeyError("k")

    return app


def take():
    out = []
    for name, level, msg, exc in LOG.seen:
        if name.startswith("sanic.") and not SKIP.match(msg):
            out.append((name, level, re.sub(r"\[\d+\]", "[PID]", msg), exc))
    LOG.seen.clear()
    return out


for i, (label, cfg, path, kw) in enumerate(
    (
        ("plain", {}, "/", {}),
        ("access log on", {"ACCESS_LOG": True}, "/", {}),
        ("boom", {}, "/boom", {}),
        ("debug", {}, "/", {"debug": True}),
        ("404", {}, "/nope", {}),
    )
):
    app = make(f"c2log{i}", **cfg)
    take()
    app.test_client.get(path, **kw)
    print(f"sock {label}:")
    for r in take():
        print("   ", r)
    if "debug" in kw:
        continue
    a = make(f"c2loga{i}", **cfg)
    asyncio.run(a.asgi_client.get(path))
    print(f"asgi {label}:")
    for r in take():
        print("   ", r)

r = make("c2logr", ACCESS_LOG=True)
take()
with ReusableClient(r) as rc:
    print("reusable start:")
    for x in take():
        print("   ", x)
    rc.get("/")
    print("reusable call:")
    for x in take():
        print("   ", x)
print("reusable stop:")
for x in take():
    print("   ", x)
