"""DirectoryHandler.handle(request, path) called with chosen paths: what each answers."""

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)
from tree import build  # noqa: E402

from sanic import Sanic  # noqa: E402
from sanic.handlers.directory import DirectoryHandler  # noqa: E402
from sanic.response import text  # noqa: E402

ROOT, OUT = build()
app = Sanic("P")
H = {
    "x": DirectoryHandler("/x", ROOT, directory_view=True),
    "xs": DirectoryHandler("/x/", ROOT, directory_view=True),
    "root": DirectoryHandler("/", ROOT, directory_view=True),
    "ix": DirectoryHandler("/x", ROOT, index="index.html"),
    "none": DirectoryHandler("/x", ROOT),
}


@app.get("/probe/<h>")
async def probe(request, h):
    p = request.args.get("p")
    try:
        r = await H[h].handle(request, p)
    except Exception as e:
        return text(f"EXC {type(e).__name__}: {e}")
    body = r.body.decode() if r.body else ""
    return text(
        f"{r.status} {r.headers.get('location')} h1={re.findall(r'<h1[^>]*>(.*?)</h1>', body)[:1]!r:.200} links={re.findall(r'href=.?([^ >]*)', body)[-4:]} {body[:40] if 'html' not in body[:20] else ''}"
    )


for h, p in [
    ("x", "/x/"),
    ("x", "/x"),
    ("x", "/x/sub/"),
    ("x", "/x/sub"),
    ("x", "sub/"),
    ("x", "/sub/"),
    ("x", "/y/sub/"),
    ("x", "/x/../"),
    ("x", "/x/dir_out/"),
    ("x", "/x/%C3%A9/"),
    ("x", "/x/a..b/"),
    ("x", "/x/hello.txt"),
    ("x", "/x//sub/"),
    ("xs", "/x/sub/"),
    ("root", "/sub/"),
    ("root", "/"),
    ("ix", "/x/"),
    ("ix", "/x/sub2/"),
    ("ix", "/x/sub/"),
    ("none", "/x/sub/"),
    ("x", "/xsub/"),
    ("x", "/x/../../etc/"),
]:
    _, r = app.test_client.get(f"/probe/{h}", params={"p": p})
    print(h, repr(p), "->", r.text[:300])
