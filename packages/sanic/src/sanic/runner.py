"""The runner behind ``app.run`` / ``app.prepare`` + ``Sanic.serve``: the one layer that
joins an app to the worker manager.

Main process: run ``main_process_start``, bind every socket, show the banner, start the
manager (server workers running ``sanic.worker.serve.worker_serve``, plus the reloader and
inspector when asked for), run ``main_process_ready``, supervise until SIGINT/SIGTERM, run
``main_process_stop``. Each worker loads the app and serves on the shared sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import logging
import logging.config
import multiprocessing
import os
import platform
import random
import socket
import ssl as ssl_module
import sys
from collections.abc import Iterator
from multiprocessing.managers import SyncManager
from pathlib import Path
from typing import Any

from hurtle_app.extend import auto_extend
from hurtle_app.helpers import Default, is_atty
from hurtle_app.log import LOGGING_CONFIG_DEFAULTS
from hurtle_app.logging.color import Colors
from hurtle_app.logging.setup import apply_log_formatters
from hurtle_app.motd import MOTD, get_logo
from hurtle_app.serving import WORKER_PROCESS_ENV, as_port, wants_uvloop
from hurtle_app.state import ApplicationServerInfo
from hurtle_http.exceptions import ServerError as _ServerError
from hurtle_http.server import remove_unix_socket, server_event_loop
from hurtle_worker.constants import WORKER_NAME_ENV
from hurtle_worker.process import Worker, set_parent_death_signal
from hurtle_worker.shared_ctx import SharedContext
from sanic.http.constants import HTTP
from sanic.worker.loader import AppLoader, find_app, modules_holding
from sanic.worker.main_guard import made_where_spawn_cannot
from sanic.worker.manager import WorkerManager
from sanic.worker.reloader import Reloader
from sanic.worker.serve import worker_serve

#: Set by a run while it serves, as Sanic sets them (apps and plugins may read them).
MOTD_OUTPUT_ENV = "SANIC_MOTD_OUTPUT"
LOG_EXTRA_ENV = "SANIC_LOG_EXTRA"
#: Any of them set: no start-up banner (a run already showed one, or this is a worker).
_NO_BANNER_ENV = (WORKER_NAME_ENV, MOTD_OUTPUT_ENV, WORKER_PROCESS_ENV, "SANIC_SERVER_RUNNING")

logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")

GLOBAL_SCOPE_HINT = (
    "This may have happened if you are running Sanic in the global scope and not inside "
    'of a `if __name__ == "__main__"` block: worker processes import your main module '
    "again, so move app.run(...) under `if __name__ == \"__main__\":`."
)

#: Config keys a worker gets from the main process when they differ from its own.
# Port 0's servers whose banner waits for the bind (which picks the port it names): by
# id, the server's info and the worker count the banner states.
_BANNER_AT_BIND: dict[int, tuple[ApplicationServerInfo, int]] = {}

_STATE_KEYS = ("mode", "verbosity", "auto_reload", "reload_dirs", "fast", "workers",
               "host", "port", "unix", "coffee")


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def in_spawned_worker() -> bool:
    """True in a process the worker manager spawned (a worker, the reloader), also while
    it imports the main module again: spawn names the process before that import but
    records its parent only after, so the name is what tells: ``<WORKER_PREFIX>-...``,
    the prefix as it is now (``Worker.WORKER_PREFIX = "MyApp"`` names them ``MyApp-...``)."""
    return multiprocessing.current_process().name.startswith(f"{Worker.WORKER_PREFIX}-")


def prepare(app: Any, host: str | None = None, port: int | None = None, *,
            dev: bool = False, debug: bool = False, auto_reload: bool | None = None,
            version: Any = HTTP.VERSION_1, ssl: Any = None,
            sock: socket.socket | None = None,
            workers: int | str = 1, protocol: Any = None, backlog: int = 100,
            register_sys_signals: bool = True, access_log: bool | None = None,
            unix: str | None = None, loop: Any = None, reload_dir: Any = None,
            noisy_exceptions: bool | None = None, motd: bool = True, fast: bool = False,
            verbosity: int = 0, motd_display: dict[str, str] | None = None,
            coffee: bool = False, auto_tls: bool = False, single_process: bool = False,
            legacy: bool = False) -> None:
    """Record how ``app`` is to be served (``Sanic.serve`` then runs it)."""
    from hurtle_app.state import Mode
    from hurtle_http.exceptions import ServerError

    # A worker may prepare again: an app factory that calls app.prepare(...) runs in every
    # process that loads the app (as in Sanic); serving from there is refused by serve.
    if loop is not None:
        # As Sanic: app.run() makes its own loops; an existing one means create_server().
        raise TypeError(
            "loop is not a valid argument. To use an existing loop, change to "
            "create_server().\nSee more: https://sanic.readthedocs.io/en/latest/sanic/"
            "deploying.html#asynchronous-support"
        )
    version = _http_version(version)
    if version is not HTTP.VERSION_1:
        raise ServerError("Hurtle serves HTTP/1.1 only: use version=1.")
    # Asked for by the call itself (not by the config's AUTO_RELOAD).
    # As Sanic: dev means debug and auto-reload, whatever auto_reload says.
    wants_reload = bool(auto_reload) or dev
    if dev:
        debug = True
        auto_reload = True
    if auto_reload is None:
        auto_reload = bool(app.config.get("AUTO_RELOAD", False))
    if debug and access_log is None:
        access_log = True
    if workers == "auto" or fast:
        if fast and workers not in (1, "auto"):
            raise RuntimeError("You cannot use both fast=True and workers=X")
        workers = _cpu_count()
    workers = int(workers)  # fewer than one is refused when serving, as in Sanic
    proxies_count = app.config.get("PROXIES_COUNT")
    if proxies_count is not None and proxies_count < 0:
        # As Sanic 25.12: refused at start-up rather than silently trusting no proxy.
        # Sanic's exact message (callers match on it), with the page that explains it.
        raise ValueError(
            "PROXIES_COUNT cannot be negative. "
            "https://sanic.readthedocs.io/en/latest/sanic/config.html#proxy-configuration"
        )
    if single_process and (workers > 1 or wants_reload):
        raise RuntimeError("Single process cannot be run with multiple workers or auto-reload")
    if single_process:
        auto_reload = False  # AUTO_RELOAD from the config does not apply to one process
    elif not register_sys_signals and not legacy:
        # The worker manager stops on SIGINT/SIGTERM; without them only one process can run.
        raise RuntimeError(
            "Cannot run Sanic.serve with register_sys_signals=False. Use Sanic.serve_single."
        )
    # As Sanic: the folders are kept as given (a missing one is reported, and kept), and
    # they do not turn auto-reload on by themselves (the CLI's -R does).
    reload_dirs: set[Path] = set()
    if reload_dir:
        for entry in [reload_dir] if isinstance(reload_dir, str | Path) else reload_dir:
            path = Path(entry)
            if not path.is_dir():
                logger.warning("Directory %s could not be located", entry)
            reload_dirs.add(path)
    if sock is None:  # as Sanic: a unix socket's run records the default address too
        host = host or "127.0.0.1"
        port = 8000 if port is None else as_port(port)
    contexts = ssl if isinstance(ssl, list | tuple) else [ssl]
    start_method = getattr(type(app), "_get_startup_method", lambda: "spawn")()
    if any(isinstance(c, ssl_module.SSLContext) for c in contexts) and not (
        single_process or legacy or start_method == "fork"
    ):
        # Spawned workers get their arguments pickled, and a context cannot be; forked
        # ones inherit it.
        raise ServerError(
            "An ssl.SSLContext cannot be sent to worker processes. Pass "
            "ssl={'cert': 'path/cert.pem', 'key': 'path/key.pem'} (or a folder with "
            "fullchain.pem and privkey.pem) so each worker loads it, or use "
            "single_process=True (or Sanic.start_method = 'fork')."
        )
    if auto_tls and ssl is None:
        ssl = _local_cert(app, debug)
    _check_ssl(ssl)
    if isinstance(verbosity, bool) or not isinstance(verbosity, int):
        # As Sanic (a TypeError when its loggers compare it), with what to pass.
        raise TypeError(f"verbosity is a whole number such as 0, 1 or 2, not {verbosity!r}")
    state = app.state
    # As Sanic: debug mode is the app's once one prepare() asks for it; a later prepare()
    # (another server of the app) without debug leaves it on, and sets production
    # otherwise (over a mode set by hand as a plain string too).
    state.mode = Mode.DEBUG if debug or state.is_debug else Mode.PRODUCTION
    apply_log_formatters(app)
    state.verbosity = verbosity
    state.auto_reload = bool(auto_reload)
    if state.auto_reload:
        app.config.AUTO_RELOAD = True  # as Sanic: the config says the reloader is on
    # As Sanic: what a later prepare() leaves out stays as an earlier one set it (the
    # folders to watch add up, fast and coffee stay on).
    state.reload_dirs = {*(state.reload_dirs or ()), *reload_dirs}
    state.fast = bool(state.fast) or fast
    state.coffee = bool(state.coffee) or coffee
    state.workers = workers
    state.host = host or ""
    state.port = port or 0
    state.unix = unix
    state.ssl = ssl
    if access_log is not None:
        app.config.ACCESS_LOG = access_log
    if noisy_exceptions is not None:
        app.config.NOISY_EXCEPTIONS = noisy_exceptions
    if motd_display:
        # As Sanic: the run's lines are added to those already in the config.
        app.config.MOTD_DISPLAY = _banner_lines(app.config.get("MOTD_DISPLAY"), motd_display)
    app.config.MOTD = motd
    state.server_info.append(ApplicationServerInfo(settings={
        "host": host, "port": port, "sock": sock, "unix": unix, "ssl": ssl,
        "protocol": protocol, "backlog": backlog, "access_log": access_log,
        "noisy_exceptions": noisy_exceptions, "debug": debug, "motd": motd,
        "register_sys_signals": register_sys_signals, "single_process": single_process,
        "legacy": legacy, "loop": loop, "version": version,  # (as Sanic's: an HTTP member)
    }))
    # As Sanic: the banner is printed by each prepare() call, in the main process only
    # (a worker importing the main module again, or a factory preparing there, is silent).
    if motd and app.config.get("MOTD", True) and not os.environ.get(WORKER_NAME_ENV):
        info = state.server_info[-1]
        if not _any_port(info):
            _motd(app, [info], workers)
        elif not any(os.environ.get(name) for name in _NO_BANNER_ENV):
            # Port 0: the system picks the port as it binds; the banner names that port
            # then (Sanic reads 0 as 8000 and announces that). No bind to port 0 fails
            # on a port in use, so no failure goes unannounced.
            _BANNER_AT_BIND[id(info)] = (info, workers)
    if not debug and not os.environ.get(WORKER_NAME_ENV) and is_atty():
        # As Sanic: a reminder on a terminal, for each prepare(), banner or not; on
        # sanic.error (standard error), in yellow when colour is on.
        error_logger.warning(
            f"{Colors.YELLOW}Sanic is running in PRODUCTION mode. Consider using '--debug' "
            f"or '--dev' while actively developing your application.{Colors.END}"
        )


def _banner_lines(configured: Any, extra: Any) -> dict[str, str]:
    """``motd_display`` added to the configured lines as ``dict.update`` adds them (as
    Sanic: pairs are taken too); anything else keeps Sanic's exception type, saying what
    to pass."""
    lines = dict(configured or {})
    try:
        lines.update(extra)
    except (TypeError, ValueError) as exc:
        raise type(exc)(
            "motd_display is a dict of extra lines for the start-up banner, such as "
            f"{{'db': 'postgres'}}, not {extra!r}"
        ) from None
    return lines


def _any_port(info: Any) -> bool:
    """Port 0, no socket and no UNIX path: the system picks the port when it binds."""
    return info["port"] == 0 and info["sock"] is None and not info["unix"]


def _bind_for(app: Any, info: ApplicationServerInfo) -> socket.socket:
    """Bind ``info``'s address for ``app``; for port 0 (``_any_port``) the port picked goes
    to its settings and ``app.state`` (``serve_location``, the workers), and its banner is
    shown. The bind of the manager's and the legacy runner (one process binds port 0
    only, with ``_bind`` and ``_took_port``)."""
    sock = _bind(info)
    if _any_port(info):
        _took_port(app, info, sock)
    return sock


def _took_port(app: Any, info: ApplicationServerInfo, sock: socket.socket) -> None:
    port = sock.getsockname()[1]
    info.settings["port"] = app.state.port = port
    waiting = _BANNER_AT_BIND.pop(id(info), None)
    if waiting is not None and waiting[0] is info:
        _announce(app, info, waiting[1])


def _check_ssl(ssl: Any) -> None:
    """Refuse a bad ``ssl=`` when preparing (as Sanic), not later in a worker."""
    from sanic.http.tls.context import shorthand_to_ctx

    for entry in ssl if isinstance(ssl, list | tuple) else [ssl]:
        if entry is not None and not isinstance(entry, ssl_module.SSLContext):
            shorthand_to_ctx(entry)
    if isinstance(ssl, list | tuple) and all(map(_nameless, ssl)):
        # As Sanic: refused here, before the banner, not once a server loads the list
        # (an empty list too: it selects no certificate either).
        raise ValueError("No certificates with SubjectAlternativeNames found.")


def _nameless(entry: Any) -> bool:
    """An ``ssl=`` list entry that no SNI name can select: ``None`` or a bare context
    (dicts and folders name their certificate's names, or its common name)."""
    if entry is None:
        return True
    return isinstance(entry, ssl_module.SSLContext) and not (
        getattr(entry, "sanic", None) or {}
    ).get("names")


def _local_cert(app: Any, debug: bool) -> dict[str, str]:
    """``auto_tls``: a development certificate, written once so every worker can load it.
    As in Sanic, ``conn_info.cert`` also names its ``creator`` and the ``localhost`` name."""
    from hurtle_worker.local_certs import LocalCertError, create_local_cert, select_creator
    from sanic.exceptions import SanicException

    if not debug:
        raise SanicException(
            "Cannot run Sanic as an HTTPS server in PRODUCTION mode without passing a TLS "
            "certificate. auto_tls makes a certificate for local development only, so it "
            "needs dev=True or debug=True (or `sanic --dev`). In production pass your own "
            "certificate: ssl={'cert': ..., 'key': ...}, a certificate folder, or "
            "--cert/--key."
        )
    config = app.config
    key, cert = config.get("LOCAL_TLS_KEY"), config.get("LOCAL_TLS_CERT")
    given = isinstance(key, str | os.PathLike) and isinstance(cert, str | os.PathLike)
    creator = config.get("LOCAL_CERT_CREATOR", "AUTO")
    try:
        files = create_local_cert(creator, key if given else None, cert if given else None)
        name = select_creator(creator).lower()
    except LocalCertError as exc:
        raise SanicException(str(exc)) from None
    logger.info("auto_tls: serving with the local certificate %s", files["cert"])
    return {**files, "creator": name, "localhost": config.get("LOCALHOST", "localhost")}


class _AddressInUse(_ServerError, OSError):
    """The address to bind is taken: an ``OSError`` with ``errno.EADDRINUSE``, as Sanic
    raises (code catching ``OSError`` keeps working), that says where and what to check."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.errno = errno.EADDRINUSE
        self.strerror = os.strerror(errno.EADDRINUSE)

    def __str__(self) -> str:
        return str(self.args[0])


class _NoAppsToServe(_ServerError, RuntimeError):
    """``Sanic.serve()`` before any ``prepare()``: Sanic's RuntimeError, kept a ServerError."""


def prepared_apps(app_class: Any) -> list[Any]:
    """Every registered app that ``prepare`` was called on."""
    return [a for a in app_class._app_registry.values() if a.state.server_info]


def _pick_primary(app_class: Any, primary: Any) -> Any:
    from hurtle_http.exceptions import ServerError

    apps = prepared_apps(app_class)
    if primary is None:
        if not apps:
            raise _NoAppsToServe(
                "Did not find any applications to serve. Call app.prepare(...) before "
                "Sanic.serve(), or use app.run(...)."
            )
        primary = apps[0]
    if not primary.state.server_info:
        raise ServerError(
            f"App {primary.name!r} was not prepared: call app.prepare(...) before serving it."
        )
    return primary


# What prepare(version=...) takes besides HTTP members and their numbers: their names as
# the banner writes them, and the numbers as text.
_VERSION_NAMES = {"1": 1, "1.1": 1, "3": 3, "HTTP/1": 1, "HTTP/1.1": 1, "HTTP/3": 3}


def _http_version(version: Any) -> HTTP:
    """``prepare``'s ``version`` as an ``HTTP`` member.

    Sanic stores any value there and serves HTTP/1.1 for every one but 3 (``HTTP/1.1``,
    ``"3"``, ``"x"``) when its banner is off; with the banner (the default) ``app.run``
    fails on an ``AttributeError`` of its own. Here the names of the versions serve as
    meant, a number keeps Sanic's ``ValueError``, anything else is refused at once."""
    if isinstance(version, str | int | float) and not isinstance(version, bool):
        name = str(version).strip().upper()
        if name in _VERSION_NAMES:
            return HTTP(_VERSION_NAMES[name])
    if isinstance(version, int):
        return HTTP(version)  # as Sanic: ValueError "4 is not a valid HTTP"
    raise ValueError(
        f"version={version!r} is not an HTTP version: use 1 (or HTTP.VERSION_1, "
        f"'HTTP/1.1'); Hurtle serves HTTP/1.1 only"
    )


def serve_single(app_class: Any, primary: Any = None) -> None:
    """Serve the prepared apps in this process (no manager, no reloader)."""
    primary = _pick_primary(app_class, primary)
    with _serving_env(primary):
        _serve_single(app_class, primary)


def _serve_single(app_class: Any, primary: Any) -> None:
    from hurtle_app import Sanic as FrameworkSanic

    apps = [primary, *[a for a in prepared_apps(app_class) if a is not primary]]
    if len(apps) > 1 or len(primary.state.server_info) > 1:
        _serve_several_in_process(apps)
        return
    info = primary.state.server_info[0]
    sock = bound = None
    if _any_port(info):  # (else FrameworkSanic.run binds the address itself)
        sock = bound = _bind(info)
        _took_port(primary, info, sock)
    try:
        FrameworkSanic.run(
            primary, info["host"], info["port"], debug=info["debug"],
            ssl=info["ssl"],
            sock=sock or info["sock"], protocol=info["protocol"], backlog=info["backlog"],
            register_sys_signals=info["register_sys_signals"], access_log=info["access_log"],
            unix=info["unix"], loop=info["loop"], noisy_exceptions=info["noisy_exceptions"],
            motd=False, single_process=True, verbosity=primary.state.verbosity,
        )
    finally:
        if bound is not None:
            bound.close()
    primary.state.server_info.clear()


def _serve_several_in_process(apps: list[Any]) -> None:
    """``serve_single`` with several apps or addresses: as Sanic, every prepared app is
    served, on each of its addresses, by this one process."""
    from sanic.worker.serve import serve_in_process

    info = apps[0].state.server_info[0]
    _warn_ignored_main_listeners(apps)
    bound: list[tuple[dict[str, Any], socket.socket]] = []
    try:
        served = _bind_apps(apps, bound)
        serve_in_process(served, register_sys_signals=info["register_sys_signals"])
    finally:
        logger.info("Server Stopped")
        _release(bound)
        for app in apps:
            app.state.server_info.clear()


def _warn_ignored_main_listeners(apps: list[Any]) -> None:
    """As Sanic's ``serve_single``: one warning per other app whose ``main_process_start``
    or ``main_process_stop`` listeners will not run (only the primary's are run, and a
    single process runs none)."""
    primary = apps[0]
    for app in apps[1:]:
        count = sum(len(app._listeners.listeners(event))
                    for event in ("main_process_start", "main_process_stop"))
        if count:
            logger.warning(
                "Sanic found %s listener(s) on secondary applications attached to the main "
                "process. These will be ignored since main process listeners can only be "
                'attached to your primary application: Sanic(name="%s")', count, primary.name,
            )


def serve_legacy(app_class: Any, primary: Any = None) -> None:
    """The pre-manager runner (``sanic.server.legacy``)."""
    from sanic.server.legacy import serve_legacy as legacy

    legacy(app_class, primary)


def _bind_apps(
    apps: list[Any], bound: list[tuple[dict[str, Any], socket.socket]]
) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Bind every address of each app's ``server_info`` (each one added to ``bound`` as it
    is, for ``_release``); each app with the settings its servers get, socket included."""
    served = []
    for app in apps:
        entries = []
        for entry in app.state.server_info:
            sock = _bind_for(app, entry)
            bound.append((entry, sock))
            entries.append({k: v for k, v in entry.items() if k != "loop"} | {"sock": sock})
        served.append((app, entries))
    return served


def _release(bound: list[tuple[dict[str, Any], socket.socket]]) -> None:
    """Close the sockets ``_bind_apps`` bound (not those given with ``sock=``) and remove
    their UNIX socket files, unless another server took the path over meanwhile."""
    for entry, sock in bound:
        if entry["sock"] is None:
            sock.close()
            if entry["unix"]:
                remove_unix_socket(entry["unix"])


def _bind(info: dict[str, Any]) -> socket.socket:
    from hurtle_http.server import bind_socket, bind_unix_socket

    if info["sock"] is not None:
        return info["sock"]
    try:
        if info["unix"]:
            return bind_unix_socket(info["unix"], backlog=info["backlog"])
        return bind_socket(info["host"], info["port"], backlog=info["backlog"])
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            where = info["unix"] or f"{info['host']}:{info['port']}"
            # The hint about app.run outside the __main__ block is the cause only when a
            # process we spawned binds (it ran the module's app.run again); in the main
            # process (the CLI, a first app.run) another program holds the address.
            cause = (GLOBAL_SCOPE_HINT if in_spawned_worker() else
                     "Stop it, or serve on another port (port=..., -p).")
            raise _AddressInUse(
                f"Sanic server could not start: [Errno {errno.EADDRINUSE}] Address already "
                f"in use ({where}). Another process may already listen there. {cause}"
            ) from exc
        raise


# The settings a worker takes from the main process, as in Sanic 25.12: those of the run's
# own arguments (`access_log`, `auto_reload`, `noisy_exceptions`). A worker imports the app
# again, so the rest of its config is what that import (or factory) makes: a value set only
# in the main process (under `if __name__ == "__main__":`, or in a main_process_start
# listener) stays there.
_PASSED_CONFIG = ("ACCESS_LOG", "AUTO_RELOAD", "NOISY_EXCEPTIONS")


def _passthru(app: Any, primary: bool) -> dict[str, Any]:
    shared = app.shared_ctx
    # Its own methods through the class: a value may be named `public` or `lock` (as Sanic).
    values = (SharedContext.public(shared) if isinstance(shared, SharedContext)
              else dict(vars(shared)))
    config = app.config
    return {
        "shared_ctx": values,
        "config": {k: config[k] for k in _PASSED_CONFIG if k in config},
        # As Sanic: in a worker, only the app served as primary has state.primary True
        # (in the main process every app keeps True).
        "state": {**{k: getattr(app.state, k) for k in _STATE_KEYS}, "primary": primary},
        # Where a worker finds the app when its main module does not create it.
        "modules": modules_holding(app),
    }


def server_info(primary: Any, workers: int) -> dict[str, Any]:
    """What the start-up banner and the inspector's ``info`` report about this run."""
    mode = "debug" if primary.debug else "production"
    return {
        "app": primary.name,
        "mode": f"{mode}, " + ("goin' fast " if getattr(primary.state, "fast", False) else "")
        + ("single worker" if workers == 1 else f"w/ {workers} workers"),
        "server": "sanic, HTTP/1.1",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": _packages(),
        "extra": dict(primary.config.get("MOTD_DISPLAY") or {}),
    }


def _packages() -> list[str]:
    """``name==version`` of the Sanic API levels served and of Hurtle itself."""
    from hurtle_app.app_surface import motd_packages
    from sanic.__about__ import __hurtle_version__, __version__

    try:
        from sanic_testing import __version__ as testing_version
    except ImportError:
        testing_version = None
    return [f"sanic=={__version__}", *motd_packages(testing_version, __hurtle_version__)]


def called_by_user() -> bool:
    """Whether ``app.create_server`` was called by the user's code: not by a worker (the
    manager announced it), nor by a caller that speaks for itself (a test client)."""
    from hurtle_app.serving import banner_shown

    if os.environ.get(WORKER_NAME_ENV) or multiprocessing.parent_process() is not None:
        return False
    return not banner_shown.get()


def create_server_warnings(app: Any) -> None:
    """As Sanic, when the user calls ``app.create_server``: what it cannot honour."""
    if not called_by_user():
        return
    if "main_process_start" in app._listeners or "main_process_stop" in app._listeners:
        logger.warning(
            "Listener events for the main process are not available with create_server()"
        )
    if not isinstance(app.config.get("USE_UVLOOP", Default()), Default):
        error_logger.warning(
            "You are trying to change the uvloop configuration, but this is only effective "
            "when using the run(...) method. When using the create_server(...) method "
            "Sanic will use the already existing loop."
        )


def server_banner(app: Any, *, ssl: Any = None, sock: Any = None, unix: str | None = None
                  ) -> None:
    """The banner for ``app.create_server`` (as Sanic prints it), in the main process only:
    not in a worker, whose server the manager's banner already announced."""
    if not called_by_user():
        return  # a worker, or a caller (a test client) that printed it
    if not app.config.get("MOTD", True):
        return
    state = app.state
    info = {"ssl": ssl, "unix": unix, "sock": sock, "host": state.host, "port": state.port}
    _motd(app, [info], 1)


def asgi_banner(app: Any) -> None:
    """The banner Sanic prints when an ASGI server (uvicorn...) starts the app: no
    address (the ASGI server owns it), ``mode: <mode>, ASGI`` and ``server: ASGI``."""
    if not app.config.get("MOTD", True):
        return
    details = server_info(app, 1)
    details["mode"] = f"{'debug' if app.debug else 'production'}, ASGI"
    details["server"] = "ASGI"
    _show_banner(app, "", details, auto_reload=False)


def _motd(primary: Any, infos: list[dict[str, Any]], workers: int) -> None:
    if any(os.environ.get(name) for name in _NO_BANNER_ENV):
        return  # as Sanic: a server is already announced, or this process serves
    _announce(primary, infos[0], workers)


def _announce(primary: Any, info: Any, workers: int) -> None:
    """The banner for the server of ``info`` (its settings)."""
    scheme = "https" if info["ssl"] else "http"
    if info["unix"]:
        location = f"{info['unix']} {scheme}://..."  # as Sanic's banner
    elif info["sock"] is not None:
        location = primary.get_server_location(info)  # where the socket is bound
    else:
        host = info["host"]
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address in a URL (RFC 3986 3.2.2)
        location = f"{scheme}://{host}:{info['port']}"
    _show_banner(primary, location, server_info(primary, workers),
                 auto_reload=primary.state.auto_reload)


def _show_banner(app: Any, location: str, details: dict[str, Any], auto_reload: bool) -> None:
    """Hand the banner to ``MOTD.output`` as Sanic does (logo, location, data, extra): log
    lines, or a box on a terminal; an app that replaces ``MOTD.output`` gets every banner."""
    data = {key: details[key] for key in ("app", "mode", "server", "python", "platform")}
    if auto_reload:
        watched = ", ".join(sorted(str(Path(d).resolve()) for d in app.state.reload_dirs))
        data["auto-reload"] = "enabled" + (f", {watched}" if watched else "")
    data["packages"] = ", ".join(p for p in details["packages"] if not p.startswith("sanic=="))
    logo = get_logo(coffee=bool(getattr(app.state, "coffee", False)))
    MOTD.output(logo, location, data, details["extra"])


def _configure_manager(manager: WorkerManager, config: Any) -> None:
    # Sanic's documented knob, `WorkerManager.THRESHOLD` (ticks of 0.1 s), gives the wait
    # when the config does not: then the warning comes when a user who changed it expects.
    manager.ack_timeout = float(config.get("WORKER_ACK_TIMEOUT", type(manager).THRESHOLD / 10))
    manager.restart_limit = int(config.get("WORKER_RESTART_LIMIT", 10))
    manager.restart_window = float(config.get("WORKER_RESTART_WINDOW", 60.0))
    manager.terminate_timeout = float(config.get("GRACEFUL_SHUTDOWN_TIMEOUT", 15.0)) + 5.0
    for _, worker in manager.all_workers:
        for process in worker.processes:
            process.terminate_timeout = manager.terminate_timeout


def _state_context(app_class: Any) -> Any:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context(app_class._get_startup_method())


def _run_main_listeners(apps: list[Any], event: str, loop: asyncio.AbstractEventLoop) -> None:
    # As Sanic: a plain listener runs with no loop running (it may call asyncio.run()).
    for app in apps:
        app._listeners.run_outside(event, app, loop)


#: The debug-mode goodbyes (one is logged when a run ends normally).
GOODBYES = (
    "À bientôt", "Sayonara", "Adjø", "Bis später", "Bye", "Do svidaniya", "Míngtiān jiàn",
    "Tot ziens", "फिर मिलेंगे",
)

#: What the main process logs (as Sanic, and before the traceback) when serving fails
#: there: a port in use, a ``main_process_start``/``ready`` listener raising, no workers.
SERVE_FAILED = "Experienced exception while trying to serve"


def _log_serve_failure() -> None:
    error_logger.error(SERVE_FAILED)
    logger.info("Server Stopped")


def serve(app_class: Any, primary: Any = None, *, app_loader: AppLoader | None = None,
          factory: Any = None) -> None:
    """Run the prepared app(s) with the worker manager until stopped.

    Without ``primary``, an ``app_loader`` or ``factory`` gives it (as Sanic: the app it
    builds, prepared by it), else the first prepared app.
    """
    if primary is None and (app_loader is not None or factory is not None):
        primary = (app_loader or AppLoader(factory=factory)).load()
    primary = _pick_primary(app_class, primary)
    own_loader = app_loader is None and factory is None
    with _serving_env(primary), _fork_for_apps_spawn_cannot_make(app_class, primary, own_loader):
        _serve_primary(app_class, primary, app_loader, factory)


@contextlib.contextmanager
def _fork_for_apps_spawn_cannot_make(app_class: Any, primary: Any,
                                     own_loader: bool) -> Iterator[None]:
    """While serving, fork the workers when nobody chose the start method and a spawned
    worker could not make an app again (made in the main module's ``__main__`` block):
    they inherit it instead of failing (Sanic's workers fail: "app not found")."""
    chosen = app_class.start_method
    apps = [primary, *prepared_apps(app_class)]
    if not (
        own_loader
        and not in_spawned_worker()  # a run made again there fails, saying why (below)
        and not primary.state.auto_reload  # forked workers would keep the old code
        and (chosen is None or isinstance(chosen, Default))
        and "fork" in multiprocessing.get_all_start_methods()
        # not after the user set another method themselves (set_start_method("spawn"))
        and (multiprocessing.get_start_method(allow_none=True) in (None, "fork")
             or getattr(app_class, "START_METHOD_SET", False))
        and sys.platform != "darwin"  # fork is unsafe there (spawn is Python's default)
        and any(made_where_spawn_cannot(app) and not modules_holding(app) for app in apps)
    ):
        yield
        return
    logger.debug("Workers are forked: the app was made in the main module's __main__ "
                 "block, which a spawned worker does not run")
    app_class.start_method = "fork"
    try:
        yield
    finally:
        app_class.start_method = chosen


@contextlib.contextmanager
def _serving_env(primary: Any) -> Iterator[None]:
    """As Sanic, while it serves: the log extras, and the banner was shown (no other in
    this process or its workers, e.g. for a create_server() in main_process_start). The
    banner mark and the serving process's mark go when the run ends."""
    log_extra = primary.config.get("LOG_EXTRA")
    os.environ[LOG_EXTRA_ENV] = str(
        bool(log_extra) if isinstance(log_extra, bool) else bool(primary.debug)
    )
    os.environ[MOTD_OUTPUT_ENV] = "true"
    try:
        yield
    finally:
        os.environ.pop(MOTD_OUTPUT_ENV, None)
        os.environ.pop(WORKER_PROCESS_ENV, None)


def _serve_primary(app_class: Any, primary: Any, app_loader: AppLoader | None,
                   factory: Any) -> None:
    info = primary.state.server_info[0]
    # As Sanic: serve() is the worker manager's, whatever prepare(single_process=...) said
    # (app.run and the CLI call serve_single() for that; so does a user, after prepare()).
    if primary.state.workers < 1 and info["legacy"]:
        _log_serve_failure()
        raise RuntimeError("Cannot serve with no workers")
    if info["legacy"]:
        serve_legacy(app_class, primary)
        return
    if factory is not None:
        app_loader = AppLoader(factory=factory)
    if app_loader is None:
        app_loader = AppLoader(
            factory=functools.partial(find_app, primary.name, modules_holding(primary))
        )
    apps = [primary, *[a for a in prepared_apps(app_class) if a is not primary]]
    # As Sanic: only the primary app's main_process_* listeners run (the others' would
    # run twice what an extension registers on every app, e.g. a managed process).
    main_apps = [primary]
    app_class._set_startup_method()
    # As Sanic: the main process loads sanic-ext (AUTO_EXTEND) before main_process_start,
    # so the main_process_* listeners an extension registers (its background logger's
    # queue on shared_ctx, its health monitor) run there, not only in the workers.
    auto_extend(primary)
    # As Sanic: the main process (main_process_* listeners) runs on uvloop too.
    loop = server_event_loop(wants_uvloop(primary.config))
    bound: list[tuple[dict[str, Any], socket.socket]] = []
    sync_manager = None
    manager: WorkerManager | None = None
    try:
        # The state server is forked when possible: it runs no user code, and a spawned
        # one would import the main module (the whole app) again before workers start.
        # It is started before any socket is bound so it holds none of them.
        sync_manager = SyncManager(ctx=_state_context(app_class))
        sync_manager.start(initializer=set_parent_death_signal)
        worker_state = sync_manager.dict()
        _run_main_listeners(main_apps, "main_process_start", loop)
        if primary.state.workers < 1:
            # As Sanic: refused once main_process_start ran (main_process_stop runs too),
            # as the manager is made. (Sanic serves, then hangs, for a negative count.)
            raise RuntimeError("Cannot serve with no workers")
        logger.debug(
            "Creating multiprocessing context using '%s'", app_class._get_startup_method()
        )
        server_info = {app.name: entries for app, entries in _bind_apps(apps, bound) if entries}
        # Filled in after main_process_ready: as in Sanic, what those listeners put on
        # shared_ctx (or config) reaches the workers, which start after them. Every
        # worker's settings share this one dict.
        passthru: dict[str, Any] = {}
        context = multiprocessing.get_context(app_class._get_startup_method())
        subscriber, publisher = context.Pipe(duplex=False)
        settings = {
            "app_name": primary.name,
            "app_loader": app_loader,
            "server_info": server_info,
            "passthru": passthru,
            "register_sys_signals": info["register_sys_signals"],
        }
        manager = WorkerManager(
            primary.state.workers, worker_serve, settings, context, (publisher, subscriber),
            worker_state,
        )
        _configure_manager(manager, primary.config)
        for app in apps:
            object.__setattr__(app, "manager", manager)
        if primary.state.auto_reload:
            # 0: the class's INTERVAL (``Reloader.INTERVAL``, as in Sanic)
            interval = float(primary.config.get("RELOADER_INTERVAL", 0))
            reloader = Reloader(publisher, interval, primary.state.reload_dirs, app_loader)
            reloader.debug = primary.debug
            manager.manage("Reloader", reloader, {}, transient=False)
            manager.stop_on_server_failure = False
        _add_inspector(primary, manager, publisher, worker_state)
        _run_main_listeners(main_apps, "main_process_ready", loop)
        passthru.update({app.name: _passthru(app, app is primary) for app in apps})
        for app in apps:
            if isinstance(app.shared_ctx, SharedContext):
                SharedContext.lock(app.shared_ctx)
        manager.run()
    except BaseException as exc:
        # As Sanic: also for sys.exit() (or Ctrl-C) in a main_process_* listener.
        _explain_unpicklable_shared_ctx(apps, exc)
        error_logger.error(SERVE_FAILED)
        raise
    finally:
        logger.info("Server Stopped")
        for app in apps:  # as Sanic, main_process_stop may set values again
            if isinstance(app.shared_ctx, SharedContext):
                object.__setattr__(app.shared_ctx, "_locked", False)
        try:
            _run_main_listeners(main_apps, "main_process_stop", loop)
        finally:
            _release(bound)
            if sync_manager is not None:
                sync_manager.shutdown()
            loop.close()
            for app in apps:
                app.state.server_info.clear()
                object.__setattr__(app, "manager", None)
    # As Sanic: a debug run's last line, after main_process_stop, says goodbye in one of
    # several languages, chosen at random.
    logger.debug(random.choice(GOODBYES))
    if manager is not None and manager.exit_code:
        sys.exit(manager.exit_code)


def _explain_unpicklable_shared_ctx(apps: list[Any], exc: BaseException) -> None:
    """When a worker could not be started because something could not be pickled, name
    the ``shared_ctx`` values at fault (the bare pickling error names none)."""
    if "pickle" not in str(exc).lower():
        return
    for app in apps:
        shared = app.shared_ctx
        found = SharedContext.unpicklable(shared) if isinstance(shared, SharedContext) else {}
        for name, why in found.items():
            error_logger.error(
                "app.shared_ctx.%s cannot be sent to the worker processes (%s). Values of "
                "shared_ctx are pickled for each worker: use a multiprocessing object "
                "(Queue, Value, Lock, a Manager's dict) or create the value in each worker "
                "(app.ctx, in a before_server_start listener).", name, why,
            )


def _add_inspector(primary: Any, manager: WorkerManager, publisher: Any,
                   worker_state: Any) -> None:
    config = primary.config
    if not config.get("INSPECTOR", False):
        return
    try:
        from sanic.worker.inspector import Inspector
    except ImportError:  # pragma: no cover - the meta-package depends on it
        error_logger.error("INSPECTOR is on but hurtle-inspector is not installed")
        return
    inspector_class = primary.inspector_class or Inspector
    app_info = server_info(primary, primary.state.workers)
    inspector = inspector_class(
        publisher, app_info, worker_state, config.INSPECTOR_HOST, config.INSPECTOR_PORT,
        config.INSPECTOR_API_KEY, config.INSPECTOR_TLS_KEY, config.INSPECTOR_TLS_CERT,
    )
    worker = manager.manage(
        "Inspector", _inspector_process,
        {"inspector": inspector, "configure_logging": bool(primary.configure_logging)},
        transient=False,
    )
    for process in worker.processes:
        process.ident_label = "Inspector"  # the log prefix Sanic gives this process
    object.__setattr__(primary, "_inspector", inspector)  # app.inspector in the main process


def _inspector_process(inspector: Any, configure_logging: bool) -> None:
    """The inspector's process: Sanic's logging (it loads no app that would set it up)."""
    if configure_logging:
        logging.config.dictConfig(LOGGING_CONFIG_DEFAULTS)
    try:
        inspector()
    except KeyboardInterrupt:
        # Stopped (SIGINT) before it serves, e.g. a worker failed its start-up while this
        # process was still building its app: end quietly, as a stopping worker does.
        # Once serving, SIGINT stops the server without raising.
        return


def stop(app: Any, terminate: bool = True) -> bool:
    """Stop a server run by the manager (from a worker or the main process).

    Returns False when this process runs no managed server (the caller then stops a
    single-process server).
    """
    multiplexer = app.__dict__.get("_multiplexer")
    if multiplexer is not None:
        if terminate:
            multiplexer.terminate()
        else:
            stopper = app.__dict__.get("_worker_stopper")
            if stopper is not None:
                stopper()
        return True
    stopper = app.__dict__.get("_worker_stopper")
    if stopper is not None:  # serve_single serving several apps in this process
        stopper()
        return True
    manager = app.__dict__.get("_manager")
    if manager is not None:
        manager._shutdown_requested = True
        return True
    return False


__all__ = ["GLOBAL_SCOPE_HINT", "apply_log_formatters", "called_by_user", "create_server_warnings", "in_spawned_worker", "prepare", "prepared_apps", "serve",
           "serve_legacy", "serve_single", "stop"]
