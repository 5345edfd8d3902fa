"""Run ``probe_app.py`` under real Sanic and under Hurtle, TLS and unix-socket scenarios.

Usage: SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
       python probe.py [--only NAME ...] [--show]

Certificates are made with trustme at start (the Sanic venv gets trustme through
``PYTHONPATH=$TLS2_EXTRA`` when set, for ``LOCAL_CERT_CREATOR=trustme``). Every server is
a subprocess in its own session on 127.0.0.1 (or a unix socket in a temporary folder),
stopped with SIGINT by its PID (SIGKILL after 15 s). Prints, per scenario, what differs:
exit code, what each client saw, and the log lines that mention TLS, sockets or errors.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import socket
import ssl
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import serialization

HERE = Path(__file__).resolve().parent
PYS = {"sanic": os.path.abspath(os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")),
       "hurtle": os.path.abspath(os.environ.get("HURTLE_PY", sys.executable))}


def make_certs(root: Path) -> dict[str, str]:
    ca = trustme.CA()
    paths: dict[str, str] = {}

    def issue(name: str, *hosts: str) -> None:
        leaf = ca.issue_cert(*hosts)
        leaf.cert_chain_pems[0].write_to_path(str(root / f"{name}.pem"))
        leaf.private_key_pem.write_to_path(str(root / f"{name}.key"))
        paths[name] = str(root / f"{name}.pem")
        paths[name + "_key"] = str(root / f"{name}.key")

    issue("local", "localhost", "127.0.0.1", "::1")
    issue("a", "a.test", "*.a.test")
    issue("b", "b.test")
    folder = root / "folder"
    folder.mkdir()
    (folder / "fullchain.pem").write_bytes(Path(paths["a"]).read_bytes())
    (folder / "privkey.pem").write_bytes(Path(paths["a_key"]).read_bytes())
    paths["folder"] = str(folder)
    folder_b = root / "folder_b"
    folder_b.mkdir()
    (folder_b / "fullchain.pem").write_bytes(Path(paths["b"]).read_bytes())
    (folder_b / "privkey.pem").write_bytes(Path(paths["b_key"]).read_bytes())
    paths["folder_b"] = str(folder_b)
    folder_l = root / "folder_l"
    folder_l.mkdir()
    (folder_l / "fullchain.pem").write_bytes(Path(paths["local"]).read_bytes())
    (folder_l / "privkey.pem").write_bytes(Path(paths["local_key"]).read_bytes())
    paths["folder_l"] = str(folder_l)
    key = serialization.load_pem_private_key(Path(paths["b_key"]).read_bytes(), None)
    (root / "enc.key").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"secret")))
    paths["enc_key"] = str(root / "enc.key")
    (root / "garbage.key").write_text("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
    paths["garbage_key"] = str(root / "garbage.key")
    (root / "keydir").mkdir()
    paths["keydir"] = str(root / "keydir")
    paths["missing"] = str(root / "missing.pem")
    paths["ca"] = str(root / "ca.pem")
    ca.cert_pem.write_to_path(paths["ca"])
    return paths


def sub(value, names: dict[str, str]):
    if value == "{port}" and not isinstance(names, list):
        return int(names["port"])
    if isinstance(value, str):
        for key in sorted(names, key=len, reverse=True):
            value = value.replace("{" + key + "}", names[key])
        return value
    if isinstance(value, list):
        return [sub(v, names) if v != "{port}" else names["port"] for v in value]
    if isinstance(value, dict):
        return {k: sub(v, names) for k, v in value.items()}
    return value


def served_names(der: bytes | None) -> list[str]:
    if not der:
        return []
    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [str(n.value) for n in san]


def read_all(sock: socket.socket, limit: float = 5.0) -> bytes:
    sock.settimeout(limit)
    chunks: list[bytes] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except (TimeoutError, OSError) as error:
            chunks.append(f"<{type(error).__name__}>".encode())
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def body_of(raw: bytes):
    head, _, body = raw.partition(b"\r\n\r\n")
    status = head.split(b"\r\n", 1)[0].decode("latin-1")
    try:
        return {"status": status, "json": json.loads(body)}
    except ValueError:
        return {"status": status, "body": body[:300].decode("latin-1")}


def tls_get(host: str, port: int, sni: str | None, host_header: str | None = None,
            limit: float = 5.0) -> dict:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        raw = socket.socket(family, socket.SOCK_STREAM)
        raw.settimeout(limit)
        raw.connect((host, port))
        tls = context.wrap_socket(raw, server_hostname=sni)
    except (OSError, ssl.SSLError) as error:
        return {"handshake": f"{type(error).__name__}: {getattr(error, 'reason', None) or error}"}
    with tls:
        names = served_names(tls.getpeercert(binary_form=True))
        alpn = tls.selected_alpn_protocol()
        hh = host_header or sni or (f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
        tls.sendall(f"GET / HTTP/1.1\r\nHost: {hh}\r\nConnection: close\r\n\r\n".encode())
        return {"served": names, "alpn": alpn, **body_of(read_all(tls, limit))}


def plain_get(host: str, port: int, data: bytes = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
              limit: float = 5.0) -> dict:
    with socket.create_connection((host, port), timeout=limit) as sock:
        sock.sendall(data)
        raw = read_all(sock, limit)
    return {"plain": raw[:200].decode("latin-1")}


def unix_get(path: str) -> dict:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        try:
            sock.connect(path)
        except OSError as error:
            return {"connect": f"{type(error).__name__}"}
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return body_of(read_all(sock))


def unix_tls_get(path: str, sni: str | None) -> dict:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    raw = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    raw.settimeout(5)
    try:
        raw.connect(path)
        tls = context.wrap_socket(raw, server_hostname=sni)
    except (OSError, ssl.SSLError) as error:
        raw.close()
        return {"handshake": f"{type(error).__name__}: {getattr(error, 'reason', None) or error}"}
    with tls:
        tls.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return {"served": served_names(tls.getpeercert(binary_form=True)), **body_of(read_all(tls))}


def socket_file(path: str) -> str:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "absent"
    kind = "socket" if stat.S_ISSOCK(info.st_mode) else "file"
    return f"{kind} {oct(stat.S_IMODE(info.st_mode))}"


EXC = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Warning)\b(:|$)")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
KEEP = re.compile(r"https?:|tls|ssl|cert|unix|sock|error|exception|traceback|warn|"
                  r"refus|reject|denied|not found|password|http/3|aioquic|quic|"
                  r"goin|mode|exit|died|fail|server:", re.I)


def interesting(out: str, names: dict[str, str]) -> list[str]:
    lines = []
    for line in ANSI.sub("", out).splitlines():
        line = re.sub(r"^\[\d{4}-\d\d-\d\d [\d:]+ [+-]\d{4}\] ", "", line)
        line = re.sub(r"\[\d+\]", "[PID]", line)
        line = line.replace(names["tmp"], "TMP").replace(str(names["port"]), "PORT")
        line = re.sub(r"Srv \d+|-\d{5,}-\d+", "#", line)
        if KEEP.search(line) and line.strip():
            lines.append(line.rstrip())
    return lines


def answers(target, sni: str | None = None) -> bool:
    """One request answered (over TLS, or plain HTTP, or the unix socket): the workers
    serve, not only the listening socket that the main process binds first."""
    if isinstance(target, str):
        if unix_get(target).get("status", "").startswith("HTTP/"):
            return True
        return unix_tls_get(target, sni).get("status", "").startswith("HTTP/")
    got = tls_get(target[0], target[1], sni, limit=2)
    if got.get("status", "").startswith("HTTP/"):
        return True
    if any(word in got.get("handshake", "") for word in ("SSL", "EOF", "Timeout", "timed out")):
        return plain_get(target[0], target[1], limit=2)["plain"].startswith("HTTP/")
    return False


def wait_ready(proc: subprocess.Popen, target, limit: float, sni: str | None = None) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if answers(target, sni):
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def run_one(flavour: str, case: dict, names: dict[str, str]) -> dict:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "SANIC_NO_UVLOOP": "true"}
    env.pop("PYTHONPATH", None)
    if flavour == "sanic" and os.environ.get("TLS2_EXTRA") and case.get("trustme_in_sanic", False):
        env["PYTHONPATH"] = os.environ["TLS2_EXTRA"]
    env["PROBE_RUN"] = json.dumps(sub(case.get("run", {}), names))
    env["PROBE_CONFIG"] = json.dumps(sub(case.get("config", {}), names))
    env.update(sub(case.get("env", {}), names))
    cmd = [PYS[flavour]]
    cmd += sub(case["cli"], names) if "cli" in case else ["probe_app.py"]
    for pre in case.get("before", []):
        pre(names)
    proc = subprocess.Popen(cmd, cwd=names["tmp"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    result: dict = {}
    target = names["sock"] if case.get("unix") else (case.get("host", "127.0.0.1"), int(names["port"]))
    try:
        ready = wait_ready(proc, target, case.get("limit", 30), case.get("ready_sni"))
        result["ready"] = ready
        if ready:
            if case.get("unix"):
                result["sockfile"] = socket_file(names["sock"])
            for action in case.get("actions", []):
                result[repr(action)] = act(action, names, target)
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, getattr(signal, case.get("stop", "SIGINT")))
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                result["hung"] = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
    out = proc.stdout.read() if proc.stdout else ""
    result["rc"] = proc.returncode
    if case.get("unix"):
        result["sockfile_after"] = socket_file(names["sock"])
    result["log"] = interesting(out, names)
    errors = [line.strip() for line in ANSI.sub("", out).splitlines()
              if EXC.match(line.strip())]
    result["error"] = errors[-1] if errors else None
    result["raw"] = out
    return result


def act(action, names, target):
    kind = action[0]
    if kind == "tls":
        return tls_get(target[0], target[1], *action[1:])
    if kind == "plain":
        return plain_get(target[0], target[1], *action[1:])
    if kind == "unix":
        return unix_get(names["sock"])
    if kind == "unix_tls":
        return unix_tls_get(names["sock"], *action[1:])
    raise ValueError(kind)


def normalise(value, names, cport_re=re.compile(r"\b\d{5}\b")):
    if isinstance(value, dict):
        return {k: normalise(v, names) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v, names) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return "PORT" if value == int(names["port"]) else ("N" if value > 9999 else value)
    if isinstance(value, str):
        value = value.replace(names["tmp"], "TMP").replace(str(names["port"]), "PORT")
        value = re.sub(r"(\.sock)\.[\w-]{6,}$", r"\1.RANDOM", value)
        return cport_re.sub("N", value)
    return value


def main() -> None:
    from cases import CASES

    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--show", action="store_true", help="print full logs")
    args = parser.parse_args()
    alike = differ = 0
    with tempfile.TemporaryDirectory(prefix="tls2-") as tmp:
        certs = make_certs(Path(tmp))
        (Path(tmp) / "probe_app.py").write_text((HERE / "probe_app.py").read_text())
        for case in CASES:
            if args.only and not any(o in case["name"] for o in args.only):
                continue
            results = {}
            for flavour in ("sanic", "hurtle"):
                names = {**certs, "tmp": tmp, "port": str(case.get("fixed_port") or free_port()),
                         "sock": os.path.join(tmp, "s", "app.sock") if case.get("missing_dir")
                         else os.path.join(tmp, "app.sock")}
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(tmp, "app.sock"))  # a symlink too
                if case.get("fixed_port"):
                    time.sleep(1)  # the previous server's port is free again
                results[flavour] = run_one(flavour, case, names)
                results[flavour + "_n"] = normalise(
                    {k: v for k, v in results[flavour].items() if k not in ("log", "raw")}, names)
            same = results["sanic_n"] == results["hurtle_n"]
            alike += same
            differ += not same
            print(f"=== {case['name']}: {'alike' if same else 'DIFFER'}")
            flat_s, flat_h = flatten(results["sanic_n"]), flatten(results["hurtle_n"])
            for key in sorted(set(flat_s) | set(flat_h)):
                s, h = flat_s.get(key), flat_h.get(key)
                if s != h:
                    print(f"  {key}:\n    sanic : {json.dumps(s)}\n    hurtle: {json.dumps(h)}")
            for flavour in ("sanic", "hurtle"):
                lines = results[flavour]["raw"].splitlines() if args.show else results[flavour]["log"]
                print(f"  -- {flavour} log:")
                for line in lines[-25:]:
                    print("     " + line[:220])
    print(f"{alike} alike, {differ} differ")


def flatten(value, prefix: str = "") -> dict:
    """Leaf values by their path, so a difference shows as the one field that differs."""
    if isinstance(value, dict) and value:
        out: dict = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}/{key}" if prefix else str(key)))
        return out
    return {prefix: value}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
