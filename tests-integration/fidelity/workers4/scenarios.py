"""Scenarios for compare.py (each: name, files, argv, steps, optional env/lines/kept).

File sources are `str.format`ed with {port}, {iport} (a second free port) and {tmp}; so
literal braces in them are doubled.
"""

from __future__ import annotations

import signal

INT, TERM = signal.SIGINT, signal.SIGTERM
R1 = ("log", "Worker ready", 30, 1)
R2 = ("log", "Worker ready", 30, 2)

BASE = """\
import os, sys, time
from sanic import Sanic, text
app = Sanic("W4")
app.config.GRACEFUL_SHUTDOWN_TIMEOUT = {{grace}}

def flag(name):
    try:
        os.close(os.open(os.path.join("{tmp}", name), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except FileExistsError:
        return False

@app.get("/")
async def root(request):
    return text("ok")

{{extra}}

if __name__ == "__main__":
    {{start}}
    app.run(host="127.0.0.1", port={port}, workers={{workers}}{{kw}})
"""


def app(extra: str = "", workers: int = 1, grace: float = 15.0, kw: str = "", start: str = "pass") -> str:
    return BASE.replace("{{extra}}", extra).replace("{{workers}}", str(workers)).replace(
        "{{grace}}", str(grace)).replace("{{kw}}", kw).replace("{{start}}", start)


SCENARIOS: list[dict] = []


def sc(name: str, files: dict, steps: list, argv=("PY", "app.py"), **more) -> None:
    SCENARIOS.append({"name": name, "files": files, "steps": steps, "argv": list(argv), **more})


# --- a worker that aborts (SIGABRT) ------------------------------------------------------------
sc("abort_in_handler", {"app.py": app("""
@app.get("/abort")
async def abort(request):
    os.abort()
""", workers=2)}, [("port", 15), R2, ("get", "/abort", 3), ("sleep", 3), ("get", "/"), ("get", "/"),
                  ("signal", INT)])

sc("abort_at_start_once", {"app.py": app("""
@app.before_server_start
async def bss(app):
    if flag("abort"):
        os.abort()
""", workers=2)}, [("port", 15), ("log", "Worker ready|SIGABRT", 30), ("sleep", 3), ("get", "/"), ("signal", INT)])

# --- a blocking handler while SIGTERM arrives ----------------------------------------------------
sc("busy_handler_sigterm", {"app.py": app("""
@app.get("/busy")
async def busy(request):
    time.sleep(4)
    return text("done")
""", grace=1)}, [("port", 15), R1, ("bg_get", "/busy", 20), ("sleep", 1), ("signal", TERM), ("join",)])

sc("busy_handler_sigint", {"app.py": app("""
@app.get("/busy")
async def busy(request):
    time.sleep(4)
    return text("done")
""", grace=1)}, [("port", 15), R1, ("bg_get", "/busy", 20), ("sleep", 1), ("signal", INT), ("join",)])

# --- start methods with a factory and with an app made under the main guard -------------------
FACTORY = """\
import sys
from sanic import Sanic, text
from sanic.worker.loader import AppLoader

def create_app():
    app = Sanic("W4F")
    @app.get("/")
    async def root(request):
        return text("factory " + app.m.name[:12])
    return app

if __name__ == "__main__":
    Sanic.start_method = sys.argv[1]
    loader = AppLoader(factory=create_app)
    app = loader.load()
    app.prepare(host="127.0.0.1", port={port}, workers=2)
    Sanic.serve(primary=app, app_loader=loader)
"""
for method in ("fork", "forkserver", "spawn"):
    sc(f"factory_{method}", {"app.py": FACTORY}, [("port", 20), R2, ("get", "/"), ("signal", INT)],
       argv=("PY", "app.py", method))

GUARD = """\
import sys
from sanic import Sanic, text

if __name__ == "__main__":
    Sanic.start_method = sys.argv[1]
    app = Sanic("W4G")
    @app.get("/")
    async def root(request):
        return text("guard")
    app.run(host="127.0.0.1", port={port}, workers=2)
"""
for method in ("fork", "forkserver", "spawn"):
    sc(f"guard_{method}", {"app.py": GUARD}, [("port", 12), ("log", "Worker ready|not found|Error", 30), ("sleep", 2), ("get", "/"), ("signal", INT)],
       argv=("PY", "app.py", method))

CLI_FACTORY = """\
from sanic import Sanic, text

def create_app():
    app = Sanic("W4C")
    @app.get("/")
    async def root(request):
        return text("cli factory")
    return app
"""
for method in ("fork", "forkserver"):
    sc(f"cli_factory_{method}", {"mod.py": CLI_FACTORY},
       [("port", 20), R2, ("get", "/"), ("signal", INT)],
       argv=("PY", "-m", "sanic", "mod:create_app", "--factory", "-w", "2", "-p", "{port}",
             "-H", "127.0.0.1"), env={"SANIC_START_METHOD": method})

# --- listeners with their arguments --------------------------------------------------------------
sc("main_listeners_args", {"app.py": app("""
@app.main_process_start
async def ms0(app):
    print("W4 ms0", flush=True)

@app.main_process_start
def ms1(app):
    print("W4 ms1", type(app).__name__, flush=True)

@app.main_process_ready
async def mr2(app, loop):
    print("W4 mr2", type(app).__name__, type(loop).__name__.replace("Loop", ""), flush=True)

@app.main_process_stop
async def mst(app, *args):
    print("W4 mst", len(args), flush=True)

@app.reload_process_start
async def rps(app, loop):
    print("W4 rps", app.name, loop is not None, flush=True)

@app.reload_process_stop
def rpst(app):
    print("W4 rpst", app.name, flush=True)
""", kw=", auto_reload=True")}, [("port", 15), R1, ("sleep", 2), ("signal", INT)])

# --- auto-reload with a syntax error in a watched file -----------------------------------------
RELOAD = app("""
import helper

@app.get("/h")
async def h(request):
    return text(helper.VALUE)
""", kw=", auto_reload=True, reload_dir='{tmp}'")
sc("reload_syntax_error", {"app.py": RELOAD, "helper.py": "VALUE = 'one'\n"},
   [("port", 15), R1, ("get", "/h"), ("edit", "helper.py", "VALUE = 'two\n"), ("sleep", 5),
    ("get", "/h", 3), ("edit", "helper.py", "VALUE = 'three'\n"), ("sleep", 6), ("get", "/h"),
    ("signal", INT)])
sc("reload_syntax_error_main", {"app.py": RELOAD, "helper.py": "VALUE = 'one'\n"},
   [("port", 15), R1, ("get", "/h"), ("edit", "app.py", RELOAD + "\ndef broken(:\n"), ("sleep", 5),
    ("get", "/h", 3), ("edit", "app.py", RELOAD), ("sleep", 6), ("get", "/h"),
    ("signal", INT)])

RELOAD2 = RELOAD.replace("workers=1", "workers=2")
sc("reload_syntax_error_two_workers", {"app.py": RELOAD2, "helper.py": "VALUE = 'one'\n"},
   [("port", 15), R2, ("get", "/h"), ("edit", "helper.py", "VALUE = 'two\n"), ("sleep", 6),
    ("get", "/h", 3), ("edit", "helper.py", "VALUE = 'three'\n"), ("sleep", 8), ("get", "/h"),
    ("signal", INT)], lines=r"SyntaxError|exited|killed|before it|Starting worker")

# the server's log written into the watched folder; one edit, then requests for a while
sc("reload_log_in_watched_dir", {"app.py": RELOAD, "helper.py": "VALUE = 'one'\n",
                                 "note.txt": "a\n"},
   [("port", 15), R1, ("get", "/h"), ("edit", "note.txt", "b\n"), ("sleep", 4), ("get", "/h", 3),
    ("sleep", 4), ("get", "/h", 3), ("signal", INT)], out_in_app=True)

# --- a worker that exits cleanly or with a code from a handler ----------------------------------
sc("exit0_handler_two_workers", {"app.py": app("""
@app.get("/exit")
async def ex(request):
    os._exit(0)
""", workers=2)}, [("port", 15), R2, ("get", "/exit", 3), ("sleep", 3), ("get", "/"), ("get", "/"),
                  ("signal", INT)])

# --- multiplexer reload/exit from a worker -------------------------------------------------------
sc("multiplexer_reload_exit", {"app.py": app("""
@app.get("/reload")
async def rl(request):
    request.app.m.reload()
    return text("reloading")

@app.get("/exit")
async def ex(request):
    request.app.m.exit()
    return text("exiting")
""", workers=1)}, [("port", 15), R1, ("get", "/reload"), ("sleep", 4), ("get", "/"), ("get", "/exit"),
                  ("sleep", 4), ("get", "/", 3), ("signal", INT)])

# --- a socket with SO_REUSEPORT passed as sock= to two workers ----------------------------------
sc("sock_reuse_port", {"app.py": app("", workers=2, start="""import socket
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", {port}))
    app.config.W4 = 1""").replace('host="127.0.0.1", port={port}, ', "sock=sock, ")},
   [("port", 15), R2, ("get", "/"), ("signal", INT)])

# --- a custom process that aborts, restartable or not -----------------------------------------
for restartable in (False, True):
    sc(f"managed_abort_restartable_{restartable}", {"app.py": app(f"""
def job():
    time.sleep(1)
    if flag("job"):
        os.abort()
    time.sleep(600)

@app.main_process_ready
async def ready(app):
    app.manager.manage("Job", job, {{{{}}}}, restartable={restartable})
""")}, [("port", 15), R1, ("sleep", 5), ("get", "/"), ("signal", INT)],
       lines=r"Job|SIGABRT|Error|error|exited|killed")

# --- a worker that hangs before its ack, with a short WORKER_ACK_TIMEOUT -------------------------
sc("hang_at_start_ack_timeout", {"app.py": app("""
app.config.WORKER_ACK_TIMEOUT = 3.0

@app.before_server_start
async def slow(app):
    if flag("slow"):
        time.sleep(8)
""")}, [("port", 15), ("sleep", 5), ("get", "/", 2), ("log", "Worker ready", 20), ("get", "/"),
        ("signal", INT)], lines=r"ack|Ack|ACK|Error|error|exited|killed|Worker ready")

# --- why a difference is kept (README: "Worker manager, fourth audit") -------------------------
KEPT = {
    "abort_at_start_once": "a worker killed (SIGABRT) before its ack fails the start-up: Hurtle "
    "names the signal, stops and exits 1; Sanic serves on with one worker, silently, and hangs "
    "at SIGINT",
    "factory_fork": "fixed in Hurtle: under fork the factory builds the worker's app; Sanic's "
    "forked workers fail ('already in use') and it kills its group (-9)",
    "factory_forkserver": "Sanic's factory-built app has no multiplexer under forkserver "
    "(500: 'Sanic' object has no attribute 'multiplexer') and its run hangs at SIGINT; "
    "Hurtle serves and stops",
    "cli_factory_fork": "Sanic's run sometimes does not stop at SIGINT (killed after the "
    "wait) or exits 1 with its own TypeError/AttributeError at shutdown; both serve. SANIC_START_METHOD is no setting: both use spawn here",
    "cli_factory_forkserver": "as cli_factory_fork",
    "guard_forkserver": "an app made in the main guard cannot be found under forkserver in "
    "either; Hurtle exits 1 with its explanation (naming the method), Sanic exits -9",
    "guard_spawn": "as guard_forkserver, under spawn",
    "multiplexer_reload_exit": "app.m.exit(): Sanic's main process fails (KeyError) and the run "
    "ends with exit 1; Hurtle's worker ends and is respawned (earlier audit, 003)",
    "reload_log_in_watched_dir": "Sanic restarts its worker again and again as its own log "
    "(in the watched folder) changes, misses requests, and hangs at SIGINT; Hurtle does not "
    "watch the file its output goes to (fixed: it restarted without end)",
    "reload_syntax_error_two_workers": "timing: in one of two runs Sanic missed the edits "
    "saved soon after start-up and served the old code throughout (Hurtle's reloader "
    "takes files newer than the run's start as changed: fixed)",
    "sock_reuse_port": "Sanic does not stop at SIGINT with a sock= given to two workers (killed "
    "after the wait); Hurtle stops, exit 0",
}
for _sc in SCENARIOS:
    if _sc["name"] in KEPT:
        _sc["kept"] = KEPT[_sc["name"]]
