"""A throw-away tree for the static2 apps: files with odd names, hidden files, folders
with and without an index, symlinks in and out of the root. Fixed contents and times, so
both servers list and date it alike."""

import os
import tempfile
from pathlib import Path

MTIME = 1_700_000_000  # Tue, 14 Nov 2023 22:13:20 GMT


def build() -> tuple[Path, Path]:
    base = Path(tempfile.mkdtemp(prefix="static2-"))
    root, outside = base / "root", base / "outside"
    files = {
        "hello.txt": "hello world\n",
        "big.bin": "x" * 2000,
        "index.html": "<p>index</p>",
        ".hidden": "hidden\n",
        "sp ace.txt": "space\n",
        "é.txt": "e acute\n",
        "a#b?c.txt": "hash\n",
        "Z.txt": "Z\n",
        "a.txt": "a\n",
        "b.TXT": "B\n",
        "noext": "noext\n",
        "pct%41.txt": "percent\n",
        "back\\slash.txt": "backslash\n",
        "<i>.txt": "markup\n",
        "sub/x.txt": "x\n",
        "sub2/index.html": "<p>sub2 index</p>",
        "sub2/alt.html": "<p>sub2 alt</p>",
        ".hdir/in.txt": "in hidden dir\n",
        "a..b/c.txt": "dots\n",
        "empty.txt": "",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / "emptydir").mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET\n")
    (outside / "index.html").write_text("<p>outside index</p>")
    os.symlink("hello.txt", root / "link_in")
    os.symlink("sub", root / "dir_in")
    os.symlink("../outside/secret.txt", root / "link_out")
    os.symlink("../outside", root / "dir_out")
    os.symlink("nowhere", root / "broken")
    os.symlink(str(outside / "secret.txt"), root / "abs_out")
    for dirpath, dirnames, filenames in os.walk(base):
        for name in dirnames + filenames:
            os.utime(os.path.join(dirpath, name), (MTIME, MTIME), follow_symlinks=False)
    os.utime(root, (MTIME, MTIME))
    return root, outside
