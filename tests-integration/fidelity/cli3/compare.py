"""compare.py [--show] [--only NAME]: the third CLI round. Runs fixed `sanic` command lines
under real Sanic 25.12 (REF_PYTHON) and under this checkout's venv (HURTLE_PYTHON), in a temp
folder holding `c3app.py` (an app that writes what its main process and workers see) and a
few other targets, and compares: the outcome (exit code, or served and how it stopped), the
last error line, stdout of commands that exit, and when it serves the answers to `/` and
`/dump` plus what the main process and the worker saw (`app.config`, `app.state`, loggers).

Loopback only; every wait is bounded; each command runs in its own session and only that
session is signalled.
"""

from __future__ import annotations

import argparse
import glob
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from clifuzz import error_lines, free_port, norm, same_error, stop  # noqa: E402
from clifuzz import kept as clifuzz_kept  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", os.path.join(REPO, ".venv/bin/python"))
START_WAIT = 12.0
SETTLE = 2.5

P = ["-p", "{p}"]
# (name, arguments, environment); {p} is a free port, {tmp} the folder.
CASES: list[tuple[str, list[str], dict]] = [
    # targets
    ("mod:app", ["c3app:app", *P], {}),
    ("mod.app", ["c3app.app", *P], {}),
    ("mod", ["c3app", *P], {}),
    ("pkg", ["c3pkg", *P], {}),
    ("pkg.sub:app", ["c3pkg.sub:app", *P], {}),
    ("pkg.sub", ["c3pkg.sub", *P], {}),
    ("factory --factory", ["c3app:create_app", "--factory", *P], {}),
    ("factory()", ["c3app:create_app()", *P], {}),
    ("factory() --factory", ["c3app:create_app()", "--factory", *P], {}),
    ("factory without --factory", ["c3app:create_app", *P], {}),
    ("factory(args) --factory", ["c3app:make_args", "--factory", "--debug", *P], {}),
    ("factory(args) extra opt", ["c3app:make_args", "--factory", "--foo=bar", *P], {}),
    ("factory option with its value", ["c3app:make_args", "--factory", "--foo", "bar", *P], {}),
    ("factory option without value", ["c3app:make_args", "--factory", "--foo", *P], {}),
    ("factory stray word", ["c3app:make_args", "--factory", "stray", *P], {}),
    ("factory short unknown", ["c3app:make_args", "--factory", "-x", *P], {}),
    ("factory option given twice", ["c3app:make_args", "--factory", "--foo=1", "--foo=2", *P],
     {}),
    ("factory() unknown option", ["c3app:make_args()", "--foo=1", *P], {}),
    ("factory two params", ["c3app:make_two", "--factory", *P], {}),
    ("factory raises", ["c3app:raises", "--factory", *P], {}),
    ("factory raises ()", ["c3app:raises()", *P], {}),
    ("factory returns None", ["c3app:returns_none", "--factory", *P], {}),
    ("missing module", ["c3nope:app", *P], {}),
    ("missing module dotted", ["c3nope.app", *P], {}),
    ("missing attribute", ["c3app:nope", *P], {}),
    ("missing attribute dotted", ["c3app.nope", *P], {}),
    ("not an app (int)", ["c3app:notapp", *P], {}),
    ("not an app (blueprint)", ["c3app:bp", *P], {}),
    ("the Sanic class", ["c3app:SanicClass", *P], {}),
    ("a function not a factory", ["c3app:raises", *P], {}),
    ("module without app", ["c3noapp", *P], {}),
    ("file path", ["c3app.py", *P], {}),
    ("file path:app", ["c3app.py:app", *P], {}),
    ("sub/file path", ["sub/srv.py", *P], {}),
    ("dotted sub module", ["sub.srv:app", *P], {}),
    ("absolute file path", ["{tmp}/c3app.py", *P], {}),
    ("module importing a missing module", ["c3badimp", *P], {}),
    ("module raising SystemExit", ["c3exit", *P], {}),
    ("empty target", ["", *P], {}),
    ("target :app", [":app", *P], {}),
    ("target mod:", ["c3app:", *P], {}),
    ("target with spaces", ["c3app: app", *P], {}),
    # --simple
    ("simple folder", ["./site", "--simple", *P], {}),
    ("simple folder no index", ["./site/inner", "--simple", *P], {}),
    ("simple abs folder", ["{tmp}/site", "-s", *P], {}),
    ("simple with --debug", ["./site", "--simple", "--debug", *P], {}),
    ("simple module", ["c3app:app", "--simple", *P], {}),
    # options
    ("defaults", ["c3app:app", *P], {}),
    ("--debug", ["c3app:app", "--debug", *P], {}),
    ("--dev", ["c3app:app", "--dev", *P], {}),
    ("-d", ["c3app:app", "-d", *P], {}),
    ("--dev --no-repl", ["c3app:app", "--dev", "--no-repl", *P], {}),
    ("-r", ["c3app:app", "-r", *P], {}),
    ("--reload", ["c3app:app", "--reload", *P], {}),
    ("-R one", ["c3app:app", "-R", "site", *P], {}),
    ("-R two", ["c3app:app", "-R", "site", "--reload-dir", "sub", *P], {}),
    ("-R comma", ["c3app:app", "-R", "site,sub", *P], {}),
    ("-R missing", ["c3app:app", "-R", "nowhere", *P], {}),
    ("-R a file", ["c3app:app", "-R", "c3app.py", *P], {}),
    ("-R with --debug", ["c3app:app", "-R", "site", "--debug", *P], {}),
    ("-w 2", ["c3app:app", "-w", "2", *P], {}),
    ("--workers=2", ["c3app:app", "--workers=2", *P], {}),
    ("--fast", ["c3app:app", "--fast", *P], {}),
    ("--single-process", ["c3app:app", "--single-process", *P], {}),
    ("--single-process --debug", ["c3app:app", "--single-process", "--debug", *P], {}),
    ("--fast --single-process", ["c3app:app", "--fast", "--single-process", *P], {}),
    ("-H ::1", ["c3app:app", "-H", "::1", *P], {}),
    ("-H [::1]", ["c3app:app", "-H", "[::1]", *P], {}),
    ("--host=localhost", ["c3app:app", "--host=localhost", *P], {}),
    ("-u", ["c3app:app", "-u", "c3.sock"], {}),
    ("-u with -H -p", ["c3app:app", "-u", "c3.sock", "-H", "127.0.0.1", *P], {}),
    ("--tls", ["c3app:app", "--tls", "certs", *P], {}),
    ("--cert --key", ["c3app:app", "--cert", "certs/fullchain.pem", "--key",
                      "certs/privkey.pem", *P], {}),
    ("--tls --tls-strict-host single", ["c3app:app", "--tls", "certs", "--tls-strict-host",
                                        "--single-process", *P], {}),
    ("--tls-strict-host alone", ["c3app:app", "--tls-strict-host", *P], {}),
    ("--key alone", ["c3app:app", "--key", "certs/privkey.pem", *P], {}),
    ("--access-logs", ["c3app:app", "--access-logs", *P], {}),
    ("--no-access-logs", ["c3app:app", "--no-access-logs", *P], {}),
    ("--debug --no-access-logs", ["c3app:app", "--debug", "--no-access-logs", *P], {}),
    ("--motd", ["c3app:app", "--motd", *P], {}),
    ("--no-motd", ["c3app:app", "--no-motd", *P], {}),
    ("--coffee", ["c3app:app", "--coffee", *P], {}),
    ("--no-coffee", ["c3app:app", "--no-coffee", *P], {}),
    ("--noisy-exceptions", ["c3app:app", "--noisy-exceptions", *P], {}),
    ("--no-noisy-exceptions", ["c3app:app", "--no-noisy-exceptions", *P], {}),
    ("-v", ["c3app:app", "-v", *P], {}),
    ("-vv", ["c3app:app", "-vv", *P], {}),
    ("-vvv", ["c3app:app", "-vvv", *P], {}),
    ("--verbosity", ["c3app:app", "--verbosity", *P], {}),
    ("--verbosity=2", ["c3app:app", "--verbosity=2", *P], {}),
    ("--verbosity --verbosity", ["c3app:app", "--verbosity", "--verbosity", *P], {}),
    ("-1", ["c3app:app", "-1", *P], {}),
    ("--http=1", ["c3app:app", "--http=1", *P], {}),
    ("--http 2", ["c3app:app", "--http", "2", *P], {}),
    # environment against options
    ("SANIC_ACCESS_LOG + --no-access-logs", ["c3app:app", "--no-access-logs", *P],
     {"SANIC_ACCESS_LOG": "true"}),
    ("SANIC_MOTD=false + --motd", ["c3app:app", "--motd", *P], {"SANIC_MOTD": "false"}),
    ("SANIC_NOISY_EXCEPTIONS", ["c3app:app", *P], {"SANIC_NOISY_EXCEPTIONS": "yes"}),
    ("SANIC_DEBUG", ["c3app:app", *P], {"SANIC_DEBUG": "true"}),
    ("SANIC_PORT", ["c3app:app"], {"SANIC_PORT": "{p}"}),
    ("SANIC_HOST", ["c3app:app", *P], {"SANIC_HOST": "::1"}),
    ("SANIC_WORKERS", ["c3app:app", *P], {"SANIC_WORKERS": "2"}),
    ("SANIC_COFFEE", ["c3app:app", *P], {"SANIC_COFFEE": "true"}),
    ("SANIC_NO_COLOR", ["c3app:app", *P], {"SANIC_NO_COLOR": "true"}),
    # information
    ("--version", ["--version"], {}),
    ("target --version", ["c3app:app", "--version"], {}),
    ("-h", ["-h"], {}),
    ("target -h", ["c3app:app", "-h"], {}),
    ("no arguments", [], {}),
    ("unknown option", ["c3app:app", "--nosuch", *P], {}),
    ("option without target", ["--debug"], {}),
    ("two targets", ["c3app:app", "c3app:app", *P], {}),
    ("action serve", ["c3app:app", "serve", *P], {}),
    ("action bogus", ["c3app:app", "bogus", *P], {}),
    # exec
    ("exec", ["c3app:app", "exec"], {}),
    ("exec hello", ["c3app:app", "exec", "hello", "--name", "x", "--times", "3"], {}),
    ("exec hello=", ["c3app:app", "exec", "hello", "--name=y"], {}),
    ("exec hello no name", ["c3app:app", "exec", "hello"], {}),
    ("exec hello --help", ["c3app:app", "exec", "hello", "--help"], {}),
    ("exec hello bogus option", ["c3app:app", "exec", "hello", "--bogus", "1"], {}),
    ("exec hello positional", ["c3app:app", "exec", "hello", "x"], {}),
    ("exec other-name", ["c3app:app", "exec", "other-name"], {}),
    ("exec renamed (by func name)", ["c3app:app", "exec", "renamed"], {}),
    ("exec fails", ["c3app:app", "exec", "fails"], {}),
    ("exec returns", ["c3app:app", "exec", "returns"], {}),
    ("exec nope", ["c3app:app", "exec", "nope"], {}),
    ("exec showcfg", ["c3app:app", "exec", "showcfg"], {}),
    ("exec showcfg --debug", ["c3app:app", "--debug", "exec", "showcfg"], {}),
    ("exec showcfg env", ["c3app:app", "exec", "showcfg"], {"SANIC_ACCESS_LOG": "true"}),
    ("exec takes_rest", ["c3app:app", "exec", "takes_rest", "--first", "1"], {}),
    ("exec via mod", ["c3app", "exec", "hello", "--name", "m"], {}),
    ("exec via factory", ["c3app:create_app", "--factory", "exec", "hello"], {}),
    ("exec missing module", ["c3nope:app", "exec", "hello"], {}),
    ("exec option before command", ["c3app:app", "exec", "--name", "q", "hello"], {}),
    ("exec option without value", ["c3app:app", "exec", "hello", "--name"], {}),
    ("exec option abbreviated", ["c3app:app", "exec", "hello", "--na", "q"], {}),
    ("exec after an option", ["c3app:app", "--debug", "exec", "hello"], {}),
    ("exec flag without value", ["c3app:app", "exec", "flag", "--on"], {}),
    ("exec option --n", ["c3app:app", "exec", "flag", "--on", "1", "--n", "2"], {}),
    ("exec options named as the command's", ["c3app:app", "exec", "bind", "--port", "5",
                                             "--host", "h", "--workers", "3"], {}),
    ("exec short option of the command line", ["c3app:app", "exec", "bind", "-p", "5"], {}),
    ("exec factory's command", ["c3app:make_with_command", "exec", "greet", "--who", "x"], {}),
    ("exec factory() command", ["c3app:make_with_command()", "exec", "greet"], {}),
    ("exec dashed name", ["c3app:app", "exec", "takes-rest"], {}),
    ("exec on --simple", ["./site", "--simple", "exec"], {}),
    ("exec -h", ["c3app:app", "exec", "-h"], {}),
    ("exec with option after", ["c3app:app", "exec", "hello", "--name", "z", "--debug"], {}),
]


def setup(tmp: str) -> None:
    shutil.copy(os.path.join(HERE, "c3app.py"), tmp)
    files = {
        "c3pkg/__init__.py": "from c3app import create_app\napp = create_app()\n",
        "c3pkg/sub.py": "from sanic import Sanic\nfrom c3app import register\n"
                        "app = Sanic('C3Sub')\nregister(app)\n",
        "sub/srv.py": "from sanic import Sanic\nfrom c3app import register\n"
                      "app = Sanic('C3Srv')\nregister(app)\n",
        "c3noapp.py": "value = 1\n",
        "c3badimp.py": "import c3_not_installed_anywhere\n",
        "c3exit.py": "raise SystemExit(3)\n",
        "site/index.html": "<h1>hi</h1>\n",
        "site/inner/a.txt": "a\n",
    }
    for path, body in files.items():
        full = os.path.join(tmp, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(body)
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    os.makedirs(os.path.join(tmp, "certs"))
    cert.private_key_pem.write_to_path(os.path.join(tmp, "certs", "privkey.pem"))
    cert.cert_chain_pems[0].write_to_path(os.path.join(tmp, "certs", "fullchain.pem"))


def get(where: dict, path: str) -> tuple[int, str]:
    if where["unix"]:
        conn: http.client.HTTPConnection = UnixConnection(where["unix"])
    elif where["tls"]:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(where["host"], where["port"], timeout=5, context=ctx)
    else:
        conn = http.client.HTTPConnection(where["host"], where["port"], timeout=5)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode(errors="replace")
    finally:
        conn.close()


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str) -> None:
        super().__init__("localhost", timeout=5)
        self.unix_path = path

    def connect(self) -> None:
        import socket

        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(5)
        self.sock.connect(self.unix_path)


def where_served(args: list[str], env: dict, port: int, tmp: str) -> dict:
    host = "127.0.0.1"
    if "-H" in args:
        host = args[args.index("-H") + 1]
    elif "--host=localhost" in args:
        host = "localhost"
    elif env.get("SANIC_HOST"):
        host = env["SANIC_HOST"]
    unix = args[args.index("-u") + 1] if "-u" in args else None
    tls = any(a in args for a in ("--tls", "--cert"))
    return {"host": host, "port": port, "unix": unix and os.path.join(tmp, unix), "tls": tls}


def run(python: str, case: tuple, tmp: str) -> dict:
    name, raw_args, raw_env = case
    port = free_port()
    args = [a.replace("{p}", str(port)).replace("{tmp}", tmp) for a in raw_args]
    env_extra = {k: v.replace("{p}", str(port)) for k, v in raw_env.items()}
    dump = os.path.join(tmp, "dump")
    shutil.rmtree(dump, ignore_errors=True)
    os.makedirs(dump)
    for leftover in glob.glob(os.path.join(tmp, "*.sock")):
        os.unlink(leftover)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
    env.update(PYTHONUNBUFFERED="1", COLUMNS="100", C3_DUMP=dump, PYTHONPATH=tmp, **env_extra)
    where = where_served(args, env_extra, port, tmp)
    cmd = [os.path.join(os.path.dirname(python), "sanic"), *args]
    out_path, err_path = os.path.join(tmp, "out.txt"), os.path.join(tmp, "err.txt")
    result: dict = {"served": False}
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        child = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=out, stderr=err,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + START_WAIT
        while time.monotonic() < deadline and child.poll() is None:
            try:
                result["/"] = get(where, "/")
                result["served"] = True
                break
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
        if result["served"]:
            try:
                status, body = get(where, "/dump")
                result["/dump"] = json.loads(body) if status == 200 else (status, body[:80])
                result["/boom"] = get(where, "/boom")[0]
            except (OSError, http.client.HTTPException, ValueError) as exc:
                result["/dump"] = f"no answer: {type(exc).__name__}"
            time.sleep(SETTLE)
            result["stopped"] = stop(child, signal.SIGINT)
        elif child.poll() is None:
            result["hung"] = True
        try:
            os.killpg(child.pid, signal.SIGKILL)  # its own session: what this child started
        except ProcessLookupError:
            pass
        child.wait()
        result["rc"] = child.returncode
    with open(out_path, errors="replace") as f:
        result["stdout"] = f.read()
    with open(err_path, errors="replace") as f:
        result["stderr"] = f.read()
    result["dumps"] = {}
    for path in sorted(glob.glob(os.path.join(dump, "*.json"))):
        with open(path) as f:
            data = json.load(f)
        result["dumps"].setdefault(data["where"], data)
    return result


# What differs for reasons kept in earlier sections: a worker's (and a request's)
# `app.state` holds the run's host, port, workers, fast, unix and reload folders (first CLI
# section and second CLI audit; Sanic's worker has the defaults); the main process's
# `state.unix` is None without -u (Sanic's CLI: ""); `state.server` names the server.
IGNORED_STATE = {"server"}
KEPT_WORKER_STATE = {"state.host", "state.workers", "state.fast", "state.unix",
                     "state.reload_dirs", "app.reload_dirs", "state.coffee"}
# Which of two workers answered `/dump`, and the port of a run (random per run).
NOISE = {"config.WORKER_IDENTIFIER", "config.WORKER_NAME", "config.PORT"}


def flat(prefix: str, data, out: dict) -> dict:
    if isinstance(data, dict):
        for k, v in data.items():
            flat(f"{prefix}.{k}" if prefix else k, v, out)
    else:
        out[prefix] = data
    return out


def dump_diffs(label: str, ref, hur) -> list[str]:
    if not isinstance(ref, dict) or not isinstance(hur, dict):
        return [] if ref == hur else [f"{label}: sanic {ref!r:.80} / hurtle {hur!r:.80}"]
    fr, fh = flat("", ref, {}), flat("", hur, {})
    diffs = []
    for key in sorted(set(fr) | set(fh)):
        if key.split(".")[-1] in IGNORED_STATE or key in ("where",):
            continue
        a, b = fr.get(key, "<absent>"), fh.get(key, "<absent>")
        if (label != "main" and key in KEPT_WORKER_STATE) or key in NOISE:
            continue
        if label == "main" and key == "state.unix" and (a, b) == ("", None):
            continue
        if a != b:
            diffs.append(f"{label}.{key}: sanic {a!r} / hurtle {b!r}")
    return diffs


def outcome(r: dict) -> tuple:
    if r["served"]:
        status, body = r["/"]
        return ("served", (status, body[:40]), "stopped" if r["stopped"] else "did not stop", r["rc"])
    if r.get("hung"):
        return ("neither exited nor served",)
    return ("exit", r["rc"])


BANNER = re.compile(r"(Goin' Fast @ |mode: |server: |auto-reload: |app: |WARNING: |"
                    r"Dev mode|access)")


def banner(r: dict, tmp: str) -> list[str]:
    """The start-up lines that say how it serves (address, mode, server, auto-reload,
    warnings), without times, PIDs, paths or the order of reload folders."""
    lines = []
    for line in (r["stdout"] + r["stderr"]).splitlines():
        if not BANNER.search(line) or "DeprecationWarning" in line:
            continue
        line = norm(line, tmp)
        line = re.sub(r"^(Main|Srv \d+)\s+\S+ \S+ \S+ ", "", line)
        if line.startswith("INFO: auto-reload: "):
            head, _, dirs = line.partition(", ")
            line = ", ".join([head, *sorted(dirs.split(", "))]) if dirs else line
        lines.append(line)
    return sorted(set(lines))


def choices_sorted(line: str) -> str:
    """argparse lists a subcommand's choices in the order they were added (Sanic's: a
    set's order, which changes from run to run)."""
    head, sep, rest = line.partition("(choose from ")
    if not sep:
        return line
    names, _, tail = rest.partition(")")
    return head + sep + ", ".join(sorted(n.strip() for n in names.split(","))) + ")" + tail


def compare(ref: dict, hur: dict, tmp: str) -> list[str]:
    diffs = []
    if outcome(ref) != outcome(hur):
        diffs.append(f"outcome: sanic {outcome(ref)} / hurtle {outcome(hur)}")
    if not ref["served"] and not hur["served"]:
        er = [choices_sorted(x) for x in error_lines(ref["stderr"], tmp)]
        eh = [choices_sorted(x) for x in error_lines(hur["stderr"], tmp)]
        if not same_error(er, eh):
            diffs.append(f"error: sanic {er[-1:]} / hurtle {eh[-1:]}")
        so = [norm(x, tmp) for x in ref["stdout"].splitlines() if x.strip()]
        sh = [norm(x, tmp) for x in hur["stdout"].splitlines() if x.strip()]
        if ref["rc"] == 0 and so[:1] != sh[:1]:
            diffs.append(f"stdout: sanic {so[:2]!r:.160} / hurtle {sh[:2]!r:.160}")
    if ref["served"] and hur["served"]:
        br, bh = banner(ref, tmp), banner(hur, tmp)
        if br != bh:
            diffs.append(f"banner: sanic {sorted(set(br) - set(bh))} / hurtle "
                         f"{sorted(set(bh) - set(br))}")
        diffs += dump_diffs("/dump", ref.get("/dump"), hur.get("/dump"))
        if ref.get("/boom") != hur.get("/boom"):
            diffs.append(f"/boom: sanic {ref.get('/boom')} / hurtle {hur.get('/boom')}")
    for where in sorted(set(ref["dumps"]) | set(hur["dumps"])):
        diffs += dump_diffs(where, ref["dumps"].get(where), hur["dumps"].get(where))
    return diffs


# Kept on purpose, by case (README: "The sanic command line, third round"); the rules of
# clifuzz.py's kept() (a target that fails to load, help wording) apply first.
FILE_PATHS = "file paths are accepted as targets (first CLI section); Sanic refuses them"
KEPT: dict[str, str] = {
    "file path": FILE_PATHS,
    "file path:app": FILE_PATHS,
    "sub/file path": FILE_PATHS,
    "absolute file path": FILE_PATHS,
    "simple folder no index": "--simple's directory view is Hurtle's own page (second CLI "
                              "audit)",
    "exec takes_rest": "a command's *args/**kwargs are not offered as --args/--kwargs "
                       "(release-note items)",
    "empty target": "a target that cannot be loaded: exit 1 and one line saying what to "
                    "give (first CLI section; Sanic: 'Empty module name', exit 0)",
    "target :app": "a malformed target: exit 1 and the loader's one line (Sanic: exit 0)",
    "target mod:": "a malformed target: exit 1 and the loader's one line (Sanic: exit 0)",
    "the Sanic class": "the class, not an instance: exit 1 in both; Hurtle's one line says "
                       "to point at an instance (Sanic: prepare() missing 'self' traceback)",
    "-H [::1]": "a bracketed IPv6 literal is served on that address; Sanic fails to "
                "resolve it ('Name or service not known', exit 1)",
    "exec option before command": "a usage error (exit 2, the option is no command); "
                                  "Sanic prints the commands' help and exits 0",
    "exec option --n": "a command's option `--n` reaches the command; Sanic's main parser "
                       "takes `--n` for an abbreviation of its --no-* options and refuses it "
                       "as ambiguous (exit 2)",
    "factory option given twice": "the last value wins; Sanic fails with an argparse "
                                  "'conflicting option string' traceback (exit 1)",
}


def kept_reason(case: tuple, ref: dict, hur: dict, tmp: str) -> str | None:
    args = case[1] or ["-"]
    return KEPT.get(case[0]) or clifuzz_kept(args, ref, hur, tmp)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--only", action="append")
    opts = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="cli3-")
    setup(tmp)
    counts = {"same": 0, "kept": 0, "differ": 0}
    try:
        for case in CASES:
            if opts.only and case[0] not in opts.only:
                continue
            ref, hur = run(REF_PY, case, tmp), run(HURTLE_PY, case, tmp)
            diffs = compare(ref, hur, tmp)
            reason = kept_reason(case, ref, hur, tmp) if diffs else None
            label = "same" if not diffs else ("kept" if reason else "differ")
            counts[label] += 1
            print(f"[{label}] {case[0]}: {' '.join(case[1])}", flush=True)
            if label == "kept":
                print(f"    kept: {reason}")
            if diffs and (label == "differ" or opts.show):
                for d in diffs:
                    print("    " + d)
            if opts.show:
                for side, r in (("sanic", ref), ("hurtle", hur)):
                    print(f"    --- {side} rc={r['rc']} stdout:\n{r['stdout'][-600:]}"
                          f"\n    --- {side} stderr:\n{r['stderr'][-1500:]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
