"""app.static / bp.static with every option, on one throw-away tree (tree.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from tree import build

from sanic import Blueprint, Sanic
from sanic.handlers.directory import DirectoryHandler
from sanic.response import json, text

ROOT, OUTSIDE = build()
HELLO = ROOT / "hello.txt"
app = Sanic("Static2")


class Mine(DirectoryHandler):
    async def handle(self, request, path):
        if path.rstrip("/") == "emptydir":
            return text(f"mine {path!r}")
        return await super().handle(request, path)


app.static("/f", HELLO, name="f")
app.static("/f2/", HELLO, name="f2")
app.static("/d", ROOT, name="d")
app.static("/d2/", ROOT, name="d2")
app.static("/p/<x>", ROOT, name="p")
app.static("/pat", ROOT, pattern=r"/?.+\.html", name="pat")
app.static("/nms", ROOT, use_modified_since=False, name="nms")
app.static("/cr", ROOT, use_content_range=True, name="cr")
app.static("/sl", ROOT, stream_large_files=True, name="sl")
app.static("/sli", ROOT, stream_large_files=100, name="sli")
app.static("/slicr", ROOT, stream_large_files=100, use_content_range=True, name="slicr")
app.static("/h", ROOT, host="example.com", name="h")
app.static("/ss", ROOT, strict_slashes=True, name="ss")
app.static("/ssf", HELLO, strict_slashes=True, name="ssf")
app.static("/nssf", HELLO, strict_slashes=False, name="nssf")
app.static("/nss", ROOT, strict_slashes=False, name="nss", index="index.html")
app.static("/ct", ROOT, content_type="text/x-mine", name="ct")
app.static("/ctb", ROOT, content_type="application/x-b", name="ctb")
app.static("/rtf", HELLO, resource_type="file", name="rtf")
app.static("/rtd", ROOT, resource_type="dir", name="rtd")
app.static("/ix", ROOT, index="index.html", name="ix")
app.static("/ixl", ROOT, index=["nope.html", "alt.html", "index.html"], name="ixl")
app.static("/dv", ROOT, directory_view=True, name="dv")
app.static("/dvi", ROOT, directory_view=True, index="index.html", name="dvi")
app.static("/dh", ROOT, directory_handler=Mine("/dh", ROOT, directory_view=True), name="dh")
app.static("/fx", ROOT, follow_external_symlink_files=True, name="fx")
app.static("/fxd", ROOT, follow_external_symlink_dirs=True, name="fxd")
app.static(
    "/fxb",
    ROOT,
    follow_external_symlink_files=True,
    follow_external_symlink_dirs=True,
    directory_view=True,
    index="index.html",
    name="fxb",
)
app.static("/na", ROOT, apply=False, name="na")
app.static("/ixd", ROOT, index="sub", name="ixd")
app.static("/dvct", ROOT, directory_view=True, content_type="text/x-mine", name="dvct")
app.static("/ixcr", ROOT, index="index.html", use_content_range=True, name="ixcr")
app.static("/", ROOT / "sub2", name="top")

bp = Blueprint("bp", url_prefix="/bp")
bp.static("/s", ROOT, name="bps")
bp.static("/one", HELLO)
bp.static("/v", ROOT, directory_view=True, name="bpv")
app.blueprint(bp)


@app.get("/urls")
async def urls(request):
    cases = {
        "static f": ("static", {"name": "f"}),
        "static f filename": ("static", {"name": "f", "filename": "x.txt"}),
        "static d": ("static", {"name": "d"}),
        "static d filename": ("static", {"name": "d", "filename": "hello.txt"}),
        "static d2 filename": ("static", {"name": "d2", "filename": "hello.txt"}),
        "static d sub": ("static", {"name": "d", "filename": "sub/x.txt"}),
        "static d space": ("static", {"name": "d", "filename": "sp ace.txt"}),
        "static d utf8": ("static", {"name": "d", "filename": "é.txt"}),
        "static d hash": ("static", {"name": "d", "filename": "a#b?c.txt"}),
        "static d leading slash": ("static", {"name": "d", "filename": "/hello.txt"}),
        "static d query": ("static", {"name": "d", "filename": "hello.txt", "v": "1"}),
        "static d external": ("static", {"name": "d", "filename": "a", "_external": True}),
        "static p": ("static", {"name": "p", "x": "7", "filename": "hello.txt"}),
        "static p no x": ("static", {"name": "p", "filename": "hello.txt"}),
        "static h": ("static", {"name": "h", "filename": "hello.txt"}),
        "static default": ("static", {}),
        "static top": ("static", {"name": "top", "filename": "alt.html"}),
        "static na": ("static", {"name": "na", "filename": "a"}),
        "static missing": ("static", {"name": "nope"}),
        "bp.static bps": ("bp.static", {"name": "bps", "filename": "hello.txt"}),
        "bp.static default": ("bp.static", {"filename": "x"}),
        "bp.static bpv": ("bp.static", {"name": "bpv"}),
        "static bp.bps": ("static", {"name": "bp.bps", "filename": "a"}),
        "static bps": ("static", {"name": "bps", "filename": "a"}),
        "route name d": ("Static2.static.d", {"__file_uri__": "hello.txt"}),
        "route name f": ("Static2.static.f", {}),
    }
    out = {}
    for label, (view, kw) in cases.items():
        try:
            out[label] = request.app.url_for(view, **kw)
        except Exception as e:
            out[label] = f"{type(e).__name__}: {e}"
    return json(out)


@app.get("/routes")
async def routes(request):
    return json(
        sorted(
            [r.name, r.path, sorted(r.methods), r.strict, r.strict]
            for r in request.app.router.routes
        )
    )
