"""Probe for run.py: prints one JSON object of observations (run under Sanic or Hurtle)."""

from __future__ import annotations

import json
import os
import pickle
import socket
import subprocess
import sys
import tempfile
import textwrap
from enum import auto
from pathlib import Path

OUT: dict[str, object] = {}


def observe(key: str, fn) -> None:
    try:
        OUT[key] = repr(fn())
    except Exception as exc:
        OUT[key] = f"raises {type(exc).__name__}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_app(source: str, *args: str, timeout: float = 20) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "app.py")
        path.write_text(textwrap.dedent(source))
        proc = subprocess.run(
            [sys.executable, str(path), str(free_port()), *args], capture_output=True,
            text=True, timeout=timeout, cwd=tmp,
        )
    return proc.stdout + proc.stderr


# 1. sanic.http.constants.Stage
from sanic.http.constants import Stage  # noqa: E402

observe("1 Stage.IDLE == 0", lambda: Stage.IDLE == 0)
observe("1 int(Stage.HANDLER)", lambda: int(Stage.HANDLER))
observe("1 Stage.HANDLER < Stage.RESPONSE", lambda: Stage.HANDLER < Stage.RESPONSE)
observe("1 bool(Stage.IDLE)", lambda: bool(Stage.IDLE))
observe("1 repr, str, format", lambda: (repr(Stage.HANDLER), str(Stage.HANDLER), f"{Stage.FAILED}"))
observe("1 Stage(3), list", lambda: (Stage(3), list(Stage)))
observe("1 pickle", lambda: pickle.loads(pickle.dumps(Stage.IDLE)) is Stage.IDLE)
observe("1 mro", lambda: [c.__name__ for c in Stage.__mro__])

# 2. sanic.application.constants.StrEnum
import sanic.application.constants as AC  # noqa: E402

observe("2 exported", lambda: hasattr(AC, "StrEnum"))
if hasattr(AC, "StrEnum"):
    class Colour(AC.StrEnum):
        RED = auto()
        X = "Hello"

    observe("2 values", lambda: [m.value for m in Colour])
    observe("2 str/format/repr", lambda: (str(Colour.RED), f"{Colour.X}", repr(Colour.RED)))
    observe("2 == text, != text", lambda: (Colour.RED == "red", Colour.RED != "red"))
    observe("2 == itself", lambda: Colour.RED == Colour.RED)
    observe("2 Mode is one", lambda: isinstance(AC.Mode.DEBUG, AC.StrEnum))
    observe("2 mro", lambda: [c.__name__ for c in AC.StrEnum.__mro__])

# 3. a worker's state keys
STATE_APP = """
import os, sys, asyncio
from sanic import Sanic, text
app = Sanic("L6")
@app.get("/")
async def h(r):
    return text("x")
def keys(st):
    return sorted(k for k in st if k not in ("pid", "start_at", "restart_at"))
def say(*parts):
    # One write per line: the two workers share the pipe, and print()'s separate
    # writes of each part interleaved (Sanic's workers stop together: "STOPSTOP ...").
    os.write(1, (" ".join(map(str, parts)) + "\n").encode())
@app.after_server_start
async def show(app):
    say("START", keys(app.m.state))
    async def later():
        await asyncio.sleep(1.5)
        say("LATER", keys(app.m.state))
        if app.m.name.endswith("0-0"):
            app.m.terminate()
    app.add_task(later())
@app.before_server_stop
async def stop(app):
    say("STOP", keys(app.m.state), app.m.state.get("serving"))
if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), workers=2, access_log=False)
"""
lines = run_app(STATE_APP).splitlines()
for tag in ("START", "LATER", "STOP"):
    OUT[f"3 {tag}"] = sorted({ln for ln in lines if ln.startswith(tag + " ")})

# 4. the log label of a short identifier
FORMAT = """
import logging
from sanic.logging.formatter import AutoFormatter
record = logging.LogRecord("sanic.root", 20, "x", 1, "hi", None, None)
print(AutoFormatter().format(record))
"""
for ident in ("Bx 0", "B", "Srv 0"):
    # (as in a worker: the identifier is in the environment before sanic is imported)
    line = subprocess.run(
        [sys.executable, "-c", FORMAT], capture_output=True, text=True, timeout=30,
        env={**os.environ, "SANIC_WORKER_IDENTIFIER": ident},
    ).stdout
    OUT[f"4 label {ident!r}"] = line[: len(ident) + 3]
SHORT_APP = """
import sys
from sanic import Sanic, text
from sanic.worker.process import WorkerProcess
WorkerProcess.SERVER_IDENTIFIER = "Bx"
app = Sanic("L6")
@app.get("/")
async def h(r):
    return text("x")
@app.after_server_start
async def s(app):
    app.m.terminate()
if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), workers=1)
"""
OUT["4 worker lines"] = sorted({ln[:8] for ln in run_app(SHORT_APP).splitlines() if ln.startswith("Bx")})

# 5. the main-guard hint with another WORKER_PREFIX
GUARD_APP = """
import sys
from sanic import Sanic, text
from sanic.worker.process import Worker
if len(sys.argv) > 2:
    Worker.WORKER_PREFIX = sys.argv[2]
app = Sanic("L6")
@app.get("/")
async def h(r):
    return text("x")
app.run(port=int(sys.argv[1]), workers=1)
"""
for prefix in ("", "MyApp"):
    text = run_app(GUARD_APP, *([prefix] if prefix else []), timeout=30)
    OUT[f"5 hint, prefix {prefix or 'Sanic'}"] = "__main__\"` block" in text or "__main__\" block" in text

# 6. a failing http.lifecycle.begin / complete handler
SIGNAL_APP = """
import sys, asyncio, socket
from sanic import Sanic, text
app = Sanic("L6")
EV = sys.argv[2]
@app.get("/")
async def h(r):
    return text("x")
@app.signal(EV)
async def boom(**kw):
    raise RuntimeError("boom")
@app.report_exception
async def rep(app, exc):
    print("REPORTED", repr(exc), flush=True)
@app.after_server_start
async def s(app):
    async def client():
        r, w = await asyncio.open_connection("127.0.0.1", int(sys.argv[1]))
        w.write(b"GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
        try:
            data = await asyncio.wait_for(r.read(), 5)
        except ConnectionError:
            data = b"(reset)"
        print("CLIENT", (data.split(b"\\r\\n")[0] or b"(nothing)").decode(), flush=True)
        await asyncio.sleep(0.5)
        import gc; gc.collect()
        await asyncio.sleep(0.2)
        app.stop()
    app.add_task(client())
if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), single_process=True, access_log=False)
"""
for event in ("begin", "complete"):
    text = run_app(SIGNAL_APP, f"http.lifecycle.{event}")
    OUT[f"6 {event} client"] = [ln for ln in text.splitlines() if ln.startswith("CLIENT")]
    OUT[f"6 {event} reported"] = [ln for ln in text.splitlines() if ln.startswith("REPORTED")]
    OUT[f"6 {event} log"] = sorted(
        {"asyncio: Task exception was never retrieved" for ln in text.splitlines()
         if "never retrieved" in ln}
        | {ln.split("ERROR: ", 1)[1] for ln in text.splitlines() if "ERROR: " in ln}
    )

print(json.dumps(OUT, default=str))
