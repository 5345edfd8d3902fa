"""``worker_serve``: what each server worker process runs.

Load the app (``app_loader``), give it the multiplexer (``app.m``) and the shared context,
then serve it on the sockets the main process bound, with ``hurtle_app``'s own
single-process server (``create_server`` and its listeners). Acknowledge start-up to the
manager once ``after_server_start`` has run; stop gracefully on SIGINT/SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import random
import sys
from collections.abc import Callable
from typing import Any

from hurtle_app.logging.setup import name_log_lines
from hurtle_app.logging.setup import setup_logging as setup_logging
from hurtle_app.serving import (
    WORKER_PROCESS_ENV,
    add_stop_signal_handlers,
    close_loop,
    run_until_served,
    stop_step,
)
from hurtle_app.state import ApplicationServerInfo as ApplicationServerInfo
from hurtle_app.state import ServerSignal as Signal  # noqa: F401 - as in Sanic
from hurtle_http.protocol import HttpProtocol as HttpProtocol
from hurtle_worker.constants import IDENT_ENV
from hurtle_worker.load_errors import describe_load_error
from hurtle_worker.multiplexer import WorkerMultiplexer
from hurtle_worker.process import Worker as Worker
from hurtle_worker.process import WorkerProcess as WorkerProcess
from sanic.application.constants import ServerStage as ServerStage
from sanic.http.constants import HTTP as HTTP
from sanic.worker.loader import AppLoader, AppNotFound, find_app
from sanic.worker.loader import CertLoader as CertLoader


def apply_log_formatters(app: Any) -> None:
    """The runner's formatter choice, for this worker's copy of the app."""
    from sanic.runner import apply_log_formatters as apply

    apply(app)

logger = logging.getLogger("sanic.server")
error_logger = logging.getLogger("sanic.error")


def worker_serve(
    host: str | None = None,
    port: int | None = None,
    app_name: str = "",
    monitor_publisher: Any = None,
    app_loader: AppLoader | None = None,
    worker_state: Any = None,
    server_info: dict[str, list[dict[str, Any]]] | None = None,
    ssl: Any = None,
    sock: Any = None,
    unix: str | None = None,
    reuse_port: bool = False,
    loop: Any = None,
    protocol: Any = None,
    backlog: int = 100,
    register_sys_signals: bool = True,
    run_multiple: bool = False,
    run_async: bool = False,
    connections: Any = None,
    signal: Any = None,
    state: Any = None,
    asyncio_server_kwargs: dict[str, Any] | None = None,
    version: Any = 1,
    config: dict[str, Any] | None = None,
    passthru: dict[str, Any] | None = None,
) -> None:
    """Serve the app in this worker process until told to stop."""
    ident = os.environ.get(IDENT_ENV)
    if ident:
        # A forked worker (an app made under ``if __name__ == "__main__":``) has the
        # main process's formatters, made when its lines said ``Main``.
        name_log_lines(ident)
    loader = app_loader or AppLoader(factory=lambda: _find(app_name))
    try:
        app = _load(loader, builds=app_loader is not None)
    except AppNotFound as exc:
        error_logger.error("%s", exc)
        sys.exit(1)
    except Exception as exc:
        # The user's part of the traceback (their syntax error, failing import or
        # factory), not the frames of this function, the loader and importlib.
        shown = describe_load_error(exc, skip=(__file__,))
        if shown is None:
            error_logger.exception(
                "Worker [%s] could not load the app %r (with %r)", os.getpid(), app_name,
                loader,
            )
        else:
            error_logger.error(
                "Worker [%s] could not load the app %r (with %r)\n%s", os.getpid(), app_name,
                loader, shown,
            )
        sys.exit(1)
    multiplexer = (
        WorkerMultiplexer(monitor_publisher, worker_state)
        if monitor_publisher is not None else None
    )
    infos = dict(server_info or {})
    if not infos:
        infos[app.name] = [{
            "host": host, "port": port, "sock": sock, "unix": unix, "ssl": ssl,
            "protocol": protocol, "backlog": backlog,
            "asyncio_server_kwargs": asyncio_server_kwargs,
        }]
    # The main process names the app as it knew it: a script's Sanic(__name__) is
    # "__main__" there and "__mp_main__" here (see find_app).
    key = app_name if app.name not in infos and app_name in infos else app.name
    apps = [(app, infos.pop(key, []))]
    keys = [key]
    passthru = passthru or {}
    for other_name, other_infos in infos.items():
        modules = tuple(passthru.get(other_name, {}).get("modules", ()))
        apps.append((_find(other_name, modules), other_infos))
        keys.append(other_name)
    for index, ((each, each_infos), name) in enumerate(zip(apps, keys, strict=True)):
        passed = passthru.get(name, {})
        _apply_passthru(each, multiplexer, passed)
        # As Sanic: the run's access_log / noisy_exceptions reach the worker as the main
        # process's config values, which its listeners may have changed since the run
        # began; the server is made without setting them again.
        settled = {"access_log": "ACCESS_LOG", "noisy_exceptions": "NOISY_EXCEPTIONS"}
        unset = {arg: None for arg, key in settled.items() if key in passed.get("config", {})}
        if unset:
            apps[index] = (each, [{**info, **unset} for info in each_infos])
    if config:
        # As Sanic: values a restart hands the new worker (RELOADED_FILES after an
        # auto-reload), over what the main process passed.
        app.update_config(config)
    apply_log_formatters(app)
    event_loop = _new_loop(app)
    asyncio.set_event_loop(event_loop)
    ready: list[bool] = []
    try:
        _run_serving(
            event_loop,
            _serve(apps, multiplexer, register_sys_signals=register_sys_signals, ready=ready),
            app,
        )
    except Exception as exc:
        # As Sanic: through the error logger (its handlers and format), with the traceback,
        # and the worker exits 1 (the manager then reports it).
        error_logger.exception("%s", exc)
        sys.exit(1)
    except SystemExit as exc:
        if not ready:
            # Python prints nothing for it: say where the worker's start-up ended, which
            # the manager's "see the error above" then points at.
            error_logger.error(
                "Worker [%s] exited (SystemExit: %s) while starting: sys.exit() was called "
                "by a start-up listener or by code it ran.", os.getpid(), exc.code,
            )
        raise
    finally:
        close_loop(event_loop)


def _run_serving(loop: asyncio.AbstractEventLoop, serving: Any, app: Any) -> None:
    """Run ``serving`` (``_serve``) to its end. A ``loop.stop()`` called meanwhile (by a
    listener, a handler) is, as in Sanic, a stop of this worker asked for by the app: the
    start finishes, the stop listeners run, and the manager does not respawn it (it
    raised "Event loop stopped before Future completed" and was respawned, again and
    again, without its stop listeners)."""

    def stop() -> None:
        stopper = app.__dict__.get("_worker_stopper")
        if stopper is not None:
            stopper()

    run_until_served(loop, loop.create_task(serving), stop)


def serve_in_process(apps: list[tuple[Any, list[dict[str, Any]]]], *,
                     register_sys_signals: bool = True) -> None:
    """Serve each app on its bound sockets in this process, with no manager: what
    ``Sanic.serve_single`` does when several apps (or addresses) were prepared."""
    from hurtle_app.serving import banner_shown

    event_loop = _new_loop(apps[0][0])
    asyncio.set_event_loop(event_loop)
    shown = banner_shown.set(True)  # prepare() printed it; create_server must not again
    try:
        _run_serving(
            event_loop, _serve(apps, None, register_sys_signals=register_sys_signals), apps[0][0]
        )
    finally:
        banner_shown.reset(shown)
        for app, _ in apps:
            app.__dict__.pop("_worker_stopper", None)  # app.stop() has nothing to stop
        close_loop(event_loop)


def _load(loader: AppLoader, builds: bool) -> Any:
    """The worker's app from ``loader``; under fork, a factory builds it afresh.

    A forked worker inherits the main process's apps, so a factory making its app again
    would find the name taken ("already in use"; Sanic 25.12's forked workers fail so).
    The inherited apps stand aside while the factory runs and come back for the names it
    did not build.
    """
    import multiprocessing

    made = loader.factory
    # The runner's own loader (``find_app``) finds the inherited app: nothing is built.
    finds = isinstance(made, functools.partial) and made.func is find_app
    factory = builds and not finds and (made is not None or getattr(loader, "as_factory", False))
    if not factory or multiprocessing.get_start_method(allow_none=True) != "fork":
        return loader.load()
    from sanic.app import Sanic

    registry = Sanic._app_registry
    inherited = dict(registry)
    registry.clear()
    try:
        return loader.load()
    finally:
        for name, each in inherited.items():
            registry.setdefault(name, each)


def _find(name: str, modules: tuple[str, ...] = ()) -> Any:
    from sanic.worker.loader import find_app

    return find_app(name, modules)


def _new_loop(app: Any) -> asyncio.AbstractEventLoop:
    from hurtle_app.serving import wants_uvloop
    from hurtle_http.server import server_event_loop

    return server_event_loop(wants_uvloop(app.config))


def _apply_passthru(app: Any, multiplexer: WorkerMultiplexer | None,
                    passthru: dict[str, Any]) -> None:
    object.__setattr__(app, "_multiplexer", multiplexer)
    for key, value in passthru.get("config", {}).items():
        if app.config.get(key, _MISSING) != value:
            app.config[key] = value
    for key, value in passthru.get("state", {}).items():
        setattr(app.state, key, value)
    shared = app.shared_ctx
    for key, value in passthru.get("shared_ctx", {}).items():
        object.__setattr__(shared, key, value)
    # As Sanic, a worker's shared_ctx stays writable (only the main process's is locked
    # once workers start): apps that set a per-worker value there, e.g. in
    # before_server_start, run unchanged. Such a value is seen by that worker only.
    # A forked worker inherits the main process's context, locked: it is opened again.
    if "_locked" in vars(shared):
        object.__setattr__(shared, "_locked", False)


_MISSING = object()


async def _serve(apps: list[tuple[Any, list[dict[str, Any]]]],
                 multiplexer: WorkerMultiplexer | None, *, register_sys_signals: bool,
                 ready: list[bool] | None = None) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    servers = []
    stopped_by_app: list[bool] = []

    def stop_this_worker() -> None:  # app.stop(terminate=False)
        stopped_by_app.append(True)
        loop.call_soon_threadsafe(stop.set)

    for app, infos in apps:
        object.__setattr__(app, "_worker_stopper", stop_this_worker)
        # As Sanic: the serving process's app.state.server_info lists its servers, SERVING
        # from before_server_start on (app.state.stage, which sanic-ext's health monitor
        # watches), until the process ends.
        app.state.server_info = []
        for info in infos:
            server = await app.create_server(
                sock=info.get("sock"),
                unix=info.get("unix"),  # the path conn_info names (the socket is bound)
                ssl=info.get("ssl"),
                protocol=info.get("protocol"),
                backlog=info.get("backlog", 100),
                access_log=info.get("access_log"),
                noisy_exceptions=info.get("noisy_exceptions"),
                debug=bool(info.get("debug")),
                return_asyncio_server=True,
                asyncio_server_kwargs=info.get("asyncio_server_kwargs"),
            )
            app.state.host = info.get("host") or ""
            app.state.port = info.get("port") or 0
            app.state.unix = info.get("unix")
            app.state.server_info.append(ApplicationServerInfo(
                settings={k: v for k, v in info.items() if k != "loop"},
                stage=ServerStage.SERVING, server=server,
            ))
            servers.append((app, server))
    if register_sys_signals:
        # Before the start-up listeners: a stop asked for while they run (app.stop() in
        # after_server_start, Ctrl-C) then waits for them and shuts down gracefully, with
        # the stop listeners, instead of SIGTERM killing the worker half started.
        # Under the worker manager a second Ctrl-C is the manager's to act on (it kills
        # the workers); a worker also gets the terminal's SIGINT and then the manager's,
        # which must not end its grace.
        add_stop_signal_handlers(
            loop, stop,
            None if multiplexer is not None
            else lambda: [server.end_grace() for _, server in servers],
        )
    logger.info("Starting worker [%s]", os.getpid())
    for _, server in servers:
        await server.startup()
    # As Sanic: an app prepared on several addresses runs its server listeners once per
    # worker, not once per address (the app's first server dispatches them; the others
    # only serve).
    leads = {id(app): server for app, server in reversed(servers)}
    for app, server in servers:
        if leads[id(app)] is server:
            _limit_requests(app, multiplexer)
    for app, server in servers:
        if leads[id(app)] is server:
            await server.before_start()
    os.environ[WORKER_PROCESS_ENV] = "true"  # as Sanic, from after_server_start on
    for app, server in servers:
        if leads[id(app)] is server:
            await server.after_start()
        else:
            await server.start_serving()
    if multiplexer is not None:
        multiplexer.set_serving(True)
        multiplexer.ack()
    logger.info("Worker ready [%s]", os.getpid())
    if ready is not None:
        ready.append(True)
    try:
        await stop.wait()
    finally:
        logger.info("Stopping worker [%s]", os.getpid())
        if multiplexer is not None:
            if stopped_by_app:
                # Asked for by the app, not a crash: the manager does not respawn it.
                with contextlib.suppress(OSError, EOFError):
                    multiplexer.retire()
        # Each step logged and passed if it fails: the drain and the clean-up still run.
        for app, server in servers:
            app.state.is_stopping = True
            if leads[id(app)] is server:
                await stop_step(server.before_stop())
        await asyncio.gather(*(stop_step(server.graceful_shutdown()) for _, server in servers))
        if multiplexer is not None:
            # As Sanic: serving until drained (before_server_stop sees True), then False.
            multiplexer.exit()
        for app, server in servers:
            if leads[id(app)] is server:
                await stop_step(server.after_stop())
        logger.info("Worker complete [%s]", os.getpid())


def _limit_requests(app: Any, multiplexer: WorkerMultiplexer | None) -> None:
    """WORKER_MAX_REQUESTS (+ random jitter): replace this worker after that many requests.

    The replacement starts first (zero downtime); this worker then stops gracefully, so
    requests it already accepted are answered.
    """
    limit = int(app.config.get("WORKER_MAX_REQUESTS", 0) or 0)
    if limit <= 0 or multiplexer is None:
        return
    jitter = int(app.config.get("WORKER_MAX_REQUESTS_JITTER", 0) or 0)
    target = limit + (random.randint(0, jitter) if jitter > 0 else 0)
    inner: Callable[[Any], Any] = app.handle_request
    count = 0

    async def counting(request: Any) -> None:
        nonlocal count
        count += 1
        if count == target:
            logger.info(
                "Worker %s served %d requests (WORKER_MAX_REQUESTS); replacing it",
                multiplexer.name, count,
            )
            multiplexer.restart(zero_downtime=True)
        await inner(request)

    object.__setattr__(app, "handle_request", counting)


__all__ = ["serve_in_process", "worker_serve"]
