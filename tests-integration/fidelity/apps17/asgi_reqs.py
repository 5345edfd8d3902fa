"""Serve one of this round's ``.http`` apps under uvicorn (ASGI) with each framework and
send it the plain blocks of its ``NAME.http`` (``#raw`` blocks are skipped; each request
on its own connection, ``Connection: close``). The app comes from apps_compare.py's own
argument:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=$PWD/.venv/bin/python python3 \\
        tests-integration/fidelity/apps_compare.py "$PWD/tests-integration/fidelity/apps17/oauth_app.py" \\
        tests-integration/fidelity/apps17/asgi_reqs.py
"""

import sys
from pathlib import Path

APP = Path(sys.argv[1]).resolve()
NAME = APP.name[: -len("_app.py")]
CMD = ["-m", "uvicorn", f"{NAME}_app:app", "--port", "{port}", "--log-level", "warning"]


def _blocks(text):
    for block in text.split("\n### "):
        lines = block.split("\n")[1:]  # the first line is the block's name
        if not lines or lines[0].startswith("#raw"):
            continue
        head, _, body = "\n".join(lines).partition("\n\n")
        request_line, *fields = [ln for ln in head.split("\n") if ln.strip()]
        method, target, _version = request_line.split(" ")
        headers = {}
        for field in fields:
            name, _, value = field.partition(":")
            if name.lower() in ("content-length", "host", "transfer-encoding"):
                continue
            headers[name] = value.strip()
        yield (method, target, headers, body.rstrip("\n"))


REQS = list(_blocks((APP.parent / f"{NAME}.http").read_text()))
