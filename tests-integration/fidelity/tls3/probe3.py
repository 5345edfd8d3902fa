"""Third TLS round: run ``probe_app.py`` under Sanic 25.12 and under Hurtle for each
scenario of ``cases3.py`` and print what differs.

Usage: SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
       TLS2_EXTRA=<folder with trustme for the Sanic venv> \
       HURTLE_NOTRUST_PY=<a Hurtle venv without trustme> \
       python probe3.py [--only NAME ...] [--show]

Reuses the server runner of ``../tls2/probe.py`` (subprocess per server, SIGINT by PID,
SIGKILL after 15 s) and adds clients: pinned TLS versions and suites, ALPN offers,
client certificates, SNI spellings, websockets over TLS, idle and half-sent connections
timed against ``REQUEST_TIMEOUT``/``KEEP_ALIVE_TIMEOUT``, keep-alive over TLS.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import socket
import ssl
import struct
import sys
import tempfile
import time
from pathlib import Path

import trustme

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("tls2probe", HERE.parent / "tls2" / "probe.py")
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)


def make_certs(root: Path) -> dict[str, str]:
    paths = base.make_certs(root)
    ca = trustme.CA()  # a second CA: client certificates and their trust store
    client = ca.issue_cert("client@example.test")
    client.private_key_and_cert_chain_pem.write_to_path(str(root / "client.pem"))
    ca.cert_pem.write_to_path(str(root / "client_ca.pem"))
    paths["client"] = str(root / "client.pem")
    paths["client_ca"] = str(root / "client_ca.pem")
    enc = root / "folder_enc"
    enc.mkdir()
    (enc / "fullchain.pem").write_bytes(Path(paths["b"]).read_bytes())
    (enc / "privkey.pem").write_bytes(Path(paths["enc_key"]).read_bytes())
    paths["folder_enc"] = str(enc)
    half = root / "folder_half"
    half.mkdir()
    (half / "fullchain.pem").write_bytes(Path(paths["a"]).read_bytes())
    paths["folder_half"] = str(half)
    return paths


def client_context(version=None, ciphers=None, alpn=None, cert=None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if version:
        v = getattr(ssl.TLSVersion, version)
        with contextlib.suppress(ValueError):
            context.minimum_version = v
            context.maximum_version = v
        if version in ("TLSv1", "TLSv1_1"):
            with contextlib.suppress(ssl.SSLError):
                context.set_ciphers("ALL:@SECLEVEL=0")
    if ciphers:
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        context.set_ciphers(ciphers)
    if alpn:
        context.set_alpn_protocols(alpn)
    if cert:
        context.load_cert_chain(cert)
    return context


def connect(target, sni, context, limit=5.0):
    raw = socket.create_connection(target, timeout=limit)
    try:
        return context.wrap_socket(raw, server_hostname=sni)
    except BaseException:
        raw.close()
        raise


def fail(error) -> dict:
    return {"handshake": f"{type(error).__name__}: {getattr(error, 'reason', None) or error}"}


def tls_request(target, sni=None, host=None, context=None, path="/", extra=b"") -> dict:
    try:
        tls = connect(target, sni, context or client_context())
    except (OSError, ssl.SSLError) as error:
        return fail(error)
    with tls:
        out = {"served": base.served_names(tls.getpeercert(binary_form=True)),
               "version": tls.version(), "alpn": tls.selected_alpn_protocol()}
        hh = host or sni or f"{target[0]}:{target[1]}"
        try:
            tls.sendall(f"GET {path} HTTP/1.1\r\nHost: {hh}\r\nConnection: close\r\n".encode()
                        + extra + b"\r\n")
        except (OSError, ssl.SSLError) as error:
            return {**out, "send": type(error).__name__}
        return {**out, **base.body_of(base.read_all(tls))}


def frame(text: str) -> bytes:
    data = text.encode()
    mask = b"\x01\x02\x03\x04"
    return bytes([0x81, 0x80 | len(data)]) + mask + bytes(
        b ^ mask[i % 4] for i, b in enumerate(data))


def read_frame(sock) -> str:
    head = b""
    while len(head) < 2:
        head += sock.recv(2 - len(head))
    length = head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", recv_exact(sock, 2))[0]
    elif length == 127:
        length = struct.unpack("!Q", recv_exact(sock, 8))[0]
    payload = recv_exact(sock, length)
    return payload.decode("utf-8", "replace") if head[0] & 0x0F == 1 else f"<op {head[0] & 0x0F}>"


def recv_exact(sock, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def wss(target, sni=None, host=None) -> dict:
    try:
        tls = connect(target, sni, client_context())
    except (OSError, ssl.SSLError) as error:
        return fail(error)
    key = base64.b64encode(os.urandom(16)).decode()
    hh = host or sni or f"{target[0]}:{target[1]}"
    with tls:
        tls.sendall((f"GET /ws HTTP/1.1\r\nHost: {hh}\r\nUpgrade: websocket\r\n"
                     f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 8192:
            chunk = tls.recv(1)
            if not chunk:
                break
            head += chunk
        status = head.split(b"\r\n", 1)[0].decode("latin-1")
        if " 101 " not in status:
            return {"status": status}
        try:
            first = json.loads(read_frame(tls))
            tls.sendall(frame("hi"))
            echo = read_frame(tls)
        except (OSError, ValueError, ConnectionError) as error:
            return {"status": status, "error": type(error).__name__}
        return {"status": status, "view": first, "echo": echo}


def watch(sock, limit: float) -> dict:
    """What the server does to a connection the client leaves alone: its bytes (a 408?),
    how it ends (``eof`` clean, ``reset``, ``tls-eof`` without close_notify), and after
    about how long (whole seconds, capped at ``limit``)."""
    start = time.monotonic()
    sock.settimeout(limit)
    data = b""
    end = "open"
    deadline = start + limit
    while time.monotonic() < deadline:
        try:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            chunk = sock.recv(65536)
        except TimeoutError:
            end = "open"
            break
        except ssl.SSLEOFError:
            end = "tls-eof"
            break
        except ConnectionResetError:
            end = "reset"
            break
        except (OSError, ssl.SSLError) as error:
            end = type(error).__name__
            break
        if not chunk:
            end = "eof"
            break
        data += chunk
    return {"got": DATE.sub("", data.decode("latin-1"))[:120], "end": end,
            "after_s": round(time.monotonic() - start)}


def idle(target, mode: str, limit: float, sni="a.test") -> dict:
    """``tcp``: connect and send nothing; ``tls``: handshake then nothing; ``half``: half
    a request over TLS; ``keepalive``: one full request over TLS, then wait."""
    if mode == "tcp":
        with socket.create_connection(target, timeout=5) as sock:
            return watch(sock, limit)
    try:
        tls = connect(target, sni, client_context())
    except (OSError, ssl.SSLError) as error:
        return fail(error)
    with tls:
        if mode == "half":
            tls.sendall(b"GET / HTTP/1.1\r\nHost: a.test\r\n")
        elif mode == "keepalive":
            tls.sendall(b"GET / HTTP/1.1\r\nHost: a.test\r\n\r\n")
            head = b""
            while b"\r\n\r\n" not in head:
                head += tls.recv(1)
            length = int([line.split(b":")[1] for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length")][0])
            recv_exact(tls, length)
        return watch(tls, limit)


def bulk(target, kind: str) -> dict:
    """``big``: a 3 MB response read whole; ``upload``: a 2 MB body, its hash echoed."""
    try:
        tls = connect(target, "a.test", client_context(), limit=15)
    except (OSError, ssl.SSLError) as error:
        return fail(error)
    with tls:
        if kind == "big":
            tls.sendall(b"GET /big HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n")
        else:
            body = os.urandom(2_000_000)
            tls.sendall(b"POST /echo HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        got = base.read_all(tls, 15)
    head, _, payload = got.partition(b"\r\n\r\n")
    out = {"status": head.split(b"\r\n", 1)[0].decode("latin-1"), "length": len(payload)}
    if kind == "big":
        out["all_x"] = payload == b"x" * 3_000_000
    else:
        out["hash_ok"] = payload.decode() == hashlib.sha256(body).hexdigest()
    return out


def half_close(target, how: str) -> dict:
    """A full request over TLS, then the client ends its side: ``fin`` (TCP FIN, no TLS
    close), ``notify`` (TLS close_notify, socket left open) or ``both``; what comes back."""
    raw = socket.create_connection(target, timeout=5)
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = client_context().wrap_bio(incoming, outgoing, server_hostname="a.test")

    def pump(deadline: float) -> bool:
        if outgoing.pending:
            raw.sendall(outgoing.read())
        raw.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            data = raw.recv(65536)
        except TimeoutError:
            return False
        if not data:
            incoming.write_eof()
            return False
        incoming.write(data)
        return True

    with raw:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                if not pump(deadline):
                    return {"handshake": "failed"}
        tls.write(b"GET / HTTP/1.1\r\nHost: a.test\r\n\r\n")
        if how in ("notify", "both"):
            with contextlib.suppress(ssl.SSLWantReadError):
                tls.unwrap()
        raw.sendall(outgoing.read())
        if how in ("fin", "both"):
            raw.shutdown(socket.SHUT_WR)
        got, end = b"", "open"
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            try:
                chunk = tls.read(65536)
            except ssl.SSLWantReadError:
                try:
                    if not pump(deadline) and not incoming.eof:
                        break
                except ConnectionResetError:
                    end = "reset"
                    break
                continue
            except ssl.SSLZeroReturnError:
                end = "close_notify"
                break
            except ssl.SSLError as error:
                end = type(error).__name__ + ":" + str(error.reason)
                break
            if not chunk:
                end = "eof"
                break
            got += chunk
    return {"status": got.split(b"\r\n", 1)[0].decode("latin-1"), "end": end}


HELD: list = []


def wss_open(target) -> dict:
    """A websocket over TLS left open while the server is stopped (read in ``held``)."""
    got = {}
    try:
        tls = connect(target, "a.test", client_context())
        key = base64.b64encode(os.urandom(16)).decode()
        tls.sendall((f"GET /ws HTTP/1.1\r\nHost: a.test\r\nUpgrade: websocket\r\n"
                     f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 8192:
            head += tls.recv(1)
        got["status"] = head.split(b"\r\n", 1)[0].decode("latin-1")
        read_frame(tls)  # the view
        HELD.append(tls)
    except (OSError, ssl.SSLError, ValueError) as error:
        got["error"] = type(error).__name__
    return got


def held() -> list:
    """What each held websocket got once its server was stopped: frames, then the end."""
    out = []
    for tls in HELD:
        frames = []
        tls.settimeout(3)
        try:
            for _ in range(5):
                head = recv_exact(tls, 2)
                length = head[1] & 0x7F
                payload = recv_exact(tls, length) if length < 126 else b"<long>"
                if head[0] & 0x0F == 8:
                    code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else None
                    frames.append(f"close {code} {payload[2:].decode('utf-8', 'replace')!r}")
                else:
                    frames.append(f"op {head[0] & 0x0F}")
        except (OSError, ssl.SSLError, ConnectionError) as error:
            frames.append(f"end {type(error).__name__}")
        tls.close()
        out.append(frames)
    HELD.clear()
    return out


def act(action, names, target):
    kind, *args = action
    if kind == "tls":  # sni, host header, path
        sni, host, path = (list(args) + [None, None, None])[:3]
        path = path or "/"
        return tls_request(target, sni, host, None, path)
    if kind == "ver":
        return tls_request(target, "a.test", None, client_context(version=args[0]))
    if kind == "cipher":
        return tls_request(target, "a.test", None, client_context(ciphers=args[0]))
    if kind == "alpn":
        return tls_request(target, args[1] if len(args) > 1 else "a.test", None,
                           client_context(alpn=args[0]))
    if kind == "clientcert":
        return tls_request(target, "localhost", None, client_context(cert=names["client"]))
    if kind == "wss":
        return wss(target, *args)
    if kind == "touch":  # change the app file (the reloader restarts the workers)
        with open(os.path.join(names["tmp"], "probe_app.py"), "a") as handle:
            handle.write("\n# touched\n")
        time.sleep(args[0])
        return {}
    if kind == "halfclose":
        return half_close(target, args[0])
    if kind == "wss_open":
        return wss_open(target)
    if kind == "bulk":
        return bulk(target, args[0])
    if kind == "idle":
        return idle(target, *args)
    if kind == "plain":
        return base.plain_get(target[0], target[1], *args)
    if kind == "plain2":  # a request to the second (plain HTTP) listener
        raw = base.plain_get(target[0], int(names["port2"]), args[0].encode(), 5)["plain"]
        return {"plain": DATE.sub("", raw)}
    if kind == "tls2":  # a request to the second listener over TLS
        return tls_request((target[0], int(names["port2"])), "localhost", None, None, args[0])
    if kind == "fwd":  # a proxy header over TLS
        return tls_request(target, "a.test", None, None, "/", args[0].encode())
    raise ValueError(kind)


CERTS: dict[str, str] = {}


def answers(target, sni=None) -> bool:
    """Ready once a request is answered (a client certificate offered, for the servers
    that require one), or plain HTTP is answered on a port that does not speak TLS."""
    got = tls_request(target, sni, None, client_context(cert=CERTS["client"]))
    if got.get("status", "").startswith("HTTP/"):
        return True
    if "handshake" in got:
        return base.plain_get(target[0], target[1], limit=2)["plain"].startswith("HTTP/")
    return False


LEVEL = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b:?\s*(.*)$")


def warnings_of(raw: str, names: dict) -> list[str]:
    """The distinct warning and error messages a server logged (asyncio's bare ones too),
    without times and PIDs: a log line only one server writes is a difference."""
    found = set()
    for line in base.ANSI.sub("", raw).splitlines():
        match = LEVEL.search(line)
        if match:
            found.add(match.group(2).strip())
        elif "has no effect" in line or line.startswith("Traceback"):
            found.add(line.strip())
    return sorted(base.normalise(sorted(found), names))


DATE = re.compile(r"(?im)^date: [^\r\n]*\r\n")


def undated(value):
    """Without ``Date`` fields (Sanic sends none: kept, RFC 9110 6.6.1)."""
    if isinstance(value, dict):
        return {k: undated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [undated(v) for v in value]
    return DATE.sub("", value) if isinstance(value, str) else value


def main() -> None:
    from cases3 import CASES

    base.act = act
    base.answers = answers
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--show", action="store_true", help="print full logs")
    parser.add_argument("--dump", action="store_true", help="print Sanic's results")
    args = parser.parse_args()
    alike = differ = 0
    hurtle_py = base.PYS["hurtle"]
    with tempfile.TemporaryDirectory(prefix="tls3-") as tmp:
        certs = make_certs(Path(tmp))
        CERTS.update(certs)
        for app_file in ("probe_app.py", "multi_app.py"):
            (Path(tmp) / app_file).write_text((HERE / app_file).read_text())
        for case in CASES:
            if args.only and not any(o == case["name"] for o in args.only):
                continue
            base.PYS["hurtle"] = (os.environ["HURTLE_NOTRUST_PY"] if case.get("notrust")
                                  else hurtle_py)
            results = {}
            for flavour in ("sanic", "hurtle"):
                names = {**certs, "tmp": tmp, "port": str(base.free_port()),
                         "port2": str(base.free_port()),
                         "sock": os.path.join(tmp, "app.sock")}
                results[flavour] = base.run_one(flavour, case, names)
                results[flavour]["warnings"] = warnings_of(results[flavour]["raw"], names)
                if HELD:
                    results[flavour]["held"] = held()
                results[flavour + "_n"] = undated(base.normalise(
                    {k: v for k, v in results[flavour].items() if k not in ("log", "raw")}, names))
            if results["sanic_n"].get("hung") and results["hurtle_n"]["rc"] == 0:
                # Sanic's TLS stop that does not end (kept, tls2 section): not counted
                results["sanic_n"]["note"] = results["hurtle_n"]["note"] = "sanic hung at stop"
                results["sanic_n"].pop("hung")
                results["sanic_n"]["rc"] = 0
            same = results["sanic_n"] == results["hurtle_n"]
            alike += same
            differ += not same
            print(f"=== {case['name']}: {'alike' if same else 'DIFFER'}", flush=True)
            flat_s = base.flatten(results["sanic_n"])
            flat_h = base.flatten(results["hurtle_n"])
            for key in sorted(set(flat_s) | set(flat_h)):
                s, h = flat_s.get(key), flat_h.get(key)
                if s != h:
                    print(f"  {key}:\n    sanic : {json.dumps(s)}\n    hurtle: {json.dumps(h)}")
            if args.dump:
                print(json.dumps(results["sanic_n"], indent=1, default=str))
            if not same or args.show:
                for flavour in ("sanic", "hurtle"):
                    lines = (results[flavour]["raw"].splitlines() if args.show
                             else results[flavour]["log"])
                    print(f"  -- {flavour} log:")
                    for line in lines[-20:]:
                        print("     " + line[:220])
            sys.stdout.flush()
    print(f"{alike} alike, {differ} differ")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
