"""The pre-manager runner (``app.run(legacy=True)``, ``Sanic.serve_legacy()``, ``sanic
--legacy``), as Sanic 22.9 to 23.x offered it; Sanic 25.12 no longer has it.

What a user sees: one worker serves in the main process itself; with ``workers=N`` the
main process binds the socket and forks N plain worker processes that serve on it, then
only waits for them. There is no worker manager, so no ``app.m``/``app.manager``, no
inspector, no ``shared_ctx`` hand-over, and no respawn: a worker that dies is reported and
not replaced (the server stops once none is left). Auto-reload is the old style: the main
process watches the source files and re-runs the whole program in a child process
(marked with ``SANIC_SERVER_RUNNING=true``), killing and restarting it on each change.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from typing import Any

from hurtle_app.logging.setup import name_log_lines
from hurtle_app.serving import wants_uvloop
from hurtle_http.server import remove_unix_socket, server_event_loop
from hurtle_worker.constants import IDENT_ENV
from hurtle_worker.process import set_parent_death_signal
from hurtle_worker.reloader import Reloader

logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")

#: Set in the child that the legacy reloader runs, as Sanic's old reloader did.
RUNNING_ENV = "SANIC_SERVER_RUNNING"


def serve_legacy(app_class: Any, primary: Any = None) -> None:
    """Serve the prepared app the pre-manager way (see the module docstring)."""
    from sanic import runner

    primary = runner._pick_primary(app_class, primary)
    state = primary.state
    if state.auto_reload and os.environ.get(RUNNING_ENV) != "true":
        _watch_and_rerun(primary)
        primary.state.server_info.clear()
        return
    if state.workers <= 1:
        runner.serve_single(app_class, primary)
        return
    _serve_multiple(primary, state.workers)


def _name_log_lines(ident: str) -> None:
    """Forked formatters still say ``Main``: make this worker's lines say which it is."""
    os.environ[IDENT_ENV] = ident
    name_log_lines(ident)


def _legacy_worker(app: Any, server_info: dict[str, list[dict[str, Any]]], index: int
                   ) -> None:
    from sanic.worker.loader import AppLoader
    from sanic.worker.serve import worker_serve

    _name_log_lines(f"Srv {index}")
    # A forked child inherits the parent's handlers; the server installs its own.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_parent_death_signal()
    worker_serve(app_name=app.name, app_loader=AppLoader(factory=lambda: app),
                 server_info=server_info)


def _serve_multiple(primary: Any, workers: int) -> None:
    from sanic import runner

    info = primary.state.server_info[0]
    if "fork" not in multiprocessing.get_all_start_methods():
        raise RuntimeError(
            "legacy=True with several workers needs the 'fork' start method, which this "
            "platform lacks; run without legacy=True (the worker manager) instead."
        )
    context = multiprocessing.get_context("fork")
    # As the manager's main process: uvloop when USE_UVLOOP asks for it. Forking with
    # it is safe: it is not running then, and each worker makes its own loop.
    loop = server_event_loop(wants_uvloop(primary.config))
    sock = None
    stop_requested: list[int] = []
    previous = {}
    try:
        runner._run_main_listeners([primary], "main_process_start", loop)
        sock = runner._bind_for(primary, info)
        server_info = {primary.name: [{k: v for k, v in info.items() if k != "loop"}
                                      | {"sock": sock}]}
        processes = [
            context.Process(target=_legacy_worker, args=(primary, server_info, n),
                            name=f"Sanic-Legacy-{n}")
            for n in range(workers)
        ]
        for process in processes:
            process.start()
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda signum, _: stop_requested.append(signum))
        runner._run_main_listeners([primary], "main_process_ready", loop)
        exit_code = _wait(processes, stop_requested, primary)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        try:
            runner._run_main_listeners([primary], "main_process_stop", loop)
        finally:
            loop.close()
            if sock is not None and info["sock"] is None:
                sock.close()
                if info["unix"]:
                    remove_unix_socket(info["unix"])
            primary.state.server_info.clear()
    logger.info("Server Stopped")
    if exit_code:
        sys.exit(exit_code)


def _wait(processes: list[Any], stop_requested: list[int], app: Any) -> int:
    """Wait until a stop signal or every worker is gone; stop the rest. The exit code."""
    reported: set[int] = set()
    while not stop_requested:
        _report_dead(processes, reported)
        if len(reported) == len(processes):
            if all(process.exitcode == 0 for process in processes):
                # Each stopped on request (app.stop() in the worker): a finished run.
                logger.info("Every worker has stopped; shutting down.")
                return 0
            error_logger.error("No worker is left running; shutting down.")
            return 1
        time.sleep(0.1)
    # One that crashed just before the signal, too; not those the same signal stopped (a
    # Ctrl-C in a terminal reaches the workers as well, and they may be gone already).
    _report_dead(processes, reported, stopped_by=stop_requested[0])
    logger.info("Received signal %s. Shutting down.", signal.Signals(stop_requested[0]).name)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + float(app.config.get("GRACEFUL_SHUTDOWN_TIMEOUT", 15)) + 5
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(2)
    return 0


def _report_dead(processes: list[Any], reported: set[int], stopped_by: int | None = None
                 ) -> None:
    """Log each worker that ended, once; with ``stopped_by`` (the stop signal received),
    not those that ended as that signal makes them end (code 0, or killed by it)."""
    for process in processes:
        if process.exitcode is not None and process.pid not in reported:
            reported.add(process.pid)
            if stopped_by is not None and process.exitcode in (0, -stopped_by):
                continue
            if process.exitcode == 0:
                # app.stop() in that worker: it stopped on request, it did not fail.
                logger.info("Worker %s [%s] stopped (exit code 0).", process.name,
                            process.pid)
                continue
            how = (f"was killed by {signal.Signals(-process.exitcode).name}"
                   if process.exitcode < 0 else f"exited with code {process.exitcode}")
            error_logger.error(
                "Worker %s [%s] %s. The legacy runner does not restart workers; run "
                "without legacy=True to have the worker manager respawn them.",
                process.name, process.pid, how,
            )


class _ProgramReloader(Reloader):
    """Re-runs the whole program in a child process whenever a watched file changes."""

    def __init__(self, interval: float, reload_dirs: Any) -> None:
        super().__init__(None, interval, reload_dirs, None)
        self.child: subprocess.Popen[bytes] | None = None

    def start_child(self) -> None:
        env = {**os.environ, RUNNING_ENV: "true"}
        self.child = subprocess.Popen(list(sys.orig_argv), env=env)

    def stop_child(self) -> None:
        child, self.child = self.child, None
        if child is None or child.poll() is not None:
            return
        child.terminate()
        try:
            child.wait(20)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(5)

    def reload(self, reloaded_files: set[str]) -> None:
        """Restart the program with the changed code."""
        logger.info("Change detected in %s; restarting the server",
                    ", ".join(sorted(reloaded_files)))
        self.stop_child()
        self.start_child()


def _watch_and_rerun(primary: Any) -> None:
    interval = float(primary.config.get("RELOADER_INTERVAL", 0.5))
    reloader = _ProgramReloader(interval, primary.state.reload_dirs)
    logger.info("Legacy auto-reload: watching the source files, serving in a child process")
    reloader.start_child()
    try:
        reloader()
    finally:
        reloader.stop_child()


__all__ = ["RUNNING_ENV", "serve_legacy"]
