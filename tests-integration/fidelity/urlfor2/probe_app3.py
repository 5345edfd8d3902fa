"""url_for of static routes, versions and blueprint hosts.

/tmp/st-ref/bin/python probe_app3.py > s.txt; ../../../.venv/bin/python probe_app3.py > h.txt
"""

import os
import sys
import tempfile

from sanic import Blueprint, Sanic
from sanic.response import text

D = tempfile.mkdtemp(prefix="uf2st")
os.makedirs(os.path.join(D, "sub"))


def h(request, **kw):
    return text("x")


app = Sanic("S")
app.static("/", D, name="rootdir")
app.static("/files/", D, name="files")
app.static("/f2", D, name="f2", strict_slashes=True)
app.static("/hf", D, name="hf", host="st.example")
app.static("/one.txt", __file__, name="one")
bp = Blueprint("bp", url_prefix="/bp", version=1)
bp.static("/assets", D, name="assets")
bp.static("/plainst", D)
app.blueprint(bp)
bh = Blueprint("bh", host="bh.example", url_prefix="/h")
bh.add_route(h, "/r", name="r")
bh.static("/s", D, name="s")
app.blueprint(bh)
bv = Blueprint("bv", version_prefix="/api/v")
bv.add_route(h, "/a", name="a", version=1.0)
bv.add_route(h, "/b", name="b", version="2")
bv.add_route(h, "/c", name="c", version=3, version_prefix="/z")
app.blueprint(bv)
bg = Blueprint("bg", url_prefix="/g")
bg.add_route(h, "/r", name="r")
bg.static("/st", D, name="gst")
app.blueprint(Blueprint.group(bg, url_prefix="/grp", version=4))

CASES = [
    ("static", {"name": "rootdir", "filename": "x.txt"}),
    ("static", {"name": "rootdir"}),
    ("static", {"name": "rootdir", "filename": ""}),
    ("static", {"name": "files", "filename": "x.txt"}),
    ("static", {"name": "files", "filename": "/x.txt"}),
    ("static", {"name": "files", "filename": "a b.txt"}),
    ("static", {"name": "files", "filename": "sub/x.txt"}),
    ("static", {"name": "files", "filename": "../etc/passwd"}),
    ("static", {"name": "files", "filename": "100%.txt"}),
    ("static", {"name": "files", "filename": "é.txt"}),
    ("static", {"name": "files", "filename": "q?.txt"}),
    ("static", {"name": "files", "filename": "x.txt", "_anchor": "a"}),
    ("static", {"name": "files", "filename": "x.txt", "v": 2}),
    ("static", {"name": "files", "filename": 5}),
    ("static", {"name": "files", "filename": None}),
    ("static", {"name": "f2", "filename": "x.txt"}),
    ("static", {"name": "f2"}),
    ("static", {"name": "hf", "filename": "x.txt"}),
    ("static", {"name": "hf", "filename": "x.txt", "_external": True}),
    ("static", {"name": "one"}),
    ("static", {"name": "one", "filename": "zzz"}),
    ("static", {"filename": "x.txt"}),
    ("static", {}),
    ("static", {"name": "files", "filename": "x.txt", "_external": True, "_server": "s"}),
    ("bp.static", {"name": "assets", "filename": "x.txt"}),
    ("bp.static", {"filename": "x.txt"}),
    ("bp.static", {"name": "nope", "filename": "x.txt"}),
    ("static", {"name": "bp.assets", "filename": "x.txt"}),
    ("bp.assets", {"filename": "x.txt"}),
    ("bh.r", {}),
    ("bh.r", {"_external": True}),
    ("bh.static", {"name": "s", "filename": "x.txt"}),
    ("bh.static", {"name": "s", "filename": "x.txt", "_external": True}),
    ("bv.a", {}),
    ("bv.b", {}),
    ("bv.c", {}),
    ("bg.r", {}),
    ("bg.static", {"name": "gst", "filename": "x.txt"}),
    ("files", {"filename": "x.txt"}),
    ("S.files", {"filename": "x.txt"}),
]

if __name__ == "__main__":
    out = []
    for name, kw in CASES:
        try:
            r = app.url_for(name, **kw)
        except Exception as e:
            r = f"!{type(e).__name__}: {e}"
        out.append(f"{name} {kw!r} -> {r}")
    sys.stdout.write("\n".join(out) + "\n")
