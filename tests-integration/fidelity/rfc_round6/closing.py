"""RFC 9112 9.6 and 9.8, what only the socket shows: a server that closes after an error
while the client is still sending (the "TCP reset problem": a close with unread bytes
sends a RST, which can destroy the response before the client reads it, so 9.6 says to
close in stages), and TLS closure alerts (9.8: a TLS user MUST send close_notify before
closing). Runs ``app_r6.py`` under Sanic 25.12 and this checkout, side by side:

    python3 tests-integration/fidelity/rfc_round6/closing.py

``REF_PYTHON`` names the Sanic interpreter (default /tmp/st-ref/bin/python),
``HURTLE_PYTHON`` this tree's venv. Prints one line per check and server: what was seen,
and PASS/FAIL for the RFC's reading. See the README's "RFC conformance checklist, sixth
round".
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parents[2]
REF_PYTHON = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PYTHON = os.environ.get("HURTLE_PYTHON", str(TOP / ".venv/bin/python"))

SERVE = """
import importlib.util, ssl, sys
spec = importlib.util.spec_from_file_location("app_r6", sys.argv[1])
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
ctx = None
if sys.argv[3]:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(sys.argv[3], sys.argv[4])
mod.app.run(host="127.0.0.1", port=int(sys.argv[2]), single_process=True,
            access_log=False, motd=False, ssl=ctx)
"""


def start(python: str, port: int, cert: str, key: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [python, "-c", SERVE, str(HERE / "app_r6.py"), str(port), cert, key],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    for _ in range(80):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise SystemExit(f"{python} did not start on {port}")


def read_all(sock: socket.socket, limit: float = 5.0) -> tuple[bytes, str]:
    """Everything until the peer closes (or ``limit`` s), and how it ended."""
    data = b""
    sock.settimeout(limit)
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            got = sock.recv(65536)
        except ssl.SSLEOFError:
            return data, "EOF without close_notify"
        except ssl.SSLZeroReturnError:
            return data, "close_notify"
        except ConnectionResetError:
            return data, "reset"
        except TimeoutError:
            return data, "timeout"
        if not got:
            return data, "close_notify" if isinstance(sock, ssl.SSLSocket) else "FIN"
        data += got
    return data, "timeout"


def status(data: bytes) -> str:
    return data.split(b"\r\n", 1)[0].decode("latin-1") or "(nothing)"


def tls_client(port: int, cafile: str) -> ssl.SSLSocket:
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.check_hostname = False
    raw = socket.create_connection(("127.0.0.1", port), timeout=5)
    return ctx.wrap_socket(raw, server_hostname="localhost", suppress_ragged_eofs=False)


def tls_checks(port: int, cafile: str) -> list[tuple[str, str, bool]]:
    out = []
    for name, req in [
        ("9.8 close_notify after a Connection: close response",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        ("9.8 close_notify after a 400 (malformed field)",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\nBad Field: 1\r\n\r\n"),
        ("9.8 close_notify after a stream to HTTP/1.0 (close-delimited)",
         b"GET /kind/stream HTTP/1.0\r\n\r\n"),
        ("9.8 close_notify at the keep-alive timeout",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\n\r\n"),
        ("9.8 close_notify at the request timeout (408)",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\n"),
    ]:
        sock = tls_client(port, cafile)
        sock.sendall(req)
        data, how = read_all(sock, 6)
        sock.close()
        out.append((name, f"{status(data)}; {how}", how == "close_notify"))
    return out


def reset_checks(port: int) -> list[tuple[str, str, bool]]:
    """A request the server refuses early, while more bytes are on their way: the answer
    must reach the client (a FIN after it, not a RST that destroys it)."""
    junk = b"x" * 300_000
    cases = [
        ("9.6 a 413 (Content-Length over the limit) while the body is being sent",
         b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(junk), junk),
        ("9.6 a 400 (malformed field) with more bytes pipelined behind it",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\nBad Field: 1\r\n\r\n", junk),
        ("9.6 Connection: close answered while the client pipelines more",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
         b"GET /kind/text HTTP/1.1\r\nHost: x\r\n\r\n" * 8000),
    ]
    out = []
    for name, head, rest in cases:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(head)
        try:
            sock.sendall(rest)
            sent = "all sent"
        except OSError as exc:
            sent = f"send failed ({type(exc).__name__})"
        time.sleep(0.5)
        data, how = read_all(sock, 5)
        sock.close()
        got = status(data)
        out.append((name, f"{got}; {sent}; {how}", got != "(nothing)"))
    return out


def main() -> int:
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    tmp = Path(tempfile.mkdtemp(prefix="rfc6-tls-"))
    certfile, keyfile, cafile = tmp / "cert.pem", tmp / "key.pem", tmp / "ca.pem"
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    cert.private_key_pem.write_to_path(str(keyfile))
    ca.cert_pem.write_to_path(str(cafile))
    results: dict[str, dict[str, tuple[str, bool]]] = {}
    for side, python, base in (("sanic", REF_PYTHON, 18931), ("hurtle", HURTLE_PYTHON, 18941)):
        procs = [start(python, base, "", ""), start(python, base + 1, str(certfile), str(keyfile))]
        try:
            for name, seen, ok in reset_checks(base) + tls_checks(base + 1, str(cafile)):
                results.setdefault(name, {})[side] = (seen, ok)
        finally:
            for proc in procs:
                os.killpg(proc.pid, 15)
                proc.wait(10)
    failed = 0
    for name, sides in results.items():
        print(name)
        for side in ("sanic", "hurtle"):
            seen, ok = sides[side]
            failed += side == "hurtle" and not ok
            print(f"  {side:6} {'PASS' if ok else 'FAIL'}  {seen}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
