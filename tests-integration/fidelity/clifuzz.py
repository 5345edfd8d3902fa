"""clifuzz.py [--seed N] [--count N] [--show] | --round2 [--only-scenario NAME]: random `sanic`
command lines (and, with --round2, fixed scenarios driving the inspector), real Sanic vs Hurtle.

From a seed, builds invocations of `python -m sanic` (or the `sanic` script) out of the
documented options and target forms, runs each under real Sanic 25.12 (REF_PYTHON, default
/tmp/st-ref/bin/python) and under this checkout's venv, in a temp folder holding a tiny app
module, and compares: the exit code, the normalised error lines of stderr, and, when it
serves, the answer to one GET over loopback (TCP, unix socket or TLS) and whether the
process stops on SIGINT or SIGTERM. Differences listed in KEPT (see the README section
"The `sanic` command line, fuzzed") are reported as kept, not as failures.

Loopback only; every wait is bounded; only the child started here is signalled (and its
own process group killed if it does not stop within STOP_WAIT seconds).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", os.path.join(REPO, ".venv/bin/python"))
START_WAIT = 8.0  # seconds for a command to either exit or accept a connection
STOP_WAIT = 10.0
SETTLE = 2.5  # seconds between the answer and the signal  # seconds for it to stop after the signal

APP = """\
from sanic import Sanic, text

app = Sanic("Fz")
notapp = 42


@app.get("/")
async def index(request):
    return text("fz " + request.scheme)


def make():
    other = Sanic("FzF")

    @other.get("/")
    async def index2(request):
        return text("factory " + request.scheme)

    return other


def create_app():
    return make()
"""


def free_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def setup(tmp: str) -> None:
    with open(os.path.join(tmp, "fzapp.py"), "w") as f:
        f.write(APP)
    os.makedirs(os.path.join(tmp, "site"), exist_ok=True)
    with open(os.path.join(tmp, "site", "index.html"), "w") as f:
        f.write("<p>site</p>")
    os.makedirs(os.path.join(tmp, "watched"), exist_ok=True)
    import trustme  # Hurtle's venv has it; the certificates serve both runs

    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    certs = os.path.join(tmp, "certs")
    os.makedirs(certs, exist_ok=True)
    cert.private_key_pem.write_to_path(os.path.join(certs, "privkey.pem"))
    cert.cert_chain_pems[0].write_to_path(os.path.join(certs, "fullchain.pem"))
    ca.cert_pem.write_to_path(os.path.join(certs, "ca.pem"))  # round 2: SSL_CERT_FILE


# --- building invocations --------------------------------------------------------------------

TARGETS = [
    (["fzapp:app"], "app"),
    (["fzapp.app"], "app"),
    (["fzapp"], "app"),
    (["fzapp:make", "--factory"], "factory"),
    (["fzapp:create_app()"], "factory"),
    (["fzapp:make"], "bad"),  # a factory without --factory
    (["./site", "--simple"], "simple"),
    (["site", "--simple"], "simple"),
    (["nosuchmod:app"], "bad"),
    (["fzapp:nosuch"], "bad"),
    (["fzapp:notapp"], "bad"),
    (["fzapp:app:x"], "bad"),
    (["fzapp:app", "--factory"], "bad"),
]


def build(rng: random.Random) -> tuple[list[str], dict]:
    """A random argument list (without the program) and what the runner needs to reach it."""
    info: dict = {"host": "127.0.0.1", "port": None, "unix": None, "tls": False}
    kind = rng.random()
    if kind < 0.06:
        return rng.choice(
            [["--version"], ["-v", "--version"], ["--help"], ["-h"], ["help"], ["help", "--full"]]
        ), info
    if kind < 0.12:
        return rng.choice(
            [
                ["inspect", "nosuch"],
                ["inspect", "scale"],
                ["inspect", "scale", "abc"],
                ["inspect", "--port", "abc"],
                ["inspect", "-p", "1", "shutdown"],
                ["fzapp:app", "exec"],
                ["fzapp:app", "exec", "nosuch"],
                ["nosuchmod:app", "exec", "x"],
                ["exec"],
                ["inspect", "--nosuch"],
            ]
        ), info
    target, tkind = rng.choice(TARGETS)
    args = list(target)
    info["kind"] = tkind
    host = rng.choice(["127.0.0.1", "127.0.0.1", "::1", "localhost", None])
    flag = rng.choice(["--host", "-H"])
    if host is not None:
        args += [flag, host]
        info["host"] = host
    p = rng.random()
    if p < 0.12:
        args += [
            rng.choice(["--port", "-p"]),
            rng.choice(["abc", "-1", "99999", "70000", "", "8.5"]),
        ]
        info["badport"] = True
    else:
        info["port"] = free_port()
        args += [rng.choice(["--port", "-p"]), str(info["port"])]
    if rng.random() < 0.08:
        info["unix"] = "fz.sock"
        args += ["--unix", "fz.sock"]
    w = rng.random()
    if w < 0.15:
        args += [rng.choice(["--workers", "-w"]), rng.choice(["1", "2", "0", "-1", "abc"])]
    elif w < 0.22:
        args.append("--fast")
    elif w < 0.32:
        args.append("--single-process")
    elif w < 0.35:
        args.append("--legacy")
    for opt, prob in [
        ("--debug", 0.12),
        ("--dev", 0.08),
        ("-d", 0.05),
        ("--auto-reload", 0.06),
        ("-r", 0.04),
        ("--noisy-exceptions", 0.08),
        ("--no-noisy-exceptions", 0.04),
    ]:
        if rng.random() < prob:
            args.append(opt)
    if rng.random() < 0.06:
        args += [rng.choice(["--reload-dir", "-R"]), rng.choice(["watched", "missing_dir"])]
    for pair in (("--access-logs", "--no-access-logs"), ("--motd", "--no-motd")):
        r = rng.random()
        if r < 0.1:
            args.append(pair[0])
        elif r < 0.2:
            args.append(pair[1])
        elif r < 0.23:
            args += list(pair)
    if rng.random() < 0.15:
        args.append("-" + "v" * rng.randint(1, 3))
    elif rng.random() < 0.05:
        args += ["--verbosity", "--verbosity"]
    t = rng.random()
    if t < 0.08:
        args += ["--tls", "certs"]
        info["tls"] = True
    elif t < 0.13:
        args += ["--cert", "certs/fullchain.pem", "--key", "certs/privkey.pem"]
        info["tls"] = True
    elif t < 0.15:
        args += ["--cert", "certs/fullchain.pem"]
    elif t < 0.17:
        args += ["--tls", "certs", "--tls-strict-host"]
        info["tls"] = True
    elif t < 0.19:
        args.append("--tls-strict-host")
    elif t < 0.21:
        args.append("--auto-tls")
    elif t < 0.22:
        args += ["--tls", "nosuchdir"]
    u = rng.random()
    if u < 0.05:
        args.append(rng.choice(["--nosuch", "-Z", "--hosts=1", "--work"]))
    elif u < 0.08:
        args += rng.choice(
            [["--fast", "-w", "2"], ["--single-process", "-w", "2"], ["-d", "--legacy"]]
        )
    if rng.random() < 0.3:
        head, rest = args[: len(target)], args[len(target) :]
        rng.shuffle(rest)  # options may come before or after the target
        args = rest + head if rng.random() < 0.3 else head + rest
    info["signal"] = rng.choice(["SIGINT", "SIGTERM"])
    info["script"] = rng.random() < 0.3
    return args, info


# --- running -----------------------------------------------------------------------------------


def get(info: dict, tmp: str) -> str:
    """One GET / to the served process: 'STATUS body', or why it could not be asked."""
    host = info["host"]
    if host == "localhost":
        host = "127.0.0.1"
    try:
        if info["unix"]:
            sock = socket.socket(socket.AF_UNIX)
            sock.settimeout(4)
            sock.connect(os.path.join(tmp, info["unix"]))
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
            sock.close()
            head, _, body = data.partition(b"\r\n\r\n")
            return (
                head.split(b"\r\n")[0].split(b" ")[1].decode()
                + " "
                + body.decode(errors="replace")[:60]
            )
        if info["tls"]:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            conn = http.client.HTTPSConnection(host, info["port"], timeout=4, context=ctx)
        else:
            conn = http.client.HTTPConnection(host, info["port"], timeout=4)
        conn.request("GET", "/")
        resp = conn.getresponse()
        body = resp.read().decode(errors="replace")
        conn.close()
        return f"{resp.status} {body[:60]}"
    except Exception as exc:  # the kind of failure is the observation
        return f"no answer: {type(exc).__name__}"


def ready(info: dict, tmp: str) -> bool:
    try:
        if info["unix"]:
            sock = socket.socket(socket.AF_UNIX)
            sock.connect(os.path.join(tmp, info["unix"]))
        else:
            host = "127.0.0.1" if info["host"] == "localhost" else info["host"]
            sock = socket.create_connection((host, info["port"]), timeout=0.5)
        sock.close()
        return True
    except OSError:
        return False


def stop(child: subprocess.Popen, signum: int) -> bool:
    """Send ``signum`` to the command; whether it ends within STOP_WAIT seconds."""
    child.send_signal(signum)
    try:
        child.wait(STOP_WAIT)
    except subprocess.TimeoutExpired:
        return False
    return True


def run(python: str, args: list[str], info: dict, tmp: str) -> dict:
    if info.get("script"):
        cmd = [os.path.join(os.path.dirname(python), "sanic"), *args]
    else:
        cmd = [python, "-m", "sanic", *args]
    for leftover in ("fz.sock",):
        if os.path.exists(os.path.join(tmp, leftover)):
            os.unlink(os.path.join(tmp, leftover))
    err_path = os.path.join(tmp, "stderr.txt")
    out_path = os.path.join(tmp, "stdout.txt")
    env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="100")
    env.pop("SANIC_AUTO_RELOAD", None)
    with open(err_path, "wb") as err, open(out_path, "wb") as out:
        child = subprocess.Popen(
            cmd,
            cwd=tmp,
            env=env,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        result: dict = {"served": False}
        deadline = time.monotonic() + START_WAIT
        can_serve = info.get("port") is not None or info.get("unix")
        while time.monotonic() < deadline:
            if child.poll() is not None:
                break
            if can_serve and ready(info, tmp):
                result["served"] = True
                break
            time.sleep(0.1)
        if result["served"]:
            time.sleep(0.3)
            result["get"] = get(info, tmp)
            if result["get"].startswith("no answer"):
                # Sanic's worker binds the unix socket again when it starts, dropping a
                # connection made to the main process's socket before (kept): ask again.
                time.sleep(SETTLE)
                result["get"] = get(info, tmp)
            # Sanic's main process hangs on a signal that comes before its workers are
            # acknowledged (kept, second CLI audit): give it time to finish starting.
            time.sleep(SETTLE)
            result["stopped"] = stop(child, getattr(signal, info["signal"]))
        elif child.poll() is None:
            result["hung"] = True
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)  # its own session: only what this child started
            child.wait()
        else:
            try:  # reap workers a stopped main process may have left behind
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        result["rc"] = child.returncode
    with open(err_path, "rb") as f:
        result["stderr"] = f.read().decode(errors="replace")
    with open(out_path, "rb") as f:
        result["stdout"] = f.read().decode(errors="replace")
    return result


# --- comparing ---------------------------------------------------------------------------------

ERROR_HINTS = re.compile(
    r"error|Error|usage|cannot|No module|not found|invalid|refus|expected|must ", re.I
)


def norm(line: str, tmp: str) -> str:
    line = line.replace(tmp, "TMP").replace(os.path.realpath(tmp), "TMP")
    line = re.sub(r"\x1b\[[0-9;]*[mA]", "", line)
    line = re.sub(r"^\[\d{4}-\d\d-\d\d [\d:]+ [+-]\d{4}\] ", "", line)
    line = re.sub(r"^\[\d{4}-\d\d-\d\d [\d:.,]+\] ", "", line)
    line = re.sub(r"\[\d+\]", "[PID]", line)
    line = re.sub(r"\b\d+\.\d+(\.\d+)?\b", "V", line)
    line = re.sub(r"usage: (python -m sanic|sanic|__main__\.py)", "usage: sanic", line)
    line = re.sub(r"port \d+|:\d{4,5}\b", "PORT", line)
    return line.strip()


def error_lines(stderr: str, tmp: str) -> list[str]:
    text = stderr
    # Sanic's boxed traceback: its last line holds the exception, wrapped with "  ▐ ".
    text = re.sub(r"\n\s*▐ ", " ", text)
    lines = [norm(x.lstrip("╰ "), tmp) for x in text.splitlines() if not x.startswith(("│", "╭"))]
    lines = [x for x in lines if x and ERROR_HINTS.search(x) and not x.startswith("File ")]
    return lines[-2:]


def message(line: str) -> str:
    """The words of an error line without its exception type or the program's prefix."""
    line = re.sub(r"^(.*?\berror: |[\w.]*(Error|Exception): )", "", line)
    line = line.replace("-p/--port", "--port/-p")  # argparse names the option as declared
    return " ".join(line.split())


def same_error(ref: list[str], hur: list[str]) -> bool:
    if not ref and not hur:
        return True
    if not ref or not hur:
        return False
    return message(ref[-1]) in " ".join(" ".join(hur).split()) or message(ref[-1]) == message(
        hur[-1]
    )


def status(r: dict) -> tuple:
    if r["served"]:
        return ("served", r["get"], "stopped" if r["stopped"] else "did not stop", r["rc"])
    if r.get("hung"):
        return ("neither exited nor served",)
    return ("exit", r["rc"])


# Kept on purpose, each with its reason (README: "The `sanic` command line, fuzzed").
# A function of (args, ref result, hurtle result) -> reason or None.


def kept(args: list[str], ref: dict, hur: dict, tmp: str) -> str | None:
    if "--legacy" in args:
        return "--legacy is Hurtle's extra option (first CLI section)"
    if any(a in args for a in ("--help", "-h", "help")) or args[-1:] == ["exec"]:
        return "help wording is Hurtle's own (first CLI section)"
    if "sanic: cannot load" in hur["stderr"] or "not a Sanic app" in hur["stderr"]:
        return "a target that fails to load: exit 1 and Hurtle's message (first CLI section)"
    if "cannot pickle 'CertSelector'" in ref["stderr"]:
        return (
            "Sanic's bug: --tls-strict-host with a reloader cannot start (it hangs); Hurtle serves"
        )
    if ("--tls-strict-host" in args and "--single-process" not in args
            and "Experienced exception while trying to serve" in ref["stderr"]):
        # The pickling error's traceback is printed only with a reloader or debug.
        return ("Sanic's bug: --tls-strict-host with worker processes cannot pickle its"
                " CertSelector, neither serves nor exits; Hurtle serves and refuses unknown"
                " names (second CLI audit)")
    if "could not find package to create a TLS certificate" in " ".join(ref["stderr"].split()):
        # rerun5 (clifuzz seed 2710): with trustme on its path Sanic serves --auto-tls
        # --debug over HTTPS as Hurtle does (and drops the harness's plain-HTTP GET alike).
        return ("the environment: the reference venv has neither trustme nor mkcert, so Sanic's"
                " --auto-tls cannot make its certificate; Hurtle's venv has trustme")
    first = message((error_lines(ref["stderr"], tmp) or [""])[-1]).split(". ")[0]
    if ref["rc"] == hur["rc"] and len(first) > 20 and first in " ".join(hur["stderr"].split()):
        return "same exit code and first sentence; Hurtle's message goes on to say what to change"
    if args[:1] == ["inspect"] and "--nosuch" in args:
        return "inspect: an unknown option without a command is a usage error (Sanic ignores it)"
    if args[:1] == ["inspect"] and "(set INSPECTOR=True)" in hur["stderr"]:
        return "inspect: the message names INSPECTOR=True (first CLI section)"
    return None


def compare(ref: dict, hur: dict, tmp: str) -> list[str]:
    diffs = []
    if status(ref) != status(hur):
        diffs.append(f"outcome: sanic {status(ref)} / hurtle {status(hur)}")
    if not ref["served"] and not hur["served"]:
        er, eh = error_lines(ref["stderr"], tmp), error_lines(hur["stderr"], tmp)
        if not same_error(er, eh):
            diffs.append(f"error: sanic {er[-1:]} / hurtle {eh[-1:]}")
        if ref["rc"] == 0 and hur["rc"] == 0:
            so, sh = norm(ref["stdout"], tmp), norm(hur["stdout"], tmp)
            if so.splitlines()[:1] != sh.splitlines()[:1]:
                diffs.append(f"stdout: sanic {so[:80]!r} / hurtle {sh[:80]!r}")
    return diffs


# --- round 2: fixed scenarios, the inspector driven over HTTP and by `sanic inspect` -----------
#
# Each scenario is (name, arguments, environment, steps). Placeholders: {p} the served port,
# {ip} the inspector's port, {tmp} the temp folder. Steps, run once the command serves:
#   ("get", path[, {"tls": True, "sni": name, "method": "HEAD"}])  one request to the app
#   ("http", method, path[, headers[, body]])   one request to the inspector (TLS when the
#                                               scenario's environment gives it a cert)
#   ("cli", [words])   `python -m sanic inspect ...` (the same interpreter), exit code + output
#   ("exits",)         whether the command ends by itself within STOP_WAIT, and its code
#   ("sleep", s)
# What is compared: every step's observation, a few log facts (banner, mode line, access
# lines, inspector actions announced, tracebacks) and how the command stops at SIGINT.

R2_APP = """\\
import os
from sanic import Sanic, text, json
from sanic.worker.inspector import Inspector


class R2Inspector(Inspector):
    def hello(self, name="x", *args):
        return f"hello {name} {list(args)}"

    async def ahello(self, **kw):
        return kw

    def boom(self):
        raise RuntimeError("boom")

    def _private(self):
        return "private"


app = Sanic("R2", inspector_class=R2Inspector)


@app.get("/")
async def index(request):
    return text("r2 " + request.scheme)


@app.get("/state")
async def state(request):
    a = request.app
    return json({
        "debug": a.debug, "auto_reload": a.auto_reload,
        "access_log": a.config.ACCESS_LOG, "noisy": a.config.NOISY_EXCEPTIONS,
        "motd": a.config.MOTD, "workers": a.state.workers, "fast": a.state.fast,
        "coffee": a.config.get("COFFEE"), "scheme": request.scheme,
    })


@app.get("/err")
async def err(request):
    raise ValueError("r2 handler failed")


def make():
    other = Sanic("R2F")

    @other.get("/")
    async def index2(request):
        return text("factory " + request.scheme)

    return other
"""

INSP = {"SANIC_INSPECTOR": "true", "SANIC_INSPECTOR_PORT": "{ip}"}
INSP_KEY = dict(INSP, SANIC_INSPECTOR_API_KEY="sekrit")
INSP_TLS = dict(
    INSP,
    SANIC_INSPECTOR_TLS_CERT="{tmp}/certs/fullchain.pem",
    SANIC_INSPECTOR_TLS_KEY="{tmp}/certs/privkey.pem",
)
J = {"Content-Type": "application/json"}
AJ = {"Accept": "application/json"}

R2_SCENARIOS: list[tuple[str, list[str], dict, list[tuple]]] = [
    # target forms
    ("module", ["r2app", "-p", "{p}"], {}, [("get", "/"), ("get", "/state")]),
    ("module:app", ["r2app:app", "-p", "{p}"], {}, [("get", "/"), ("get", "/err")]),
    ("module.app", ["r2app.app", "-p", "{p}"], {}, [("get", "/")]),
    ("--factory", ["r2app:make", "--factory", "-p", "{p}"], {}, [("get", "/")]),
    ("create_app()", ["r2app:make()", "-p", "{p}"], {}, [("get", "/")]),
    ("--simple", ["./site", "--simple", "-p", "{p}"], {},
     [("get", "/"), ("get", "/index.html"), ("get", "/nosuch"),
      ("get", "/index.html", {"method": "HEAD"})]),
    # binding and TLS
    ("-H ::1", ["r2app", "-H", "::1", "-p", "{p}"], {}, [("get", "/")]),
    ("-u", ["r2app", "-u", "r2.sock"], {}, [("get", "/")]),
    ("--cert --key", ["r2app", "-p", "{p}", "--cert", "certs/fullchain.pem", "--key",
                      "certs/privkey.pem"], {}, [("get", "/", {"tls": True})]),
    ("--tls", ["r2app", "-p", "{p}", "--tls", "certs"], {},
     [("get", "/", {"tls": True}), ("get", "/state", {"tls": True})]),
    ("--tls-strict-host", ["r2app", "-p", "{p}", "--tls", "certs", "--tls-strict-host"], {},
     [("get", "/", {"tls": True, "sni": "localhost"}),
      ("get", "/", {"tls": True, "sni": "other.example"})]),
    ("--tlshost", ["r2app", "-p", "{p}", "--tlshost", "certs"], {}, []),
    # workers and modes
    ("-w 2", ["r2app", "-p", "{p}", "-w", "2"], INSP, [("get", "/state"), ("http", "GET", "/")]),
    ("--fast", ["r2app", "-p", "{p}", "--fast"], {}, [("get", "/state")]),
    ("--single-process", ["r2app", "-p", "{p}", "--single-process"], {}, [("get", "/state")]),
    ("--dev", ["r2app", "-p", "{p}", "--dev"], {}, [("get", "/state"), ("get", "/err")]),
    ("--debug", ["r2app", "-p", "{p}", "--debug"], {}, [("get", "/state"), ("get", "/err")]),
    ("--auto-reload", ["r2app", "-p", "{p}", "--auto-reload"], {}, [("get", "/state")]),
    ("-R", ["r2app", "-p", "{p}", "-R", "watched"], {}, [("get", "/state")]),
    ("--access-logs", ["r2app", "-p", "{p}", "--access-logs"], {}, [("get", "/state")]),
    ("--no-access-logs", ["r2app", "-p", "{p}", "--debug", "--no-access-logs"], {},
     [("get", "/state")]),
    ("--no-motd", ["r2app", "-p", "{p}", "--no-motd"], {}, [("get", "/state")]),
    ("--motd", ["r2app", "-p", "{p}", "--motd"], {}, [("get", "/state")]),
    ("--noisy-exceptions", ["r2app", "-p", "{p}", "--noisy-exceptions"], {},
     [("get", "/state"), ("get", "/err")]),
    ("--coffee", ["r2app", "-p", "{p}", "--coffee"], {}, [("get", "/state")]),
    ("--no-coffee", ["r2app", "-p", "{p}", "--no-coffee"], {}, [("get", "/state")]),
    ("--repl (no tty)", ["r2app", "-p", "{p}", "--repl"], {}, [("get", "/")]),
    # the inspector over HTTP
    ("inspector HTTP", ["r2app", "-p", "{p}"], INSP, [
        ("http", "GET", "/"), ("http", "GET", "/", AJ), ("http", "HEAD", "/"),
        ("http", "POST", "/"), ("http", "GET", "/reload"), ("http", "PUT", "/reload"),
        ("http", "POST", "/nosuch"), ("http", "POST", "/a/b"),
        ("http", "POST", "/hello", J, b'{"name": "a"}'),
        ("http", "POST", "/hello", J, b'{"args": ["a", "b"]}'),
        ("http", "POST", "/hello", J, b'{"bad": 1}'),
        ("http", "POST", "/hello", J, b"{not json"),
        ("http", "POST", "/hello", J, b"[1, 2]"),
        ("http", "POST", "/hello", {}, b""),
        ("http", "POST", "/ahello", J, b'{"k": 1}'),
        ("http", "POST", "/boom"), ("http", "POST", "/boom", AJ),
        ("http", "POST", "/_private"),
        ("http", "POST", "/scale", J, b'{"replicas": 2}'), ("sleep", 3),
        ("http", "GET", "/"),
        ("http", "POST", "/scale", J, b'{"replicas": "x"}'),
        ("http", "POST", "/scale", J, b"{}"),
        ("http", "POST", "/scale", J, b'{"replicas": 1}'), ("sleep", 3),
        ("http", "POST", "/reload"), ("sleep", 4), ("get", "/"),
        ("http", "POST", "/reload", J, b'{"zero_downtime": true}'), ("sleep", 4),
        ("get", "/"), ("http", "POST", "/shutdown"), ("exits",),
    ]),
    ("sanic inspect", ["r2app", "-p", "{p}"], INSP, [
        ("cli", ["-p", "{ip}"]), ("cli", ["-p", "{ip}", "--raw"]),
        ("cli", ["hello", "--port", "{ip}"]), ("cli", ["hello", "a", "b", "-p", "{ip}"]),
        ("cli", ["hello", "--name=z", "-p", "{ip}"]), ("cli", ["ahello", "--k=v", "-p", "{ip}"]),
        ("cli", ["ahello", "--flag", "--no-other", "-p", "{ip}"]),
        ("cli", ["ahello", "--times", "2", "-p", "{ip}"]),
        ("cli", ["boom", "-p", "{ip}"]), ("cli", ["nosuch", "-p", "{ip}"]),
        ("cli", ["nosuch", "-p", "{ip}", "--raw"]), ("cli", ["-p", "{ip}", "hello"]),
        ("cli", ["hello", "--help"]), ("cli", ["scale", "--help"]),
        ("cli", ["scale", "2", "-p", "{ip}"]), ("sleep", 3),
        ("cli", ["scale", "1", "-p", "{ip}", "--raw"]), ("sleep", 3),
        ("cli", ["scale", "0", "-p", "{ip}"]), ("sleep", 2),
        ("cli", ["reload", "-p", "{ip}"]), ("sleep", 4), ("get", "/"),
        ("cli", ["reload", "--zero-downtime", "-p", "{ip}"]), ("sleep", 4), ("get", "/"),
        ("target", ["r2app", "--inspect"]), ("target", ["r2app", "--inspect-raw"]),
        ("target", ["r2app", "--trigger-reload"]), ("sleep", 4), ("get", "/"),
        ("cli", ["shutdown", "-p", "{ip}"]), ("exits",),
    ]),
    ("inspector API key", ["r2app", "-p", "{p}"], INSP_KEY, [
        ("http", "GET", "/"), ("http", "GET", "/", {"Authorization": "Bearer nope"}),
        ("http", "GET", "/", {"Authorization": "Bearer sekrit"}),
        ("http", "GET", "/", {"Authorization": "Token sekrit"}),
        ("http", "GET", "/", {"Authorization": "sekrit"}),
        ("http", "GET", "/", {"Authorization": "Basic sekrit"}),
        ("http", "GET", "/", dict(AJ, Authorization="Bearer nope")),
        ("http", "POST", "/shutdown"),
        ("cli", ["-p", "{ip}"]), ("cli", ["-p", "{ip}", "-k", "nope"]),
        ("cli", ["hello", "-p", "{ip}", "-k", "sekrit"]),
        ("cli", ["-p", "{ip}", "-k", "sekrit", "--raw"]),
        ("target", ["r2app", "--inspect"]),
        ("target", ["r2app", "--trigger-shutdown"]), ("exits",),
    ]),
    ("inspector TLS", ["r2app", "-p", "{p}"], INSP_TLS, [
        ("http", "GET", "/"),
        ("cli", ["hello", "-p", "{ip}", "-s"]),  # not trusted: the CA is not given
        ("cli", ["-p", "{ip}"]),  # plain HTTP to a TLS inspector
        ("cli", ["hello", "-p", "{ip}", "--secure"], {"SSL_CERT_FILE": "{tmp}/certs/ca.pem"}),
        ("cli", ["shutdown", "-p", "{ip}", "--secure"], {"SSL_CERT_FILE": "{tmp}/certs/ca.pem"}),
        ("exits",),
    ]),
    # the 22.9-style options (Hurtle's extra, kept) and inspect on another target
    ("--inspect", ["r2app", "--inspect"], INSP, []),
    ("--inspect-raw", ["r2app", "--inspect-raw"], INSP, []),
    ("--trigger-reload", ["r2app", "--trigger-reload"], INSP, []),
    ("--trigger-shutdown", ["r2app", "--trigger-shutdown"], INSP, []),
    # mistakes
    ("no module", ["nosuchmod:app", "-p", "{p}"], {}, []),
    ("no attribute", ["r2app:nosuch", "-p", "{p}"], {}, []),
    ("not an app", ["r2app:R2Inspector", "-p", "{p}"], {}, []),
    ("bad port", ["r2app", "-p", "http"], {}, []),
    ("port 65536", ["r2app", "-p", "65536"], {}, []),
    ("port in use", ["r2app", "-p", "{busy}"], {}, []),
    ("--fast -w 2", ["r2app", "--fast", "-w", "2"], {}, []),
    ("--single-process --fast", ["r2app", "--single-process", "--fast"], {}, []),
    ("--factory --simple", ["site", "--factory", "--simple"], {}, []),
    ("missing cert", ["r2app", "-p", "{p}", "--cert", "nope.pem", "--key", "nope.key"], {}, []),
    ("missing tls dir", ["r2app", "-p", "{p}", "--tls", "nodir"], {}, []),
    ("cert without key", ["r2app", "-p", "{p}", "--cert", "certs/fullchain.pem"], {}, []),
    ("-u in a missing folder", ["r2app", "-u", "nodir/r2.sock"], {}, []),
    ("--unix ''", ["r2app", "--unix", "", "-p", "{p}"], {}, [("get", "/")]),
    ("-w abc", ["r2app", "-w", "abc"], {}, []),
    ("mod:app:x", ["r2app:app:x"], {}, []),
    ("create_app() --factory", ["r2app:make()", "--factory", "-p", "{p}"], {}, [("get", "/")]),
    ("--http 3", ["r2app", "--http", "3"], {}, []),
    ("-3", ["r2app", "-3"], {}, []),
    ("--auto-reload --single-process", ["r2app", "--auto-reload", "--single-process"], {}, []),
    ("--dev --single-process", ["r2app", "--dev", "--single-process"], {}, []),
    ("--simple on a missing folder", ["nosuchdir", "--simple"], {}, []),
    ("--simple on a module", ["r2app", "--simple"], {}, []),
    ("--tls with --cert", ["r2app", "--tls", "certs", "--cert", "x", "--key", "y"], {}, []),
    ("--version", ["--version"], {}, []),
    ("-v", ["-v"], {}, []),
    ("no target", [], {}, []),
    ("inspect scale x", ["inspect", "scale", "x"], {}, []),
    ("inspect bad port", ["inspect", "-p", "x"], {}, []),
    ("inspect nothing there", ["inspect", "-p", "1", "reload"], {}, []),
]


def r2_fill(value, ports: dict, tmp: str):
    if isinstance(value, str):
        return value.format(tmp=tmp, **ports)
    if isinstance(value, list):
        return [r2_fill(v, ports, tmp) for v in value]
    if isinstance(value, dict):
        return {k: r2_fill(v, ports, tmp) for k, v in value.items()}
    return value


def r2_mask(text: str, tmp: str) -> str:
    text = text.replace(os.path.realpath(tmp), "TMP").replace(tmp, "TMP")
    text = re.sub(r"\x1b\[[0-9;]*[mA]", "", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(\+00:00)?", "TIME", text)
    text = re.sub(r'"pid": ?\d+|pid: \d+|\[\d+\]', "PID", text)
    text = re.sub(r"(port |:)\d{4,5}\b", r"\1PORT", text)
    return text


def r2_json_shape(body: bytes) -> str:
    """The inspector's JSON: for the info, its keys (and each worker's state and keys);
    for anything else, the JSON itself."""
    try:
        data = json.loads(body)
    except ValueError:
        return "not JSON: " + body[:60].decode(errors="replace")
    result = data.get("result") if isinstance(data, dict) else None
    if isinstance(result, dict) and "workers" in result and "info" in result:
        workers = {
            name: (state.get("state"), sorted(state))
            for name, state in sorted(result["workers"].items())
        }
        return json.dumps({"meta": data.get("meta"), "info": sorted(result["info"]),
                           "workers": workers})
    return json.dumps(data, sort_keys=True)


def r2_request(host: str, port: int, method: str, path: str, headers: dict, body: bytes | None,
               tls: bool, sni: str | None = None) -> tuple[int, dict, bytes]:
    if tls:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, port, timeout=6, context=ctx)
        if sni:
            sock = socket.create_connection((host, port), timeout=6)
            conn.sock = ctx.wrap_socket(sock, server_hostname=sni)
    else:
        conn = http.client.HTTPConnection(host, port, timeout=6)
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), data


def r2_step(step: tuple, python: str, ports: dict, env: dict, tmp: str, child,
            info: dict) -> str:
    kind = step[0]
    try:
        if kind == "sleep":
            time.sleep(step[1])
            return ""
        if kind == "get":
            opts = step[2] if len(step) > 2 else {}
            if info["unix"]:
                answer = get(info, tmp)
                if answer.startswith("no answer"):
                    # Sanic's worker binds the socket file again as it starts (kept, round
                    # 1): a connection made before that is never answered. Ask again.
                    time.sleep(SETTLE)
                    answer = get(info, tmp)
                return answer
            status, headers, data = r2_request(
                "::1" if info["host"] == "::1" else "127.0.0.1", ports["p"],
                opts.get("method", "GET"), step[1], {}, None, opts.get("tls", False),
                opts.get("sni"))
            if step[1] == "/err":  # the error page's kind, not its text
                return f"{status} {headers.get('content-type')}"
            return f"{status} {headers.get('content-type')} {r2_mask(data[:300].decode(errors='replace'), tmp)}"
        if kind == "http":
            method, path = step[1], step[2]
            headers = step[3] if len(step) > 3 else {}
            body = step[4] if len(step) > 4 else None
            tls = "SANIC_INSPECTOR_TLS_CERT" in env
            status, rh, data = r2_request("127.0.0.1", ports["ip"], method, path, headers, body,
                                          tls)
            ctype = (rh.get("content-type") or "").split(";")[0]
            shown = r2_json_shape(data) if ctype == "application/json" else (
                f"{len(data)} bytes" if data else "empty")
            allow = [v for k, v in rh.items() if k.lower() == "allow"]
            extra = f" allow={allow[0]}" if allow else ""
            return r2_mask(f"{status} {ctype}{extra} {shown}", tmp)
        if kind == "cli":
            words = r2_fill(step[1], ports, tmp)
            cenv = dict(os.environ, COLUMNS="100", **r2_fill(step[2] if len(step) > 2 else {},
                                                             ports, tmp))
            done = subprocess.run([python, "-m", "sanic", "inspect", *words], cwd=tmp,
                                  env=cenv, capture_output=True, text=True, timeout=20,
                                  stdin=subprocess.DEVNULL)
            out = r2_mask(done.stdout, tmp).strip().splitlines()
            err = [x for x in r2_mask(done.stderr, tmp).strip().splitlines() if x.strip()]
            return f"rc={done.returncode} out={out[:1]} err={err[-1:]}"
        if kind == "target":  # `python -m sanic TARGET --inspect...` (the 22.9 options)
            done = subprocess.run([python, "-m", "sanic", *step[1]], cwd=tmp,
                                  env=dict(os.environ, COLUMNS="100", **env), capture_output=True,
                                  text=True, timeout=30, stdin=subprocess.DEVNULL)
            out = r2_mask(done.stdout, tmp).strip().splitlines()
            err = [x for x in r2_mask(done.stderr, tmp).strip().splitlines() if x.strip()]
            return f"rc={done.returncode} out={out[:1]} err={err[-1:]}"
        if kind == "exits":
            try:
                child.wait(STOP_WAIT)
                info["exited"] = True
                return f"exited rc={child.returncode}"
            except subprocess.TimeoutExpired:
                return "still running"
    except Exception as exc:  # the kind of failure is the observation
        return f"failed: {type(exc).__name__}"
    return "?"


R2_FACTS = [
    ("banner", re.compile(r"Goin' Fast")),
    ("mode", re.compile(r"mode: ([^\n]*)")),
    ("auto-reload", re.compile(r"auto-reload: ([^\n]*)")),
    ("access", re.compile(r"GET \S+/state\S* +200")),
    ("actions", re.compile(r"Incoming inspector action: (\w+)")),
    ("traceback", re.compile(r"Traceback \(most recent call last\)")),
    ("coffee", re.compile(r"(?i)coffee|☕")),
]


def r2_facts(text: str) -> dict:
    text = re.sub(r"\x1b\[[0-9;]*[mA]", "", text)
    facts = {}
    for name, rx in R2_FACTS:
        found = rx.findall(text)
        if name == "actions":
            facts[name] = found
        elif name == "traceback":
            facts[name] = bool(found)
        elif rx.groups:
            facts[name] = sorted(set(x.strip() for x in found))
        else:
            facts[name] = bool(found)
    return facts


def r2_run(python: str, scenario: tuple, tmp: str) -> dict:
    name, args, env, steps = scenario
    # {dip}: the inspector's default port, for `sanic inspect COMMAND`: Sanic's subcommands
    # reset -p to 6457 (kept, first CLI section), so both are asked there.
    ports = {"p": free_port(), "ip": free_port(), "busy": 0, "dip": 6457}
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    ports["busy"] = busy.getsockname()[1]
    args = r2_fill(args, ports, tmp)
    env_extra = r2_fill(env, ports, tmp)
    info = {"host": "::1" if "::1" in args else "127.0.0.1",
            "port": ports["p"] if "{p}" in " ".join(scenario[1]) else None,
            "unix": args[args.index("-u") + 1] if "-u" in args else None, "tls": False}
    for leftover in ("r2.sock",):
        if os.path.exists(os.path.join(tmp, leftover)):
            os.unlink(os.path.join(tmp, leftover))
    err_path, out_path = os.path.join(tmp, "stderr.txt"), os.path.join(tmp, "stdout.txt")
    cenv = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="100", **env_extra)
    cenv.pop("SANIC_AUTO_RELOAD", None)
    result: dict = {"served": False, "steps": [], "get": "", "stopped": None}
    with open(err_path, "wb") as err, open(out_path, "wb") as out:
        child = subprocess.Popen([python, "-m", "sanic", *args], cwd=tmp, env=cenv,
                                 stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
        try:
            deadline = time.monotonic() + START_WAIT + 4
            can_serve = info["port"] is not None or info["unix"]
            while time.monotonic() < deadline:
                if child.poll() is not None:
                    break
                if can_serve and ready(info, tmp):
                    if "SANIC_INSPECTOR" in cenv:
                        inspector = {"host": "127.0.0.1", "port": ports["ip"], "unix": None}
                        if not ready(inspector, tmp):
                            time.sleep(0.1)
                            continue
                    result["served"] = True
                    break
                time.sleep(0.1)
            if result["served"]:
                # Sanic hangs on a signal that comes before its workers are acknowledged
                # (kept, second CLI audit); on 2 busy cores that can take seconds.
                time.sleep(SETTLE * 2)
                for step in steps:
                    obs = r2_step(step, python, ports, env_extra, tmp, child, info)
                    if obs:
                        result["steps"].append((step[:3] if step[0] != "cli" else step[:2],
                                                obs))
                if info.get("exited"):
                    result["stopped"] = True  # by itself (a shutdown step)
                elif child.poll() is None:
                    result["stopped"] = stop(child, signal.SIGINT)
            elif child.poll() is None:
                result["hung"] = True
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)  # its own session: only its processes
                child.wait()
            else:
                try:  # workers a stopped main process may have left behind
                    os.killpg(child.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            busy.close()
        result["rc"] = child.returncode
    with open(err_path, "rb") as f:
        result["stderr"] = f.read().decode(errors="replace")
    with open(out_path, "rb") as f:
        result["stdout"] = f.read().decode(errors="replace")
    result["facts"] = r2_facts(result["stderr"] + result["stdout"])
    return result


def r2_compare(ref: dict, hur: dict, tmp: str) -> list[str]:
    diffs = compare(ref, hur, tmp)
    for (step, a), (_, b) in zip(ref["steps"], hur["steps"], strict=False):
        if a != b:
            diffs.append(f"{step}: sanic {a} / hurtle {b}")
    if len(ref["steps"]) != len(hur["steps"]):
        diffs.append(f"steps run: sanic {len(ref['steps'])} / hurtle {len(hur['steps'])}")
    if ref["served"] and hur["served"]:
        for key in ref["facts"]:
            if ref["facts"][key] != hur["facts"][key]:
                diffs.append(f"log {key}: sanic {ref['facts'][key]} / hurtle {hur['facts'][key]}")
    return diffs


# Kept on purpose in round 2 (README: "The command line and the inspector, second round"):
# a function of (scenario name, one difference line) -> reason or None.
R2_KEPT: list[tuple[str, str, str]] = [
    (".*", r"'/state'.*\"workers\":0", "a worker's app.state.workers (and fast) hold the run's "
     "values; Sanic's worker has 0 (False) (first and second CLI sections)"),
    (".*", r"^outcome: sanic \('served', .*'did not stop', -9\) / hurtle \('served', .*'stopped', 0",
     "Sanic's main process hangs on a SIGINT that comes before it has acknowledged its "
     "workers (busy cores make that seconds; second CLI audit)"),
    (".*", r"^log traceback: sanic True / hurtle False", "Sanic's worker prints a "
     "KeyboardInterrupt traceback when its main process hangs at SIGINT (the line above)"),
    ("--simple", r"'/index.html'.*sanic 200 None .* hurtle 200 text/html",
     "--simple sends Content-Type text/html for index.html (Sanic's sends none)"),
    ("--tls-strict-host", r".", "Sanic's bug: --tls-strict-host with worker processes cannot "
     "pickle its CertSelector and hangs; Hurtle serves and refuses unknown names"),
    ("inspector HTTP", r"'HEAD', '/'\): sanic 405", "the inspector answers HEAD / as GET "
     "(RFC 9110 9.3.2); Sanic's says 405"),
    ("inspector HTTP", r"'POST', '/(hello|scale|boom)'\): sanic 500",
     "an action's bad arguments are a 400 and a failing action's 500 says why (Sanic: "
     "500 'unexpected error'); exit status 1 from `sanic inspect` in both"),
    ("inspector HTTP", r"'/_private'", "methods starting with _ are not actions (second audit)"),
    ("sanic inspect|inspector API key", r"\('cli', \['-p', '\{ip\}'(, '(--raw|-k)'.*)?\]\): "
     r"sanic rc=0", "the info: Hurtle prints it plainly (Sanic draws a box); `server` says "
     "`sanic, HTTP/1.1` (Sanic: `unknown`); packages name hurtle (first section)"),
    ("sanic inspect", r"'--times', '2'", "a word after an option is not sent, as in Sanic; Hurtle "
     "says so on stderr (second audit)"),
    ("sanic inspect", r"'boom'", "a failing action: exit 1 in both; Hurtle shows the "
     "inspector's message (Sanic: `HTTP Error 500`)"),
    ("sanic inspect", r"\['-p', '\{ip\}', 'hello'\]", "options before a command are used (Sanic's "
     "subcommands reset them to their defaults, and it asks port 6457)"),
    ("sanic inspect", r"'--help'\]", "a command's --help: argparse's usage (Sanic: its banner "
     "and help page); exit 0 in both"),
    ("sanic inspect", r"'scale', '0'", "scale 0 is refused (500, exit 1); Sanic scales to 1 "
     "(first CLI section)"),
    (".*", r"^\('target', \['r2app', '--(inspect|trigger)", "the 22.9 inspector options (seed "
     "docs) are Hurtle's extra; Sanic 25.12 refuses them (first CLI section)"),
    ("sanic inspect|inspector API key", r"^log actions", "follows from the two lines above: "
     "commands Sanic did not send"),
    ("inspector API key", r"('-k', 'nope'|'-p', '\{ip\}'\]).*HTTP Error 401",
     "a 401: `Inspector answered 401: ... Bad API key` (Sanic: `HTTP Error 401: "
     "Unauthorized`); exit 1 in both (first section)"),
    ("inspector API key", r"^\('exits',\): sanic still running",
     "Sanic had no --trigger-shutdown to stop it"),
    ("--inspect.*|--trigger.*", r".",
     "the 22.9 inspector options are Hurtle's extra (no inspector runs here: exit 1)"),
    ("no attribute", r".", "a target that fails to load: exit 1 (Sanic: 0) (first section)"),
    ("not an app", r".", "not a Sanic app: Hurtle's one line (first section)"),
    ("port in use", r".", "the message names the address (second CLI audit)"),
    ("missing cert", r".", "the message names the missing file (second CLI audit)"),
    ("-u in a missing folder", r".", "the message names the missing folder (Sanic: `None "
     "(errno None)`)"),
    ("mod:app:x|--simple on a.*", r"^error", "a target that fails to load: Hurtle's one line "
     "(first section)"),
    ("--http 3|-3", r"^error", "HTTP/3: exit 1 in both; Hurtle's one line says only HTTP/1.1 "
     "is served (Sanic: a boxed traceback about its certificate)"),
    ("--(auto-reload|dev) --single-process", r"^error", "exit 1 in both, the same sentence; "
     "Hurtle's in one line (Sanic: a boxed traceback)"),
]


def r2_kept(name: str, diff: str) -> str | None:
    for scen, pattern, reason in R2_KEPT:
        if re.fullmatch(scen, name) and re.search(pattern, diff):
            return reason
    return None


def round2(only: str | None, show: bool) -> None:
    tmp = tempfile.mkdtemp(prefix="clifuzz2-")
    setup(tmp)
    with open(os.path.join(tmp, "r2app.py"), "w") as f:
        f.write(R2_APP)
    counts = {"same": 0, "kept": 0, "diff": 0}
    try:
        for scenario in R2_SCENARIOS:
            if only and scenario[0] != only:
                continue
            ref = r2_run(REF_PY, scenario, tmp)
            hur = r2_run(HURTLE_PY, scenario, tmp)
            diffs = r2_compare(ref, hur, tmp)
            labelled = [(d, r2_kept(scenario[0], d)) for d in diffs]
            if not diffs:
                counts["same"] += 1
                print(f"SAME {scenario[0]} ({len(ref['steps'])} steps)")
            else:
                unexplained = [d for d, why in labelled if why is None]
                counts["diff" if unexplained else "kept"] += 1
                print(f"{'DIFF' if unexplained else 'KEPT'} {scenario[0]}: sanic "
                      f"{' '.join(scenario[1])}")
                for d, why in labelled:
                    print(f"    {d}" + (f"\n      kept: {why}" if why else ""))
                if show and unexplained:
                    print("    --- sanic stderr ---\n" + ref["stderr"][-2000:])
                    print("    --- hurtle stderr ---\n" + hur["stderr"][-2000:])
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"round 2: {sum(counts.values())} scenarios, {counts}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--show", action="store_true", help="print both stderrs for each difference")
    ap.add_argument("--only", help="run this one argument list (shell-split) instead")
    ap.add_argument("--round2", action="store_true", help="the fixed scenarios of round 2")
    ap.add_argument("--only-scenario", help="with --round2: run the scenario of this name")
    opts = ap.parse_args()
    if opts.round2:
        round2(opts.only_scenario, opts.show)
        return
    rng = random.Random(opts.seed)
    if opts.only:
        opts.count = 1
    tmp = tempfile.mkdtemp(prefix="clifuzz-")
    setup(tmp)
    counts = {"same": 0, "kept": 0, "diff": 0}
    try:
        for i in range(opts.count):
            args, info = build(rng)
            if opts.only:
                import shlex

                args = shlex.split(opts.only)
                info = {
                    "host": "127.0.0.1",
                    "port": None,
                    "unix": None,
                    "tls": False,
                    "signal": "SIGINT",
                }
                for flag in ("-p", "--port"):
                    if flag in args:
                        given = args[args.index(flag) + 1]
                        info["port"] = int(given) if given.isdigit() else None
                for flag in ("-H", "--host"):
                    if flag in args:
                        info["host"] = args[args.index(flag) + 1]
                info["tls"] = "--tls" in args or "--cert" in args
                info["unix"] = args[args.index("--unix") + 1] if "--unix" in args else None
            ref = run(REF_PY, args, info, tmp)
            hur = run(HURTLE_PY, args, info, tmp)
            diffs = compare(ref, hur, tmp)
            if not diffs:
                counts["same"] += 1
                continue
            reason = kept(args, ref, hur, tmp)
            label = "KEPT" if reason else "DIFF"
            counts["kept" if reason else "diff"] += 1
            print(
                f"[{i}] {label} {'sanic' if info.get('script') else 'python -m sanic'} {' '.join(args)}"
            )
            for d in diffs:
                print("    " + d)
            if reason:
                print("    kept: " + reason)
            if opts.show and not reason:
                print("    --- sanic stderr ---\n" + ref["stderr"][-1500:])
                print("    --- hurtle stderr ---\n" + hur["stderr"][-1500:])
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"seed {opts.seed}: {opts.count} invocations, {counts}")


if __name__ == "__main__":
    main()
