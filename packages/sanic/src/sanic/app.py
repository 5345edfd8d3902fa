"""``sanic.Sanic``: the framework app composed with multi-process running.

Composition only: serving logic is in ``sanic.runner`` (main process) and
``sanic.worker.serve`` (each worker); process logic in ``hurtle_worker``.
"""

from __future__ import annotations

import asyncio
import inspect
import logging  # noqa: F401 - patched by tests written for Sanic (forwarded below)
import socket
import sys
from collections.abc import Callable
from contextvars import ContextVar
from os import environ
from types import SimpleNamespace
from typing import Any, ClassVar, overload

import hurtle_app.app as _framework_app_module
from hurtle_app import Sanic as _FrameworkSanic
from hurtle_app.app import Sanic as StaticHandleMixin  # noqa: F401 - as in Sanic
from hurtle_app.app import config_type as config_type
from hurtle_app.app import ctx_type as ctx_type
from hurtle_app.app import error_logger as error_logger
from hurtle_app.app_surface import REPLContext as REPLContext
from hurtle_app.asgi import ASGIApp as ASGIApp
from hurtle_app.asgi import Lifespan as Lifespan
from hurtle_app.blueprint_group import BlueprintGroup as BlueprintGroup
from hurtle_app.blueprints import Blueprint as Blueprint
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.compat import enable_windows_color_support as enable_windows_color_support
from hurtle_app.config import SANIC_PREFIX as SANIC_PREFIX
from hurtle_app.config import Config as Config
from hurtle_app.extend import setup_ext as setup_ext
from hurtle_app.futures import FutureException as FutureException
from hurtle_app.futures import FutureListener as FutureListener
from hurtle_app.futures import FutureMiddleware as FutureMiddleware
from hurtle_app.futures import FutureRoute as FutureRoute
from hurtle_app.futures import FutureSignal as FutureSignal
from hurtle_app.handlers.error import ErrorHandler as ErrorHandler
from hurtle_app.listeners import ListenerEvent as ListenerEvent
from hurtle_app.log import LOGGING_CONFIG_DEFAULTS as LOGGING_CONFIG_DEFAULTS
from hurtle_app.log import logger as logger
from hurtle_app.logging.deprecation import deprecation as deprecation
from hurtle_app.logging.setup import setup_logging as setup_logging
from hurtle_app.middleware import Middleware as Middleware
from hurtle_app.models.handler_types import ListenerType as ListenerType
from hurtle_app.models.handler_types import MiddlewareType as MiddlewareType
from hurtle_app.models.handler_types import Sanic as SanicVar  # noqa: F401 - as in Sanic
from hurtle_app.qualnames import adopt_sanic_qualnames
from hurtle_app.registration import Registrar as BaseSanic  # noqa: F401 - as in Sanic
from hurtle_app.registration import Registrar as CommandMixin  # noqa: F401 - as in Sanic
from hurtle_app.router import Router as Router
from hurtle_app.signals import Event as Event
from hurtle_app.signals import Signal as Signal
from hurtle_app.signals import SignalRouter as SignalRouter
from hurtle_app.state import ApplicationState as ApplicationState
from hurtle_app.touchup import TouchUp as TouchUp
from hurtle_app.touchup import TouchUpMeta as TouchUpMeta
from hurtle_http.exceptions import BadRequest as BadRequest
from hurtle_http.exceptions import SanicException as SanicException
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.exceptions import URLBuildError as URLBuildError
from hurtle_http.request.types import Request as Request
from hurtle_http.response.file import Default as Default
from hurtle_http.response.file import _default
from hurtle_http.response.types import BaseHTTPResponse as BaseHTTPResponse
from hurtle_http.response.types import HTTPResponse as HTTPResponse
from hurtle_http.response.types import ResponseStream as ResponseStream
from hurtle_http.stages import Stage as Stage
from hurtle_worker.multiplexer import WorkerMultiplexer
from hurtle_worker.shared_ctx import SharedContext
from sanic import runner
from sanic._patching import forward_patches
from sanic._submodules import lazy_names as _lazy_names
from sanic.application.constants import ServerStage as ServerStage
from sanic.http.constants import HTTP as HTTP
from sanic.middleware import MiddlewareLocation as MiddlewareLocation
from sanic.models.futures import FutureRegistry as FutureRegistry
from sanic.worker.inspector import Inspector as Inspector
from sanic.worker.loader import AppLoader
from sanic.worker.loader import CertLoader as CertLoader
from sanic.worker.main_guard import main_module_line
from sanic.worker.manager import WorkerManager
from sanic_routing.exceptions import FinalizationError as FinalizationError
from sanic_routing.exceptions import NotFound as NotFound
from sanic_routing.route import Route as Route

_DEFAULT_START_METHOD = "spawn"


#: Set while ``Sanic.create_server`` binds: its banner is due just before the bind.
_BANNER_ON_BIND: ContextVar[bool] = ContextVar("_BANNER_ON_BIND", default=False)


class Sanic(_FrameworkSanic[config_type, ctx_type]):
    """A Sanic application: the framework's app plus the worker-manager runner."""

    #: The multiprocessing start method of the workers (Sanic's ``<Default>``: spawn).
    start_method: ClassVar[Any] = _default
    _class_only: ClassVar[frozenset[str]] = _FrameworkSanic._class_only | {"start_method"}
    _manager: WorkerManager | None = None
    _multiplexer: WorkerMultiplexer | None = None
    _worker_stopper: Callable[[], None] | None = None
    #: For type checkers: what ``app.shared_ctx`` is here (the framework's is a namespace).
    shared_ctx: SharedContext

    # For type checkers: the app's type follows the config and ctx it is given, so
    # ``app = Sanic("x")`` is ``Sanic[Config, SimpleNamespace]`` (with no annotation) and
    # ``Sanic("x", config=MyConfig(), ctx=MyCtx())`` is ``Sanic[MyConfig, MyCtx]``.
    @overload
    def __init__(
        self: Sanic[Config, SimpleNamespace],
        name: str,
        config: None = None,
        ctx: None = None,
        router: Router | None = None,
        signal_router: SignalRouter | None = None,
        error_handler: ErrorHandler | None = None,
        env_prefix: str | None = SANIC_PREFIX,
        request_class: type[Request[Any, Any]] | None = None,
        strict_slashes: bool = False,
        log_config: dict[str, Any] | None = None,
        configure_logging: bool = True,
        dumps: Callable[..., Any] | None = None,
        loads: Callable[..., Any] | None = None,
        inspector: bool = False,
        inspector_class: type[Inspector] | None = None,
        certloader_class: type[CertLoader] | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self: Sanic[config_type, SimpleNamespace],
        name: str,
        config: config_type | None = None,
        ctx: None = None,
        router: Router | None = None,
        signal_router: SignalRouter | None = None,
        error_handler: ErrorHandler | None = None,
        env_prefix: str | None = SANIC_PREFIX,
        request_class: type[Request[Any, Any]] | None = None,
        strict_slashes: bool = False,
        log_config: dict[str, Any] | None = None,
        configure_logging: bool = True,
        dumps: Callable[..., Any] | None = None,
        loads: Callable[..., Any] | None = None,
        inspector: bool = False,
        inspector_class: type[Inspector] | None = None,
        certloader_class: type[CertLoader] | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self: Sanic[Config, ctx_type],
        name: str,
        config: None = None,
        ctx: ctx_type | None = None,
        router: Router | None = None,
        signal_router: SignalRouter | None = None,
        error_handler: ErrorHandler | None = None,
        env_prefix: str | None = SANIC_PREFIX,
        request_class: type[Request[Any, Any]] | None = None,
        strict_slashes: bool = False,
        log_config: dict[str, Any] | None = None,
        configure_logging: bool = True,
        dumps: Callable[..., Any] | None = None,
        loads: Callable[..., Any] | None = None,
        inspector: bool = False,
        inspector_class: type[Inspector] | None = None,
        certloader_class: type[CertLoader] | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self: Sanic[config_type, ctx_type],
        name: str,
        config: config_type | None = None,
        ctx: ctx_type | None = None,
        router: Router | None = None,
        signal_router: SignalRouter | None = None,
        error_handler: ErrorHandler | None = None,
        env_prefix: str | None = SANIC_PREFIX,
        request_class: type[Request[Any, Any]] | None = None,
        strict_slashes: bool = False,
        log_config: dict[str, Any] | None = None,
        configure_logging: bool = True,
        dumps: Callable[..., Any] | None = None,
        loads: Callable[..., Any] | None = None,
        inspector: bool = False,
        inspector_class: type[Inspector] | None = None,
        certloader_class: type[CertLoader] | None = None,
    ) -> None: ...

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(name, *args, **kwargs)
        object.__setattr__(self, "shared_ctx", SharedContext())
        # Where the main module made it: a spawned worker cannot make an app made in its
        # __main__ block again (the runner then forks, see sanic.worker.main_guard).
        object.__setattr__(self, "_main_module_line", main_module_line(sys._getframe(1)))
        if self.certloader_class is None:
            from sanic.worker.loader import CertLoader

            self.certloader_class = CertLoader
        if self.inspector_class is None:
            from sanic.worker.inspector import Inspector

            self.inspector_class = Inspector

    # help(), IDEs and inspect.signature(Sanic) show the framework's parameters.
    __init__.__signature__ = inspect.signature(_FrameworkSanic.__init__)  # type: ignore[attr-defined]

    # -- process-side views -----------------------------------------------------------------
    @property
    def manager(self) -> WorkerManager:
        """The worker manager: in the main process, once ``main_process_start`` ran."""
        if self._manager is None or environ.get("SANIC_WORKER_PROCESS"):
            raise SanicException(
                "Can only access the manager from the main process after "
                "main_process_start has run. For example, you most likely want to use it "
                "inside the @app.main_process_ready event listener."
            )
        return self._manager

    @manager.setter
    def manager(self, value: WorkerManager | None) -> None:
        object.__setattr__(self, "_manager", value)

    @property
    def multiplexer(self) -> WorkerMultiplexer:
        """This worker's link to the manager (only inside a worker process)."""
        if self._multiplexer is None:
            raise AttributeError(
                "app.multiplexer (app.m) exists only inside worker processes started by "
                "app.run()/Sanic.serve(); in the main process use app.manager."
            )
        return self._multiplexer

    @multiplexer.setter
    def multiplexer(self, value: WorkerMultiplexer | None) -> None:
        # Sanic's is a plain attribute: code may set one (tests set a stand-in).
        object.__setattr__(self, "_multiplexer", value)

    @property
    def m(self) -> WorkerMultiplexer:
        """Short alias of ``app.multiplexer``."""
        return self.multiplexer

    # -- test clients (sanic-testing's TestManager wiring) ----------------------------------
    _test_manager: Any = None

    def _new_client(self, slot: str) -> Any:
        # As Sanic: only the client asked for is made (an ASGI client marks the app as
        # served by ASGI, which reading ``test_client`` must not).
        try:
            from sanic_testing.testing import SanicASGITestClient, SanicTestClient
        except ImportError:  # pragma: no cover - the meta-package depends on it
            raise RuntimeError(
                "app.test_client needs the test clients: pip install hurtle-testing "
                "(import name sanic_testing)."
            ) from None
        return (SanicTestClient if slot == "_test_client" else SanicASGITestClient)(self)

    # As in Sanic, the clients handed out are kept here; test fixtures set them to None
    # to get new ones (an ASGI client per event loop).
    _test_client: Any = None
    _asgi_client: Any = None

    def _client(self, slot: str) -> Any:
        client = getattr(self, slot)
        if client is None:
            # A TestManager(app) made by the user hands out its own clients (as Sanic).
            client = getattr(self._test_manager, slot[1:], None)
            if client is None or self.__dict__.get(f"{slot}_handed") is client:
                client = self._new_client(slot)  # none yet, or the kept one was dropped
            object.__setattr__(self, f"{slot}_handed", client)
            object.__setattr__(self, slot, client)
        return client

    @property
    def test_client(self) -> Any:
        """A ``SanicTestClient`` for this app (real socket on a free loopback port)."""
        return self._client("_test_client")

    @property
    def asgi_client(self) -> Any:
        """A ``SanicASGITestClient`` for this app (in process, through ASGI)."""
        return self._client("_asgi_client")

    # -- start method -----------------------------------------------------------------------
    @classmethod
    def _get_startup_method(cls) -> str:
        method = cls.start_method
        return _DEFAULT_START_METHOD if method is None or isinstance(method, Default) else method

    @classmethod
    def _set_startup_method(cls) -> None:
        import multiprocessing

        method = cls._get_startup_method()
        if method not in multiprocessing.get_all_start_methods():
            # ValueError, as multiprocessing's (and so Sanic's) "cannot find context".
            raise ValueError(
                f"Start method {method!r} is not available here; use one of "
                f"{', '.join(multiprocessing.get_all_start_methods())}."
            )
        current = multiprocessing.get_start_method(allow_none=True)
        if not cls.START_METHOD_SET and not cls.test_mode and current not in (None, method):
            # As Sanic: objects made in the other context (a Queue, Lock or Value) could
            # not reach the workers ("A SemLock created in a fork context...").
            raise RuntimeError(
                f"Start method {method!r} was requested, but {current!r} was already set: "
                "something used multiprocessing before app.run() (set_start_method(), or "
                "created a Queue, Lock, Value...). Create the objects the workers share in "
                "a main_process_start listener, or choose the workers' start method with "
                f"Sanic.start_method = {current!r} before app.run()."
            )
        # Objects users create for shared_ctx (Queue(), Lock()...) must come from the
        # same context as the workers.
        multiprocessing.set_start_method(method, force=True)
        cls.START_METHOD_SET = True

    # -- running ----------------------------------------------------------------------------
    def prepare(self, host: str | None = None, port: int | None = None, *,
                dev: bool = False, debug: bool = False, auto_reload: bool | None = None,
                version: Any = HTTP.VERSION_1, ssl: Any = None, sock: Any = None, workers: int = 1,
                protocol: Any = None, backlog: int = 100, register_sys_signals: bool = True,
                access_log: bool | None = None, unix: str | None = None,
                loop: asyncio.AbstractEventLoop | None = None, reload_dir: Any = None,
                noisy_exceptions: bool | None = None, motd: bool = True, fast: bool = False,
                verbosity: int = 0, motd_display: dict[str, str] | None = None,
                coffee: bool = False, auto_tls: bool = False,
                single_process: bool = False, legacy: bool = False) -> None:
        """Record how to serve this app; ``Sanic.serve()`` then runs every prepared app."""
        runner.prepare(
            self, host, port, dev=dev, debug=debug, auto_reload=auto_reload,
            version=version, ssl=ssl, sock=sock, workers=workers, protocol=protocol,
            backlog=backlog, register_sys_signals=register_sys_signals,
            access_log=access_log, unix=unix, loop=loop, reload_dir=reload_dir,
            noisy_exceptions=noisy_exceptions, motd=motd, fast=fast, verbosity=verbosity,
            motd_display=motd_display, coffee=coffee, auto_tls=auto_tls,
            single_process=single_process, legacy=legacy,
        )

    def run(self, host: str | None = None, port: int | None = None, *, dev: bool = False,
            debug: bool = False, auto_reload: bool | None = None, version: Any = HTTP.VERSION_1,
            ssl: Any = None, sock: Any = None, workers: int = 1, protocol: Any = None,
            backlog: int = 100, register_sys_signals: bool = True,
            access_log: bool | None = None, unix: str | None = None,
            loop: asyncio.AbstractEventLoop | None = None, reload_dir: Any = None,
            noisy_exceptions: bool | None = None, motd: bool = True, fast: bool = False,
            verbosity: int = 0, motd_display: dict[str, str] | None = None,
            auto_tls: bool = False, single_process: bool = False,
            legacy: bool = False) -> None:
        """Serve until SIGINT/SIGTERM: worker processes on shared sockets, by default."""
        _refuse_inside_a_running_loop()
        self.prepare(
            host, port, dev=dev, debug=debug, auto_reload=auto_reload, version=version,
            ssl=ssl, sock=sock, workers=workers, protocol=protocol, backlog=backlog,
            register_sys_signals=register_sys_signals, access_log=access_log, unix=unix,
            loop=loop, reload_dir=reload_dir, noisy_exceptions=noisy_exceptions, motd=motd,
            fast=fast, verbosity=verbosity, motd_display=motd_display, auto_tls=auto_tls,
            single_process=single_process, legacy=legacy,
        )
        if single_process:
            type(self).serve_single(primary=self)
        elif legacy:
            type(self).serve_legacy(primary=self)
        else:
            type(self).serve(primary=self)

    async def create_server(
        self, host: str | None = None, port: int | None = None, *, debug: bool = False,
        ssl: Any = None, sock: Any = None, protocol: Any = None, backlog: int = 100,
        access_log: bool | None = None, unix: str | None = None,
        return_asyncio_server: bool = True, asyncio_server_kwargs: dict[str, Any] | None = None,
        noisy_exceptions: bool | None = None,
    ) -> Any:
        """Bind a server on the running loop (``AsyncioServer``); as Sanic, the start-up
        banner is printed first when this is the main process (workers print none)."""
        if runner.called_by_user():
            self.state.workers = 1  # as Sanic's create_server: one server, this process
        announcing = _BANNER_ON_BIND.set(True)
        try:
            server = await super().create_server(
                host, port, debug=debug, ssl=ssl, sock=sock, protocol=protocol,
                backlog=backlog, access_log=access_log, unix=unix,
                return_asyncio_server=return_asyncio_server,
                asyncio_server_kwargs=asyncio_server_kwargs, noisy_exceptions=noisy_exceptions,
            )
        except OSError as exc:
            if (sock is not None or unix is not None or isinstance(exc, socket.gaierror)
                    or not exc.errno or not exc.strerror):
                raise
            # As Sanic, whose asyncio binds here: the message names the address.
            address = (host or "127.0.0.1", 8000 if port is None else port)
            raise OSError(
                exc.errno,
                f"error while attempting to bind on address {address!r}: "
                f"{exc.strerror.lower()}",
            ) from exc
        finally:
            _BANNER_ON_BIND.reset(announcing)
        return server

    def _announce_server(self, *, ssl: Any, sock: Any, unix: str | None) -> None:
        """Called by ``create_server`` before it binds: Sanic's banner, when the user's
        code (not a worker, not a test client) created the server."""
        if _BANNER_ON_BIND.get():  # not sanic.server's serve(), which prints none
            runner.server_banner(self, ssl=ssl, sock=sock, unix=unix)
            # As Sanic: what create_server cannot honour is said after the banner.
            runner.create_server_warnings(self)

    def _announce_asgi(self) -> None:
        """Called by the ASGI lifespan start-up: Sanic's banner for ASGI servers."""
        runner.asgi_banner(self)

    @classmethod
    def serve(cls, primary: Sanic | None = None, *, app_loader: AppLoader | None = None,
              factory: Callable[[], Sanic] | None = None) -> None:
        """Serve every prepared app with the worker manager."""
        runner.serve(cls, primary, app_loader=app_loader, factory=factory)

    @classmethod
    def serve_single(cls, primary: Sanic | None = None) -> None:
        """Serve the prepared app in this process only (no workers, no reloader)."""
        runner.serve_single(cls, primary)

    @classmethod
    def serve_legacy(cls, primary: Sanic | None = None) -> None:
        """The pre-manager runner: no worker manager (see ``sanic.server.legacy``)."""
        runner.serve_legacy(cls, primary)

    def stop(self, terminate: bool = True, unregister: bool = False) -> None:
        """Stop the server: every worker (``terminate``) or, in a worker, just this one."""
        if not runner.stop(self, terminate=terminate):
            super().stop(terminate=terminate, unregister=False)
        if unregister:
            self.unregister_app(self)


#: Sanic's own name for the app class where running lives.
StartupMixin = Sanic

def _refuse_inside_a_running_loop() -> None:
    """``app.run()`` owns the event loop from start to stop: it cannot run inside one.

    (Called from a handler, a listener or an ``async def main``, Sanic hangs or reports a
    failed worker; asyncio's own error does not say what to do.)
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise RuntimeError(
        "app.run() cannot be called while an event loop is running (from a handler, a "
        "listener or an async function): call it at the top level of your script, under "
        "if __name__ == '__main__', or serve from async code with await app.create_server()"
    )


# ``sanic.app.ConnectionClosed`` (websockets'), as in Sanic, imported on first use: an app
# without websockets never loads that library (memory in every worker).
__getattr__ = _lazy_names(
    __name__, {"ConnectionClosed": "websockets.exceptions:ConnectionClosed"}
)


adopt_sanic_qualnames(Sanic)

__all__ = [
    "Sanic",
    "config_type",
    "ctx_type",
]

# ``patch("sanic.app.logging")`` reaches the framework's app, which configures logging
forward_patches(__name__, {"logging": (_framework_app_module,)})
