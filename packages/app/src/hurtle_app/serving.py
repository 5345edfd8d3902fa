"""Single-process serving: ``app.create_server`` (an ``AsyncioServer``) and
``app.run(single_process=True)``, on top of ``hurtle_http.server.start_server``."""

from __future__ import annotations

import asyncio
import logging
import os
import signal as os_signal
from collections.abc import Awaitable, Callable, Coroutine, Generator
from contextvars import ContextVar
from typing import Any

from hurtle_app.helpers import Default, _default
from hurtle_app.state import ApplicationServerInfo, ServerStage
from hurtle_http.server import server_event_loop, try_use_uvloop

#: As Sanic: set in a process that serves requests once its before_server_start listeners
#: ran (apps and plugins read it to tell a serving process from the main one).
WORKER_PROCESS_ENV = "SANIC_WORKER_PROCESS"


#: True while a caller that shows its own start-up banner (the test clients do, as
#: sanic-testing's) runs ``app.create_server``: the app then prints none of its own.
banner_shown: ContextVar[bool] = ContextVar("hurtle_banner_shown", default=False)

server_logger = logging.getLogger("sanic.server")
logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")


#: A second SIGINT/SIGTERM this soon after the first is the same stop delivered twice (by
#: a terminal and a supervisor, or to the whole process group), not a second Ctrl-C.
REPEATED_SIGNAL_GRACE = 0.5


def add_stop_signal_handlers(
    loop: asyncio.AbstractEventLoop, stop: asyncio.Event, end_grace: Callable[[], Any] | None
) -> None:
    """SIGINT/SIGTERM: the first sets ``stop`` (a graceful shutdown); a second one ends
    the grace at once (``end_grace``: the connections still open are closed; ignored if
    None), as a second signal to the worker manager kills its workers. Silently nothing
    where the loop cannot handle signals (not the main thread, Windows)."""
    first_at: list[float] = []

    def on_signal() -> None:
        now = loop.time()
        if not first_at:
            first_at.append(now)
            stop.set()
        elif end_grace is not None and now - first_at[0] >= REPEATED_SIGNAL_GRACE:
            logger.info("Shutdown interrupted. Killing.")  # the manager's words for it
            end_grace()

    for sig in (os_signal.SIGINT, os_signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
        except (NotImplementedError, RuntimeError, ValueError):
            pass


async def stop_step(step: Any) -> bool:
    """Await one step of a server's stop (its stop listeners, the graceful shutdown); an
    exception is logged with its traceback and the stop goes on, so one failing listener
    neither skips the drain of open connections nor the clean-up after it. False if it
    failed."""
    try:
        await step
    except Exception as exc:
        error_logger.exception("%s", exc)
        return False
    return True


def run_until_served(
    loop: asyncio.AbstractEventLoop, task: asyncio.Future[Any], on_stop: Callable[[], None]
) -> None:
    """Run ``task`` (a server's serving) on ``loop`` to its end. A ``loop.stop()`` called
    meanwhile (by a listener, a handler) is, as in Sanic, a stop asked for by the app:
    ``on_stop()`` asks the server to stop and the loop runs on, so the start finishes and
    the stop listeners run."""
    while True:
        try:
            loop.run_until_complete(task)
            return
        except RuntimeError:
            if task.done() or loop.is_running():
                raise  # raised by the server or a listener, or a loop in use
            on_stop()


def close_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Finish ``loop``'s async generators, close it and unset it as the current loop (the
    loop is closed and unset even when the generators' clean-up fails)."""
    try:
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def _load_websockets(app: Any) -> None:
    """Load the websocket implementation before a server with websocket routes accepts.

    Left to the first handshake, the import held up the worker's loop, every connection
    with it, for 0.1-0.3 s (logged as a slow callback in debug mode). Declaring routes
    loads nothing (the main process and apps without websockets never carry it).
    """
    if getattr(app, "websocket_enabled", False):
        import hurtle_http.websocket  # noqa: F401


def wants_uvloop(config: Any) -> bool:
    """Whether an app with this config serves on uvloop (when it is installed).

    As Sanic 25.12 wherever it makes the loop (``app.run`` in one process, the worker
    manager's main process and its workers, the test client): only ``USE_UVLOOP`` left at
    its default or set to ``True`` itself. Any other value means asyncio's own loop, truthy
    ones too (``1``, ``"yes"``; ``SANIC_USE_UVLOOP=1`` is read as ``1``); the environment's
    ``true``/``yes`` are read as ``True``. The one rule for every runner.
    """
    if config is None:
        return True
    setting = config.get("USE_UVLOOP", _default)
    return setting is True or isinstance(setting, Default)


class AsyncioServer:
    """A started server for callers who drive the lifecycle themselves.

    ``await app.create_server(...)`` returns one; then ``startup()``, ``before_start()``,
    ``after_start()`` (connections are accepted from here), ``serve_forever()`` ... and
    ``before_stop()``, ``close()``, ``wait_closed()``, ``after_stop()``.
    """

    def __init__(self, app: Any, loop: asyncio.AbstractEventLoop, handle: Any,
                 serve_on_start: bool = True,
                 pending: Callable[[], Awaitable[AsyncioServer]] | None = None) -> None:
        self.app = app
        self.loop = loop
        self.handle = handle
        # ``sanic.server.serve(run_async=True)``: nothing is bound until the server is
        # awaited (or told to serve); ``pending`` makes the bound server then.
        self._pending = pending
        self.serve_coro = None
        self._started = False
        # False when the caller asked for ``asyncio_server_kwargs={"start_serving": False}``:
        # then, as in Sanic, only start_serving()/serve_forever() make it accept.
        self._serve_on_start = serve_on_start

    @property
    def server(self) -> asyncio.AbstractServer:
        """The underlying asyncio server."""
        return self.handle.server

    @property
    def connections(self) -> Any:
        """The open connections (protocol objects)."""
        return set() if self.handle is None else self.handle.connections

    async def _bind(self) -> None:
        pending, self._pending = self._pending, None
        if self.handle is None and pending is not None:
            bound = await pending()
            self.handle = bound.handle
            self._serve_on_start = bound._serve_on_start

    async def startup(self) -> None:
        """Finalize the app (routes, middleware chains, signals); idempotent."""
        await self.app._startup()
        self._started = True

    def _require_startup(self, what: str) -> None:
        # As Sanic: listeners and serving need the finalized app that startup() makes, or
        # an app marked started (Sanic's guide starts a second app's server by setting
        # app.state.is_started itself; the app then composes on its first request).
        if not (self._started or self.app.state.is_started):
            from hurtle_http.exceptions import SanicException

            raise SanicException(
                f"Cannot {what} without first running await server.startup()"
            )

    # As Sanic: the lifecycle methods check for startup() when called, not when awaited,
    # so code written for older versions that calls them without awaiting (or before
    # startup()) fails at that line instead of leaving a server that never answers.

    def before_start(self) -> Coroutine[Any, Any, None]:
        """Run the ``before_server_start`` listeners (and start the app's tasks)."""
        self._require_startup("dispatch server event")
        return self.app._server_event("init", "before", loop=self.loop)

    def after_start(self) -> Coroutine[Any, Any, None]:
        """Start accepting connections, then run the ``after_server_start`` listeners."""
        self._require_startup("dispatch server event")
        return self._after_start()

    async def _after_start(self) -> None:
        _load_websockets(self.app)
        # As Sanic: a server from serve(run_async=True) not awaited yet stays unbound, and
        # one closed already (its listening sockets gone) stays closed; the listeners run.
        if (self._serve_on_start and self.handle is not None and self.server.sockets
                and not self.server.is_serving()):
            await self.server.start_serving()
        # As Sanic: app.state.is_running turns True once those listeners have run.
        await self.app._server_event("init", "after", loop=self.loop)
        self.app.state.is_running = True

    def before_stop(self) -> Coroutine[Any, Any, None]:
        """Run the ``before_server_stop`` listeners."""
        self._require_startup("dispatch server event")
        return self.app._server_event("shutdown", "before", loop=self.loop)

    def after_stop(self) -> Coroutine[Any, Any, None]:
        """Cancel the app's tasks and run the ``after_server_stop`` listeners."""
        self._require_startup("dispatch server event")
        return self.app._server_event("shutdown", "after", loop=self.loop)

    def is_serving(self) -> bool:
        """Whether the server accepts connections."""
        return self.handle is not None and self.server.is_serving()

    def start_serving(self) -> Coroutine[Any, Any, None]:
        """Accept connections (no-op when already serving)."""
        self._require_startup("run Sanic server")
        return self._start_serving()

    async def _start_serving(self) -> None:
        await self._bind()
        _load_websockets(self.app)
        if not self.server.is_serving():
            await self.server.start_serving()
        self.app.state.is_running = True

    def serve_forever(self) -> Coroutine[Any, Any, None]:
        """Serve until closed."""
        self._require_startup("run Sanic server")
        return self._serve_forever()

    async def _serve_forever(self) -> None:
        await self._bind()
        self.app.state.is_running = True
        await self.server.serve_forever()

    def close(self) -> asyncio.Task:
        """Stop accepting connections; returns a task (awaitable, as in Sanic) that ends
        when the listening socket is closed."""
        self._pending = None
        self.app.state.is_running = False
        if self.handle is None:
            return self.loop.create_task(asyncio.sleep(0))
        self.server.close()
        return self.loop.create_task(self.server.wait_closed())

    async def wait_closed(self) -> None:
        """Wait until the listening socket is closed."""
        if self.handle is not None:
            await self.server.wait_closed()

    def end_grace(self) -> None:
        """End a graceful shutdown under way now: the connections still open are closed."""
        if self.handle is not None:
            self.handle.end_grace()

    async def graceful_shutdown(self, timeout: float | None = None) -> None:
        """Stop accepting, let in-flight requests finish (up to ``timeout``), close all."""
        if timeout is None:
            timeout = float(self.app.config.GRACEFUL_SHUTDOWN_TIMEOUT)
        if self.handle is not None:
            await self.handle.graceful_shutdown(timeout)
        self.app.state.is_running = False

    def __await__(self) -> Generator[Any, None, AsyncioServer]:
        yield from self._start_serving().__await__()
        return self


def as_port(port: Any) -> int:
    """``port`` as an int: "8000" is taken (as Sanic's create_server, whose asyncio looks
    the string up); anything else is a TypeError that names it (a float too: ``int()``
    would cut 8000.5 to 8000 and serve a port nobody asked for)."""
    try:
        if isinstance(port, float):
            raise TypeError
        return int(port)
    except (TypeError, ValueError):
        raise TypeError(
            f"port is a number from 0 to 65535, such as 8000, not {port!r}"
        ) from None


async def create_server(
    app: Any,
    host: str | None = None,
    port: int | None = None,
    *,
    debug: bool = False,
    ssl: Any = None,
    sock: Any = None,
    protocol: Any = None,
    backlog: int = 100,
    access_log: bool | None = None,
    unix: str | None = None,
    return_asyncio_server: bool = True,
    asyncio_server_kwargs: dict[str, Any] | None = None,
    noisy_exceptions: bool | None = None,
) -> AsyncioServer | None:
    """Bind and return an ``AsyncioServer`` for ``app`` on the running loop."""
    from hurtle_app.state import Mode
    from hurtle_http.server import HttpProtocol, start_server

    if debug:
        app.state.mode = Mode.DEBUG
    if access_log is not None:
        app.config.ACCESS_LOG = access_log
    if noisy_exceptions is not None:
        app.config.NOISY_EXCEPTIONS = noisy_exceptions
    # As Sanic: the log handlers take the mode's look, and LOG_EXTRA/NO_COLOR apply.
    from hurtle_app.logging.setup import apply_log_formatters

    apply_log_formatters(app)
    if sock is None and unix is None:
        host = host or "127.0.0.1"
        port = 8000 if port is None else as_port(port)
    app.state.host = host or ""
    app.state.port = port or 0
    app.state.unix = unix
    # As Sanic: served by its own server, the app is not under ASGI (an ASGI test client
    # or server that ran it before left app.asgi set).
    app.state.asgi = False
    given_ssl = ssl
    certloader = getattr(app, "certloader_class", None)
    if certloader is not None:
        # Sanic(certloader_class=...): what ssl= means (and whether to serve TLS at all).
        ssl = certloader(ssl).load(app)
    if not return_asyncio_server:
        # As Sanic 25.12: the argument is ignored (the server is returned, not started).
        from hurtle_app.logging.deprecation import deprecation

        deprecation(
            "The `return_asyncio_server` argument is deprecated and ignored. "
            "It will be removed in v24.3.",
            24.3,
        )
    loop = asyncio.get_running_loop()
    # Before debug mode is on: in the step that binds, nothing waits on it yet.
    _load_websockets(app)
    if app.debug:
        # As Sanic: in debug mode the serving loop runs in asyncio's debug mode too (slow
        # callbacks are logged, never-awaited coroutines say where they were made).
        loop.set_debug(True)
    announce = getattr(app, "_announce_server", None)
    # Port 0: the system picks the port when binding, so the banner follows the bind and
    # names the port picked (Sanic's says `:8000`, where nothing listens); a bind to port
    # 0 finds no port in use, so no failure goes unannounced.
    any_port = port == 0 and sock is None and not unix  # "" is no UNIX path, as app.run reads it
    if announce is not None and not any_port:
        # As Sanic: the start-up banner (the meta-package's) comes before the bind.
        announce(ssl=given_ssl, sock=sock, unix=unix)
    kwargs = {"start_serving": False, **(asyncio_server_kwargs or {})}
    handle = await start_server(
        app,
        host=host,
        port=port,
        sock=sock,
        unix=unix,
        ssl=ssl,
        backlog=backlog,
        protocol=protocol or HttpProtocol,
        loop=loop,
        asyncio_server_kwargs=kwargs,
    )
    if announce is not None and any_port:
        announce(ssl=given_ssl, sock=next(iter(handle.sockets), None), unix=None)
    serve_on_start = (asyncio_server_kwargs or {}).get("start_serving", True) is not False
    return AsyncioServer(app, loop, handle, serve_on_start)


class SingleProcessRunner:
    """``app.run(single_process=True)``: one loop, one server, signals, graceful stop."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stop_event: asyncio.Event | None = None
        #: Whether the server's socket was bound (what the stop and failure lines need).
        self.bound = False

    def run(
        self,
        host: str | None,
        port: int | None,
        *,
        ssl: Any = None,
        sock: Any = None,
        unix: str | None = None,
        protocol: Any = None,
        backlog: int = 100,
        register_sys_signals: bool = True,
        loop: asyncio.AbstractEventLoop | None = None,
        **server_options: Any,
    ) -> None:
        """Serve until stopped (SIGINT, SIGTERM or ``app.stop()``)."""
        if loop is None:
            loop = server_event_loop(wants_uvloop(self.app.config))
        asyncio.set_event_loop(loop)
        self.loop = loop
        self.bound = False
        # As in Sanic 25.12, a single-process server is not a "main process" with workers:
        # main_process_start/ready/stop listeners do not run here (app.run() with workers,
        # from the meta-package, runs them).
        try:
            serving = loop.create_task(
                self._serve(
                    host,
                    port,
                    ssl=ssl,
                    sock=sock,
                    unix=unix,
                    protocol=protocol,
                    backlog=backlog,
                    register_sys_signals=register_sys_signals,
                    **server_options,
                )
            )
            run_until_served(loop, serving, self._stop_on_loop_stop)
        except BaseException:
            # As Sanic: once the socket is bound, a failure (a server listener raising) is
            # logged with its traceback before "Server Stopped"; a socket that could not
            # be bound (port in use) fails before either line. Both re-raise.
            if self.bound:
                error_logger.exception("Experienced exception while trying to serve")
            raise
        finally:
            try:
                close_loop(loop)
            finally:
                os.environ.pop(WORKER_PROCESS_ENV, None)  # as Sanic, once it stopped
                if self.bound:
                    logger.info("Server Stopped")

    def _stop_on_loop_stop(self) -> None:
        # Someone called loop.stop() (a listener, a handler): as Sanic, that is a stop.
        if self.stop_event is not None:
            self.stop_event.set()

    async def _serve(
        self, host: str | None, port: int | None, *, register_sys_signals: bool,
        motd: bool = True, **kw: Any
    ) -> None:
        loop = asyncio.get_running_loop()
        self.stop_event = asyncio.Event()
        try:
            server = await create_server(self.app, host, port, **kw)
        except OSError:
            raise  # the address could not be bound: as Sanic, before either line
        except Exception:
            # As Sanic, where the address is bound before its server is built: what fails
            # then (a ``protocol`` that is no class) is logged, and "Server Stopped".
            self.bound = True
            raise
        if server is None:  # pragma: no cover - create_server returns one here
            return
        self.bound = True
        pid = os.getpid()
        server_logger.info("Starting worker [%s]", pid)
        # As Sanic: app.state.stage is SERVING from before_server_start to the end of
        # after_server_stop (sanic-ext's health monitor runs while it is).
        infos = self.app.state.server_info
        own = None if infos else ApplicationServerInfo(settings={"host": host, "port": port, **kw})
        if own is not None:  # app.run of hurtle_app alone: no prepare() recorded one
            infos.append(own)
        for info in infos:
            info.stage = ServerStage.SERVING
            info.server = server
        try:
            await server.startup()
            await server.before_start()
            os.environ[WORKER_PROCESS_ENV] = "true"
            await server.after_start()
        except BaseException:
            # A failed start closes the listening socket before the loop is closed (uvloop
            # refuses to close a loop whose server is still open, while a log record of
            # the failure keeps the server alive).
            await server.close()
            raise
        self.app.state.is_started = True
        server_logger.info("Worker ready [%s]", pid)
        if motd:
            # the app's own formatting: an IPv6 host in brackets, a unix socket by path,
            # a socket given as is by its address
            location = self.app.get_server_location(
                {"host": host, "port": port, "ssl": kw.get("ssl"), "unix": kw.get("unix"),
                 "sock": kw.get("sock")}
            )
            server_logger.info("Goin' Fast @ %s", location)
        if register_sys_signals:
            add_stop_signal_handlers(loop, self.stop_event, server.end_grace)
        try:
            await self.stop_event.wait()
        finally:
            try:
                server_logger.info("Stopping worker [%s]", pid)
                self.app.state.is_stopping = True
                await stop_step(server.before_stop())
                await stop_step(server.graceful_shutdown())
                await stop_step(server.after_stop())
                self.app.state.is_stopping = False
                self.app.state.is_started = False
                for info in infos:
                    info.stage = ServerStage.STOPPED
                if own is not None and own in infos:
                    infos.remove(own)
                server_logger.info("Worker complete [%s]", pid)
            finally:
                # Only now: a second Ctrl-C (or a signal sent to the process group as
                # well as to the process) during the graceful shutdown must not raise
                # KeyboardInterrupt into it and drop the requests still being answered.
                if register_sys_signals:
                    for sig in (os_signal.SIGINT, os_signal.SIGTERM):
                        try:
                            loop.remove_signal_handler(sig)
                        except (NotImplementedError, RuntimeError, ValueError):
                            pass

    def stop(self) -> None:
        """Ask the running server to stop (thread-safe)."""
        if self.loop is not None and self.stop_event is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.stop_event.set)


__all__ = ["WORKER_PROCESS_ENV", "AsyncioServer", "SingleProcessRunner", "as_port", "banner_shown",
           "close_loop", "create_server", "run_until_served", "server_event_loop", "stop_step",
           "try_use_uvloop", "wants_uvloop"]
