"""clifuzz.py [--seed N] [--count N] [--show]: random `sanic` command lines, real Sanic vs Hurtle.

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
            child.send_signal(getattr(signal, info["signal"]))
            try:
                child.wait(STOP_WAIT)
                result["stopped"] = True
            except subprocess.TimeoutExpired:
                result["stopped"] = False
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--show", action="store_true", help="print both stderrs for each difference")
    ap.add_argument("--only", help="run this one argument list (shell-split) instead")
    opts = ap.parse_args()
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
