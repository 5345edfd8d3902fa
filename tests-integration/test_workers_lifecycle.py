"""Starting and reloading workers: auto-reload, slow starts, and the mistakes users make.

Each test runs a real server subprocess on loopback and stops it by its PID.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers import edit_until, free_port, poll_text, running

from sanic.runner import GOODBYES

RELOAD_APP = """
import os
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Reloading")

@app.reload_process_start
async def reloader_started(app, loop):
    print("reload_process_start", os.getpid(), flush=True)

@app.get("/")
async def index(request):
    return text("VERSION-1")

if __name__ == "__main__":
    app.config.RELOADER_INTERVAL = 0.2
    app.run(host="127.0.0.1", port={port}, auto_reload=True, reload_dir={extra!r})
"""


def test_editing_the_app_reloads_the_workers(tmp_path: Path) -> None:
    port = free_port()
    extra = tmp_path / "templates"
    extra.mkdir()
    (extra / "page.html").write_text("one")
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(RELOAD_APP).format(port=port, extra=str(extra)))
    url = f"http://127.0.0.1:{port}/"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        first = poll_text(url, "VERSION-1")
        source = script.read_text().replace("VERSION-1", "VERSION-2")
        second = edit_until(script, source, url, "VERSION-2")
        (extra / "page.html").write_text("two")  # a file of reload_dir counts too
        time.sleep(0.1)
        third = edit_until(script, source.replace("VERSION-2", "VERSION-3"), url, "VERSION-3")
        # A broken edit does not end the dev server; the next good edit brings it back.
        # Written whole at once (a new file renamed over the old): a plain write truncates
        # first, and a reloader looking between the truncation and the write sees two
        # changes, so on a loaded machine the broken app was started (and failed) twice.
        broken = tmp_path / "app.py.new"
        broken.write_text(source.replace("VERSION-2", "VERSION-3") + "\nthis is not python\n")
        os.replace(broken, script)
        # Once the reloader has stopped the worker, its replacement cannot load the code:
        # nothing answers. (A fixed 2 s stood for that; on a busy machine the next edit
        # could come first, and the broken code was never started.)
        unanswered = poll_text(url, "<no answer>")
        still_running = proc.poll() is None
        fourth = edit_until(script, source.replace("VERSION-2", "VERSION-4"), url, "VERSION-4")
    output = proc.stdout.read() if proc.stdout else ""
    assert (first, second, third, fourth) == ("VERSION-1", "VERSION-2", "VERSION-3",
                                              "VERSION-4")
    assert unanswered == "<no answer>"
    assert still_running
    assert "reload_process_start" in output
    assert "Change detected" in output
    # As Sanic: the broken edit's error is shown once, where it is, and the worker waits for
    # the next change instead of being respawned into the same error again and again.
    assert output.count("NameError: name 'this' is not defined") == 1
    assert "will start again when a watched file changes" in output
    assert "respawning" not in output


RELOADED_FILES_APP = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("ReloadedFiles")

@app.get("/")
async def index(request):
    return text(repr(request.app.config.get("RELOADED_FILES", "<unset>")))

@app.get("/restart")
async def restart(request):
    request.app.m.restart()
    return text("restarting")

if __name__ == "__main__":
    app.config.RELOADER_INTERVAL = 0.2
    app.run(host="127.0.0.1", port={port}, auto_reload=True, reload_dir={extra!r})
"""


def test_reloaded_workers_find_the_changed_files_in_their_config(tmp_path: Path) -> None:
    # As Sanic: a worker started by the reloader has app.config.RELOADED_FILES, the
    # changed files comma-separated; one restarted by app.m.restart() has "" there.
    port = free_port()
    extra = tmp_path / "templates"
    extra.mkdir()
    page = extra / "page.html"
    page.write_text("one")
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(RELOADED_FILES_APP).format(port=port, extra=str(extra)))
    url = f"http://127.0.0.1:{port}/"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        first = poll_text(url, "'<unset>'")
        reloaded = edit_until(page, "two", url, repr(str(page)))
        httpx.get(url + "restart", timeout=5)
        restarted = poll_text(url, "''")
    assert (first, reloaded, restarted) == ("'<unset>'", repr(str(page)), "''")


def run_to_exit(script: Path, timeout: float = 40.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script)], cwd=script.parent, capture_output=True, text=True,
        timeout=timeout,
    )


def run_app_script(
    tmp_path: Path, name: str, source: str, **fields: Any
) -> subprocess.CompletedProcess[str]:
    """Write ``source`` (its ``{port}`` a free port, other fields as given) to ``name`` in
    ``tmp_path`` and run it to its end."""
    script = tmp_path / name
    script.write_text(textwrap.dedent(source).format(port=free_port(), **fields))
    return run_to_exit(script)


NOT_FOUND_APP = """
from sanic import Sanic
from hurtle_http.response import text

def make():
    app = Sanic("Hidden")
    app.get("/")(lambda request: text("hi"))
    return app

if __name__ == "__main__":
    Sanic.start_method = "spawn"  # chosen: else the runner forks for such an app
    make().run(host="127.0.0.1", port={port})
"""


def test_app_missing_in_the_worker_says_where_it_looked_and_how_to_fix(tmp_path) -> None:
    result = run_app_script(tmp_path, "hidden.py", NOT_FOUND_APP)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert 'App "Hidden" was not found in the worker process' in output
    assert str(tmp_path / "hidden.py") in output
    assert "at module level" in output


IMPORTED_UNDER_MAIN_APP = """
if __name__ == "__main__":
    from served_elsewhere import app
    app.run(host="127.0.0.1", port={port}, workers=2)
"""

ELSEWHERE_MODULE = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Elsewhere")

@app.get("/")
async def index(request):
    return text("served elsewhere")
"""


def test_an_app_imported_under_the_main_guard_is_found_in_the_workers(tmp_path) -> None:
    # The main module, imported again in each spawned worker, creates no app; the module
    # the main process got it from is imported instead (Sanic: "app name not found").
    (tmp_path / "served_elsewhere.py").write_text(textwrap.dedent(ELSEWHERE_MODULE))
    port = free_port()
    script = tmp_path / "launcher.py"
    script.write_text(textwrap.dedent(IMPORTED_UNDER_MAIN_APP).format(port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        body = poll_text(f"http://127.0.0.1:{port}/", "served elsewhere")
    output = proc.stdout.read() if proc.stdout else ""
    assert body == "served elsewhere"
    assert "was not found" not in output


TWO_IMPORTED_UNDER_MAIN = """
from sanic import Sanic

if __name__ == "__main__":
    from served_elsewhere import app
    from served_too import other
    app.prepare(host="127.0.0.1", port={port}, workers=1)
    other.prepare(host="127.0.0.1", port={port2})
    Sanic.serve()
"""

SECOND_MODULE = """
from sanic import Sanic
from hurtle_http.response import text

other = Sanic("ElsewhereToo")
other.get("/")(lambda request: text("second app"))
"""


def test_two_apps_imported_under_the_main_guard_are_both_found(tmp_path) -> None:
    (tmp_path / "served_elsewhere.py").write_text(textwrap.dedent(ELSEWHERE_MODULE))
    (tmp_path / "served_too.py").write_text(textwrap.dedent(SECOND_MODULE))
    port, port2 = free_port(), free_port()
    script = tmp_path / "launcher.py"
    script.write_text(textwrap.dedent(TWO_IMPORTED_UNDER_MAIN).format(port=port, port2=port2))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        first = poll_text(f"http://127.0.0.1:{port}/", "served elsewhere")
        second = poll_text(f"http://127.0.0.1:{port2}/", "second app")
    assert (first, second) == ("served elsewhere", "second app")


GLOBAL_RUN_APP = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Global")
app.get("/")(lambda request: text("hi"))
app.run(host="127.0.0.1", port={port})
"""


def test_run_in_global_scope_explains_the_main_guard(tmp_path) -> None:
    result = run_app_script(tmp_path, "global_run.py", GLOBAL_RUN_APP)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "not inside of a `if __name__ == \"__main__\"` block" in output


SLOW_START_APP = """
import asyncio
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("SlowStart")
app.config.WORKER_ACK_TIMEOUT = 0.3

@app.before_server_start
async def slow(app, loop):
    await asyncio.sleep(2)

@app.get("/")
async def index(request):
    return text("finally")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port})
"""


def test_slow_start_warns_what_to_raise_and_still_serves(tmp_path) -> None:
    port = free_port()
    script = tmp_path / "slow.py"
    script.write_text(textwrap.dedent(SLOW_START_APP).format(port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=30).text
    output = proc.stdout.read() if proc.stdout else ""
    assert answer == "finally"
    assert "WORKER_ACK_TIMEOUT" in output
    assert proc.returncode == 0


BANNER_APP = """
from sanic import Sanic
from sanic.log import logger
from hurtle_http.response import text

app = Sanic("Banner")
app.get("/")(lambda request: text("hi"))

@app.main_process_start
async def started(app):
    logger.info("main_process_start ran")

@app.after_server_start
async def stop(app):
    app.stop()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, fast=True)
"""


def test_the_banner_comes_before_main_process_start_and_says_goin_fast(tmp_path) -> None:
    result = run_app_script(tmp_path, "banner.py", BANNER_APP)
    lines = (result.stdout + result.stderr).splitlines()
    assert result.returncode == 0, lines
    mode = [i for i, line in enumerate(lines) if "mode: production, goin' fast " in line]
    listener = [i for i, line in enumerate(lines) if "main_process_start ran" in line]
    assert len(mode) == 1 and len(listener) == 1, lines
    assert mode[0] < listener[0]


FACTORY_SERVE_APP = """
import sys
from sanic import Sanic
from sanic.worker.loader import AppLoader
from hurtle_http.response import text

def create_app():
    app = Sanic("FromFactory")
    app.get("/")(lambda request: text("hi"))

    @app.after_server_start
    async def stop(app):
        print("serving", app.name, flush=True)
        app.stop()

    app.prepare(host="127.0.0.1", port={port}, motd=False)
    return app

if __name__ == "__main__":
    if sys.argv[1:] == ["loader"]:
        Sanic.serve(app_loader=AppLoader(factory=create_app))
    else:
        Sanic.serve(factory=create_app)
"""


@pytest.mark.parametrize("how", ["factory", "loader"])
def test_serve_takes_the_app_a_factory_prepares(tmp_path, how: str) -> None:
    script = tmp_path / "factory_serve.py"
    script.write_text(textwrap.dedent(FACTORY_SERVE_APP).format(port=free_port()))
    result = subprocess.run(
        [sys.executable, str(script), how], cwd=tmp_path, capture_output=True, text=True,
        timeout=40,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "serving FromFactory" in output


TWO_APPS = """
from sanic import Sanic
from hurtle_http.response import text

one, two = Sanic("One"), Sanic("Two")
for app in (one, two):
    app.get("/")(lambda request: text("hi"))

    @app.main_process_start
    async def started(app):
        print("main_process_start", app.name, flush=True)

    @app.main_process_ready
    async def ready(app):
        print("main_process_ready", app.name, flush=True)

    @app.main_process_stop
    async def stopped(app):
        print("main_process_stop", app.name, flush=True)

    @app.before_server_start
    async def before(app):
        print("before_server_start", app.name, app.state.primary, flush=True)

@one.after_server_start
async def stop(app):
    app.stop()

if __name__ == "__main__":
    one.prepare(host="127.0.0.1", port={port}, workers=1, motd=False)
    two.prepare(host="127.0.0.1", port={port2}, motd=False)
    Sanic.serve()
"""


def test_serve_with_two_apps_runs_the_primary_apps_main_process_listeners(tmp_path) -> None:
    # As Sanic: main_process_* listeners are those of the primary (first prepared) app;
    # every app's server listeners run in the worker, where only the primary app's
    # state.primary is True.
    result = run_app_script(tmp_path, "two_apps.py", TWO_APPS, port2=free_port())
    lines = [line for line in result.stdout.splitlines() if "_start " in line or "_ready " in line
             or "_stop " in line]
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines == [
        "main_process_start One", "main_process_ready One", "before_server_start One True",
        "before_server_start Two False", "main_process_stop One",
    ]


SHARED_LATE = """
from multiprocessing import Value
from sanic import Sanic

app = Sanic("SharedLate")

@app.main_process_ready
async def ready(app):
    app.shared_ctx.counter = Value("i", 41)

@app.before_server_start
async def per_worker(app):
    app.shared_ctx.mine = "worker value"

@app.after_server_start
async def check(app):
    with app.shared_ctx.counter.get_lock():
        app.shared_ctx.counter.value += 1
    print("worker sees", app.shared_ctx.counter.value, app.shared_ctx.mine, flush=True)
    app.stop()

@app.main_process_stop
async def stopped(app):
    app.shared_ctx.done = True
    print("main sees", app.shared_ctx.counter.value, app.shared_ctx.done, flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def test_shared_ctx_set_in_main_process_ready_reaches_the_workers(tmp_path) -> None:
    # As Sanic: workers start after main_process_ready, so what it puts on shared_ctx
    # is theirs; a worker may set its own values, and main_process_stop may set more.
    result = run_app_script(tmp_path, "shared_late.py", SHARED_LATE)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "worker sees 42 worker value" in output
    assert "main sees 42 True" in output


DEBUG_STOP = """
from sanic import Sanic

app = Sanic("DebugStop")

@app.after_server_start
async def stop(app):
    app.stop()

@app.main_process_stop
async def stopped(app):
    print("main_process_stop ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, debug=True)
"""


def test_debug_run_ends_with_sanics_goodbye_after_main_process_stop(tmp_path) -> None:
    result = run_app_script(tmp_path, "debug_stop.py", DEBUG_STOP)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert result.returncode == 0, lines
    assert "main_process_stop ran" in lines[-2]
    assert lines[-1].partition("DEBUG: ")[2] in GOODBYES


TWO_ADDRESSES = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("TwoAddresses")
app.get("/")(lambda request: text("hi"))

for event in ("before_server_start", "after_server_start", "before_server_stop",
              "after_server_stop"):
    app.register_listener(
        (lambda event: lambda app: print(event, flush=True))(event), event
    )

if __name__ == "__main__":
    app.prepare(host="127.0.0.1", port={port}, workers=1, motd=False)
    app.prepare(host="127.0.0.1", port={port2}, motd=False)
    Sanic.serve()
"""


def test_an_app_on_two_addresses_runs_its_server_listeners_once(tmp_path) -> None:
    # As Sanic: prepared twice, the app serves both addresses, and each server listener
    # runs once in the worker, not once per address.
    port, port2 = free_port(), free_port()
    script = tmp_path / "two_addresses.py"
    script.write_text(textwrap.dedent(TWO_ADDRESSES).format(port=port, port2=port2))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        answers = [httpx.get(f"http://127.0.0.1:{p}/", timeout=30).text for p in (port, port2)]
    output = proc.stdout.read() if proc.stdout else ""
    assert answers == ["hi", "hi"]
    assert [line for line in output.splitlines() if "_server_" in line] == [
        "before_server_start", "after_server_start", "before_server_stop",
        "after_server_stop",
    ]


STAGES = """
from sanic import Sanic
from sanic.application.constants import ServerStage
from hurtle_http.response import text

app = Sanic("Stages")
app.get("/")(lambda request: text("hi"))

for event in ("main_process_start", "before_server_start", "after_server_start",
              "before_server_stop", "after_server_stop"):
    app.register_listener(
        (lambda event: lambda app: print(
            event, app.state.stage.name, len(app.state.server_info), flush=True
        ))(event), event,
    )

@app.after_server_start
def stop(app):
    app.stop()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, motd=False, {mode})
    print("returned", app.state.stage.name, len(app.state.server_info), flush=True)
"""


@pytest.mark.parametrize("mode", ["single_process=True", "workers=1"])
def test_the_serving_process_says_its_server_is_serving(tmp_path, mode: str) -> None:
    # As Sanic: app.state.stage is SERVING (one server listed) in the serving process's
    # listeners, which sanic-ext's health monitor relies on; STOPPED elsewhere.
    result = run_app_script(tmp_path, "stages.py", STAGES, mode=mode)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.split(" ")[0] in {
        "main_process_start", "before_server_start", "after_server_start",
        "before_server_stop", "after_server_stop", "returned"}]
    serving = [f"{event} SERVING 1" for event in (
        "before_server_start", "after_server_start", "before_server_stop",
        "after_server_stop")]
    main = ["main_process_start STOPPED 1"] if mode == "workers=1" else []
    assert lines == [*main, *serving, "returned STOPPED 0"]


SERVE_AFTER_SINGLE_PREPARE = """
import os
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("ServeAfterPrepare")

@app.get("/")
async def index(request):
    return text("ok")

@app.main_process_start
async def main_start(app):
    print("main_process_start", flush=True)

@app.after_server_start
async def stop(app):
    print("serving in", os.environ.get("SANIC_WORKER_NAME"), flush=True)
    app.stop()

if __name__ == "__main__":
    app.prepare(host="127.0.0.1", port={port}, single_process={single})
    {serve}()
"""


@pytest.mark.parametrize(("single", "serve", "in_worker"), [
    (True, "Sanic.serve", True),  # as Sanic: serve() runs the manager whatever prepare said
    (True, "Sanic.serve_single", False),
    (False, "Sanic.serve", True),
])
def test_serve_after_prepare_runs_the_manager_and_serve_single_does_not(
    tmp_path: Path, single: bool, serve: str, in_worker: bool
) -> None:
    # prepare(single_process=True) then Sanic.serve(): Sanic 25.12 still starts a worker
    # process (main_process_* listeners run, SANIC_WORKER_NAME is set); the one-process
    # server is Sanic.serve_single()'s (app.run(single_process=True) and the CLI call it).
    result = run_app_script(tmp_path, "app.py", SERVE_AFTER_SINGLE_PREPARE, single=single,
                            serve=serve)
    assert result.returncode == 0, result.stderr
    assert ("main_process_start" in result.stdout) is in_worker
    expected = "Sanic-Server-0-0" if in_worker else "None"
    assert f"serving in {expected}" in result.stdout, result.stdout


MAIN_PROCESS_CONFIG_APP = """
from sanic import Sanic
from hurtle_http.response import json

app = Sanic("MainOnly")
app.config.AT_IMPORT = "import"


@app.main_process_start
async def setup(app):
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.config.FROM_LISTENER = "main"
    app.config.NOISY_EXCEPTIONS = True


@app.get("/")
async def index(request):
    config = request.app.config
    return json({{key: config.get(key) for key in (
        "AT_IMPORT", "FROM_LISTENER", "FROM_MAIN_GUARD", "NOISY_EXCEPTIONS")}})


@app.get("/fail")
async def fail(request):
    raise ValueError("boom")


if __name__ == "__main__":
    app.config.FROM_MAIN_GUARD = "guard"
    app.run(host="127.0.0.1", port={port}, workers=2)
"""


def test_config_set_only_in_the_main_process_stays_there(tmp_path) -> None:
    # As Sanic 25.12: each worker imports the app again; of the main process's config it
    # takes only the run's own settings (here NOISY_EXCEPTIONS), so an error page keeps
    # the format the app has at import (text), not the listener's "json".
    port = free_port()
    script = tmp_path / "main_only.py"
    script.write_text(textwrap.dedent(MAIN_PROCESS_CONFIG_APP).format(port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        seen = httpx.get(f"http://127.0.0.1:{port}/", timeout=10).json()
        failed = httpx.get(f"http://127.0.0.1:{port}/fail", timeout=10)
    assert seen == {"AT_IMPORT": "import", "FROM_LISTENER": None, "FROM_MAIN_GUARD": None,
                    "NOISY_EXCEPTIONS": True}
    assert failed.status_code == 500
    assert failed.headers["content-type"].startswith("text/plain")


ACCESS_LOG_TURNED_OFF_APP = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("QuietWorkers")


@app.main_process_start
async def quiet(app):
    app.config.ACCESS_LOG = False


@app.get("/")
async def index(request):
    return text(str(request.app.config.ACCESS_LOG))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, access_log=True)
"""


def test_a_main_process_listener_has_the_last_word_on_the_access_log(tmp_path) -> None:
    # As Sanic 25.12: the run's access_log reaches the workers as the main process's
    # ACCESS_LOG, after its main_process_start listeners; this one turned it off.
    port = free_port()
    script = tmp_path / "quiet.py"
    script.write_text(textwrap.dedent(ACCESS_LOG_TURNED_OFF_APP).format(port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        body = httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text
    output = proc.stdout.read() if proc.stdout else ""
    assert body == "False"
    assert "Worker ready" in output
    assert "GET http://127.0.0.1" not in output
