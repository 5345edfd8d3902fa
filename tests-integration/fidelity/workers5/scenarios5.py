"""Scenarios of the fifth worker-manager audit, run by compare.py (the fourth audit's runner).

Each: name, files (sources `str.format`ed with {port}, {iport}, {tmp}: literal braces are
doubled), argv, steps, optional env/lines/kept. Lines starting with `W5 ` are what the apps
print about themselves.
"""

from __future__ import annotations

import os
import signal
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "workers4"))
from scenarios import R1, R2, app

INT, TERM = signal.SIGINT, signal.SIGTERM
W5 = r"W5 |Error|error|Traceback|exited|killed|respawn|Starting worker|Stopping worker|Worker complete|warn|Warn|WARN"

SCENARIOS: list[dict] = []


def sc(name: str, files: dict, steps: list, argv=("PY", "app.py"), **more) -> None:
    SCENARIOS.append({"name": name, "files": files, "steps": steps, "argv": list(argv),
                      "lines": W5, **more})


# --- what app.m and app.manager show, in each process ---------------------------------------
INTROSPECT = """
import multiprocessing as mp
from sanic import json

def attempt(fn):
    try:
        return repr(fn())[:60]
    except Exception as exc:
        return type(exc).__name__ + ": " + str(exc)[:90]

@app.main_process_start
async def ms(app):
    print("W5 ms m", attempt(lambda: app.m), flush=True)
    print("W5 ms manager", attempt(lambda: type(app.manager).__name__), flush=True)

@app.main_process_ready
async def mr(app):
    mgr = app.manager
    print("W5 mr", type(mgr).__name__, mgr.THRESHOLD, mgr.MAIN_NAME, mgr.pid == os.getpid(), flush=True)
    print("W5 mr workers", [w.ident for w in mgr.workers], flush=True)
    print("W5 mr processes", [p.name for p in mgr.processes], flush=True)
    print("W5 mr transient", len(list(mgr.transient_processes)), "durable", len(list(mgr.durable_processes)), flush=True)
    print("W5 mr all_workers", [n for n, _ in mgr.all_workers], flush=True)

@app.before_server_start
async def bss(app):
    print("W5 bss name", app.m.name, app.m.pid == os.getpid(), flush=True)
    print("W5 bss state", sorted(app.m.state), app.m.state.get("state"), flush=True)
    print("W5 bss manager", attempt(lambda: app.manager), flush=True)
    print("W5 bss proc", mp.current_process().name, mp.current_process().daemon, flush=True)

@app.get("/info")
async def info(request):
    m = request.app.m
    return json({{
        "state_type": type(m.state).__name__, "workers_type": type(m.workers).__name__,
        "keys": sorted(m.state), "names": sorted(m.workers),
        "entry_keys": {{k: sorted(v) for k, v in m.workers.items()}},
        "states": sorted(str(v.get("state")) for v in m.workers.values()),
        "set_serving": attempt(lambda: m.set_serving(True)),
        "is_main": sorted(str(v.get("server")) for v in m.workers.values()),
    }})
"""
sc("introspect", {"app.py": app(INTROSPECT, workers=2)},
   [("port", 15), R2, ("get", "/info"), ("signal", INT)])

# --- app.m actions from a handler, and what the listeners see after each ----------------------
ACTIONS = """
@app.before_server_start
async def bss(app):
    print("W5 bss", app.m.name, app.m.state.get("state"), flush=True)

@app.after_server_start
async def ass(app):
    print("W5 ass", app.m.name, app.m.state.get("state"), flush=True)

@app.before_server_stop
async def bst(app):
    print("W5 bst", app.m.name, app.m.state.get("state"), flush=True)

@app.after_server_stop
async def ast(app):
    print("W5 ast", app.m.name, app.m.state.get("state"), flush=True)

@app.main_process_stop
async def mst(app):
    print("W5 main stop", flush=True)

@app.get("/do/<what>")
async def do(request, what):
    m = request.app.m
    if what == "restart":
        m.restart()
    elif what == "restart_all":
        m.restart(all_workers=True)
    elif what == "reload":
        m.reload()
    elif what == "scale3":
        m.scale(3)
    elif what == "scale1":
        m.scale(1)
    elif what == "terminate":
        m.terminate()
    return text(what)

@app.get("/who")
async def who(request):
    w = request.app.m.workers
    return text(" ".join(sorted(str(v.get("state")) for v in w.values())) + " n=" + str(len(w)))
"""
sc("actions", {"app.py": app(ACTIONS, workers=2)},
   [("port", 15), R2, ("get", "/do/restart"), ("sleep", 5), ("get", "/who"),
    ("get", "/do/restart_all"), ("sleep", 6), ("get", "/who"),
    ("get", "/do/reload"), ("sleep", 6), ("get", "/who"),
    ("get", "/do/scale3"), ("sleep", 6), ("get", "/who"),
    ("get", "/do/scale1"), ("sleep", 5), ("get", "/who"),
    ("get", "/do/terminate"), ("sleep", 5)])

# --- shared_ctx values of each kind ------------------------------------------------------------
SHARED = """
import multiprocessing as mp

@app.main_process_start
async def ms(app):
    app.shared_ctx.queue = mp.Queue()
    app.shared_ctx.value = mp.Value("i", 0)
    app.shared_ctx.event = mp.Event()
    app.shared_ctx.lock = mp.Lock()
    app.shared_ctx.arr = mp.Array("i", 3)
    app.shared_ctx.number = 5
    app.shared_ctx.word = "w"
    app.shared_ctx.mapping = {{"a": 1}}
    app.shared_ctx.items = [1, 2]
    app.shared_ctx.none = None
    print("W5 ms", sorted(k for k in vars(app.shared_ctx) if not k.startswith("_")), flush=True)

@app.before_server_start
async def bss(app):
    print("W5 bss", sorted((k, type(v).__name__) for k, v in vars(app.shared_ctx).items()
                           if not k.startswith("_")), flush=True)

@app.get("/bump")
async def bump(request):
    ctx = request.app.shared_ctx
    with ctx.value.get_lock():
        ctx.value.value += 1
    ctx.queue.put(ctx.value.value)
    ctx.event.set()
    return text(str(ctx.value.value))

@app.get("/read")
async def read(request):
    ctx = request.app.shared_ctx
    got = []
    while True:
        try:
            got.append(ctx.queue.get(timeout=0.2))
        except Exception:
            break
    return text(f"{{ctx.value.value}} {{ctx.event.is_set()}} {{sorted(got)}} {{ctx.mapping}}")

@app.get("/late")
async def late(request):
    request.app.shared_ctx.later = 1
    return text("late")
"""
sc("shared_ctx_kinds", {"app.py": app(SHARED, workers=2)},
   [("port", 15), R2, ("get", "/bump"), ("get", "/bump"), ("get", "/bump"), ("get", "/read"),
    ("get", "/late"), ("signal", INT)])

# --- custom processes ------------------------------------------------------------------------
MANAGED = """
def job(name, fail):
    import multiprocessing as mp
    print("W5 job", name, mp.current_process().name, sorted(k for k in os.environ if k.startswith("SANIC_W")), flush=True)
    time.sleep(0.5)
    if fail:
        raise ValueError("job failed " + name)
    time.sleep(600)

@app.main_process_ready
async def mr(app):
    app.manager.manage("Pair", job, {{"name": "pair", "fail": False}}, workers=2)
    app.manager.manage("Bad", job, {{"name": "bad", "fail": True}})
    app.manager.manage("Later", job, {{"name": "later", "fail": False}}, auto_start=False)

@app.get("/w")
async def w(request):
    return text(" ".join(f"{{k}}={{v.get('state')}}" for k, v in sorted(request.app.m.workers.items())
                         if "Server" not in k))

@app.get("/restart/<name>")
async def rs(request, name):
    request.app.m.restart(name)
    return text("ok")
"""
sc("managed", {"app.py": app(MANAGED)},
   [("port", 15), R1, ("sleep", 3), ("get", "/w"), ("get", "/restart/Sanic-Pair-0"), ("sleep", 3),
    ("get", "/w"), ("get", "/restart/Sanic-Later-0"), ("sleep", 3), ("get", "/w"),
    ("signal", INT)])

# --- the manager's ack threshold, set as Sanic's docs say -------------------------------------
sc("threshold", {"app.py": app("""
from sanic.worker.manager import WorkerManager
WorkerManager.THRESHOLD = 20

@app.before_server_start
async def slow(app):
    if flag("slow"):
        time.sleep(6)
""")}, [("port", 15), ("sleep", 4), ("get", "/", 2), ("log", "Worker ready", 12), ("get", "/"),
        ("signal", INT)], lines=W5 + r"|ack|Ack|ACK|Worker ready")

# --- one process: single_process=True, and one worker ----------------------------------------
SINGLE = """
def attempt(fn):
    try:
        return repr(fn())[:60]
    except Exception as exc:
        return type(exc).__name__ + ": " + str(exc)[:90]

@app.main_process_start
async def ms(app):
    print("W5 ms", flush=True)

@app.before_server_start
async def bss(app):
    print("W5 bss m", attempt(lambda: app.m.name), flush=True)
    print("W5 bss manager", attempt(lambda: app.manager), flush=True)
    print("W5 bss mode", app.state.mode, app.state.workers, app.state.is_running, flush=True)

@app.get("/m")
async def m(request):
    return text(attempt(lambda: request.app.m.state.get("state")))
"""
for kw, label in ((", single_process=True", "single"), ("", "one_worker")):
    sc(f"single_{label}", {"app.py": app(SINGLE, kw=kw)},
       [("port", 15), ("sleep", 1), ("get", "/m"), ("signal", INT)])

# --- start methods: what a worker is, under each --------------------------------------------
for method in ("fork", "forkserver", "spawn"):
    sc(f"method_{method}", {"app.py": app("""
import multiprocessing as mp

@app.before_server_start
async def bss(app):
    print("W5 bss", mp.current_process().name, mp.get_start_method(allow_none=True), app.m.name, flush=True)
""", workers=2, start=f"Sanic.start_method = {method!r}")},
       [("port", 15), R2, ("get", "/"), ("signal", INT)])

# --- which custom processes a restart of every worker, or a reload, restarts -------------------
RESTART_KINDS = """
def job(name):
    n = 0
    while not flag(f"{{name}}-{{n}}"):
        n += 1
    print("W5 job", name, "start", n, flush=True)
    time.sleep(600)

@app.main_process_ready
async def mr(app):
    app.manager.manage("Durable", job, {{"name": "durable"}}, restartable=True)
    app.manager.manage("Transient", job, {{"name": "transient"}}, transient=True)
    app.manager.manage("Plain", job, {{"name": "plain"}})

@app.get("/do/<what>")
async def do(request, what):
    m = request.app.m
    if what == "restart_all":
        m.restart(all_workers=True)
    elif what == "reload":
        m.reload()
    elif what == "restart":
        m.restart()
    return text(what)
"""
sc("restart_kinds", {"app.py": app(RESTART_KINDS)},
   [("port", 15), R1, ("sleep", 2), ("get", "/do/restart"), ("sleep", 5), ("get", "/do/restart_all"),
    ("sleep", 5), ("get", "/do/reload"), ("sleep", 5), ("signal", INT)])

# --- shared_ctx objects under each start method ------------------------------------------------
for method in ("fork", "forkserver"):
    sc(f"shared_ctx_{method}", {"app.py": app(SHARED.replace("app.shared_ctx.lock = mp.Lock()", "app.shared_ctx.guard = mp.Lock()"), workers=2,
                                              start=f"Sanic.start_method = {method!r}")},
       [("port", 15), R2, ("get", "/bump"), ("get", "/bump"), ("get", "/bump"), ("get", "/read"),
        ("get", "/late"), ("signal", INT)])

# --- an app made in the main guard, with no start method chosen --------------------------------
sc("guard_default", {"app.py": """\
from sanic import Sanic, text

if __name__ == "__main__":
    app = Sanic("W5G")

    @app.get("/")
    async def root(request):
        return text("guard")

    app.run(host="127.0.0.1", port={port}, workers=2)
"""}, [("port", 12), ("log", "Worker ready|not found|Error", 30), ("sleep", 2), ("get", "/"),
      ("signal", INT)])

KEPT: dict[str, str] = {
    "actions": "scale(1) from three workers: Sanic keeps the two it stopped listed in "
    "app.m.workers as TERMINATED; Hurtle drops them (listed by the second audit)",
    "threshold": "WorkerManager.THRESHOLD = 20 (2 s) and a 6 s start: Sanic gives up and "
    "kills its group (-9); Hurtle warns after 2 s (fixed: it ignored THRESHOLD) and waits",
    "single_single": "app.m under single_process: AttributeError in both, Hurtle's message "
    "says where app.m exists",
    "single_one_worker": "Sanic's run does not stop at SIGINT here (killed after the wait); "
    "in a worker, app.state.workers is 0 in Sanic (its default: host '' and port 0 too), "
    "the real count in Hurtle",
    "method_forkserver": "Sanic's forkserver worker has no multiplexer (AttributeError in "
    "before_server_start) and the run is killed (-9); Hurtle serves",
    "shared_ctx_forkserver": "under forkserver Sanic's run did not stop at SIGINT (killed "
    "after the wait); what the workers saw was the same",
    "introspect": "Sanic's run does not stop at SIGINT (killed after the wait); a worker is a "
    "daemonic process in Sanic, not in Hurtle (third audit)",
    "method_spawn": "timing: in one run of three Sanic's main process did not stop at SIGINT "
    "(killed after the wait); otherwise the same",
    "guard_default": "fixed: Hurtle forks the workers for an app made in the __main__ block "
    "when no start method was chosen, and serves; Sanic's spawned workers do not find it "
    "and it kills its group (-9)",
}
for _sc in SCENARIOS:
    if _sc["name"] in KEPT:
        _sc["kept"] = KEPT[_sc["name"]]
