"""workfuzz.py [--seed N] [--count N] [--show] [--only I]: random multi-process runs, Sanic vs Hurtle.

From a seed, builds an app file and a run configuration (``app.run(...)``,
``app.prepare(...)`` + ``Sanic.serve()``, or the ``sanic`` command line; ``workers`` 1-3,
``single_process``, ``fast``, ``access_log``, ``debug``, ``motd``, the inspector with a
random ``INSPECTOR_*`` config and maybe an ``Inspector`` subclass with its own commands),
with listeners of every process event that append markers to a file, ``app.shared_ctx``
values, custom processes (``app.manager.manage``) that exit cleanly, crash, or run until
stopped, workers that crash at start-up or after N requests, and handlers calling
``app.m``. Each run is a list of actions (requests, inspector calls over HTTP with and
without the API key) and an ending (SIGINT, SIGTERM, the inspector's ``shutdown``,
``app.m.terminate()``).

It runs each under real Sanic 25.12 (REF_PYTHON, default /tmp/st-ref/bin/python) and under
this checkout's venv, then compares: the outcome (exit code, or that it did not stop), the
markers each process wrote (per process kind: main, server worker, custom process), the
answers to the actions, the inspector's JSON shape, and the log lines about workers
(start, stop, crash, restart) with pids, times, ports and names masked. Differences that
are kept on purpose (README: "Multi-process serving, fuzzed") are reported as kept.

Loopback only; every wait is bounded; each run is its own session, and only that process
group is killed (SIGKILL) when it has not stopped STOP_WAIT seconds after being asked.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from clifuzz import free_port

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", os.path.join(REPO, ".venv/bin/python"))
START_WAIT = 12.0  # seconds for the app's port to accept a connection
STOP_WAIT = 12.0  # seconds for the run to end once the ending is sent
SETTLE = 1.5  # seconds after start-up, and after each action that restarts something

# --- the app file --------------------------------------------------------------------------

HEAD = """\
import os, sys, time, multiprocessing
from sanic import Sanic, text, json
{inspector_import}
MARK = os.environ["WF_MARK"]
FLAGS = os.environ["WF_FLAGS"]


def mark(what):
    with open(MARK, "a") as f:
        f.write(f"{{os.getpid()}} {{what}}\\n")


def once(flag):
    # True the first time any process of this run asks for this flag
    path = os.path.join(FLAGS, flag)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.close(fd)
    return True

{inspector_class}
app = Sanic("WF"{inspector_kw})
app.config.INSPECTOR = {inspector}
{config}

def whoami():
    # what a worker knows of itself in a listener (names masked later)
    try:
        m = app.m
        return f"{{m.name}} {{m.state.get('state')}} serving={{m.state.get('serving')}}"
    except AttributeError:
        return "no app.m"


def shared():
    value = getattr(app.shared_ctx, "val", None)
    return repr(getattr(value, "value", value))
"""

INSPECTOR_CLASS = """
class WFInspector(Inspector):
    def hello(self, name="you"):
        return f"hello {name}"

    async def count(self):
        return len(self.worker_state)

    def boom(self):
        raise RuntimeError("boom")
"""

ROUTES = """

def count():
    # this run's requests to / so far, over every worker (which worker gets one varies)
    n = 1
    while not once(f"req{n}"):
        n += 1
    return n


@app.get("/")
async def index(request):
    n = count()
    {crash_after}
    return text("ok")


@app.get("/who")
async def who(request):
    return json({"name": request.app.m.name, "pid": request.app.m.pid == os.getpid(),
                 "state": request.app.m.state.get("state")})


@app.get("/shared")
async def get_shared(request):
    return text(shared())


@app.get("/workers")
async def workers(request):
    return json(sorted(request.app.m.workers))


@app.get("/restart")
async def restart(request):
    request.app.m.restart({restart_args})
    return text("restarting")


@app.get("/terminate")
async def terminate(request):
    request.app.m.terminate()
    return text("terminating")


@app.get("/restartjob")
async def restart_job(request):
    request.app.m.restart("Sanic-Job0-0")
    return text("restarting job")


@app.get("/manage")
async def manage(request):
    request.app.m.manage("Late", proc_loop, {"tag": "Late"})
    return text("managed")


@app.get("/crash")
async def crash(request):
    mark("crash " + request.app.m.name)
    os._exit(3)
"""

PROC_FUNCS = """

def proc_clean(tag):
    mark(f"proc {tag} clean")


def proc_crash(tag):
    mark(f"proc {tag} crash")
    sys.exit(3)


def proc_loop(tag):
    mark(f"proc {tag} loop")
    try:
        while True:
            time.sleep(0.05)
    except KeyboardInterrupt:
        mark(f"proc {tag} interrupted")
"""

SHARED_VALUES = [
    "multiprocessing.Value('i', 7)",
    "5",
    "'five'",
    "multiprocessing.Array('i', [1, 2])",
    "{'k': 1}",
]

RUN_TAIL = """

if __name__ == "__main__":
    app.run({args})
"""

SERVE_TAIL = """

if __name__ == "__main__":
    app.prepare({args})
    Sanic.serve({serve_arg})
"""


def listener(event: str, body: list[str], with_loop: bool) -> str:
    args = "app, loop" if with_loop else "app"
    lines = [f"\n\n@app.{event}", f"async def on_{event}({args}):"]
    lines += ["    " + b for b in body]
    return "\n".join(lines)


def gen(rng: random.Random, port: int, iport: int) -> dict:
    """A random scenario: the app source, how it is run, and what is done to it."""
    sc: dict = {"port": port, "iport": iport}
    mode = rng.choice(["run", "run", "serve", "cli"])
    sc["mode"] = mode
    single = rng.random() < 0.15
    workers = 1 if single else rng.choice([1, 2, 2, 3])
    fast = (not single) and rng.random() < 0.1
    sc.update(single=single, workers=workers, fast=fast)
    opts = {
        "access_log": rng.choice([None, True, False]),
        "debug": rng.random() < 0.2,
        "motd": rng.choice([None, False, True]),
    }
    sc["opts"] = opts
    inspector = (not single) and rng.random() < 0.45
    sc["inspector"] = inspector
    key = rng.choice([None, None, "s3cret"]) if inspector else None
    sc["api_key"] = key
    custom = inspector and rng.random() < 0.5
    sc["custom_inspector"] = custom
    config = [f"app.config.INSPECTOR_PORT = {iport}", "app.config.INSPECTOR_HOST = '127.0.0.1'"]
    if key:
        config.append(f"app.config.INSPECTOR_API_KEY = {key!r}")
    if rng.random() < 0.3:
        config.append("app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 1.0")
    crash_after = rng.choice([0, 0, 0, 2, 3]) if not single else 0
    sc["crash_after"] = crash_after
    src = HEAD.format(
        inspector_import="from sanic.worker.inspector import Inspector" if custom else "",
        inspector_class=INSPECTOR_CLASS if custom else "",
        inspector_kw=", inspector_class=WFInspector" if custom else "",
        inspector=inspector,
        config="\n".join(config),
    )
    restart_args = rng.choice(["", "", "all_workers=True", "zero_downtime=True"])
    src += ROUTES.replace(
        "{crash_after}",
        f'if n == {crash_after}:\n        mark("crash after")\n        os._exit(3)'
        if crash_after
        else "pass",
    ).replace("{restart_args}", restart_args)
    # listeners: markers, shared_ctx, custom processes, crashes at start-up
    shared_value = rng.choice(SHARED_VALUES) if rng.random() < 0.5 else None
    procs = []
    if not single and rng.random() < 0.4:
        for i in range(rng.randint(1, 2)):
            procs.append(
                {
                    "name": f"Job{i}",
                    "func": rng.choice(["proc_clean", "proc_crash", "proc_loop", "proc_loop"]),
                    "restartable": rng.choice([None, True, False]),
                    "transient": rng.random() < 0.2,
                    "extra": rng.choice(["", "", ", tracked=False", ", auto_start=False"]),
                }
            )
    sc["procs"] = procs
    src += PROC_FUNCS
    start_crash = None
    if not single:
        start_crash = rng.choice(
            [None] * 8 + ["exit_once_before", "raise_once_after", "exit_once_after"]
        )
    sc["start_crash"] = start_crash
    events = [
        "main_process_start",
        "main_process_ready",
        "main_process_stop",
        "reload_process_start",
        "reload_process_stop",
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ]
    for event in events:
        if rng.random() < 0.2 and event not in ("main_process_ready",):
            continue
        body = [f'mark("{event}")']
        if event == "main_process_start" and shared_value:
            body.append(f"app.shared_ctx.val = {shared_value}")
        if event == "main_process_ready":
            for p in procs:
                extra = ""
                if p["restartable"] is not None:
                    extra += f", restartable={p['restartable']}"
                if p["transient"]:
                    extra += ", transient=True"
                extra += p.get("extra", "")
                body.append(
                    f'app.manager.manage("{p["name"]}", {p["func"]}, {{"tag": "{p["name"]}"}}{extra})'
                )
        if event in ("before_server_stop", "after_server_stop") and rng.random() < 0.5:
            body[0] = f'mark("{event} " + whoami())'
        if event == "before_server_start":
            body[0] = 'mark("before_server_start " + shared() + " " + whoami())'
            if start_crash == "exit_once_before":
                body.append('if once("sc"):\n        mark("start crash")\n        os._exit(4)')
        if event == "after_server_start":
            if start_crash == "raise_once_after":
                body.append(
                    'if once("sc"):\n        mark("start crash")\n        raise RuntimeError("boom")'
                )
            if start_crash == "exit_once_after":
                body.append('if once("sc"):\n        mark("start crash")\n        os._exit(4)')
        src += listener(event, body, rng.random() < 0.3)
    # how it is run
    run_kw = ["host='127.0.0.1'", f"port={port}"]
    cli = ["-H", "127.0.0.1", "-p", str(port)]
    if single:
        run_kw.append("single_process=True")
        cli.append("--single-process")
    elif fast:
        run_kw.append("fast=True")
        cli.append("--fast")
    elif workers != 1 or rng.random() < 0.5:
        run_kw.append(f"workers={workers}")
        cli += ["-w", str(workers)]
    if opts["access_log"] is not None:
        run_kw.append(f"access_log={opts['access_log']}")
        cli.append("--access-logs" if opts["access_log"] else "--no-access-logs")
    if opts["debug"]:
        run_kw.append("debug=True")
        cli.append("--debug")
    if opts["motd"] is not None:
        run_kw.append(f"motd={opts['motd']}")
        cli.append("--motd" if opts["motd"] else "--no-motd")
    if mode == "run":
        src += RUN_TAIL.format(args=", ".join(run_kw))
    elif mode == "serve":
        src += SERVE_TAIL.format(
            args=", ".join(run_kw).replace("single_process=True", "single_process=True"),
            serve_arg=rng.choice(["", "primary=app"]),
        )
        if single:
            src = src.replace("Sanic.serve(", "Sanic.serve_single(")
            src = src.replace(", single_process=True", "")
    sc["cli"] = cli
    sc["src"] = src
    # what is done to it
    actions: list[str] = []
    pool = ["get /", "get /", "get /who", "get /shared", "get /workers"]
    if not single:
        pool += ["get /restart", "get /crash", "get /manage"]
        if procs:
            pool += ["get /restartjob"]
    if crash_after:
        pool += ["get / xN"]
    if inspector:
        pool += ["insp info", "insp info", "insp reload", "insp scale", "insp nokey",
                 "insp reload zero", f"insp scale {rng.randint(1, 3)}", "insp badkey"]
        if custom:
            pool += ["insp hello", "insp count", "insp boom"]
    for _ in range(rng.randint(1, 4)):
        actions.append(rng.choice(pool))
    sc["actions"] = actions
    endings = ["SIGINT", "SIGINT", "SIGTERM"]
    if inspector:
        endings.append("insp shutdown")
    if not single:
        endings.append("get /terminate")
    sc["ending"] = rng.choice(endings)
    return sc


# --- running -------------------------------------------------------------------------------


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict | None = None) -> tuple[int | str, str]:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read().decode(errors="replace")
        conn.close()
        return resp.status, data
    except Exception as exc:  # the failure is the observation
        return "no answer", type(exc).__name__


def listening(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def shape(value, depth: int = 0):
    """The JSON value's structure: dict keys (worker names masked), list lengths, types."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            k2 = re.sub(r"-\d+-\d+$", "-N-N", re.sub(r"-\d+$", "-N", k))
            out[k2] = shape(v, depth + 1)
        return out
    if isinstance(value, list):
        return [shape(v, depth + 1) for v in value[:1]]
    return type(value).__name__


def inspector_call(sc: dict, action: str) -> tuple:
    key = sc["api_key"]
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    port = sc["iport"]
    if action == "insp nokey":
        status, body = request(port, "GET", "/")
        return ("nokey", status)
    if action == "insp badkey":
        status, body = request(port, "GET", "/", headers={"Authorization": "Bearer nope"})
        return ("badkey", status)
    if action == "insp info":
        status, body = request(port, "GET", "/", headers=headers)
    else:
        name, *arg = action.split()[1:]
        payload: dict = {"name": "wf"} if name == "hello" else {}
        if name == "scale":
            payload = {"replicas": int(arg[0]) if arg else 2}
        elif arg:
            payload = {"zero_downtime": True}
        headers["Content-Type"] = "application/json"
        status, body = request(port, "POST", "/" + name, json.dumps(payload).encode(), headers)
    try:
        data = json.loads(body)
    except ValueError:
        return (action, status, body[:60])
    if action == "insp info":
        return (action, status, json.dumps(shape(data), sort_keys=True))
    result = data.get("result") if isinstance(data, dict) else data
    return (action, status, json.dumps(result)[:80] if status == 200 else json.dumps(shape(data)))


def run(python: str, sc: dict, tmp: str) -> dict:
    app_path = os.path.join(tmp, "wfapp.py")
    with open(app_path, "w") as f:
        f.write(sc["src"])
    mark = os.path.join(tmp, "marks.txt")
    flags = os.path.join(tmp, "flags")
    shutil.rmtree(flags, ignore_errors=True)
    os.makedirs(flags)
    if os.path.exists(mark):
        os.unlink(mark)
    if sc["mode"] == "cli":
        cmd = [python, "-m", "sanic", "wfapp:app", *sc["cli"]]
    else:
        cmd = [python, "wfapp.py"]
    env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="100", WF_MARK=mark, WF_FLAGS=flags)
    for k in list(env):
        if k.startswith("SANIC_"):
            del env[k]
    out_path = os.path.join(tmp, "out.txt")
    result: dict = {"answers": []}
    with open(out_path, "wb") as out:
        child = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + START_WAIT
        served = False
        while time.monotonic() < deadline and child.poll() is None:
            if listening(sc["port"]):
                served = True
                break
            time.sleep(0.1)
        result["served"] = served
        if served:
            wait_ready(out_path, sc, child)
            if sc["inspector"]:
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline and not listening(sc["iport"]):
                    time.sleep(0.1)
            current = sc["workers"] if not sc["fast"] else os.cpu_count() or 1
            for action in sc["actions"]:
                before = ready_count(out_path)
                if child.poll() is not None:
                    result["answers"].append((action, "exited"))
                    continue
                if action.startswith("insp"):
                    result["answers"].append(inspector_call(sc, action))
                elif action == "get / xN":
                    for _ in range(sc["crash_after"]):
                        result["answers"].append((action, *request(sc["port"], "GET", "/")))
                else:
                    path = action.split()[1]
                    result["answers"].append((action, *norm_answer(request(sc["port"], "GET", path))))
                # Wait for the replacements to say they are ready (a spawned worker may take
                # seconds to import on a loaded machine), then let things settle.
                expect = 0
                if action == "get /restart":
                    expect = current if "all_workers" in sc["src"] else 1
                elif action.startswith("insp reload"):
                    expect = current
                elif action.startswith("insp scale"):
                    target = int(action.split()[2]) if len(action.split()) > 2 else 2
                    expect, current = max(0, target - current), target
                deadline = time.monotonic() + START_WAIT
                while (expect and time.monotonic() < deadline and child.poll() is None
                       and ready_count(out_path) < before + expect):
                    time.sleep(0.1)
                if action.split()[1] in ("/restart", "/crash", "reload", "scale", "/",
                                         "/restartjob", "/manage") and action != "get /":
                    time.sleep(SETTLE + 1)
            ending = sc["ending"]
            time.sleep(SETTLE)
            if child.poll() is None:
                if ending.startswith("SIG"):
                    child.send_signal(getattr(signal, ending))
                elif ending == "insp shutdown":
                    result["answers"].append(inspector_call(sc, ending))
                else:
                    result["answers"].append((ending, *request(sc["port"], "GET", "/terminate")))
        try:
            child.wait(STOP_WAIT if served else 1)
            result["stopped"] = True
        except subprocess.TimeoutExpired:
            result["stopped"] = False
        try:  # its own session: only what this run started
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        child.wait()
        result["rc"] = child.returncode if result["stopped"] else None
        result["pid"] = child.pid
    with open(out_path, "rb") as f:
        result["out"] = f.read().decode(errors="replace")
    result["marks"] = open(mark).read() if os.path.exists(mark) else ""
    return result


def ready_count(out_path: str) -> int:
    with open(out_path, "rb") as f:
        return f.read().count(b"Worker ready")


def wait_ready(out_path: str, sc: dict, child: subprocess.Popen) -> None:
    """Until every server worker said it is ready (Sanic hangs on a signal sent before)."""
    want = (sc["workers"] if not sc["fast"] else os.cpu_count() or 1) + sc["inspector"]
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline and child.poll() is None:
        with open(out_path, "rb") as f:
            if f.read().count(b"Worker ready") >= want or sc["single"]:
                break
        time.sleep(0.1)
    time.sleep(SETTLE)


def norm_answer(answer: tuple) -> tuple:
    status, body = answer
    if status == 200 and body.startswith("{"):
        try:
            data = json.loads(body)
            data["name"] = re.sub(r"\d+", "N", data["name"])
            return status, json.dumps(data, sort_keys=True)
        except (ValueError, KeyError, TypeError):
            pass
    if status == 200 and body.startswith("["):
        return status, re.sub(r"\d+", "N", body)
    if isinstance(status, int) and status >= 500:
        return status, ""  # error pages differ in debug detail; the status is compared
    return status, body[:60]


# --- comparing -----------------------------------------------------------------------------


def marks_by_kind(result: dict) -> dict:
    """Marker sequences: the main process's, and the sorted sequences of every other one."""
    seqs: dict = collections.OrderedDict()
    for line in result["marks"].splitlines():
        pid, _, what = line.partition(" ")
        what = re.sub(r" at 0x[0-9a-f]+", "", what)
        what = re.sub(r"Sanic-Server-\d+-\d+", "Sanic-Server-N-N", what)
        seqs.setdefault(pid, []).append(what)
    main = seqs.pop(str(result["pid"]), [])
    others = sorted(tuple(s) for s in seqs.values())
    return {"main": main, "others": others}


LOG_KEEP = re.compile(
    r"Starting worker|Stopping worker|Worker complete|Worker ready|Server Stopped|Restart|"
    r"restart|Starting a process|Removed worker|crash|killed|exited|Not all workers|"
    r"Inspector|Experienced|Goin' Fast|Error:|Termination|Failed|Killing"
)


def norm_log(line: str) -> str:
    line = re.sub(r"\x1b\[[0-9;]*[mA]", "", line)
    line = line.lstrip("╭│╰ ")  # Sanic's boxed tracebacks (a log format kept, "Log output")
    line = re.sub(r"(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d( [+-]\d{4})? ", "", line)
    line = re.sub(r" at 0x[0-9a-f]+", "", line)
    line = re.sub(r"^(Main|Srv \d+|Inspector)\s+", r"\1 ", line)
    line = re.sub(r"^Srv \d+", "Srv", line)  # which worker a request reaches varies
    line = re.sub(r"\[\d+\]", "[PID]", line)
    line = re.sub(r"\b\d{3,}\b", "N", line)
    line = re.sub(r"-\d+-\d+\b", "-N-N", line)
    line = re.sub(r"\d+\.\d+m?s", "Ts", line)
    return line.strip()


def log_lines(out: str) -> collections.Counter:
    # (a traceback's source lines differ with the code that raised; its last line is kept,
    # and of Sanic's boxed tracebacks the first and last lines)
    lines = [norm_log(x) for x in out.splitlines()
             if LOG_KEEP.search(x) and x[:2] != "  " and not x.startswith("│")]
    return collections.Counter(x for x in lines if x)


def ended_early(r: dict) -> bool:
    """The run ended before the first action (its port was open only while it failed)."""
    return bool(r["answers"]) and r["answers"][0][1] == "exited"


def outcome(r: dict) -> tuple:
    if not r["served"] or ended_early(r) and all(a[1] == "exited" for a in r["answers"]):
        return ("never served", r["rc"])
    return ("exit", r["rc"]) if r["stopped"] else ("did not stop",)


def compare(ref: dict, hur: dict) -> list[tuple[str, str]]:
    diffs = []
    if outcome(ref) != outcome(hur):
        diffs.append(("outcome", f"sanic {outcome(ref)} / hurtle {outcome(hur)}"))
    mr, mh = marks_by_kind(ref), marks_by_kind(hur)
    if mr["main"] != mh["main"]:
        diffs.append(("marks main", f"sanic {mr['main']} / hurtle {mh['main']}"))
    if mr["others"] != mh["others"]:
        diffs.append(("marks others", f"sanic {mr['others']} / hurtle {mh['others']}"))
    if ref["answers"] != hur["answers"] and not (
        outcome(ref)[0] == outcome(hur)[0] == "never served"
    ):
        diffs.append(("answers", f"sanic {ref['answers']} / hurtle {hur['answers']}"))
    lr, lh = log_lines(ref["out"]), log_lines(hur["out"])
    only_r, only_h = lr - lh, lh - lr
    if only_r or only_h:
        diffs.append(("logs", f"only sanic {dict(only_r)} / only hurtle {dict(only_h)}"))
    return diffs


# Kept on purpose, each with its reason (README: "Multi-process serving, fuzzed").


RESPAWNED = re.compile(
    r"Process Sanic-\S+ \[\d+\] (exited with code -?\d+|was killed by \w+)"
    r"( unexpectedly)?; respawning"
)
START_FAILED = "Not all workers acknowledged a successful startup"
# Lines only Hurtle writes, each kept on purpose (the earlier audits' sections).
HURTLE_ONLY_LINES = [
    (re.compile(r"^Inspector INFO: Serving on "), "the inspector says where it serves"),
    (re.compile(r"Termination requested by a worker; shutting down"),
     "app.m.terminate() and the inspector's shutdown are logged"),
    (re.compile(r"^Main ERROR: Process Sanic-\S+ \[PID\] (exited with code -?\d+|was killed by "
                r"\w+)$"), "a custom process that fails is reported (Sanic: nothing)"),
    (re.compile(r"^Main ERROR: Startup failed: "),
     "an error of the app's code while starting: Sanic's boxed traceback, Hurtle's record"),
    (re.compile(r"^Main ERROR: Cannot restart \S+: (no such process|it was not registered as "
                r"restartable)"), "restarting what cannot be restarted says why (first audit)"),
    (re.compile(r"^AttributeError: app\.multiplexer \(app\.m\) exists only inside worker"),
     "app.m outside a worker: the AttributeError says where app.m exists"),
]
UNTRACKED = "an untracked process that failed stays listed (Sanic removes it)"
SANIC_ONLY_LINES = [
    (re.compile(r"^⚠️\s+Uncaught \w+"),
     "an error of the app's code while starting: Sanic's boxed traceback, Hurtle's record"),
    (re.compile(r"^AttributeError: 'Sanic' object has no attribute 'multiplexer'"),
     "app.m outside a worker: the AttributeError says where app.m exists"),
]


def only_lines(counter: collections.Counter, rules: list) -> tuple[list[str], set[str]]:
    """The lines no rule explains, and the reasons of the rules that explained the others."""
    left, reasons = [], set()
    for line in counter:
        for pattern, reason in rules:
            if pattern.search(line):
                reasons.add(reason)
                break
        else:
            left.append(line)
    return left, reasons


def without_extra_keys(answer, respawned: bool = False) -> list:
    """An answer with the inspector's 'restarts'/'last_exit' keys (Hurtle's, kept) dropped,
    and 'restart_at' of a respawned worker (Sanic does not respawn it)."""
    answer = list(answer)
    if answer[0] == "insp info" and isinstance(answer[-1], str):
        keys = "restarts|last_exit|restart_at" if respawned else "restarts|last_exit"
        answer[-1] = re.sub(rf'"({keys})": "\w+", ', "", answer[-1])
    return answer


def without_scaled_down(ref_answer, hur_answer) -> list:
    """Sanic's info without the server workers Hurtle no longer lists after scaling down."""
    ref_answer = list(ref_answer)
    if ref_answer[0] != "insp info" or list(hur_answer)[0] != "insp info":
        return ref_answer
    try:
        ref_info, hur_info = json.loads(ref_answer[-1]), json.loads(hur_answer[-1])
        workers = ref_info["result"]["workers"]
        for name in list(workers):
            if name.startswith("Sanic-Server-") and name not in hur_info["result"]["workers"]:
                del workers[name]
    except (ValueError, KeyError, TypeError):
        return ref_answer
    ref_answer[-1] = json.dumps(ref_info, sort_keys=True)
    return ref_answer


def sub_multiset(small: list, big: list) -> bool:
    return not (collections.Counter(map(tuple, small)) - collections.Counter(map(tuple, big)))


def kept_marks(result: dict) -> dict:
    """The markers without the 'serving' value a worker reads in before_server_start: Hurtle's
    is False from the first start (second audit: Sanic adds the key once serving), and a
    restarted worker's starts over, where Sanic's replacement reads the old worker's value."""
    marks = marks_by_kind(result)
    marks["others"] = sorted(tuple(map(kept_mark, seq)) for seq in marks["others"])
    return marks


def kept_mark(mark: str) -> str:
    if mark.startswith("before_server_start"):
        # A replacement worker reads STARTED in Hurtle; Sanic's sometimes STARTING (its
        # manager writes the state from another thread while the worker starts).
        return re.sub(r" serving=\w+$", "", mark.replace(" STARTING", " STARTED"))
    # A worker being restarted reads RESTARTING in its stop listeners; Sanic's reads the
    # replacement's STARTING or STARTED once that is written (third audit), and, in
    # after_server_stop, the replacement's 'serving'.
    mark = re.sub(r" (STARTING|STARTED) ", " RESTARTING ", mark)
    if mark.startswith("after_server_stop") and re.search(" (RESTARTING|ACKED) ", mark):
        # After a zero-downtime restart the old worker reads its replacement's entry:
        # Sanic's old worker has written serving False on it, Hurtle's leaves it alone
        # (second audit).
        mark = re.sub(r" serving=\w+$", "", mark)
    return mark


def without_serving(seqs: list) -> list:
    return sorted(tuple(re.sub(r" serving=\w+$", "", m) for m in seq) for seq in seqs)


def prefixes_matched(short: list, long: list) -> bool:
    """Whether each sequence of ``short`` starts a different sequence of ``long``."""
    left = list(long)
    for seq in sorted(short, key=len, reverse=True):
        for i, cand in enumerate(left):
            if tuple(cand[: len(seq)]) == tuple(seq):
                del left[i]
                break
        else:
            return False
    return True


def kept(sc: dict, what: str, ref: dict, hur: dict) -> str | None:
    """Why a difference is kept on purpose, or None (README: "Multi-process serving, fuzzed")."""
    respawn = RESPAWNED.search(hur["out"]) and not RESPAWNED.search(ref["out"])
    restarted = any(a in ("get /restart", "get /restartjob") or a.startswith("insp reload")
                    for a in sc["actions"])
    if what == "marks others" and kept_marks(hur)["others"] == kept_marks(ref)["others"]:
        return ("a worker's state: 'serving' (False) from its first start; a restarted "
                "worker reads RESTARTING where Sanic's reads its replacement's state")
    if what == "marks others" and restarted:
        def no_interrupts(result: dict) -> list:
            return sorted(tuple(m for m in seq if not m.endswith(" interrupted"))
                          for seq in kept_marks(result)["others"])
        if no_interrupts(hur) == no_interrupts(ref):
            # Processes are asked to stop with SIGINT when restarted too (first audit), so
            # a custom process's clean-up runs; Sanic's SIGTERM ends it without it.
            return "a restarted custom process gets SIGINT and runs its clean-up (Sanic: SIGTERM)"
        if without_serving(kept_marks(hur)["others"]) == without_serving(
                kept_marks(ref)["others"]):
            # (rerun5, seed 2773) A Sanic replacement shares its predecessor's state entry:
            # it reads the old worker's 'serving' (True) when it starts and, stopped later,
            # the False the old worker wrote on its way out; Hurtle's reads its own.
            return ("a restarted worker's replacement reads its own 'serving' (Sanic's reads "
                    "the value its predecessor wrote)")
    start_failed = sc["start_crash"] and (
        START_FAILED in ref["out"]
        or (START_FAILED in hur["out"] and outcome(ref) in (("did not stop",), ("exit", -9)))
        # (rerun5, seed 2711: Sanic's manager was still waiting for the dead worker's ack
        # at the SIGINT, and its shutdown from inside wait_for_ack failed: exit 1)
        or (START_FAILED in hur["out"] and outcome(ref) == ("exit", 1)
            and "in wait_for_ack" in ref["out"])
    )
    if (
        sc["start_crash"] == "exit_once_after"
        and START_FAILED in hur["out"]
        and START_FAILED not in ref["out"]
    ):
        # Hurtle's worker acknowledges its start once after_server_start has run (kept,
        # second audit), so a worker ending there failed its start-up: the run stops
        # (exit 1). Sanic's had acknowledged it: the worker is gone and the others serve.
        return "a worker exiting in after_server_start fails the start-up (Hurtle acks after it)"
    if start_failed:
        # A worker failing its start-up: Sanic kills its process group (exit 137, no stop
        # listeners, no main_process_stop); Hurtle stops the others gracefully and exits 1.
        mr, mh = marks_by_kind(ref), marks_by_kind(hur)
        if what == "outcome" and outcome(hur) in (("exit", 1), ("never served", 1)):
            return "failed start-up: exit 1 after a graceful stop (Sanic kills itself, 137)"
        if what == "marks main" and mh["main"] == [*mr["main"], "main_process_stop"]:
            return "failed start-up: main_process_stop runs (Sanic: killed before it)"
        if what in ("marks others", "logs"):
            return "failed start-up: the other workers stop gracefully (Sanic: SIGKILL)"
        if what == "answers" and all(h[1] in ("exited", "no answer") for h in hur["answers"]):
            return "failed start-up: Hurtle's run has ended (Sanic serves until it gives up)"
        if what == "answers" and all(r[1] in ("exited", "no answer") for r in ref["answers"]):
            # (the other way round: Sanic's main has killed its group at once, Hurtle's
            # inspector still answers while the graceful stop runs; rerun3, seed 23)
            return "failed start-up: Sanic has killed itself, Hurtle's graceful stop still answers"
    if "'ForkAwareLocal' object has no attribute 'connection'" in ref["out"]:
        # Sanic's bug: a zero-downtime reload fails in its manager (a traceback from a
        # process it starts), leaves processes it does not track, and the run hangs.
        return "Sanic's bug: its zero-downtime reload fails (ForkAwareLocal) and it hangs"
    answers_h = [without_extra_keys(a, bool(respawn)) for a in hur["answers"]]
    if what == "answers" and answers_h == [list(a) for a in ref["answers"]]:
        return "the inspector's worker entries carry 'restarts' (and 'last_exit' once exited)"
    if what == "answers" and any(a.startswith("insp scale") for a in sc["actions"]):
        answers_r = [without_scaled_down(r, h) for r, h in
                     zip(ref["answers"], answers_h, strict=False)]
        if answers_h == answers_r:
            return ("scaled down, the stopped workers are no longer listed (Sanic lists them, "
                    "first audit)")
    untracked = (any("tracked=False" in p.get("extra", "") for p in sc["procs"])
                 and "Removed worker" in ref["out"])
    if respawn:
        # A server worker that dies is reported and respawned; Sanic's is gone silently.
        reason = "a crashed worker is reported and respawned (Sanic: gone, silently)"
        mr, mh = kept_marks(ref), kept_marks(hur)
        if (
            sc["ending"] == "get /terminate"
            and ref["answers"] and ref["answers"][-1][1] == "no answer"
            and what in ("outcome", "marks main")
        ):
            return reason + "; Sanic has no worker left to ask to terminate, it hangs"
        if what == "marks others" and sub_multiset(mr["others"], mh["others"]):
            return reason
        if (
            what == "marks others"
            and outcome(ref) == ("did not stop",)
            and prefixes_matched(mr["others"], mh["others"])
        ):
            return reason + "; Sanic hangs with no worker left, killed before its stop listeners"
        zero = "insp reload zero" in sc["actions"]
        if (
            zero and what == "marks others" and outcome(ref) == ("did not stop",)
            and prefixes_matched(without_serving(mr["others"]), without_serving(mh["others"]))
        ):
            # (rerun5, seed 2711) Sanic's replacement of the worker it kept reads, when
            # stopped, the 'serving' False its predecessor wrote on the shared entry.
            return reason + "; a Sanic replacement reads its predecessor's 'serving'"
        if (
            zero and what == "outcome" and outcome(ref) == ("did not stop",)
            and outcome(hur) == ("exit", 0)
            and marks_by_kind(ref)["main"][-1:] == ["main_process_stop"]
            and re.search(r"^Main .*INFO: Server Stopped$", ref["out"], re.M)
        ):
            # (rerun5, seed 2711) After a zero-downtime reload that also restarted the
            # worker it had lost, Sanic's main process logs 'Server Stopped' and runs
            # main_process_stop at SIGINT, then does not exit.
            return reason + "; Sanic's main does not exit after its own stop (reload zero)"
        if what == "answers" and all(
            list(r) == h or r[1] in ("no answer", "exited")
            for r, h in zip(ref["answers"], answers_h, strict=False)
        ) and len(ref["answers"]) == len(hur["answers"]):
            return reason
        if what == "logs":
            lr, lh = log_lines(ref["out"]), log_lines(hur["out"])
            # Sanic restarting by name a process it had left dead, which Hurtle had
            # respawned already (and refuses to restart while it runs).
            left_r, _ = only_lines(lr - lh, SANIC_ONLY_LINES + [
                (re.compile(r"^Main DEBUG: Restarting a process: "), reason)] + (
                [(re.compile(r"^Main INFO: Removed worker "), UNTRACKED)] if untracked else []))
            if not left_r:
                return reason
    if untracked and what == "answers" and all(
        list(r) == h or re.sub(r'"Sanic-Job\w*-N",?', "", str(h[-1])) == str(r[-1])
        for r, h in zip(ref["answers"], answers_h, strict=False)
    ):
        # A process managed with tracked=False that fails stays listed as FAILED (third
        # audit); Sanic drops it as if it had completed.
        return UNTRACKED
    if what == "logs":
        lr, lh = log_lines(ref["out"]), log_lines(hur["out"])
        left_r, why_r = only_lines(lr - lh, SANIC_ONLY_LINES + (
            [(re.compile(r"^Main INFO: Removed worker "), UNTRACKED)] if untracked else []))
        left_h, why_h = only_lines(lh - lr, HURTLE_ONLY_LINES)
        if not left_r and not left_h:
            return "; ".join(sorted(why_r | why_h))
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--only", type=int, help="run only scenario I of the seed")
    ap.add_argument("--show", action="store_true", help="print the app and both outputs")
    ap.add_argument("--save", help="append each scenario and both results to this JSON-lines file")
    ap.add_argument("--relabel", help="compare the runs saved in this file again, run nothing")
    opts = ap.parse_args()
    if opts.relabel:
        with open(opts.relabel) as f:
            saved = [json.loads(line) for line in f]
        counts = collections.Counter()
        for i, (sc, ref, hur) in enumerate(saved):
            report(i, sc, ref, hur, counts, opts.show)
        print(f"{opts.relabel}: {len(saved)} scenarios, {dict(counts)}")
        return
    rng = random.Random(opts.seed)
    counts = collections.Counter()
    tmp = tempfile.mkdtemp(prefix="workfuzz-")
    try:
        for i in range(opts.count):
            port = free_port()
            iport = free_port()
            while iport == port:  # (the kernel may hand out the port just closed again)
                iport = free_port()
            sc = gen(rng, port, iport)
            if opts.only is not None and i != opts.only:
                continue
            ref = run(REF_PY, sc, tmp)
            hur = run(HURTLE_PY, sc, tmp)
            if opts.save:
                with open(opts.save, "a") as f:
                    f.write(json.dumps([sc, ref, hur]) + "\n")
            report(i, sc, ref, hur, counts, opts.show)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"seed {opts.seed}: {opts.count} scenarios, {dict(counts)}")


def report(i: int, sc: dict, ref: dict, hur: dict, counts: collections.Counter,
           show: bool) -> None:
    diffs = compare(ref, hur)
    labels = [(w, d, kept(sc, w, ref, hur)) for w, d in diffs]
    if not diffs:
        counts["same"] += 1
    elif all(reason for _, _, reason in labels):
        counts["kept"] += 1
    else:
        counts["diff"] += 1
    summary = (f"{sc['mode']} w={sc['workers']} single={sc['single']} fast={sc['fast']} "
               f"insp={sc['inspector']}/{sc['custom_inspector']} procs="
               f"{[(p['func'], p['restartable'], p['transient']) for p in sc['procs']]} "
               f"crash={sc['start_crash']}/{sc['crash_after']} "
               f"actions={sc['actions']} end={sc['ending']}")
    print(f"[{i}] {'SAME' if not diffs else 'DIFF'} {summary}")
    for w, d, reason in labels:
        print(f"    {'KEPT' if reason else 'DIFF'} {w}: {d[:1500]}")
        if reason:
            print(f"        kept: {reason}")
    if show and diffs:
        print(sc["src"])
        print("--- sanic ---\n" + ref["out"][-4000:] + "\n" + ref["marks"])
        print("--- hurtle ---\n" + hur["out"][-4000:] + "\n" + hur["marks"])
    sys.stdout.flush()


if __name__ == "__main__":
    main()
