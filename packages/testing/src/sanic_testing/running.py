"""Plumbing shared by the socket clients: run a coroutine from sync code, mark the app as
under test, and drive one real server through its lifecycle on a free loopback port."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import os
import socket
import threading
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from hurtle_app.serving import banner_shown, server_event_loop, stop_step, try_use_uvloop
from hurtle_app.serving import wants_uvloop as config_wants_uvloop

__all__ = [
    "CLIENT_OPTIONS",
    "LoopRunner",
    "SERVER_OPTIONS",
    "ServerSession",
    "bind_free_socket",
    "check_create_server_kwargs",
    "cookies_as_header",
    "enable_test_mode",
    "format_host",
    "free_port",
    "run_sync",
    "split_client_options",
    "use_uvloop_policy",
    "wants_uvloop",
]

T = TypeVar("T")

#: ``server_kwargs`` keys that ``app.create_server`` understands; ``app.run``-only options
#: (workers, auto_reload, motd, ...) mean nothing to a one-process test server.
SERVER_OPTIONS = frozenset(
    {
        "ssl",
        "protocol",
        "backlog",
        "access_log",
        "asyncio_server_kwargs",
        "noisy_exceptions",
        "sock",
        "unix",
    }
)
#: Request keyword arguments that configure the ``httpx.AsyncClient`` rather than a request.
CLIENT_OPTIONS = frozenset(
    {
        "verify",
        "cert",
        "http1",
        "http2",
        "proxy",
        "trust_env",
        "limits",
        "transport",
        "event_hooks",
        "max_redirects",
        "default_encoding",
        "base_url",
        "mounts",
    }
)


def run_sync(factory: Callable[[], Awaitable[T]], *, uvloop: bool = False) -> T:
    """Run the coroutine ``factory()`` to completion on a fresh event loop.

    Called from inside a running loop (an async test), it runs on a helper thread instead,
    so the sync clients also work there. With ``uvloop=True`` the loop is uvloop's when it
    is installed (before Python 3.14 its policy also becomes the process's, as when Sanic
    runs an app; see ``hurtle_http.server.server_event_loop``).
    """
    if not _loop_running():
        return _run_on_new_current_loop(factory, uvloop)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="sanic-testing") as pool:
        return pool.submit(run_sync, factory, uvloop=uvloop).result()


def _refuse_unaccepted(
    call: Any, name: str, server_kwargs: dict[str, Any], also: Iterable[str] = ()
) -> None:
    """Refuse a ``server_kwargs`` key that ``call`` (``app.<name>``) does not take, with the
    ``TypeError`` calling it would raise; names in ``also`` are accepted too."""
    try:
        accepted = inspect.signature(call).parameters
    except (TypeError, ValueError):
        return
    if any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        return
    for key in server_kwargs:
        if key not in accepted and key not in also:
            raise TypeError(
                f"server_kwargs: app.{name}() got an unexpected keyword argument {key!r} "
                f"(it takes: {', '.join(sorted(accepted))})"
            )


def _check_server_kwargs(app: Any, server_kwargs: dict[str, Any] | None) -> None:
    """Refuse a ``server_kwargs`` key ``app.run`` does not take (Sanic's client passes them
    to ``app.run``, which raises this TypeError); options only a run uses are accepted."""
    run = getattr(app, "run", None)
    if server_kwargs and run is not None:
        _refuse_unaccepted(run, "run", server_kwargs, SERVER_OPTIONS)


def _check_single_process(server_kwargs: dict[str, Any]) -> None:
    """Refuse what ``app.run(single_process=True)`` refuses, as sanic-testing's client
    (which runs the app that way) does: the options the client gives ``app.run`` itself
    (``single_process``, ``debug``, ``host``, ``port``), several workers (``workers=2``,
    ``fast=True`` on several CPUs) or auto-reload (``auto_reload``, ``dev``)."""
    for key in ("single_process", "debug", "host", "port"):
        if key in server_kwargs:
            raise TypeError(f"app.run() got multiple values for keyword argument {key!r}")
    workers = server_kwargs.get("workers", 1)
    if workers == "auto" or server_kwargs.get("fast"):
        workers = os.cpu_count() or 1
    if (isinstance(workers, int) and workers > 1) or (
        server_kwargs.get("auto_reload") or server_kwargs.get("dev")
    ):
        raise RuntimeError("Single process cannot be run with multiple workers or auto-reload")


def check_create_server_kwargs(app: Any, server_kwargs: dict[str, Any] | None) -> None:
    """Refuse a ``server_kwargs`` key ``app.create_server`` does not take, with its
    ``TypeError`` (sanic-testing's ``ReusableClient`` passes them to it when made), and one
    the client gives ``create_server`` itself (``host``, ``port``, ``debug``,
    ``return_asyncio_server``)."""
    create_server = getattr(app, "create_server", None)
    if not server_kwargs or create_server is None:
        return
    for key in ("host", "port", "debug", "return_asyncio_server"):
        if key in server_kwargs:
            raise TypeError(
                f"app.create_server() got multiple values for keyword argument {key!r}"
            )
    _refuse_unaccepted(create_server, "create_server", server_kwargs)


def wants_uvloop(app: Any) -> bool:
    """Whether the app runs on uvloop when installed (as ``app.run``: see
    ``hurtle_app.serving.wants_uvloop``)."""
    return config_wants_uvloop(getattr(app, "config", None))


#: Make uvloop's the event loop policy, when uvloop is installed (the servers' own).
use_uvloop_policy = try_use_uvloop


def _run_on_new_current_loop(factory: Callable[[], Awaitable[T]], uvloop: bool = False) -> T:
    # As Sanic's test client (the server runs on the thread's current loop): the loop stays
    # the thread's current one once closed, so ``asyncio.get_event_loop()`` still answers
    # after a request instead of raising (code that asks it outside a request, like
    # sanic-jwt's configuration, relies on that).
    loop = server_event_loop(uvloop)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(_as_coroutine(factory))
    finally:
        try:
            _cancel_pending(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


def _cancel_pending(loop: asyncio.AbstractEventLoop) -> None:
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    if not pending:
        return
    for task in pending:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


class LoopRunner:
    """A private event loop for a long-lived sync client.

    Coroutines run on it with ``run_until_complete``; when the caller's thread already runs
    a loop (an async test), the private loop runs on a helper thread instead.
    """

    def __init__(
        self, loop: asyncio.AbstractEventLoop | None = None, *, owned: bool | None = None
    ) -> None:
        # ``owned``: close the loop with the runner (default: only a loop it makes).
        self._own_loop = loop is None if owned is None else owned
        self.loop = loop if loop is not None else asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        if not _loop_running():
            return
        self._thread = threading.Thread(
            target=self.loop.run_forever, name="sanic-testing-loop", daemon=True
        )
        self._thread.start()

    def run(self, coro: Awaitable[T]) -> T:
        """Run ``coro`` on the private loop and return its result."""
        if self._thread is None:
            return self.loop.run_until_complete(coro)
        return asyncio.run_coroutine_threadsafe(_await(coro), self.loop).result()

    def close(self) -> None:
        """Stop the helper thread (if any) and close the loop if this runner made it."""
        if self._own_loop and not self.loop.is_closed():
            self.run(self.loop.shutdown_asyncgens())
        if self._thread is not None:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join()
            self._thread = None
        if self._own_loop and not self.loop.is_closed():
            self.loop.close()


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def _await(awaitable: Awaitable[T]) -> T:
    return await awaitable


async def _as_coroutine(factory: Callable[[], Awaitable[T]]) -> T:
    return await factory()


def enable_test_mode(app: Any) -> None:
    """Set ``Sanic.test_mode`` (on the class that declares it) as sanic-testing does."""
    for klass in type(app).__mro__:
        if "test_mode" in vars(klass):
            klass.test_mode = True
            return
    type(app).test_mode = True


def format_host(host: str) -> str:
    """``host`` as it goes in a URL (IPv6 addresses in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def bind_free_socket(host: str, port: int | None) -> socket.socket:
    """A TCP socket bound to ``host:port`` (a free port when ``port`` is falsy)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port or 0))
    except OSError:
        sock.close()
        raise
    return sock


def free_port(host: str) -> int:
    """A TCP port free on ``host`` now (the server binds it later)."""
    with bind_free_socket(host, None) as sock:
        return sock.getsockname()[1]


def cookies_as_header(kwargs: dict[str, Any], url: Any) -> None:
    """Turn a per-request ``cookies=`` argument into a ``Cookie`` header, in place.

    The test clients send them for that one request, which is what a ``Cookie`` header
    does (httpx's deprecation warning for them still shows, as under sanic-testing). httpx's
    cookie jar picks and renders them for the absolute ``url``, as it does under Sanic's
    clients: a ``Secure`` cookie is not sent over ``http``, nor one whose domain or path does
    not match; a ``None`` value sends the bare name, a value that is not a string is a
    ``TypeError``; a ``Cookie`` header given in ``headers=`` wins.
    """
    cookies = kwargs.pop("cookies", None)
    if cookies is None:
        return
    # What stays in the call is an empty jar, which adds no cookie but lets httpx warn
    # that per-request cookies are deprecated from its own code, as under sanic-testing
    # (a DeprecationWarning: in pytest's summary, an error under ``-W error``).
    kwargs["cookies"] = {}
    if not cookies:
        return
    import httpx

    headers = httpx.Headers(kwargs.get("headers"))
    probe = httpx.Request("GET", url, headers=headers)
    httpx.Cookies(cookies).set_cookie_header(probe)
    value = probe.headers.get("cookie")
    if value is None or "cookie" in headers:
        return
    headers["cookie"] = value
    kwargs["headers"] = headers


def split_client_options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pop the ``httpx.AsyncClient`` options out of request ``kwargs``."""
    return {key: kwargs.pop(key) for key in list(kwargs) if key in CLIENT_OPTIONS}


# Loop turns the stop gives a connection its client has closed (bounded: one the client
# keeps open is left to the graceful shutdown), then the connection's last steps.
_CLOSE_TURNS = 20
_AFTER_CLOSE_TURNS = 10


async def _let_connections_end(server: Any) -> None:
    """As under sanic-testing, whose client closes its connection before the server stops:
    the server sees the close (and dispatches ``http.lifecycle.complete``) before the
    ``server.shutdown.before`` signal and the stop listeners."""
    if not server.connections:
        return
    for _ in range(_CLOSE_TURNS):
        await asyncio.sleep(0)
        if not server.connections:
            break
    for _ in range(_AFTER_CLOSE_TURNS):
        await asyncio.sleep(0)


class ServerSession:
    """One real server for ``app`` on a loopback socket: start it, then stop it.

    Runs the same steps, in the same order, as Sanic's single-process runner: finalize,
    ``before_server_start``, accept connections, ``after_server_start``; and at the end
    ``before_server_stop``, graceful close, ``after_server_stop``.
    """

    #: Longest wait for in-flight requests when stopping (a stuck handler must not hang
    #: the test run).
    shutdown_timeout = 2.0

    def __init__(
        self,
        app: Any,
        host: str,
        port: int | None,
        *,
        debug: bool = False,
        server_kwargs: dict[str, Any] | None = None,
        as_run: bool = False,
    ) -> None:
        self.app = app
        # (``None``: the port is the free one bound below)
        self._given_port = port
        # ``as_run``: the app's state shows the run Sanic's SanicTestClient makes
        # (``app.run``); its ReusableClient uses ``create_server``, which leaves it alone.
        self.as_run = as_run
        self.host = host
        self.debug = debug
        _check_server_kwargs(app, server_kwargs)
        if as_run:
            _check_single_process(server_kwargs or {})
        self.options = {k: v for k, v in (server_kwargs or {}).items() if k in SERVER_OPTIONS}
        # ``verbosity`` is an ``app.run`` option: the run's verbosity of the loggers.
        self.verbosity: int | None = (server_kwargs or {}).get("verbosity")
        self._saved_verbosity: Any = None
        self._saved_access_log: tuple[Any] | None = None
        self.sock: socket.socket | None = self.options.pop("sock", None)
        if self.sock is None and not self.options.get("unix"):
            self.sock = bind_free_socket(host, port)
        self.port: int = self.sock.getsockname()[1] if self.sock is not None else 0
        self.server: Any = None
        self._info: Any = None
        self._saved_mode: Any = None
        self._prepared = False

    @property
    def scheme(self) -> str:
        """``https`` when the server was given TLS settings, else ``http``."""
        return "https" if self.options.get("ssl") else "http"

    def url(self, uri: str, *, websocket: bool = False) -> str:
        """The absolute URL for ``uri`` on this server (``uri`` may already be absolute)."""
        if uri.startswith(("http:", "https:", "ws:", "wss:")):
            # ``testing.PORT`` is None (a free port is chosen per run), so a URL built
            # from it, ``http://127.0.0.1:None/x``, means this server's port.
            parts = urlsplit(uri)
            if parts.netloc.endswith(":None"):
                netloc = f"{parts.netloc[: -len('None')]}{self.port}"
                return urlunsplit(parts._replace(netloc=netloc))
            return uri
        if not uri.startswith("/"):
            uri = "/" + uri
        scheme = self.scheme
        if websocket:
            scheme = "wss" if scheme == "https" else "ws"
        return f"{scheme}://{format_host(self.host)}:{self.port}{uri}"

    def prepare(self) -> None:
        """Put the app in the run's mode (``debug``, ``verbosity``) before its banner.

        ``start`` does it when not done yet; ``stop`` restores what was there.
        """
        if self._prepared:
            return
        self._prepared = True
        state = getattr(self.app, "state", None)
        self._saved_mode = getattr(state, "mode", None)
        if state is not None and self.as_run:
            state.workers = 1  # as app.run, whose banner shows "single worker"
        if state is not None and self.verbosity is not None:
            self._saved_verbosity = state.verbosity
            state.verbosity = self.verbosity
        if self.debug and state is not None:
            from hurtle_app.logging.setup import apply_log_formatters
            from hurtle_app.state import Mode

            state.mode = Mode.DEBUG
            # The banner already shows the debug look (as app.run(debug=True) does).
            apply_log_formatters(self.app)
        config = getattr(self.app, "config", None)
        if self.debug and self.as_run and "access_log" not in self.options and config is not None:
            # app.run(debug=True) logs every request unless access_log is given.
            self._saved_access_log = (config.get("ACCESS_LOG"),)
            config.ACCESS_LOG = True

    async def start(self) -> None:
        """Bind, run the start-up listeners, and accept connections."""
        self.prepare()
        # As app.run, SanicTestClient logs the banner itself (before "Starting worker", as
        # sanic-testing); ReusableClient's server is create_server's, with its banner.
        quiet = banner_shown.set(self.as_run)
        try:
            try:
                self.server = await self.app.create_server(
                    sock=self.sock,
                    debug=self.debug,
                    return_asyncio_server=True,
                    **self.options,
                )
            finally:
                banner_shown.reset(quiet)
            self._mark_serving()
            if not self.as_run:
                self._mark_created()
            await self.server.startup()
            await self.server.before_start()
            await self.server.after_start()
        except BaseException:
            self._mark_stopped()
            server, self.server = self.server, None
            if server is not None:
                # A failing start-up listener: close the listening server too (else it
                # lingers until garbage collection warns about it).
                server.close()
                await server.wait_closed()
            self._close_socket()
            self._restore_mode()
            raise

    async def stop(self) -> None:
        """Run the stop listeners around a graceful close."""
        server, self.server = self.server, None
        if server is None:
            return
        try:
            if self.as_run:
                await _let_connections_end(server)
                # As the run Sanic's test client makes (app.run): a stop listener that
                # raises does not end the call, whose response the test gets; the error
                # is logged (Sanic's is silent) and the stop goes on, as in Hurtle's run.
                await stop_step(server.before_stop())
                await stop_step(server.graceful_shutdown(self.shutdown_timeout))
                await stop_step(server.after_stop())
            else:
                await server.before_stop()
                await server.graceful_shutdown(self.shutdown_timeout)
                await server.after_stop()
        finally:
            self._mark_stopped()
            self._close_socket()
            self._restore_mode()
            if self.as_run:
                self._reopen_routers()

    def _reopen_routers(self) -> None:
        # As after Sanic's app.run (SanicTestClient's server): the router and the signal
        # router are left unfinalized, the next start compiles them again.
        router = getattr(self.app, "router", None)
        if router is not None and getattr(router, "finalized", False):
            router.reset()
        signal_router = getattr(self.app, "signal_router", None)
        if signal_router is not None:
            signal_router.finalized = False

    def _mark_serving(self) -> None:
        # As the run Sanic's client makes: one worker, and the app's state lists this
        # server as SERVING (app.state.stage) from before_server_start to after_server_stop.
        from hurtle_app.state import ApplicationServerInfo, ServerStage

        state = getattr(self.app, "state", None)
        if state is None or not self.as_run:
            return
        settings = {"host": self.host, "port": self.port, **self.options}
        self._info = ApplicationServerInfo(settings=settings, stage=ServerStage.SERVING)
        self._info.server = self.server
        state.workers = 1
        state.server_info.append(self._info)
        if self._given_port is not None:
            # As sanic-testing's client, whose call runs the app on the client's port once
            # it has one (given, or the first call's): the run records that address in
            # the app's state, left there after the call (a free port records nothing).
            state.host = self.host
            state.port = self._given_port

    def _mark_created(self) -> None:
        # ReusableClient's server: Sanic's create_server(host=..., port=...) records the
        # address and one worker in the app's state (and leaves them after the stop). The
        # socket is bound here, so create_server was given it and recorded neither.
        state = getattr(self.app, "state", None)
        if state is None or self.sock is None:
            return
        state.host = self.host
        state.port = self.port
        state.workers = 1

    def _mark_stopped(self) -> None:
        info, self._info = self._info, None
        state = getattr(self.app, "state", None)
        if info is None or state is None:
            return
        from hurtle_app.state import ServerStage

        info.stage = ServerStage.STOPPED
        if info in state.server_info:
            state.server_info.remove(info)

    def _close_socket(self) -> None:
        if self.sock is not None:
            self.sock.close()

    def _restore_mode(self) -> None:
        state = getattr(self.app, "state", None)
        self._prepared = False
        if state is not None and self._saved_mode is not None:
            state.mode = self._saved_mode
        if state is not None and self._saved_verbosity is not None:
            state.verbosity = self._saved_verbosity
            self._saved_verbosity = None
        if self._saved_access_log is not None:
            self.app.config.ACCESS_LOG = self._saved_access_log[0]
            self._saved_access_log = None
