"""Run the `check_*` functions of checks_<topic>.py (sanic-testing's `app.test_client` /
`app.asgi_client`, as the samples' own tests use them) and print their results as JSON.

    python clients.py TOPIC            # under one interpreter
    ./clients.sh TOPIC...              # under Sanic 25.12 and Hurtle, diffed

A check returns JSON-able data; an exception it raises is recorded as its type and message.
A checks module with `ISOLATE = True` has each check run in a process of its own.
"""

import asyncio
import importlib
import inspect
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
MARKER = "===== results ====="


def summary(response, *headers):
    """Status, chosen headers and body text of a sanic-testing response."""
    out = {"status": response.status}
    for name in headers:
        out[name] = response.headers.get(name)
    try:
        out["body"] = response.body.decode()
    except UnicodeDecodeError:
        out["body"] = repr(response.body)
    return out


def run_isolated(topic: str, name: str) -> object:
    """One check in a process of its own (sanic-testing's socket client cannot make a
    call after a websocket call in one process: see the README)."""
    import subprocess

    proc = subprocess.run(
        [sys.executable, __file__, topic, name], capture_output=True, text=True, timeout=60
    )
    out = proc.stdout.split(MARKER + "\n", 1)
    return json.loads(out[1])[name] if len(out) == 2 else {"crashed": proc.returncode}


def main(topic: str, only: str | None = None) -> None:
    checks = importlib.import_module(f"checks_{topic}")
    isolate = getattr(checks, "ISOLATE", False) and only is None
    results = {}
    for name, fn in sorted(vars(checks).items()):
        if not name.startswith("check_") or not callable(fn) or only not in (None, name):
            continue
        if isolate:
            results[name] = run_isolated(topic, name)
            continue
        app = checks.make_app()
        try:
            value = asyncio.run(fn(app)) if inspect.iscoroutinefunction(fn) else fn(app)
        except Exception as e:
            value = {"raised": type(e).__name__, "message": str(e)[:300]}
        results[name] = value
    # Sanic logs to stdout too: the results follow a marker line.
    print(MARKER)
    print(json.dumps(results, indent=1, sort_keys=True, default=repr))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
