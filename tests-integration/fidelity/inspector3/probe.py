"""Run insp_app.py under Sanic or Hurtle and talk to its inspector over raw sockets.

    python probe.py sanic|hurtle SCENARIO

SCENARIO is the name after ``scenario_`` of a function below: http, http2, slashes, auth,
states, pids, crash, cli, cli2, clikey, tls, tlshalf, hosts (tls and tlshalf need trustme:
run them with the checkout's .venv/bin/python).

Prints each exchange with pids, dates and ports masked, so two runs can be diffed.
"""

import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = {"sanic": os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python"),
      "hurtle": os.environ.get("HURTLE_PY", str(HERE.parents[2] / ".venv/bin/python"))}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mask(text):
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.+]+", "<TS>", text)
    text = re.sub(r"Date: .*", "Date: <D>", text)
    text = re.sub(r'"pid":\s*\d+', '"pid":<PID>', text)
    text = re.sub(r"\[\d+\]", "[<PID>]", text)
    text = re.sub(r":\d{4,5}\b", ":<PORT>", text)
    return text


def raw(port, data, tls=None, timeout=5.0):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    if tls:
        sock = tls.wrap_socket(sock, server_hostname="localhost")
    with sock:
        sock.sendall(data)
        out = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            out += chunk
        return out


def req(port, method, path, body=b"", headers=(), tls=None):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += list(headers)
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}")
    data = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    return raw(port, data, tls)


def show(title, answer):
    print(f"### {title}")
    head, _, body = answer.partition(b"\r\n\r\n")
    print(mask(head.decode("latin-1")))
    print()
    print(mask(body.decode("utf-8", "replace")))
    print()


def start(kind, env_extra, workers=2):
    port, iport = free_port(), free_port()
    env = {**os.environ, "PORT": str(port), "IPORT": str(iport), "WORKERS": str(workers),
           **env_extra}
    proc = subprocess.Popen([PY[kind], str(HERE / "insp_app.py")], cwd=HERE, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", iport), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, port, iport


def info(iport, tls=None, headers=()):
    answer = req(iport, "GET", "/", headers=headers, tls=tls)
    body = answer.partition(b"\r\n\r\n")[2]
    try:
        return json.loads(body)
    except ValueError:
        return {"raw": body.decode("utf-8", "replace")}


def wait_servers(iport, count, tls=None, headers=(), timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = info(iport, tls, headers).get("result", {}).get("workers", {})
        acked = [w for n, w in workers.items() if w.get("server") and w.get("state") == "ACKED"]
        if len(acked) >= count:
            return workers
        time.sleep(0.1)
    return None


def stop(proc):
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    return proc.stdout.read()


def shape(workers):
    """Workers by name with values replaced by their types (pids, dates vary)."""
    out = {}
    for name, state in sorted(workers.items()):
        out[re.sub(r"\d+$", "N", name) if False else name] = {
            k: (v if k in ("state", "server", "starts", "restarts") else type(v).__name__)
            for k, v in state.items()}
    return out


def scenario_http(kind):
    proc, port, iport = start(kind, {})
    try:
        wait_servers(iport, 2)
        ans = req(iport, "GET", "/")
        head, _, body = ans.partition(b"\r\n\r\n")
        print("### GET / head\n" + mask(head.decode()))
        payload = json.loads(body)
        print("### GET / keys", sorted(payload), sorted(payload["meta"].items()))
        print("### info", json.dumps({k: (v if k not in ("packages", "python", "platform")
                                         else type(v).__name__)
                                     for k, v in payload["result"]["info"].items()}))
        print("### workers", json.dumps(shape(payload["result"]["workers"]), indent=1))
        J = ("Content-Type: application/json",)
        cases = [
            ("HEAD", "/", b"", ()),
            ("POST", "/", b"", ()),
            ("PUT", "/", b"", ()),
            ("DELETE", "/", b"", ()),
            ("OPTIONS", "/", b"", ()),
            ("GET", "/?x=1", b"", ()),
            ("GET", "/nope", b"", ()),
            ("GET", "/hello", b"", ()),
            ("PUT", "/hello", b"", ()),
            ("GET", "/a/b", b"", ()),
            ("POST", "/a/b", b"", ()),
            ("POST", "/nope", b"", ()),
            ("POST", "/hello", b"", ()),
            ("POST", "/hello/", b"", ()),
            ("POST", "/hello?name=q", b"", ()),
            ("POST", "/hello", b'{"name":"bob"}', J),
            ("POST", "/hello", b'{"name":"bob"}', ()),
            ("POST", "/hello", b'{"name":', J),
            ("POST", "/hello", b'{"name":', ()),
            ("POST", "/hello", b"[1,2]", J),
            ("POST", "/hello", b'"x"', J),
            ("POST", "/hello", b"null", J),
            ("POST", "/hello", b'{"nom":"x"}', J),
            ("POST", "/add", b'{"a":1,"b":2}', J),
            ("POST", "/add", b'{"args":[3,4]}', J),
            ("POST", "/add", b'{"args":[3],"b":4}', J),
            ("POST", "/add", b'{"a":"x","b":2}', J),
            ("POST", "/add", b"", J),
            ("POST", "/several", b'{"args":[1,2],"k":"v"}', J),
            ("POST", "/several", b'{"args":"notalist"}', J),
            # leftovers15: "args" that is not a list
            ("POST", "/add", b'{"args":"ab"}', J),
            ("POST", "/add", b'{"args":"a"}', J),
            ("POST", "/hello", b'{"args":"ab"}', J),
            ("POST", "/hello", b'{"args":"a"}', J),
            ("POST", "/nothing", b'{"args":"ab"}', J),
            ("POST", "/hello", b'{"args":{"name":"x"}}', J),
            ("POST", "/hello", b'{"args":null}', J),
            ("POST", "/add", b'{"args":7}', J),
            ("POST", "/several", b'{"args":"ab","k":"v"}', J),
            ("POST", "/boom", b"", ()),
            ("POST", "/slow", b'{"n":5}', J),
            ("POST", "/nothing", b"", ()),
            ("POST", "/numbers", b"", ()),
            ("POST", "/_private", b"", ()),
            ("POST", "/state_to_json", b"", ()),
            ("POST", "/actions", b"", ()),
            ("POST", "/serve", b"", ()),
            ("POST", "/scale", b"", ()),
            ("POST", "/scale", b'{"replicas":"x"}', J),
            ("POST", "/scale", b'{"replicas":0}', J),
            ("POST", "/scale", b'{"replicas":2.5}', J),
            ("POST", "/boom", b"", ("Accept: application/json",)),
            ("POST", "/nope", b"", ("Accept: application/json",)),
            ("GET", "/a/b", b"", ("Accept: application/json",)),
            ("POST", "/", b"", ("Accept: application/json",)),
        ]
        for method, path, body, headers in cases:
            show(f"{method} {path} {body!r} {headers}", req(iport, method, path, body, headers))
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def scenario_auth(kind):
    proc, port, iport = start(kind, {"IKEY": "s3cret"})
    try:
        wait_servers(iport, 2, headers=("Authorization: Bearer s3cret",))
        for hdrs in [(), ("Authorization: Bearer wrong",), ("Authorization: Bearer s3cret",),
                     ("Authorization: s3cret",), ("Authorization: Token s3cret",),
                     ("Authorization: Basic s3cret",), ("Authorization: bearer s3cret",),
                     ("Authorization: Bearer",), ("Authorization: Bearer s3cret extra",),
                     ("Authorization: Bearer wrong", "Accept: application/json")]:
            ans = req(iport, "GET", "/", headers=hdrs)
            head, _, body = ans.partition(b"\r\n\r\n")
            print(f"### GET / {hdrs}\n{mask(head.decode())}\n\n{body[:300].decode()}\n")
        for method, path in [("POST", "/reload"), ("POST", "/nope"), ("GET", "/a/b"),
                             ("PUT", "/")]:
            show(f"{method} {path} no key", req(iport, method, path))
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def _reload_sequence(iport, old_pids):
    """Distinct (name, state, pid changed) snapshots until two new servers are ACKED."""
    seen = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        workers = info(iport).get("result", {}).get("workers", {})
        snap = tuple(sorted((n, s.get("state"), s.get("pid") != old_pids.get(n))
                            for n, s in workers.items()))
        if not seen or seen[-1] != snap:
            seen.append(snap)
        srv = [s for s in workers.values() if s.get("server")]
        if len(srv) == 2 and all(s.get("state") == "ACKED" and s["pid"] not in
                                 old_pids.values() for s in srv):
            break
        time.sleep(0.02)
    return seen


def scenario_states(kind):
    proc, port, iport = start(kind, {})
    try:
        w = wait_servers(iport, 2)
        print("### before", json.dumps(shape(w), indent=1))
        pids0 = {n: s.get("pid") for n, s in w.items()}
        show("reload", req(iport, "POST", "/reload"))
        seen = _reload_sequence(iport, pids0)
        print("### reload sequence (name, state, pid changed)")
        for snap in seen:
            print("  ", snap)
        w = info(iport)["result"]["workers"]
        print("### after reload", json.dumps(shape(w), indent=1))
        for n, s in sorted(w.items()):
            print("  ", n, sorted(k for k, v in s.items() if isinstance(v, str) and
                                  re.match(r"\d{4}-", v)))
        pids1 = {n: s.get("pid") for n, s in w.items()}
        show("reload zero_downtime", req(iport, "POST", "/reload", b'{"zero_downtime":true}',
                                         ("Content-Type: application/json",)))
        seen = _reload_sequence(iport, pids1)
        print("### zd reload sequence")
        for snap in seen:
            print("  ", snap)
        time.sleep(1)
        w = info(iport)["result"]["workers"]
        print("### after zd reload", json.dumps(shape(w), indent=1))
        show("scale 3", req(iport, "POST", "/scale", b'{"replicas":3}',
                            ("Content-Type: application/json",)))
        w = wait_servers(iport, 3)
        print("### after scale 3", json.dumps(shape(w or {}), indent=1))
        show("scale 1", req(iport, "POST", "/scale", b'{"replicas":1}',
                            ("Content-Type: application/json",)))
        time.sleep(3)
        w = info(iport)["result"]["workers"]
        print("### after scale 1", json.dumps(shape(w), indent=1))
        show("shutdown", req(iport, "POST", "/shutdown"))
        try:
            proc.wait(15)
            print("### exit", proc.returncode)
        except subprocess.TimeoutExpired:
            print("### still running after shutdown")
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def scenario_crash(kind):
    proc, port, iport = start(kind, {})
    try:
        w = wait_servers(iport, 2)
        try:
            req(port, "GET", "/crash")
        except OSError:
            pass
        for delay in (0.3, 1.5, 4):
            time.sleep(delay)
            w = info(iport)["result"]["workers"]
            print(f"### after crash +{delay}", json.dumps(shape(w), indent=1))
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))



def _watch(iport, label_of, until, timeout=15):
    """Distinct snapshots of the server entries until ``until(workers)`` or timeout."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = info(iport).get("result", {}).get("workers", {})
        snap = tuple(sorted((n, s.get("state"), label_of(s.get("pid")), s.get("serving"),
                             s.get("starts")) for n, s in workers.items() if s.get("server")))
        if not seen or seen[-1] != snap:
            seen.append(snap)
        if until(workers):
            break
        time.sleep(0.01)
    for snap in seen:
        print("  ", snap)


def scenario_pids(kind):
    """Which pid an entry shows at each step of a reload (old, new or missing)."""
    proc, port, iport = start(kind, {})
    try:
        for body in (b"", b'{"zero_downtime":true}'):
            w = wait_servers(iport, 2)
            old = {s["pid"] for s in w.values() if s.get("server")}
            labels = {}

            def label_of(pid, old=old, labels=labels):
                if pid is None:
                    return "none"
                if pid in old:
                    return "old"
                return labels.setdefault(pid, f"new{len(labels)}")

            print("### reload", body)
            req(iport, "POST", "/reload", body, ("Content-Type: application/json",))
            _watch(iport, label_of, lambda ws, old=old: sum(
                1 for s in ws.values() if s.get("server") and s.get("state") == "ACKED"
                and s.get("pid") not in old) == 2)
        print("### scale 3")
        w = wait_servers(iport, 2)
        req(iport, "POST", "/scale", b'{"replicas":3}', ("Content-Type: application/json",))
        _watch(iport, lambda p: "pid" if p else "none", lambda ws: sum(
            1 for s in ws.values() if s.get("server") and s.get("state") == "ACKED") == 3)
        print("### scale 1")
        req(iport, "POST", "/scale", b'{"replicas":1}', ("Content-Type: application/json",))
        _watch(iport, lambda p: "pid" if p else "none", lambda ws: False, timeout=3)
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def cli(kind, *args, env=None):
    run = subprocess.run([PY[kind], "-m", "sanic", "inspect", *args], capture_output=True,
                         text=True, timeout=30, cwd=HERE, env={**os.environ, **(env or {})})
    return run


def show_cli(kind, title, *args, env=None):
    run = cli(kind, *args, env=env)
    print(f"### sanic inspect {title} -> exit {run.returncode}")
    print("--- stdout\n" + mask(run.stdout))
    print("--- stderr\n" + mask(run.stderr))


def scenario_cli(kind):
    proc, port, iport = start(kind, {})
    P = ("-p", str(iport))
    try:
        wait_servers(iport, 2)
        for title, args in [
            ("(info)", P), ("--raw", (*P, "--raw")), ("-H 127.0.0.1", (*P, "-H", "127.0.0.1")),
            ("reload", ("reload", *P)), ("reload --raw", ("reload", *P, "--raw")),
            ("hello", ("hello", *P)), ("hello --name=bob", ("hello", "--name=bob", *P)),
            ("hello --name bob", ("hello", "--name", "bob", *P)),
            ("hello --raw", ("hello", *P, "--raw")),
            ("add --a=1", ("add", "--a=1", *P)), ("numbers", ("numbers", *P)),
            ("numbers --raw", ("numbers", *P, "--raw")), ("nothing", ("nothing", *P)),
            ("slow --n=3", ("slow", "--n=3", *P)),
            ("boom", ("boom", *P)), ("nope", ("nope", *P)),
            ("several one two --k=v", ("several", "one", "two", "--k=v", *P)),
            ("scale", ("scale", *P)), ("scale x", ("scale", "x", *P)),
            ("scale 3", ("scale", "3", *P)), ("scale 3 --raw", ("scale", "3", *P, "--raw")),
            ("reload --zero-downtime", ("reload", "--zero-downtime", *P)),
        ]:
            show_cli(kind, title, *args)
        dead = str(free_port())
        show_cli(kind, "unreachable", "-p", dead)
        show_cli(kind, "reload unreachable", "reload", "-p", dead)
        show_cli(kind, "unreachable --raw", "-p", dead, "--raw")
        show_cli(kind, "app port", "-p", str(port))
        show_cli(kind, "shutdown", "shutdown", *P)
        try:
            proc.wait(15)
            print("### exit after shutdown", proc.returncode)
        except subprocess.TimeoutExpired:
            print("### still running after shutdown")
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def scenario_clikey(kind):
    proc, port, iport = start(kind, {"IKEY": "s3cret"})
    P = ("-p", str(iport))
    try:
        wait_servers(iport, 2, headers=("Authorization: Bearer s3cret",))
        for title, args in [
            ("no key", P), ("wrong key", (*P, "-k", "nope")),
            ("--api-key", (*P, "--api-key", "s3cret")),
            ("-k --raw", (*P, "-k", "s3cret", "--raw")),
            ("reload no key", ("reload", *P)), ("reload -k", ("reload", *P, "-k", "s3cret")),
            ("hello wrong key --raw", ("hello", *P, "-k", "x", "--raw")),
        ]:
            show_cli(kind, title, *args)
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def scenario_cli2(kind):
    """The end of scenario_cli alone (unreachable, the app's own port, shutdown)."""
    proc, port, iport = start(kind, {})
    P = ("-p", str(iport))
    try:
        wait_servers(iport, 2)
        show_cli(kind, "scale 3 --raw", "scale", "3", *P, "--raw")
        show_cli(kind, "reload --zero-downtime", "reload", "--zero-downtime", *P)
        dead = str(free_port())
        show_cli(kind, "unreachable", "-p", dead)
        show_cli(kind, "reload unreachable", "reload", "-p", dead)
        show_cli(kind, "app port", "-p", str(port))
        show_cli(kind, "app port reload", "reload", "-p", str(port))
        show_cli(kind, "shutdown", "shutdown", *P)
        try:
            proc.wait(15)
            print("### exit after shutdown", proc.returncode)
        except subprocess.TimeoutExpired:
            print("### still running after shutdown")
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def _certs():
    import tempfile

    import trustme

    folder = Path(tempfile.mkdtemp(prefix="insp3-"))
    ca = trustme.CA()
    issued = ca.issue_cert("localhost", "127.0.0.1")
    issued.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    issued.private_key_pem.write_to_path(str(folder / "key.pem"))
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    return folder


def scenario_tls(kind):
    folder = _certs()
    env = {"ICERT": str(folder / "cert.pem"), "IKEYFILE": str(folder / "key.pem"),
           "IKEY": "s3cret"}
    proc, port, iport = start(kind, env)
    ctx = ssl.create_default_context(cafile=str(folder / "ca.pem"))
    H = ("Authorization: Bearer s3cret",)
    P = ("-p", str(iport))
    try:
        wait_servers(iport, 2, tls=ctx, headers=H)
        ans = req(iport, "GET", "/", headers=H, tls=ctx)
        print("### TLS GET /", ans.partition(b"\r\n")[0])
        show("plain HTTP to the TLS port", req(iport, "GET", "/", headers=H))
        show("TLS reload no key", req(iport, "POST", "/reload", tls=ctx))
        ca_env = {"SSL_CERT_FILE": str(folder / "ca.pem")}
        show_cli(kind, "--secure -k --raw", *P, "--secure", "-k", "s3cret", "--raw", env=ca_env)
        show_cli(kind, "-s -k hello", "hello", *P, "-s", "-k", "s3cret", env=ca_env)
        show_cli(kind, "no --secure", *P, "-k", "s3cret", "--raw", env=ca_env)
        show_cli(kind, "--secure untrusted", *P, "-s", "-k", "s3cret", "--raw")
        show_cli(kind, "-H 127.0.0.1 -s", *P, "-H", "127.0.0.1", "-s", "-k", "s3cret",
                 "--raw", env=ca_env)
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


def scenario_tlshalf(kind):
    folder = _certs()
    for env in ({"ICERT": str(folder / "cert.pem"), "IKEYFILE": ""},
                {"ICERT": str(folder / "nope.pem"), "IKEYFILE": str(folder / "key.pem")},
                {"ICERT": str(folder / "cert.pem")}, {"IKEYFILE": str(folder / "key.pem")}):
        print("### env", {k: Path(v).name for k, v in env.items()})
        proc, port, iport = start(kind, env)
        try:
            time.sleep(1)
            try:
                ans = req(iport, "GET", "/")
                print("### plain GET /", ans.partition(b"\r\n")[0])
            except OSError as exc:
                print("### plain GET /", type(exc).__name__)
        finally:
            out = stop(proc)
        print("### LOG\n" + mask(out))


_PRINTED: dict[int, list[str]] = {}


def _lines(proc):
    """Lines the app printed so far (read without blocking)."""
    import selectors

    seen = _PRINTED.setdefault(proc.pid, [])
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    while sel.select(0):
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
    sel.close()
    return seen


def scenario_hosts(kind):
    for host in ("localhost", "::1", "0.0.0.0", ""):
        proc, port, iport = start(kind, {"IHOST": host})
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and "Inspector" not in "".join(
                    line for line in _lines(proc) if "Worker ready" in line):
                time.sleep(0.1)
            for target in ("127.0.0.1", "::1"):
                try:
                    fam = socket.AF_INET6 if ":" in target else socket.AF_INET
                    with socket.socket(fam) as s:
                        s.settimeout(2)
                        s.connect((target, iport))
                        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        print(f"### host={host!r} via {target}:", s.recv(100).split(b"\r\n")[0])
                except OSError as exc:
                    print(f"### host={host!r} via {target}:", type(exc).__name__)
            show_cli(kind, f"host={host!r} default -H", "-p", str(iport), "--raw")
        finally:
            out = stop(proc)
        out = "".join(_lines(proc)) + out
        print("### LOG\n" + "\n".join(line for line in mask(out).splitlines()
                                       if "Inspector" in line or "rror" in line))


def scenario_http2(kind):
    """Framing and odd bodies: keep-alive, HTTP/1.0, chunked, 100-continue, BOM, unicode."""
    proc, port, iport = start(kind, {})
    try:
        wait_servers(iport, 2)
        cases = [
            ("keep-alive GET", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("HTTP/1.0 GET", b"GET / HTTP/1.0\r\n\r\n"),
            ("chunked hello", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
             b"e\r\n{\"name\":\"bob\"}\r\n0\r\n\r\n"),
            ("expect 100", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Expect: 100-continue\r\nContent-Length: 14\r\n\r\n{\"name\":\"bob\"}"),
            ("BOM body", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 17\r\n\r\n\xef\xbb\xbf{\"name\":\"bob\"}"),
            ("unicode", "POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             "Content-Length: 16\r\n\r\n{\"name\":\"b\u00e9b\"}".encode()),
            ("latin1 body", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 15\r\n\r\n{\"name\":\"b\xe9b\"}"),
            ("text/plain json", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Type: text/plain\r\nContent-Length: 14\r\n\r\n{\"name\":\"bob\"}"),
            ("GET with body", b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 2\r\n\r\n{}"),
            ("whitespace body", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 3\r\n\r\n \r\n"),
            ("encoded path", b"POST /hel%6Co HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 0\r\n\r\n"),
            ("double slash", b"POST //hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 0\r\n\r\n"),
            ("absolute form", b"GET http://x/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
            ("nan", b"POST /add HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 15\r\n\r\n{\"a\":NaN,\"b\":1}"),
            ("big int", b"POST /add HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 33\r\n\r\n{\"a\":123456789012345678901234567}"),
            ("float", b"POST /add HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 16\r\n\r\n{\"a\":0.1,\"b\":0.2}"),
            ("dup keys", b"POST /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
             b"Content-Length: 25\r\n\r\n{\"name\":\"a\",\"name\":\"b\"}"),
        ]
        for title, data in cases:
            show(title, raw(iport, data, timeout=3))
    finally:
        out = stop(proc)
    print("### LOG\n" + mask(out))


SLASH_PATHS = ["//", "///", "//hello", "/hello/", "/hello//", "///hello", "/hello/?x=1",
               "//?x=1", "/%2Fhello", "/hello%2F", "/%68ello", "/hello%20", "/ hello",
               "/HELLO", "/hello.", "/./hello", "/../hello", "/hello;x", "/hello#x", "*"]


def scenario_slashes(kind):
    """Which request targets reach an action or the info, and which are 404s."""
    proc, port, iport = start(kind, {})
    try:
        wait_servers(iport, 2)
        for path in SLASH_PATHS:
            for method in ("GET", "POST"):
                ans = req(iport, method, path)
                head, _, body = ans.partition(b"\r\n\r\n")
                status = head.split(b"\r\n")[0].decode()
                text = body[:90].decode("utf-8", "replace")
                print(f"### {method} {path!r}: {status} {text!r}")
    finally:
        stop(proc)


if __name__ == "__main__":
    # Under `timeout`, SIGTERM runs the scenario's clean-up (the app is stopped by pid).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    globals()["scenario_" + sys.argv[2]](sys.argv[1])
