"""Static-file audit app: a tree with symlinks out of the root, dot files and names
holding HTML, served by every kind of `app.static` (see static.http)."""

import os
from pathlib import Path

from sanic import Blueprint, Sanic, response

BASE = Path(os.environ.get("SEC_AUDIT_DIR", "/tmp/hurtle-sec-audit"))
R, OUT = BASE / "root", BASE / "outside"
if not R.exists():
    for d in (R / "sub", R / ".hidden", R / "idx", R / "<img src=x onerror=alert(1)>", OUT):
        d.mkdir(parents=True, exist_ok=True)
    (OUT / "secret.txt").write_text("SECRET\n")
    for name, text in {
        "a.txt": "hello\n",
        "A.TXT": "upper\n",
        ".env": "DOTENV\n",
        ".hidden/x.txt": "hid\n",
        "sub/b.txt": "b\n",
        "idx/index.html": "<p>index</p>\n",
        "<script>alert(1)<!--x.txt": "xss\n",
        "a b&c\"d'.txt": "q\n",
        "<img src=x onerror=alert(1)>/z.txt": "z\n",
    }.items():
        (R / name).write_text(text)
    (R / "big.bin").write_bytes(b"x" * 5000)
    os.symlink(OUT / "secret.txt", R / "lnfile")
    os.symlink(OUT, R / "lndir")
    os.symlink(R / "a.txt", R / "inlink")
    (R / "lnidx").mkdir()
    os.symlink(OUT / "secret.txt", R / "lnidx" / "index.html")

app = Sanic("sec")
app.static("/s", str(R))
app.static("/dv", str(R), directory_view=True, name="dv")
app.static("/ix", str(R / "idx"), index="index.html", name="ix")
app.static("/f", str(R / "a.txt"), name="f")
app.static("/ff", str(R), follow_external_symlink_files=True, name="ff")
app.static("/fd", str(R), follow_external_symlink_dirs=True, directory_view=True, name="fd")
app.static("/cr", str(R), use_content_range=True, name="cr")
app.static("/sl", str(R), stream_large_files=100, name="sl")
app.static("/h", str(R), host="good.example", name="hs")
app.static("/li", str(R), index="index.html", name="li")
app.static("/lv", str(R), index="index.html", directory_view=True, name="lv")
app.static("/lu", str(R), index=["../outside/secret.txt"], name="lu")
bp = Blueprint("bp", url_prefix="/bp")
bp.static("/st", str(R), name="bst")
app.blueprint(bp)


@app.get("/")
async def root(request):
    return response.text("root")
