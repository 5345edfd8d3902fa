"""Which warnings serving an app prints, under Hurtle and under real Sanic, on one Python.

Usage: python3 pywarnings.py HURTLE_PYTHON SANIC_PYTHON [PORT]

Each interpreter (a venv's python, e.g. both on Python 3.14) serves a small app once in
each of three ways (``app.run(single_process=True)``, ``app.run(workers=2)``, the ``sanic``
command), with ``-W always`` so every warning is printed; the app stops itself once
started. Prints, per way and side, the exit code, the loop the workers ran on, and each
distinct warning line (file:line: Category: message) with its count.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

APP = '''
import asyncio, sys
from sanic import Sanic
from sanic.response import text
app = Sanic("pywarnings")
@app.get("/")
async def index(request):
    return text("ok")
@app.after_server_start
async def started(app):
    print("LOOP", type(asyncio.get_running_loop()).__module__, flush=True)
    app.stop()
if __name__ == "__main__":
    if sys.argv[1] == "single":
        app.run(port=PORT, single_process=True, access_log=False)
    else:
        app.run(port=PORT, workers=2, access_log=False)
'''

WARNING = re.compile(r"^(\S+:\d+): (\w*Warning): (.{0,90})")


def serve(python: str, folder: Path, way: str, port: int) -> tuple[int, Counter[str]]:
    if way == "cli":
        argv = [python, "-W", "always", "-m", "sanic", "app:app", "--port", str(port)]
    else:
        argv = [python, "-W", "always", "app.py", way]
    proc = subprocess.run(argv, cwd=folder, capture_output=True, text=True, timeout=90)
    seen: Counter[str] = Counter()
    for line in (proc.stdout + proc.stderr).splitlines():
        if line.startswith("LOOP "):
            seen[line] += 1
        elif found := WARNING.match(line):
            seen[": ".join(found.groups())] += 1
    return proc.returncode, seen


def main() -> int:
    hurtle, sanic = sys.argv[1:3]
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 8941
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "app.py").write_text(APP.replace("PORT", str(port)))
        for way in ("single", "workers", "cli"):
            for side, python in (("hurtle", hurtle), ("sanic", sanic)):
                code, seen = serve(python, folder, way, port)
                print(f"== {way} {side}: exit {code}")
                for line, n in sorted(seen.items()):
                    print(f"   {n} x {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
