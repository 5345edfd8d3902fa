"""The rest of Sanic's public app surface, as thin delegations to the app's concerns.

``Sanic`` inherits these so that code written for Sanic (and plugins such as sanic-ext)
finds every method it calls: commands for ``sanic exec``, exception reporting, server
addresses, the MOTD data, middleware views, delayed tasks and the websocket entry point.
Each method only reads or forwards to the object that owns the concern.
"""

from __future__ import annotations

import asyncio
import functools
import os
import platform
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from hurtle_app.signals import REPORT_EVENT
from hurtle_http.exceptions import SanicException

_HTTPS_PORT = 8443
_HTTP_PORT = 8000


class REPLLocal(NamedTuple):
    """One name offered to the console: the value, its name and a description."""

    var: Any
    name: str
    desc: str | None


class REPLContext:
    """Names made available to an interactive console of the app (``app.repl_ctx``):
    ``app.repl_ctx.add(db)`` or ``app.repl_ctx.db = db``."""

    #: A description is cut to this many characters (then "...").
    DESC_LENGTH = 40
    #: The names the console always offers, which ``add`` refuses (as Sanic, a
    #: ``ValueError``), with what each one is.
    BUILTINS: dict[str, str] = {
        "app": "the application",
        "sanic": "the sanic package",
        "do": "await do(url, ...): a request through the app, as Result(request, response)",
        "client": "an httpx client for the running server",
    }

    def __init__(self) -> None:
        object.__setattr__(self, "_locals", set())

    def add(self, var: Any, name: str | None = None, desc: str | None = None) -> None:
        """Offer ``var`` to the console under ``name`` (default: its ``__name__``, or its
        type's), described
        by ``desc`` (default: the start of its docstring)."""
        if name is None:
            name = getattr(var, "__name__", None) or type(var).__name__
        if desc is None:
            desc = getattr(var, "__doc__", None) or ""
        if not isinstance(name, str) or not isinstance(desc, str):
            # Sanic's type: an AssertionError (empty there)
            raise AssertionError(
                f"repl_ctx.add(var, name, desc): name and desc are str, not "
                f"{type(name).__name__} and {type(desc).__name__}"
            )
        if name in self.BUILTINS:
            raise ValueError(f"Cannot override built-in variable: {name}")
        # As Sanic, a given description too is made one line and cut (not stripped).
        desc = desc.replace("\n", " ")
        if len(desc) > self.DESC_LENGTH:
            desc = desc[: self.DESC_LENGTH] + "..."
        self._locals.discard(next((item for item in self._locals if item.name == name), None))
        self._locals.add(REPLLocal(var, name, desc))

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self.add(value, name)


class AppSurface:
    """Sanic's remaining app methods (see the module docstring)."""

    #: Whether ``Sanic.start_method`` was applied to ``multiprocessing`` already.
    START_METHOD_SET: bool = False
    #: A socket given to ``run(sock=...)`` (set by the runner).
    sock: Any = None
    _inspector: Any = None
    _manager: Any = None

    name: str
    state: Any
    router: Any
    config: Any
    signal_router: Any
    _middleware: Any
    _task_registry: Any
    _future_commands: set[Any]

    # --- commands (``sanic <app> exec <name>``) ----------------------------------------------
    @property
    def _commands(self) -> dict[str, Callable[..., Any]]:
        """Command name -> function, as the CLI's ``exec`` looks them up."""
        return {command.name: command.func for command in self._future_commands}

    @property
    def logger(self) -> Any:
        """The framework's main logger (``sanic.root``), for ``app.logger.info(...)``."""
        import logging

        return logging.getLogger("sanic.root")

    # --- names, state, addresses -------------------------------------------------------------
    @property
    def _state(self) -> Any:
        return self.state

    @property
    def reload_dirs(self) -> set[Any]:
        """Extra folders the reloader watches."""
        return self.state.reload_dirs

    @property
    def repl_ctx(self) -> REPLContext:
        """Names to offer an interactive console of this app."""
        ctx = self.__dict__.get("_repl_ctx")
        if ctx is None:
            ctx = REPLContext()
            object.__setattr__(self, "_repl_ctx", ctx)
        return ctx

    @staticmethod
    def get_address(
        host: str | None, port: int | None, version: Any = 1, auto_tls: bool = False
    ) -> tuple[str, int]:
        """The (host, port) to bind: 127.0.0.1, and 8000 (8443 with TLS or HTTP/3)."""
        if port is None:
            secure = auto_tls or getattr(version, "value", version) == 3
            port = _HTTPS_PORT if secure else _HTTP_PORT
        return host or "127.0.0.1", port

    @staticmethod
    def get_server_location(server_settings: dict[str, Any] | None = None) -> str:
        """``http(s)://host:port`` of a server's settings (``""`` without settings)."""
        if not server_settings:
            return ""
        # As Sanic: any ssl value but None means TLS ({} and False included)
        scheme = "http" if server_settings.get("ssl") is None else "https"
        unix = server_settings.get("unix")
        sock = server_settings.get("sock")
        if not unix and sock is not None:
            # As Sanic: a socket given as it is serves where it is bound, whatever
            # host and port say.
            name = sock.getsockname()
            if isinstance(name, tuple):
                server_settings = {"host": name[0], "port": name[1]}
            else:  # a UNIX socket (Sanic prints a garbled URL here)
                unix = os.fsdecode(name)
        if unix:
            # As Sanic prints it: the socket's path, then the scheme with no authority.
            return f"{unix} {scheme}://..."
        host = server_settings.get("host")
        port = server_settings.get("port")
        if not host or not port:
            return ""  # as Sanic: nothing to say without a host and a port (0 included)
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"{scheme}://{host}" + (f":{port}" if port else "")

    @property
    def serve_location(self) -> str:
        """Where the app is served (``http://<ASGI>`` under an ASGI server,
        ``http://<unknown>`` before it is served)."""
        if self.state.asgi:
            return "http://<ASGI>"
        for info in self.state.server_info:
            # ApplicationServerInfo, or the settings dict a runner recorded
            settings = info if isinstance(info, dict) else getattr(info, "settings", None)
            if settings and (settings.get("host") or settings.get("unix")):
                return self.get_server_location(settings)
        if self.state.host:
            return self.get_server_location(
                {"host": self.state.host, "port": self.state.port, "ssl": self.state.ssl}
            )
        return "http://<unknown>"

    @classmethod
    def should_auto_reload(cls) -> bool:
        """True when any app of this process runs with the reloader."""
        apps = getattr(cls, "_app_registry", {})
        return any(app.state.auto_reload for app in apps.values())

    def get_motd_data(
        self, server_settings: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The start-up banner's lines: (main data, extra data)."""
        workers = self.state.workers
        mode = f"{self.state.mode}"  # as Sanic: a mode assigned as text shows as it is
        if workers == 1 and not self.state.fast:
            mode += ", single worker"
        else:
            # As Sanic: before a run has set the count, "w/ 0 workers"
            mode += f", w/ {workers} workers"
        server = "unknown"
        if server_settings is not None:
            version = server_settings.get("version", 1)
            version = getattr(version, "value", version)
            server = f"{self.state.server.value}, HTTP/{'1.1' if version == 1 else version}"
        packages = motd_packages()
        data = {
            "app": self.name,
            "mode": mode,
            "server": server,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "packages": ", ".join(packages),
        }
        # As Sanic: the extra lines are a copy of config.MOTD_DISPLAY (nothing added; the
        # runner's banner says "auto-reload" itself)
        extra: dict[str, Any] = dict(self.config.get("MOTD_DISPLAY") or {})
        return data, extra

    def motd(self, server_settings: dict[str, Any] | None = None) -> None:
        """Show the start-up banner (boxed on a terminal, log lines otherwise)."""
        from hurtle_app.motd import MOTD, get_logo

        data, extra = self.get_motd_data(server_settings)
        # as Sanic: no address line without the server's settings
        location = self.get_server_location(server_settings) if server_settings else ""
        MOTD.output(get_logo(coffee=self.state.coffee), location, data, extra)

    # --- lifecycle ---------------------------------------------------------------------------
    def ack(self) -> None:
        """Tell the worker manager this worker started (no-op outside a worker)."""
        multiplexer = getattr(self, "_multiplexer", None)
        if multiplexer is not None:
            multiplexer.ack()

    def set_serving(self, serving: bool) -> None:
        """Record whether this app is serving requests now."""
        self.state.is_running = bool(serving)

    def setup_loop(self) -> None:
        """Nothing to do: the runner installs uvloop (``config.USE_UVLOOP``) itself."""

    def refresh(self, passthru: dict[str, Any] | None = None) -> Any:
        """The app registered under this app's name (``SanicException`` when there is none),
        after setting ``passthru`` on it: ``{"config": {"A": 1}}`` sets ``config.A``, a
        value that is no dict sets the attribute itself (refused as any new attribute of
        an app is, as in Sanic)."""
        app = type(self).get_app(self.name)
        for key, value in (passthru or {}).items():
            if isinstance(value, dict):
                owner = getattr(app, key)
                for attr, item in value.items():
                    setattr(owner, attr, item)
            else:
                setattr(app, key, value)
        return app

    @contextmanager
    def amend(self) -> Iterator[None]:
        """Allow adding routes, middleware and signals to an app that already started."""
        if not self.state.is_started:
            yield
            return
        self.router.reset()
        # Unfreeze only: the signals already registered keep running (a plugin that
        # registers its own in a patched ``_startup`` adds to them, as on Sanic).
        self.signal_router.finalized = False
        try:
            yield
        finally:
            self._routes_recompiled()

    def _routes_recompiled(self) -> None:
        """The router was compiled again: once started, the next request starts the app
        again (route settings, middleware chains, pipeline)."""
        if self.state.is_started:
            self.__dict__.pop("handle_request", None)
            object.__setattr__(self, "_pipeline", None)
            object.__setattr__(self, "_recomposing", True)

    def signalize(self, allow_fail_builtin: bool = True) -> None:
        """Compile the signal router (done by ``finalize`` at start-up)."""
        self.signal_router.finalize()

    def finalize_middleware(self) -> None:
        """Rebuild every route's middleware chains (done by ``finalize`` at start-up)."""
        self._middleware.sort_app_wide()
        for route in self.router.routes:
            request_chain, response_chain = self._middleware.chains_for(route.name)
            route.extra.request_middleware = request_chain
            route.extra.response_middleware = response_chain
        # Called again on a started app (after app.request_middleware was replaced or
        # added to): requests from now on run the new chains, as on Sanic. The router
        # remembers each target's chains, and the pipeline the app-wide ones (404/405).
        by_target = getattr(self.router, "_by_target", None)
        if by_target:
            by_target.clear()
        pipeline = getattr(self, "_pipeline", None)
        if pipeline is not None:
            pipeline.global_request, pipeline.global_response = (
                self._middleware.global_chains()
            )

    # --- middleware views --------------------------------------------------------------------
    @property
    def named_request_middleware(self) -> dict[str, deque[Any]]:
        """Request middleware registered for named routes only, by route name. As Sanic's
        plain dict: what is changed in it (or assigned) applies from the next start."""
        return self._middleware.named("request")

    @named_request_middleware.setter
    def named_request_middleware(self, value: dict[str, deque[Any]]) -> None:
        self._middleware.set_named("request", value)

    @property
    def named_response_middleware(self) -> dict[str, deque[Any]]:
        """Response middleware registered for named routes only, by route name (newest
        first, as Sanic lists them); changed or assigned, as ``named_request_middleware``."""
        return self._middleware.named("response")

    @named_response_middleware.setter
    def named_response_middleware(self, value: dict[str, deque[Any]]) -> None:
        self._middleware.set_named("response", value)

    async def _run_request_middleware(self, request: Any, middleware_collection: Any) -> Any:
        from hurtle_app.middleware import is_coroutine_callable
        from hurtle_app.pipeline import middleware_dispatch, run_request_middleware

        chain = tuple(_as_chain(middleware_collection, is_coroutine_callable))
        return await run_request_middleware(request, chain, middleware_dispatch(self))

    async def _run_response_middleware(
        self, request: Any, response: Any, middleware_collection: Any
    ) -> Any:
        from hurtle_app.middleware import is_coroutine_callable
        from hurtle_app.pipeline import middleware_dispatch, run_response_middleware

        chain = tuple(_as_chain(middleware_collection, is_coroutine_callable))
        return await run_response_middleware(request, response, chain, middleware_dispatch(self))

    # --- exceptions --------------------------------------------------------------------------
    def report_exception(
        self, handler: Callable[[Any, Exception], Awaitable[None]]
    ) -> Callable[[Exception], Awaitable[None]]:
        """Run ``await handler(app, exception)`` for every exception the app reports;
        returns the registered wrapper (named as ``handler``, which it wraps)."""

        @functools.wraps(handler)
        async def report(exception: Exception) -> None:
            await handler(self, exception)

        self.add_signal(report, REPORT_EVENT)  # type: ignore[attr-defined]
        return report

    # --- delayed tasks -----------------------------------------------------------------------
    @property
    def _delayed_tasks(self) -> list[Any]:
        """Tasks added before the server started (they start with it)."""
        return [task for task, _name, _register in self._task_registry._delayed]

    @staticmethod
    async def dispatch_delayed_tasks(app: Any) -> None:
        """Start, on the running loop, the tasks added before it ran (the
        after_server_start listener that the first of them registered)."""
        # as Sanic: they take their first steps here, one task per turn
        await app._task_registry.start(asyncio.get_running_loop())

    @staticmethod
    async def run_delayed_task(app: Any, loop: asyncio.AbstractEventLoop, task: Any) -> None:
        """Prepare ``task`` (a coroutine or a callable taking the app) and await it."""
        await app._task_registry.prepare(task)

    # --- websockets --------------------------------------------------------------------------
    async def _websocket_handler(
        self,
        handler: Callable[..., Any],
        request: Any,
        *args: Any,
        subprotocols: Any = None,
        **kwargs: Any,
    ) -> None:
        """Upgrade ``request``, run ``handler(request, ws, ...)``, close the websocket."""
        from hurtle_app.websockets import run_websocket

        await run_websocket(self, handler, request, args, kwargs, subprotocols)

    # --- running aliases ---------------------------------------------------------------------
    def go_fast(self, *args: Any, **kwargs: Any) -> None:
        """``app.run`` under its old name."""
        self.run(*args, **kwargs)  # type: ignore[attr-defined]

    def make_coffee(self, *args: Any, **kwargs: Any) -> None:
        """``app.run`` with the coffee banner."""
        self.state.coffee = True
        self.run(*args, **kwargs)  # type: ignore[attr-defined]

    @property
    def inspector(self) -> Any:
        """The inspector (only in the main process, once ``main_process_start`` ran)."""
        inspector = self._inspector
        if inspector is None or os.environ.get("SANIC_WORKER_PROCESS"):
            raise SanicException(
                "Can only access the inspector from the main process after "
                "main_process_start has run. For example, you most likely want to use it "
                "inside the @app.main_process_ready event listener."
            )
        return inspector


def _as_chain(collection: Any, is_async: Callable[[Any], bool]) -> Iterator[tuple[Any, bool]]:
    from hurtle_app.middleware import runnable

    for item in collection or ():
        func = runnable(item)
        yield func, is_async(func)



@functools.cache
def _sanic_ext_version() -> str | None:
    """The version of the importable ``sanic_ext``, or None (looked up once per process).

    As Sanic, the import package counts, not a distribution's name: a fork installed under
    another name (sanic-ext-fork) or a copy without metadata (vendored, bundled) is listed
    with its ``__version__``. The metadata answers for the usual install, so the package
    is imported here only when no ``sanic-ext`` distribution describes it."""
    import sys
    from importlib import metadata, util  # only for the banner: importing them costs ~30 ms

    loaded = sys.modules.get("sanic_ext")
    if loaded is not None:
        return getattr(loaded, "__version__", None)
    if util.find_spec("sanic_ext") is None:
        return None
    try:
        return metadata.version("sanic-ext")
    except metadata.PackageNotFoundError:
        pass
    try:
        import sanic_ext
    except Exception:  # a broken copy is no reason to fail the banner
        return None
    return getattr(sanic_ext, "__version__", None)


def motd_packages(testing_version: str | None = None, hurtle_version: str | None = None) -> list[str]:
    """The banner's ``packages`` line (and the inspector's), as Sanic's: the routing and
    testing API levels (``testing_version``, else that of a loaded ``sanic_testing``),
    sanic-ext when installed, then Hurtle itself (``hurtle_version``, else this package's)."""
    import sys

    from hurtle_app.__about__ import __version__
    from sanic_routing import __version__ as routing_version

    found = [f"sanic-routing=={routing_version}"]
    if testing_version is None:
        testing_version = getattr(sys.modules.get("sanic_testing"), "__version__", None)
    if testing_version:
        found.append(f"sanic-testing=={testing_version}")
    ext_version = _sanic_ext_version()
    if ext_version:
        found.append(f"sanic-ext=={ext_version}")
    return [*found, f"hurtle=={hurtle_version or __version__}"]


__all__ = ["AppSurface", "REPLContext", "REPLLocal"]
