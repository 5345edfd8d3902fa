"""compare.py [NAME ...] [--show]: worker-manager scenarios, Sanic 25.12 vs Hurtle (fourth audit).

Each scenario (scenarios.py) is an app file plus a command and a list of steps (requests,
signals, edits of a watched file, waits for a log line). It runs under real Sanic
(REF_PYTHON, default /tmp/st-ref/bin/python) and under this checkout's venv
(HURTLE_PYTHON), as real processes on 127.0.0.1, and prints per interpreter: the exit code
(or that it had to be killed), each step's result and the log lines about workers, with
pids, times, ports and addresses masked. Where they differ, the scenario's `kept` text (the
README section "Worker manager, fourth audit") says why, or the difference is "DIFF".

Every process is started in its own session; only that process group is signalled, and
only after its run had STOP_WAIT seconds to end. Every wait is bounded.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", os.path.join(REPO, ".venv/bin/python"))
STOP_WAIT = 15.0

sys.path.insert(0, HERE)
from scenarios import SCENARIOS  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, timeout: float) -> str:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            s.settimeout(timeout)
            data = b""
            while len(data) < 65536:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
    except OSError as exc:
        return type(exc).__name__
    if not data:
        return "closed"
    head, _, body = data.partition(b"\r\n\r\n")
    return f"{head.split(b' ', 2)[1].decode()} {body[:60].decode(errors='replace')}"


def wait_port(port: int, limit: float) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


MASKS = [
    (re.compile(r"\x1b\[[0-9;]*m"), ""),
    (re.compile(r"^\[\d{4}-\d\d-\d\d [\d:]+ [+-]\d{4}\] "), ""),
    (re.compile(r"\[\d+\]"), "[PID]"),
    (re.compile(r"\bpid[= ]\d+"), "pid=PID"),
    (re.compile(r"Sanic-(\w+)-\d+-\d+"), r"Sanic-\1-N"),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:PORT"),
    (re.compile(r"port \d+"), "port PORT"),
    (re.compile(r"0x[0-9a-f]+"), "0xADDR"),
    (re.compile(r"\d+\.\d+s"), "Ns"),
    (re.compile(r"/tmp/w4[^/\s]*"), "TMP"),
]


def norm(line: str) -> str:
    for rx, sub in MASKS:
        line = rx.sub(sub, line)
    return line.strip()


def run(python: str, sc: dict) -> dict:
    tmp = tempfile.mkdtemp(prefix="w4")
    port = free_port()
    fmt = {"port": port, "iport": free_port(), "tmp": tmp}
    for name, src in sc["files"].items():
        with open(os.path.join(tmp, name), "w") as f:
            f.write(src.format(**fmt))
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1",
           "W4_PORT": str(port), "W4_TMP": tmp, **sc.get("env", {})}
    argv = [python if a == "PY" else a.format(**fmt) for a in sc["argv"]]
    # The output goes outside the app's folder, which the reloader may watch.
    # (out_in_app: in it, as `python app.py > server.log` in the project folder)
    out_dir = tmp if sc.get("out_in_app") else tempfile.mkdtemp(prefix="w4out")
    out_path = os.path.join(out_dir, "out.txt")
    results: list[str] = []
    threads: list[threading.Thread] = []
    with open(out_path, "w") as out:
        proc = subprocess.Popen(argv, cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        started = time.monotonic()
        for step in sc["steps"]:
            kind, *args = step
            if proc.poll() is not None and kind not in ("sleep",):
                results.append(f"{kind}: (exited)")
                continue
            if kind == "port":
                results.append(f"port: {'up' if wait_port(port, args[0]) else 'down'}")
            elif kind == "get":
                results.append(f"get {args[0]}: {get(port, args[0], args[1] if len(args) > 1 else 5)}")
            elif kind == "bg_get":
                def bg(path=args[0], t=args[1]):
                    results.append(f"bg_get {path}: {get(port, path, t)}")
                th = threading.Thread(target=bg)
                th.start()
                threads.append(th)
            elif kind == "join":
                for th in threads:
                    th.join(30)
                threads.clear()
            elif kind == "sleep":
                time.sleep(args[0])
            elif kind == "signal":
                os.kill(proc.pid, args[0])
                results.append(f"signal {signal.Signals(args[0]).name}")
            elif kind == "edit":
                with open(os.path.join(tmp, args[0]), "w") as f:
                    f.write(args[1].format(**fmt))
                results.append(f"edit {args[0]}")
            elif kind == "log":
                rx = re.compile(args[0])
                end = time.monotonic() + args[1]
                want = args[2] if len(args) > 2 else 1
                seen = False
                while time.monotonic() < end and not seen:
                    with open(out_path) as f:
                        seen = sum(1 for line in f.read().splitlines() if rx.search(line)) >= want
                    if not seen:
                        time.sleep(0.2)
                results.append(f"log /{args[0]}/ x{want}: {'seen' if seen else 'not seen'}")
        try:
            code: object = proc.wait(STOP_WAIT)
        except subprocess.TimeoutExpired:
            code = "did not stop"
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        for th in threads:
            th.join(10)
        took = time.monotonic() - started
    with open(out_path) as f:
        raw = f.read()
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(out_dir, ignore_errors=True)
    keep = re.compile(sc.get("lines", r"Error|error|Traceback|exited|killed|respawn|Starting worker|Stopping worker|Worker complete|Server Stopped|not found|W4 "))
    lines = [norm(x) for x in raw.splitlines() if keep.search(x)]
    return {"code": code, "steps": results, "lines": lines, "raw": raw, "took": round(took)}


def main(scenarios: list[dict] | None = None) -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("-")]
    show = "--show" in sys.argv
    raw = "--raw" in sys.argv
    counts = {"same": 0, "kept": 0, "DIFF": 0}
    for sc in SCENARIOS if scenarios is None else scenarios:
        if names and sc["name"] not in names:
            continue
        ref, hur = run(REF_PY, sc), run(HURTLE_PY, sc)
        same = (ref["code"], ref["steps"]) == (hur["code"], hur["steps"])
        label = "same" if same else ("kept" if sc.get("kept") else "DIFF")
        counts[label] += 1
        print(f"== {sc['name']}: {label}")
        if not same and sc.get("kept"):
            print(f"   kept: {sc['kept']}")
        for who, r in (("sanic", ref), ("hurtle", hur)):
            print(f"  {who}: exit {r['code']} ({r['took']}s) steps {r['steps']}")
            if show or not same:
                for line in dict.fromkeys(r["lines"]):
                    print(f"    | {line[:200]}")
            if raw:
                print(r["raw"])
        sys.stdout.flush()
    print(counts)


if __name__ == "__main__":
    main()
