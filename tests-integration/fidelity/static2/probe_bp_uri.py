"""bp.static with a uri without a leading slash, beside bp.route: the paths served."""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)
from tree import build  # noqa: E402

from sanic import Blueprint, Sanic  # noqa: E402
from sanic.response import text  # noqa: E402

ROOT, _ = build()
app = Sanic("B")
bp = Blueprint("bp", url_prefix="/bp")
bp.static("m", ROOT)
bp.static("f", ROOT / "hello.txt", name="f")
bp.route("r")(lambda r: text("r"))
bp2 = Blueprint("bp2", url_prefix="/bp2/")
bp2.static("/m", ROOT)
bp2.static("n", ROOT, name="n")
app.blueprint(bp)
app.blueprint(bp2)
for u in [
    "/bp/m/hello.txt",
    "/bpm/hello.txt",
    "/bp/f",
    "/bpf",
    "/bp/r",
    "/bpr",
    "/bp2/m/hello.txt",
    "/bp2//m/hello.txt",
    "/bp2/n/hello.txt",
]:
    _, r = app.test_client.get(u)
    print(u, r.status)
print(sorted(r.path for r in app.router.routes))
