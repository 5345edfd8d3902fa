"""Middleware probe over the test clients (``app.test_client``, ``app.asgi_client``).

Run under one interpreter; prints one fact per line (``mw_clients_run.py`` diffs them).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile

fd, EVENTS = tempfile.mkstemp(prefix="mwc_")
os.close(fd)
os.environ["PROBE_EVENTS"] = EVENTS

import mw_app  # noqa: E402
from mw_run import REQUESTS  # noqa: E402

app = mw_app.app
KEEP = ("x-seen", "x-short", "content-type")


def events() -> list[str]:
    with open(EVENTS) as fh:
        lines = fh.read().splitlines()
    open(EVENTS, "w").close()
    return ["    " + x for x in lines if not x.startswith("sig http.lifecycle.send")]


def show(target: str, resp) -> list[str]:
    if resp is None:
        return ["response: None"]
    out = [f"status: {resp.status}"]
    for k, v in resp.headers.items():
        if k.lower() in KEEP:
            out.append(f"  {k.lower()}: {v}")
    out.append(f"  body: {resp.text[:120]!r}")
    return out


def sync_client() -> None:
    for target in REQUESTS:
        if target.startswith("WS "):
            continue
        method, _, path = target.rpartition(" ")
        print(f"-- test_client {target}")
        try:
            _req, resp = getattr(app.test_client, (method or "GET").lower())(path)
            lines = show(target, resp)
        except Exception as e:
            lines = [f"raises {type(e).__name__}: {e}"]
        print(*lines, sep="\n")
        print(*events(), sep="\n")


async def asgi_client() -> None:
    for target in REQUESTS:
        if target.startswith("WS ") or "stream" in target:
            continue
        method, _, path = target.rpartition(" ")
        print(f"-- asgi_client {target}")
        try:
            _req, resp = await getattr(app.asgi_client, (method or "GET").lower())(path)
            lines = show(target, resp)
        except Exception as e:
            lines = [f"raises {type(e).__name__}: {e}"]
        print(*lines, sep="\n")
        print(*events(), sep="\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["asgi"]:
        asyncio.run(asgi_client())
    else:
        sync_client()
    os.unlink(EVENTS)
