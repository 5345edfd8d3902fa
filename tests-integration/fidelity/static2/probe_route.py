"""The route of a static path as middleware sees it: names, uri, match_info, handler."""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)
from tree import build  # noqa: E402

from sanic import Blueprint, Sanic  # noqa: E402

ROOT, _ = build()
app = Sanic("R")
ret = app.static("/d", ROOT, name="d")
print("static returns", repr(ret)[:80])
app.static("/f", ROOT / "hello.txt", name="f")
bp = Blueprint("bp", url_prefix="/bp")
print("bp static returns", repr(bp.static("/s", ROOT, name="s"))[:80])
app.blueprint(bp)
seen = []


@app.on_request
async def mw(request):
    r = request.route
    seen.append(
        (
            request.path,
            request.endpoint,
            request.name,
            r and r.name,
            r and r.path,
            r and r.uri,
            r and sorted(r.methods),
            dict(request.match_info),
            r and r.extra.static if hasattr(r.extra, "static") else None,
            r and getattr(r.handler, "__name__", None),
            r and r.strict,
            r and r.unquote,
            r and r.requirements,
        )
    )


for u in ["/d/sub/x.txt", "/d/sp%20ace.txt", "/f", "/bp/s/hello.txt", "/d/", "/d/missing"]:
    _, resp = app.test_client.get(u)
for s in seen:
    print(s)
print(
    sorted(
        (r.name, r.path, r.extra.static if hasattr(r.extra, "static") else "?")
        for r in app.router.routes
    )
)
print([(type(r.handler).__name__) for r in app.router.routes])
