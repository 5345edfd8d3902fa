"""Send a ``*.reqs.py`` file's requests to an app through sanic-testing's in-process
clients (``asgi_client``, or ``test_client`` with CLIENT=test) under real Sanic and under
Hurtle, and diff the answers: the same apps as ../plugins/compare.py, another path in.

    python3 inproc.py APP.py APP.reqs.py      # SANIC_PY / HURTLE_PY as for compare.py
"""

from __future__ import annotations

import difflib
import html
import json
import os
import re
import subprocess
import sys

PYTHONS = {
    "sanic": os.environ.get("SANIC_PY", "/tmp/plugins2/ref/bin/python"),
    "hurtle": os.environ.get("HURTLE_PY", "/tmp/plugins2/hv/bin/python"),
}
SKIP = {"date", "content-length", "connection", "keep-alive"}
UNORDERED = {"allow", "access-control-allow-methods"}

CHILD = r"""
import importlib.util, json, os, runpy, sys, logging
logging.disable(logging.CRITICAL)
app_file, reqs_file, client = sys.argv[1:4]
sys.path.insert(0, os.path.dirname(os.path.abspath(app_file)))
spec = importlib.util.spec_from_file_location("userapp", app_file)
mod = importlib.util.module_from_spec(spec); sys.modules["userapp"] = mod
spec.loader.exec_module(mod)
app = mod.app
reqs = runpy.run_path(reqs_file)["REQS"]
out = []


def requests():
    for req in reqs:
        headers = dict(req[2]) if len(req) > 2 else {}
        kwargs = {"headers": headers}
        if len(req) > 3:
            kwargs["content"] = req[3]
        yield req[0].lower(), req[1], kwargs


def record(answer):
    _, r = answer
    out.append([r.status, sorted([k.lower(), v] for k, v in r.headers.items()),
                r.body.decode("utf-8", "replace")])


async def via_asgi():
    for method, target, kwargs in requests():
        if kwargs["headers"].get("Upgrade"):
            out.append("skipped websocket")
            continue
        try:
            record(await getattr(app.asgi_client, method)(target, **kwargs))
        except Exception as exc:
            out.append(f"{type(exc).__name__}: {exc}")


if client == "asgi":
    import asyncio
    asyncio.run(via_asgi())
else:
    for method, target, kwargs in requests():
        if kwargs["headers"].get("Upgrade"):
            out.append("skipped websocket")
            continue
        try:
            record(getattr(app.test_client, method)(target, **kwargs))
        except Exception as exc:
            out.append(f"{type(exc).__name__}: {exc}")
print("@@RESULT@@" + json.dumps(out))
"""


def run(side: str, app_file: str, reqs_file: str, client: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(
        [PYTHONS[side], "-c", CHILD, app_file, reqs_file, client], capture_output=True,
        text=True, timeout=300, env=env,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT@@"):
            return json.loads(line[len("@@RESULT@@"):])
    print(f"!!! {side} failed:\n{proc.stderr[-3000:]}")
    return []


def norm(answer):
    if not isinstance(answer, list):
        return [answer]
    status, headers, body = answer
    lines = [str(status)]
    for name, value in headers:
        if name in SKIP:
            continue
        if name in UNORDERED:
            value = ",".join(sorted(v.strip() for v in value.split(",")))
        lines.append(f"{name}: {value}")
    if body.startswith("<!DOCTYPE html>") and "<h1>" in body:
        # Error pages: each framework's markup (a kept difference); compare what they say.
        heading = body.split("<h1>", 1)[1].split("</h1>", 1)[0]
        message = body.split("</h1>", 1)[1].split("<div", 1)[0]
        body = "[error page] " + html.unescape(re.sub("<[^>]+>", " ", heading + " | " + message))
        lines = [line for line in lines if not line.startswith("content-length")]
    try:
        body = json.dumps(json.loads(body), indent=1, sort_keys=True)
    except ValueError:
        pass
    return lines + [""] + body.splitlines()


def main() -> int:
    app_file, reqs_file = sys.argv[1], sys.argv[2]
    client = os.environ.get("CLIENT", "asgi")
    res = {side: run(side, app_file, reqs_file, client) for side in PYTHONS}
    import runpy
    reqs = runpy.run_path(reqs_file)["REQS"]
    differ = 0
    for i, req in enumerate(reqs):
        a = norm(res["sanic"][i]) if i < len(res["sanic"]) else ["<none>"]
        b = norm(res["hurtle"][i]) if i < len(res["hurtle"]) else ["<none>"]
        label = " ".join(str(p) for p in req[:3])
        print(("= " if a == b else "! ") + label)
        if a != b:
            differ += 1
            for line in difflib.unified_diff(a, b, "sanic", "hurtle", lineterm="", n=8):
                print("   " + line)
    print(f"inproc ({client}): {len(reqs)} requests, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
