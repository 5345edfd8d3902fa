"""What an exception handler is given for each kind of static miss: type, status, path."""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)
from tree import build  # noqa: E402

from sanic import Sanic  # noqa: E402
from sanic.response import text  # noqa: E402

ROOT, _ = build()
app = Sanic("E")
app.static("/d", ROOT, name="d")
app.static("/ix", ROOT, index="index.html", name="ix")
app.static("/f", ROOT / "nope.txt", name="f")


@app.exception(Exception)
async def h(request, e):
    t = str(ROOT.parent)

    def clean(v):
        return str(v).replace(t, "T") if v is not None else None

    return text(
        f"{type(e).__name__} mro={[c.__name__ for c in type(e).__mro__][:5]} status={getattr(e, 'status_code', None)} msg={clean(e)!r} path={clean(getattr(e, 'path', '-'))} rel={getattr(e, 'relative_url', '-')!r} quiet={getattr(e, 'quiet', None)}",
        status=299,
    )


for u in [
    "/d/missing.txt",
    "/d/%2e%2e/tree.py",
    "/d/sub/",
    "/ix/sub/",
    "/d/link_out",
    "/d/broken",
    "/f",
    "/d/hello.txt/x",
    "/d/%00",
]:
    _, r = app.test_client.get(u)
    print(u, r.status, r.text)
