"""strict_slashes on app and blueprint statics, and a folder index under a blueprint."""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)
from tree import build  # noqa: E402

from sanic import Blueprint, Sanic  # noqa: E402

ROOT, _ = build()
app = Sanic("B")
app.static("/a", ROOT, strict_slashes=True, index="index.html", name="a")
app.static("/b", ROOT, strict_slashes=False, index="index.html", name="b")
app.static("/c", ROOT, index="index.html", name="c")
app.static("/e/", ROOT, strict_slashes=True, index="index.html", name="e")
bp = Blueprint("ss", url_prefix="/ss", strict_slashes=True)
bp.static("/s", ROOT, name="s", index="index.html")
bp2 = Blueprint("ns", url_prefix="/ns", strict_slashes=False)
bp2.static("/s", ROOT, name="s", index="index.html")
bp3 = Blueprint("x", url_prefix="/x")
bp3.static("/s", ROOT, name="s", index="index.html", strict_slashes=True)
app.blueprint([bp, bp2, bp3])
app2 = Sanic("C", strict_slashes=True)
for p in [
    "/a",
    "/a/",
    "/a/sub2/",
    "/a/sub2",
    "/b",
    "/b/",
    "/c",
    "/c/",
    "/e",
    "/e/",
    "/ss/s",
    "/ss/s/",
    "/ss/s/sub2/",
    "/ns/s",
    "/ns/s/",
    "/x/s",
    "/x/s/",
    "/x/s/sub2/",
]:
    _, r = app.test_client.get(p)
    print(p, r.status)
print(sorted((r.name, r.path, r.strict) for r in app.router.routes))
