"""A throw-away tree for the static3 app: names a path parser may trip on (`%2e`,
`..foo`, `;`, a 255-byte name), a large file, links in and out of the root (also through a
sub-folder), an index outside the root. Fixed contents and times."""

import os
import tempfile
from pathlib import Path

MTIME = 1_700_000_000  # Tue, 14 Nov 2023 22:13:20 GMT
LONG = "L" * 251 + ".txt"  # 255 bytes: the longest name most file systems take


def build() -> tuple[Path, Path]:
    base = Path(tempfile.mkdtemp(prefix="static3-"))
    root, outside = base / "root", base / "outside"
    files = {
        "hello.txt": "hello world\n",
        "index.html": "<p>index</p>",
        "%2e": "literal pct2e\n",
        "%2e%2e": "literal pct2e pct2e\n",
        "..foo": "dotdot foo\n",
        "foo..": "foo dotdot\n",
        "...": "three dots\n",
        "semi;colon.txt": "semi\n",
        "q?mark.txt": "question\n",
        "h#sh.txt": "hash\n",
        "sp ace.txt": "space\n",
        "plus+sign.txt": "plus\n",
        "ünï.txt": "unicode\n",
        "per%25cent.txt": "pct25\n",
        'quo"te.txt': "quote\n",
        "amp&er.txt": "amp\n",
        LONG: "long\n",
        "empty.txt": "",
        "sub/x.txt": "x\n",
        "sub/index.html": "<p>sub index</p>",
        "sub/deeper/y.txt": "y\n",
        "..d/z.txt": "in dotdot dir\n",
        "%2e%2e%2fx/w.txt": "pct dir\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / "big.bin").write_bytes(bytes(range(256)) * 8192)  # 2 MiB, over 1 MiB
    (root / "emptydir").mkdir()
    os.mkfifo(root / "fifo")  # no writer: opening it for reading would wait for ever
    os.symlink("/dev/zero", root / "zero_out")  # endless, outside the root
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET\n")
    (outside / "index.html").write_text("<p>outside index</p>")
    (base / "x").write_text("SECRET base x\n")
    os.symlink("hello.txt", root / "link_in")
    os.symlink("../hello.txt", root / "sub" / "up_in")
    os.symlink("../../outside/secret.txt", root / "sub" / "up_out")
    os.symlink("sub", root / "dir_in")
    os.symlink("../outside/secret.txt", root / "link_out")
    os.symlink("../outside", root / "dir_out")
    os.symlink("link_out", root / "chain_out")
    os.symlink("..", root / "parent")
    os.symlink("/", root / "fsroot")
    os.symlink("root", base / "rootlink")  # the served folder named through a link
    for dirpath, dirnames, filenames in os.walk(base):
        for name in dirnames + filenames:
            os.utime(os.path.join(dirpath, name), (MTIME, MTIME), follow_symlinks=False)
    os.utime(root, (MTIME, MTIME))
    for link in ("link_in", "link_out", "chain_out", "dir_in"):  # a link's own date differs
        os.utime(root / link, (MTIME - 86400, MTIME - 86400), follow_symlinks=False)
    os.utime(outside / "secret.txt", (MTIME + 86400, MTIME + 86400))  # and the target's
    return root, outside
