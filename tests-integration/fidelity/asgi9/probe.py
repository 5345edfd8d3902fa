"""Clients leaving at each stage, under uvicorn (or hypercorn) and served, Sanic and Hurtle.

    SANIC_PATH=/tmp/asgi9-sanic-extra HURTLE_PY=.venv/bin/python SANIC_PY=/tmp/st-ref/bin/python \
        .venv/bin/python tests-integration/fidelity/asgi9/probe.py [--server uvicorn|hypercorn] \
        [--targets sanic-asgi,hurtle-asgi,hurtle-served,sanic-served] [--env CATCH=CancelledError]

One server per target runs `app.py` (lifespan on), the scenarios one after another (a
`--- name` line in the events file between them), then SIGINT: the events per scenario,
the exit, and the log lines that tell a leak (`Task exception was never retrieved`,
`CancelledError`, tracebacks, `Task was destroyed`) are printed side by side. Servers listen
on 127.0.0.1 only and are stopped by their own PID (SIGINT, SIGKILL after 10 s)."""

from __future__ import annotations

import argparse
import base64
import os
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", ".venv/bin/python")
SUSPECT = ("Task exception was never retrieved", "CancelledError", "Traceback",
           "Task was destroyed", "never awaited", "ASGI callable returned", "Exception in ASGI")


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def leave(sock: socket.socket, pause: float = 0.3) -> None:
    time.sleep(pause)
    sock.close()


def read_some(sock: socket.socket, size: int) -> bytes:
    got = b""
    deadline = time.monotonic() + 5
    while len(got) < size and time.monotonic() < deadline:
        piece = sock.recv(65536)
        if not piece:
            break
        got += piece
    return got


def read_all(sock: socket.socket) -> bytes:
    return read_some(sock, 1 << 30)


def midhead(port):
    s = connect(port)
    s.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n")
    leave(s)


def midbody(path):
    def run(port):
        s = connect(port)
        s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n".encode() + b"x" * 10)
        leave(s)
    return run


def during_handler(port):
    s = connect(port)
    s.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
    leave(s)


def leaving(path):
    def run(port):
        s = connect(port)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        leave(s)
    return run


def during_handler_reset(port):
    s = connect(port)
    s.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.3)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def outstream(port):
    s = connect(port)
    s.sendall(b"GET /outstream HTTP/1.1\r\nHost: x\r\n\r\n")
    read_some(s, 8192)
    s.close()


def cut_later(port):
    s = connect(port)
    s.sendall(b"GET /cutlater HTTP/1.1\r\nHost: x\r\n\r\n")
    read_some(s, 8192)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def instream_whole(port):
    s = connect(port)
    s.sendall(b"POST /instream HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello")
    answer = read_all(s)
    s.close()
    return answer.split(b"\r\n", 1)[0].decode()


def limited(port):
    s = connect(port)
    s.sendall(b"POST /limited HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1000\r\n\r\n")
    time.sleep(0.2)
    s.sendall(b"z" * 1000)
    answer = read_all(s)
    s.close()
    return answer.split(b"\r\n", 1)[0].decode()


def expect_leave(port):
    s = connect(port)
    s.sendall(b"POST /expectslow HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n")
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    leave(s)
    time.sleep(1.5)


def crowd(port):
    # 30 clients at once, each leaving at another stage (a fixed mix), and 6 that stay.
    kinds = [midhead, midbody("/upload"), midbody("/instream"), during_handler,
             during_handler_reset, outstream, leaving("/mwslow"), leaving("/fail")]
    answers: list[str] = []

    def stay():
        s = connect(port)
        s.sendall(b"GET /quick HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answers.append(read_all(s).split(b"\r\n", 1)[0].decode())
        s.close()
    threads = [threading.Thread(target=kinds[n % len(kinds)], args=(port,)) for n in range(30)]
    threads += [threading.Thread(target=stay) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    time.sleep(3.5)
    return f"{sorted(answers)} threads alive={sum(t.is_alive() for t in threads)}"


def late(port):
    s = connect(port)
    s.sendall(b"GET /late HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    answer = read_all(s)
    s.close()
    time.sleep(0.5)
    return repr(answer.split(b"\r\n\r\n", 1)[-1])


def ws_midmessage(port):
    s = connect(port)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = read_some(s, 1)
    mask = b"\x00\x00\x00\x00"
    s.sendall(b"\x81\x82" + mask + b"hi")  # one whole text message
    s.sendall(b"\x81\xe4" + mask + b"y" * 10)  # 100 bytes announced, 10 sent
    leave(s)
    return head.split(b"\r\n", 1)[0].decode()


def parallel(port):
    threads = [threading.Thread(target=during_handler, args=(port,)) for _ in range(3)]
    threads += [threading.Thread(target=midbody("/upload"), args=(port,)) for _ in range(2)]
    answers: list[str] = []

    def quick():
        s = connect(port)
        s.sendall(b"GET /quick HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answers.append(read_all(s).split(b"\r\n", 1)[0].decode())
        s.close()
    threads += [threading.Thread(target=quick) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return sorted(answers)


SCENARIOS = [
    ("midhead", midhead), ("midbody plain", midbody("/upload")),
    ("midbody stream", midbody("/instream")), ("handler", during_handler),
    ("handler reset", during_handler_reset), ("outstream", outstream), ("task sends after cut", cut_later),
    ("instream whole", instream_whole), ("late send", late), ("limited", limited), ("ws midmessage", ws_midmessage),
    ("parallel", parallel), ("middleware reset", leaving("/mwslow")),
    ("swallow reset", leaving("/swallow")), ("response middleware reset", leaving("/rmwslow")),
    ("error handler reset", leaving("/fail")), ("expect leave", expect_leave),
    ("crowd", crowd),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(target: str, server: str, port: int) -> tuple[list[str], dict]:
    framework, mode = target.split("-")
    python = SANIC_PY if framework == "sanic" else HURTLE_PY
    env = dict(os.environ)
    path = [HERE]
    if framework == "sanic" and os.environ.get("SANIC_PATH"):
        path.append(os.environ["SANIC_PATH"])
    env["PYTHONPATH"] = os.pathsep.join(path)
    if mode == "served":
        return [python, "-m", "sanic", "app:app", "--port", str(port), "--single-process",
                "--no-motd"], env
    if server == "hypercorn":
        return [python, "-m", "hypercorn", "app:app", "--bind", f"127.0.0.1:{port}"], env
    return [python, "-m", "uvicorn", "app:app", "--port", str(port),
            *os.environ.get("UVARGS", "").split()], env


def run(target: str, server: str, extra_env: dict) -> dict:
    port = free_port()
    events = tempfile.NamedTemporaryFile(delete=False, suffix=".events").name
    cmd, env = command(target, server, port)
    env.update(extra_env, EVENTS=events)
    proc = subprocess.Popen(cmd, cwd=HERE, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    answers = {}
    try:
        for _ in range(100):
            try:
                connect(port).close()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(0.3)
        for name, scenario in SCENARIOS:
            with open(events, "a") as out:
                out.write(f"--- {name}\n")
            try:
                answers[name] = scenario(port)
            except OSError as error:
                answers[name] = f"client {type(error).__name__}"
            time.sleep(0.8)
        with open(events, "a") as out:
            out.write("--- stop\n")
        proc.send_signal(signal.SIGINT)
        try:
            output = proc.communicate(timeout=10)[0]
            code = proc.returncode
        except subprocess.TimeoutExpired:
            proc.kill()
            output, code = proc.communicate()[0] + "\n<HUNG: killed>", "killed"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    by_scenario: dict[str, list[str]] = {"start": []}
    current = "start"
    for line in open(events).read().splitlines():
        if line.startswith("--- "):
            current = line[4:]
            by_scenario[current] = []
        else:
            by_scenario[current].append(line)
    os.unlink(events)
    for name, answer in answers.items():
        if answer:
            by_scenario[name].append(f"client: {answer}")
    suspect = [line[:160] for line in output.splitlines() if any(s in line for s in SUSPECT)]
    by_scenario["stop"].append(f"exit={code}")
    by_scenario["log"] = suspect
    by_scenario["_output"] = output.splitlines()
    return by_scenario


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="uvicorn")
    parser.add_argument("--targets", default="sanic-asgi,hurtle-asgi,hurtle-served")
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("-v", action="store_true", help="print the whole server output")
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    targets = args.targets.split(",")
    results = {t: run(t, args.server, extra) for t in targets}
    names = ["start"] + [n for n, _ in SCENARIOS] + ["stop", "log"]
    same = 0
    for name in names:
        columns = [results[t].get(name, []) for t in targets]
        alike = all(c == columns[0] for c in columns)
        same += alike
        print(f"== {name}: {'alike' if alike else 'DIFFER'}")
        for target, column in zip(targets, columns, strict=True):
            print(f"  [{target}]")
            for line in column:
                print(f"     {line}")
    print(f"{len(names)} keys, {same} alike, {len(names) - same} differ")
    for n, left in enumerate(targets):
        for right in targets[n + 1:]:
            differ = [name for name in names if results[left].get(name) != results[right].get(name)]
            print(f"{left} vs {right}: {len(names) - len(differ)} alike, differ: {', '.join(differ)}")
    if args.v:
        for target in targets:
            print(f"##### {target} output")
            print("\n".join(results[target]["_output"]))


if __name__ == "__main__":
    main()
