"""The items of "Leftovers, fourth pass" (README), Sanic 25.12 vs this checkout.

    python3 tests-integration/fidelity/leftovers4/run.py

Two kinds of case, each run under REF_PYTHON and HURTLE_PYTHON and compared as text:
probes (a snippet that prints what a user's code sees: worker names and state, the ASGI
flag, Mode, cookies= warnings, ssl= lists over an in-memory handshake) and served cases
(app.py on a socket: a failing http.lifecycle.begin, and the order of the lifecycle
events when the server stops with connections open). ``KEPT`` labels the differences kept
on purpose.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from served import HURTLE_PY, REF_PY, serve  # noqa: E402  (the shared helper)

KEPT = {
    "stop: in-flight request": "Sanic dispatches its complete after server.shutdown.after; "
    "Hurtle before after_server_stop, with the other closed connections' (a complete "
    "handler may need what after_server_stop releases)",
    "stop: idle and in-flight": "the idle connection's complete as Sanic's (right after "
    "server.shutdown.before); the in-flight one's as the case above",
    "stop: request cut at the timeout": "as the in-flight one: Sanic cancels the handler "
    "and dispatches complete after server.shutdown.after",
    "CertSelector given a dict": "listed in the twelfth fuzzing round: Hurtle's "
    "CertSelector builds contexts from dicts and folders; Sanic's takes contexts only",
}

CERTS = """
import trustme
ca = trustme.CA()
for name, hosts in (("a", ["a.test", "*.a.test"]), ("b", ["b.test"])):
    leaf = ca.issue_cert(*hosts)
    leaf.private_key_pem.write_to_path(name + "-key.pem")
    leaf.cert_chain_pems[0].write_to_path(name + "-cert.pem")
ca.cert_pem.write_to_path("ca.pem")
"""

HANDSHAKE = """
import ssl
def served(context, name):
    client = ssl.create_default_context(cafile="ca.pem"); client.check_hostname = False
    pipes = [ssl.MemoryBIO() for _ in range(4)]
    c = client.wrap_bio(pipes[0], pipes[1], server_hostname=name)
    s = context.wrap_bio(pipes[2], pipes[3], server_side=True)
    try:
        for _ in range(10):
            for side in (c, s):
                try:
                    side.do_handshake()
                except ssl.SSLWantReadError:
                    pass
            pipes[2].write(pipes[1].read()); pipes[0].write(pipes[3].read())
        return next(v for k, v in c.getpeercert()["subjectAltName"] if k == "DNS")
    except ssl.SSLError:
        return "refused"
A = {"cert": "a-cert.pem", "key": "a-key.pem"}
B = {"cert": "b-cert.pem", "key": "b-key.pem"}
def plain(d):
    c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); c.load_cert_chain(d["cert"], d["key"]); return c
def attempt(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
"""

PROBES = {
    "Worker.WORKER_PREFIX": """
        import multiprocessing
        from sanic.worker.process import Worker, WorkerProcess
        print(Worker.WORKER_PREFIX, WorkerProcess.SERVER_LABEL, WorkerProcess.SERVER_IDENTIFIER,
              WorkerProcess.THRESHOLD)
        Worker.WORKER_PREFIX = "MyApp"
        ctx = multiprocessing.get_context("spawn")
        def serve(**kw): pass
        try:
            w = Worker("Thing", "Thing", serve, {}, ctx, {}, 1)
        except TypeError:  # (Hurtle's: the name is a keyword)
            w = Worker("Thing", serve, {}, ctx, {}, 1, name="Thing")
        print([p.name for p in w.processes])
    """,
    "WorkerState of a missing process": """
        from sanic.worker.state import WorkerState
        shared = {"Sanic-Server-0-0": {"pid": 1}}
        ws = WorkerState(shared, "Sanic-Server-0-1")
        for f in (lambda: ws["pid"], lambda: len(ws), lambda: ws.get("pid"), lambda: "pid" in ws,
                  lambda: ws.update({"x": 1}), lambda: shared):
            try:
                print(repr(f()))
            except Exception as e:
                print(type(e).__name__, e)
    """,
    "app.listeners / named middleware": """
        from collections import deque
        from sanic import Sanic, text
        app = Sanic("Item2")
        @app.get("/", name="root")
        async def h(r):
            return text(getattr(r.ctx, "seen", "-"))
        async def mw(request):
            request.ctx.seen = "named"
        app.named_request_middleware["Item2.root"] = deque([mw])
        for attr in ("listeners", "named_request_middleware", "named_response_middleware"):
            try:
                setattr(app, attr, getattr(app, attr)); print(attr, "assigned")
            except AttributeError as e:
                print(attr, "AttributeError")
        _, r = app.test_client.get("/")
        print(r.text)
    """,
    "asgi_client sets app.asgi": """
        from sanic import Sanic, text
        app = Sanic("Item3")
        app.get("/")(lambda r: text(str(r.app.asgi)))
        app.test_client
        print(app.asgi)
        app.asgi_client
        print(app.asgi, app.serve_location)
        _, r = app.test_client.get("/")
        print(r.text, app.asgi)
    """,
    "Mode and set_mode": """
        import logging
        from sanic import Sanic
        from sanic.application.constants import Mode, Server
        print(Mode.DEBUG == "debug", Mode.DEBUG == Mode.DEBUG, Mode.DEBUG != "debug",
              Server.ASGI == "asgi", hash(Mode.DEBUG) == hash("debug"))
        app = Sanic("Item4")
        for value in (True, "debug", Mode.DEBUG, "nonsense"):
            app.state.set_mode(value)
            print(repr(value), app.state.mode, app.debug, logging.getLogger("sanic.root").level)
        app.state.set_verbosity(2)
        print(app.state.verbosity)
        app.state.mode = Mode.DEBUG
        print(app.debug, logging.getLogger("sanic.root").level)
    """,
    "cookies= warns": """
        import warnings
        from sanic import Sanic, text
        app = Sanic("Item5")
        app.get("/")(lambda r: text(r.cookies.get("a", "-")))
        for cookies in ({"a": "1"}, {}, None):
            with warnings.catch_warnings(record=True) as seen:
                warnings.simplefilter("always")
                _, r = app.test_client.get("/", cookies=cookies)
            print(r.text, [(w.category.__name__, w.filename.rsplit("/", 2)[-2:])
                           for w in seen if "cookies" in str(w.message)])
    """,
    "CertSelector given a dict": HANDSHAKE + textwrap.dedent("""
        from sanic.http.tls.context import CertSelector
        for ctxs in ([A], [plain(A), B], [plain(A), plain(B)]):
            print(attempt(lambda: type(CertSelector(ctxs)).__name__))
    """),
    "ssl= lists": HANDSHAKE + textwrap.dedent("""
        import logging
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s",
                            stream=__import__("sys").stdout)
        from sanic import Sanic
        from sanic.http.tls.context import CertSimple
        from sanic.worker.loader import CertLoader
        app = Sanic("TLSLists")
        for make in (lambda: [B, CertSimple(A["cert"], A["key"])], lambda: [None, A, B],
                     lambda: [plain(A), plain(B)], lambda: [None], lambda: [A, 5]):
            context = attempt(lambda: CertLoader(make()).load(app))
            if isinstance(context, str):
                print(context)
            else:
                print([served(context, n) for n in ("a.test", "b.test", "c.test", None)])
    """),
}


def probe(python: str, code: str, folder: str) -> str:
    done = subprocess.run([python, "-c", textwrap.dedent(code)], cwd=folder, capture_output=True,
                          text=True, timeout=120)
    # (Sanic's own log lines carry the time: the probes print what they compare)
    out = [line for line in done.stdout.splitlines() if " +0000 " not in line]
    if done.returncode:
        out.append(f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}")
    return "\n".join(out)


def stop_case(python: str, paths: list[str]) -> str:
    """Serve, open a connection per path (an idle one for "/"), stop with SIGINT, and give
    the lifecycle events in order, ports named by their connection."""
    proc, port = serve(python, HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    names = {}
    socks = []
    try:
        time.sleep(0.3)
        for path in paths:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            if path == "/":
                sock.recv(4096)
            names[str(sock.getsockname()[1])] = path
            socks.append(sock)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        ends = []
        for sock in socks:
            try:
                ends.append("answered" if sock.recv(4096) else "closed")
            except OSError as exc:
                ends.append(type(exc).__name__)
        out = proc.communicate(timeout=20)[0].decode()
    finally:
        for sock in socks:
            sock.close()
        if proc.poll() is None:
            proc.kill()
    events = []
    for line in out.splitlines():
        if line.startswith("EV "):
            parts = line.split()[1:]
            if parts[-1].isdigit():
                if parts[-1] not in names:
                    continue  # the helper's own readiness probe
                parts[-1] = names[parts[-1]]
            events.append(" ".join(parts))
    return f"clients: {ends}\n" + "\n".join(events)


def begin_case(python: str) -> str:
    env = {**os.environ, "BEGIN_FAILS": "1"}
    proc, port = serve(python, HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            mine = str(sock.getsockname()[1])
            try:
                end = "answered" if sock.recv(4096) else "closed (FIN)"
            except ConnectionResetError:
                end = "reset"
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=20)[0].decode()
    finally:
        if proc.poll() is None:
            proc.kill()
    errors = sorted({line.split("ERROR: ", 1)[1] for line in out.splitlines() if "ERROR: " in line})
    completes = sum(1 for line in out.splitlines() if line == f"EV complete {mine}")
    return f"client: {end}\nlogged: {errors}\ncomplete for it: {completes}"


SERVED = {
    "begin handler raises": begin_case,
    "stop: idle keep-alive connection": lambda py: stop_case(py, ["/"]),
    "stop: in-flight request": lambda py: stop_case(py, ["/sleep/1.0"]),
    "stop: idle and in-flight": lambda py: stop_case(py, ["/", "/sleep/1.0"]),
    "stop: request cut at the timeout": lambda py: stop_case(py, ["/sleep/5.0"]),
}


def main() -> None:
    counts = {"same": 0, "KEPT": 0, "DIFF": 0}
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([HURTLE_PY, "-c", CERTS], cwd=folder, check=True)
        cases = [(name, lambda py, c=code: probe(py, c, folder)) for name, code in PROBES.items()]
        cases += list(SERVED.items())
        for name, run in cases:
            ref, ours = run(REF_PY), run(HURTLE_PY)
            verdict = "same" if ref == ours else "KEPT" if name in KEPT else "DIFF"
            counts[verdict] += 1
            print(f"{verdict:5} {name}")
            if verdict != "same":
                print(textwrap.indent(f"sanic:\n{ref}\nhurtle:\n{ours}", "    "))
                if verdict == "KEPT":
                    print(f"    kept: {KEPT[name]}")
    print(f"leftovers4: {sum(counts.values())} cases, {counts['same']} same, "
          f"{counts['KEPT']} kept, {counts['DIFF']} differ unexplained")


if __name__ == "__main__":
    main()
