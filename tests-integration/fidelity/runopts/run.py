"""Diff the ways of starting a server, Sanic 25.12 vs Hurtle, as real processes on 127.0.0.1.

    python3 tests-integration/fidelity/runopts/run.py [-v] [--cached] [NAME-PREFIX...]

``--cached`` compares the runs saved by an earlier call (in $RUNOPTS_CACHE or the temp dir)
instead of running them again.

Each scenario (``scenarios*.py``) is a script body run after ``from _prelude import *`` and
an action: wait for the exit, or wait for ``READY`` then send requests and/or a signal.
Compared: the exit code, the ``EV`` marker lines in order, the answers, and every other
output line with timestamps, pids, ports, temporary paths and versions masked.
Not a test (CI has no Sanic). Interpreters come from $SANIC_PY and $HURTLE_PY.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PYTHONS = {
    "sanic": os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python"),
    "hurtle": os.environ.get("HURTLE_PY", str(ROOT / ".venv" / "bin" / "python")),
}
sys.path.insert(0, str(HERE))
from scenarios import SCENARIOS  # noqa: E402


def free_port_pair() -> int:
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            with socket.socket() as s2:
                s2.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no free pair of ports")


def get(port: int, target: str) -> str:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            end = time.monotonic() + 3
            while time.monotonic() < end:
                try:
                    b = s.recv(65536)
                except (TimeoutError, OSError) as e:
                    data += f"[{type(e).__name__}]".encode()
                    break
                if not b:
                    break
                data += b
    except OSError as e:
        return f"[{type(e).__name__}]"
    head, _, body = data.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0].decode(errors="replace") + " | " + body.decode(errors="replace")[:80]


class Reader(threading.Thread):
    def __init__(self, stream) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: list[str] = []

    def run(self) -> None:
        for raw in self.stream:
            self.lines.append(raw.decode(errors="replace").rstrip("\n"))


def wait_for(reader: Reader, needle: str, count: int, proc, limit: float) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if sum(needle in line for line in reader.lines) >= count:
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False


CACHE = Path(os.environ.get("RUNOPTS_CACHE", tempfile.gettempdir())) / "runopts_cache"


def observe(kind: str, name: str, cached: bool = False) -> list[str]:
    """Run one scenario under one interpreter (or read its saved run) and normalize it."""
    saved = CACHE / f"{kind}_{name}.json"
    if cached and saved.exists():
        data = json.loads(saved.read_text())
    else:
        data = execute(kind, name)
        CACHE.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(data))
    head = [f"exit: {data['rc']}", *data["answers"]]
    body = normalize(data["lines"], data["tmp"], data["port"])
    if "ready2" in SCENARIOS[name][1] or re.search(r"workers=2|fast=True", SCENARIOS[name][0]):
        body.sort()  # two workers: which one logs first varies
    return head + body


def _default_sigint() -> None:
    # A driver started in the background by a non-interactive shell ignores SIGINT, and
    # its children would inherit that: an app without its own handlers would not stop.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def execute(kind: str, name: str) -> dict:
    code, action = SCENARIOS[name]
    port = free_port_pair()
    tmp = tempfile.mkdtemp(prefix="runopts_")
    script = Path(tmp) / "scenario.py"
    script.write_text("from _prelude import *  # noqa\n" + code)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1", PROBE_PORT=str(port),
               PYTHONPATH=str(HERE), PROBE_TMP=tmp)
    env.pop("PROBE_MAIN_PID", None)
    proc = subprocess.Popen([PYTHONS[kind], str(script)], cwd=tmp, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                            preexec_fn=_default_sigint)
    reader = Reader(proc.stdout)
    reader.start()
    answers: list[str] = []
    for step in action:
        if step.startswith("ready"):
            n = int(step[5:] or 1)
            if not wait_for(reader, "READY", n, proc, 25):
                answers.append("never ready")
                break
            time.sleep(0.3)
        elif step.startswith("GET "):
            p = port + 1 if step.endswith("@2") else port
            answers.append(f"{step}: {get(p, step[4:].removesuffix('@2'))}")
        elif step.startswith("sleep"):
            time.sleep(float(step[5:]))
        elif step in ("INT", "TERM"):
            sig = signal.SIGINT if step == "INT" else signal.SIGTERM
            if proc.poll() is None:
                proc.send_signal(sig)
        elif step == "CTRLC":
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
    try:
        rc = proc.wait(timeout=25)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        rc = "did not stop"
    reader.join(5)
    return {"rc": rc, "answers": answers, "lines": reader.lines, "tmp": tmp, "port": port}


SKIP = re.compile(r"INFO: (Sanic v|Hurtle v|python: |platform: |packages: )|DEBUG:( [^\s:]+){0,2}$"
                  r"|^\s*$|^\s*(Sanic|Build Fast. Run Fast.|Hurtle|Sanic apps, served faster.)$")


def normalize(out: list[str], tmp: str, port: int) -> list[str]:
    """Mask what changes from run to run; keep a traceback's first and last lines only."""
    res = []
    in_tb = False
    for line in out:
        line = re.sub(r"\x1b\[[0-9;]*m", "", line)
        if in_tb:
            if line.startswith((" ", "\t", "^")) or not line.strip():
                continue
            in_tb = False
        if line.startswith("Traceback (most recent call last)"):
            in_tb = True
        if SKIP.search(line):
            continue
        line = re.sub(r"(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d( [+-]\d{4})? ", "", line)
        line = re.sub(r"127\.0\.0\.1:\d+ (?=[A-Z]+ )", "127.0.0.1:CPORT ", line)
        line = re.sub(r"\d+\.\d+ms", "Tms", line)
        line = line.replace(tmp, "TMP").replace(str(port + 1), "PORT2").replace(str(port), "PORT")
        line = re.sub(r"\[\d+\]", "[PID]", line)
        line = re.sub(r"\bpid=\d+|\b\d{3,7}\b(?= pid)", "PID", line)
        line = re.sub(r"0x[0-9a-f]+", "0xADDR", line)
        line = re.sub(r'File "[^"]*/(site-packages|src)/', 'File "LIB/', line)
        line = re.sub(r", line \d+", ", line N", line)
        res.append(line.rstrip())
    return res


def main() -> None:
    args = sys.argv[1:]
    verbose = "-v" in args
    cached = "--cached" in args
    prefixes = [a for a in args if a not in ("-v", "--cached")]
    names = [n for n in SCENARIOS if not prefixes or any(n.startswith(p) for p in prefixes)]
    alike = 0
    for name in names:
        ref, ours = observe("sanic", name, cached), observe("hurtle", name, cached)
        d = list(difflib.unified_diff(ref, ours, "sanic", "hurtle", lineterm="", n=1))
        if not d:
            alike += 1
            print(f"== {name}: alike")
            if verbose:
                print(*ref, sep="\n")
        else:
            print(f"== {name}: DIFFER")
            print(*d[2:], sep="\n")
            if verbose:
                print("-- sanic:", *ref, "-- hurtle:", *ours, sep="\n")
        sys.stdout.flush()
    print(f"{len(names)} scenarios, {alike} alike, {len(names) - alike} differ")


if __name__ == "__main__":
    main()
