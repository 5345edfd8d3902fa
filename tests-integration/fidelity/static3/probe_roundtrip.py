"""Every odd name in tree.py reached two ways, in-process: through `url_for("static",
filename=...)` and through the links of a listing. Each must serve that file's bytes (or
404 for what the root may not serve: a pipe, a link out). Run under either interpreter:

    PY probe_roundtrip.py        (prints one line per name, then the counts)
"""

import re
import sys
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).parent))

from tree import LONG, build

from sanic import Sanic
from sanic.response import text

ROOT, _ = build()
NAMES = [
    "%2e",
    "%2e%2e",
    "..foo",
    "...",
    "foo..",
    "semi;colon.txt",
    "q?mark.txt",
    "h#sh.txt",
    "sp ace.txt",
    "plus+sign.txt",
    "ünï.txt",
    "per%25cent.txt",
    'quo"te.txt',
    "amp&er.txt",
    LONG,
    "..d/z.txt",
    "%2e%2e%2fx/w.txt",
]
app = Sanic("Roundtrip")
app.static("/s", ROOT, name="s")
app.static("/dv", ROOT, directory_view=True, name="dv")


@app.get("/u")
async def urls(request):
    return text("\n".join(app.url_for("static", name="s", filename=n) for n in NAMES))


def expected(name: str) -> bytes | None:
    target = (ROOT / name).resolve()
    return target.read_bytes() if target.is_relative_to(ROOT) and target.is_file() else None


def check(url: str, name: str) -> bool:
    _, got = app.test_client.get(url)
    want = expected(name)
    ok = got.status == 200 and got.body == want if want is not None else got.status == 404
    print("ok " if ok else "BAD", got.status, url[:70])
    return ok


_, listing = app.test_client.get("/dv/")
_, built = app.test_client.get("/u")
results = [check(url, n) for n, url in zip(NAMES, built.text.splitlines(), strict=True)]
links = [h for h in re.findall(r'href="([^"]+)"', listing.text) if not h.endswith("/")]
results += [check("/dv/" + h, unquote(h)) for h in links]
print(f"{len(results)} names: {sum(results)} served right, {len(results) - sum(results)} not")
