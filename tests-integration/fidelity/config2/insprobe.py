"""The inspector set up by SANIC_INSPECTOR* variables, under Sanic 25.12 and Hurtle.

    python3 tests-integration/fidelity/config2/insprobe.py

Runs insapp.py with ``workers=1`` and the inspector on a free port, asks it ``GET /``
without and with the API key, and a bad key, then stops the server with SIGINT; prints
what differs (status, content type, the JSON body's keys). Loopback only; bounded waits;
only the child it started is signalled.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import HERE, PYTHONS, case_env, free_port, get, stop

REQUESTS = {
    "no key": "",
    "key": "Authorization: Bearer k3y\r\n",
    "bad key": "Authorization: Bearer nope\r\n",
    "basic": "Authorization: Basic k3y\r\n",
}


def _ask(port: int, extra: str) -> str:
    data = get(port, "/", extra)
    if data is None:
        return "no connection"
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode(errors="replace").split("\r\n")
    ctype = [x.split(":", 1)[1].strip() for x in lines[1:] if x.lower().startswith("content-type")]
    try:
        shape = sorted(json.loads(body))
    except ValueError:
        shape = body[:80].decode(errors="replace")
    return f"{lines[0].split(' ', 2)[1:2]} {ctype} {shape}"


def run(side: str, env_extra: dict) -> dict:
    ins = free_port()
    env = case_env({"SANIC_INSPECTOR": "true", "SANIC_INSPECTOR_HOST": "127.0.0.1",
                    "SANIC_INSPECTOR_PORT": str(ins), **env_extra})  # fmt: skip
    child = subprocess.Popen(
        [PYTHONS[side], str(HERE / "insapp.py"), str(free_port())], cwd=HERE, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(2)
    out = {name: _ask(ins, extra) for name, extra in REQUESTS.items()}
    stop(child)
    return out


def main() -> int:
    differing = 0
    for extra in [{}, {"SANIC_INSPECTOR_API_KEY": "k3y"}]:
        s, h = run("sanic", extra), run("hurtle", extra)
        for name in REQUESTS:
            same = s[name] == h[name]
            differing += not same
            print(f"{extra} {name}: {'same' if same else 'differ'}\n  sanic : {s[name]}")
            if not same:
                print(f"  hurtle: {h[name]}")
    print(f"{differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
