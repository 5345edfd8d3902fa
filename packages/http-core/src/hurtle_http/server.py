"""Serving: ``serve()``, ``start_server()``, sockets, TLS loading, graceful shutdown.

``serve(handler)`` runs a plain ``async def handler(request) -> response`` on one process
through ``HandlerApp``, which adapts it to what ``HttpProtocol`` expects of an app (see
docs/INTERFACES.md, "What the protocol needs from the app").
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import os
import signal as signal_module
import socket
import ssl as ssl_module
import sys
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from types import CoroutineType
from typing import Any

from hurtle_http.config import HttpConfig
from hurtle_http.conninfo import ConnInfo
from hurtle_http.exceptions import STATUS_CODES, SanicException, ServerError
from hurtle_http.fieldtext import field_text
from hurtle_http.handler_result import awaited_handler_result, invalid_response
from hurtle_http.http import completions_under_way
from hurtle_http.listener import guard_accept
from hurtle_http.protocol import HttpProtocol
from hurtle_http.stages import FAILED, HANDLER, IDLE, RESPONSE
from hurtle_http.tls import cert_record, server_context
from hurtle_http.unix_socket import bind_unix_socket, remove_unix_socket, unix_socket_path

error_logger = logging.getLogger("sanic.error")
server_logger = logging.getLogger("sanic.server")
logger = logging.getLogger("sanic.root")

Handler = Callable[[Any], Awaitable[Any]]

#: Stages in which a handler's response went out, whole (IDLE) or in part.
_RESPONSE_SENT = (IDLE, RESPONSE, FAILED)


def _status_of(exception: SanicException) -> int:
    """The exception's ``status_code``; 500 for one that is not a status (a class may
    declare ``status_code = None``)."""
    status = exception.status_code
    if isinstance(status, int) and not isinstance(status, bool) and 100 <= status <= 999:
        return status
    return 500


def render_plain_error(exception: BaseException) -> tuple[int, str, dict[str, Any]]:
    """(status, text body, headers) of the plain-text error page for ``exception``."""
    if isinstance(exception, SanicException):
        status = _status_of(exception)
        # field_text: a message quoting client bytes that are not UTF-8 (surrogates).
        message = field_text(str(exception)) or STATUS_CODES.get(status, b"").decode("latin-1")
        headers = dict(exception.headers or {})
    else:
        status = 500
        message = "The server encountered an internal error and cannot complete your request."
        headers = {}
    phrase = STATUS_CODES.get(status, b"Error Occurred").decode("latin-1")
    title = f"\u26a0\ufe0f {status} \u2014 {phrase}"
    return status, f"{title}\n{'=' * len(title)}\n{message}\n\n", headers


class HandlerApp:
    """Adapts ``async def handler(request) -> response`` to the app ``HttpProtocol`` needs.

    The request body is read before the handler runs (``stream=True`` leaves that to the
    handler: ``await request.receive_body()`` or ``async for chunk in request.stream``).
    Errors are answered with a plain-text page.
    """

    def __init__(
        self,
        handler: Handler,
        config: HttpConfig | dict[str, Any] | None = None,
        *,
        request_class: type | None = None,
        stream: bool = False,
    ) -> None:
        if not callable(handler):
            raise TypeError(
                f"serve() needs an 'async def handler(request)' or an app, got {handler!r}"
            )
        if config is None:
            config = HttpConfig()
        elif not isinstance(config, HttpConfig):
            config = HttpConfig(**config)
        self.handler = handler
        self.config = config
        if request_class is None:
            from hurtle_http.request import Request

            request_class = Request
        self.request_class = request_class
        self.stream = stream
        self.lifecycle_hook = None

    async def handle_request(self, request: Any) -> None:
        """Run the handler and send what it returns."""
        # Http._handler_pump runs these steps itself for the requests it answers, with or
        # without a body (no coroutine of this method per request); keep the two the same.
        stream = request.stream
        try:
            if stream.request_body and not self.stream and not request.take_ready_body():
                await request.receive_body()
            response = self.handler(request)
            if type(response) is not CoroutineType:
                response = awaited_handler_result(response)
            response = await response
            if (
                not getattr(stream, "upgrade_websocket", False)
                and stream.response is not response
                and stream.finish(response)
            ):
                # PERF: a plain whole response goes out synchronously (no coroutine);
                # finish() refuses anything else (None, a ResponseStream) untouched.
                return
            await self._send_response(request, stream, response)
        except Exception as error:
            await self._handler_failed(request, stream, error)

    async def _send_response(self, request: Any, stream: Any, response: Any) -> None:
        """Send what the handler returned, when ``stream.finish()`` did not (or could not:
        a websocket, a response already bound)."""
        if getattr(stream, "upgrade_websocket", False):
            await _close_websocket(request)
            return
        if stream.response is not response:
            if response is None:
                return  # it answered through request.respond(); Http finishes it
            # (A coroutine has a ``send`` too: one the handler forgot to await.)
            if not hasattr(response, "send") or inspect.iscoroutine(response):
                if not callable(response):
                    raise invalid_response(response)
                await response(request)  # e.g. a ResponseStream
                return
            if getattr(stream, "stage", HANDLER) in _RESPONSE_SENT:
                raise ServerError(
                    f"The handler returned {response!r} after its response went out "
                    "through 'await request.respond()': return None after responding so"
                )
            stream.respond(response)
        elif response is None:
            raise ServerError(
                "The handler returned None: return a response (text(), json()...) or "
                "send one with 'await request.respond()'"
            )
        send = stream.send
        if send is not None:
            # PERF: straight to the stream (what response.send() would end up doing).
            await send(b"", end_stream=True)

    async def _handler_failed(self, request: Any, stream: Any, error: Exception) -> None:
        """Answer ``error``, raised by the handler or while sending its response."""
        if getattr(stream, "upgrade_websocket", False):
            # No HTTP response is possible on a websocket; close it (1011 unless the
            # peer already went away).
            from websockets.exceptions import ConnectionClosed

            if not isinstance(error, ConnectionClosed):
                error_logger.error("Exception in websocket handler", exc_info=error)
            await _close_websocket(request, 1011)
            return
        await self.handle_exception(request, error)

    async def handle_exception(
        self, request: Any, exception: BaseException, run_middleware: bool = True
    ) -> None:
        """Answer ``exception`` with a plain-text error page (there is no middleware)."""
        from hurtle_http.response import HTTPResponse

        stream = request.stream
        stage = getattr(stream, "stage", HANDLER)
        if stage is not IDLE and (
            not getattr(exception, "quiet", False) or self.config.get("NOISY_EXCEPTIONS")
        ):
            if not isinstance(exception, SanicException) or _status_of(exception) >= 500:
                error_logger.error("Exception occurred while handling uri", exc_info=exception)
        if stage in _RESPONSE_SENT:
            # The response is out (whole or in part): no error page can follow. The
            # stream cuts an unfinished response, or logs ``exception`` itself after a
            # complete one, rather than respond() failing here and the log naming that
            # failure instead.
            await stream.error_response(exception)
            return
        status, body, headers = render_plain_error(exception)
        response = HTTPResponse(
            body, status=status, headers=headers, content_type="text/plain; charset=utf-8"
        )
        response = request.stream.respond(response)
        await response.send(end_stream=True)


async def _close_websocket(request: Any, code: int = 1000) -> None:
    protocol = request.transport.get_protocol()
    ws = getattr(protocol, "websocket", None)
    if ws is not None:
        await ws.close(code)


def as_app(handler_or_app: Any, config: HttpConfig | dict[str, Any] | None = None) -> Any:
    """The app object for ``serve``: an app as is, a plain handler wrapped in ``HandlerApp``."""
    if hasattr(handler_or_app, "handle_request") and hasattr(handler_or_app, "config"):
        return handler_or_app
    return HandlerApp(handler_or_app, config)


# -- sockets and TLS -----------------------------------------------------------------------


def bind_socket(
    host: str, port: int, *, backlog: int = 100, reuse_port: bool = False
) -> socket.socket:
    """A listening TCP socket on ``host:port`` (IPv6 if ``host`` has a colon)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:  # an OverflowError or TypeError for the arguments too
        sock.close()
        raise
    return sock


def load_ssl(ssl: Any) -> ssl_module.SSLContext:
    """An ``SSLContext`` from a context, a dict (cert/key/password) or a certificate folder.

    The dict accepts ``cert``/``certfile`` and ``key``/``keyfile``; a folder must hold
    ``fullchain.pem`` and ``privkey.pem`` (the layout certbot writes).
    """
    if isinstance(ssl, ssl_module.SSLContext):
        return ssl
    if isinstance(ssl, (str, os.PathLike)):
        folder = Path(ssl)
        if not folder.is_dir():
            raise ValueError(
                f"ssl={str(ssl)!r} is not a folder; pass a folder holding fullchain.pem and "
                "privkey.pem, a dict with 'cert' and 'key', or an ssl.SSLContext"
            )
        ssl = {"cert": folder / "fullchain.pem", "key": folder / "privkey.pem"}
    if not isinstance(ssl, dict):
        raise TypeError(
            f"ssl must be an ssl.SSLContext, a dict or a folder path, not {type(ssl).__name__}"
        )
    cert = ssl.get("cert", ssl.get("certfile"))
    key = ssl.get("key", ssl.get("keyfile"))
    if not cert or not key:
        raise ValueError("ssl dict needs both 'cert' (or 'certfile') and 'key' (or 'keyfile')")
    for label, file in (("certificate", cert), ("private key", key)):
        if not Path(file).is_file():
            raise FileNotFoundError(f"TLS {label} file not found: {file}")
    try:
        context = server_context(cert, key, ssl.get("password"))
    except ssl_module.SSLError as error:
        # OpenSSL's own words ("[SSL] PEM lib") name neither the files nor the cause.
        raise ssl_module.SSLError(
            f"cannot load the TLS certificate {cert} with the private key {key}: {error} "
            "(a missing or wrong 'password' for an encrypted key, a key that does not "
            "match the certificate, or a file that is not PEM)"
        ) from error
    context.sanic = cert_record(cert, key, ssl)  # type: ignore[attr-defined]
    return context


def try_use_uvloop() -> None:
    """Use uvloop instead of the default asyncio loop, when it is installed."""
    try:
        import uvloop
    except ImportError:
        return
    policy = asyncio.get_event_loop_policy()
    if not isinstance(policy, uvloop.EventLoopPolicy):
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


def new_event_loop() -> asyncio.AbstractEventLoop:
    """A new event loop: uvloop's when installed."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


# Python 3.14 deprecates asyncio's event loop policies (removal planned for 3.16): each
# of get_event_loop_policy(), set_event_loop_policy() and uvloop.EventLoopPolicy warns.
POLICIES_DEPRECATED = sys.version_info >= (3, 14)


def server_event_loop(use_uvloop: bool = True) -> asyncio.AbstractEventLoop:
    """A new event loop for a server to run on: uvloop's when installed and ``use_uvloop``.

    Before Python 3.14, uvloop's policy also becomes the process's (as when Sanic runs an
    app), so loops that code makes later with ``asyncio.new_event_loop()`` are uvloop's too.
    From 3.14 on, where policies are deprecated, only the server's own loop is uvloop's:
    serving an app raises no DeprecationWarning.
    """
    if not use_uvloop:
        return asyncio.new_event_loop()
    if POLICIES_DEPRECATED:
        return new_event_loop()
    try_use_uvloop()
    return asyncio.new_event_loop()


# -- running ------------------------------------------------------------------------------


#: Seconds an idle keep-alive connection is kept open once a graceful shutdown starts.
IDLE_CLOSE_GRACE = 0.2

class ServerHandle:
    """A started server: its asyncio server, live connections, and ways to stop it."""

    def __init__(self, server: Any, connections: set, *, unix: str | None = None) -> None:
        self.server = server
        self.connections = connections
        self.unix = unix
        self.grace_ended = False

    @property
    def sockets(self) -> tuple:
        """The listening sockets."""
        return tuple(self.server.sockets or ())

    @property
    def port(self) -> int | None:
        """The TCP port listened on (useful after binding port 0)."""
        for sock in self.sockets:
            name = sock.getsockname()
            if isinstance(name, tuple):
                return name[1]
        return None

    def is_serving(self) -> bool:
        """True while new connections are accepted."""
        return self.server.is_serving()

    async def serve_forever(self) -> None:
        """Accept connections until cancelled."""
        await self.server.serve_forever()

    def end_grace(self) -> None:
        """Make a graceful shutdown under way (or the next one) stop waiting, as if its
        timeout had passed: the connections still open are closed now."""
        self.grace_ended = True

    async def graceful_shutdown(self, timeout: float = 15.0) -> None:
        """Stop accepting, let in-flight requests finish for up to ``timeout``, then close."""
        self.server.close()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        # A keep-alive client may be sending its next request at this very moment: idle
        # connections stay open for a short grace, answering what arrives with
        # ``connection: close``, so a busy client moves to another worker without an error
        # (closing at once would drop a request already on the wire).
        grace_until = min(loop.time() + IDLE_CLOSE_GRACE, deadline)
        for conn in list(self.connections):
            ws = getattr(conn, "websocket", None)
            if ws is not None:
                loop.create_task(ws.close(1001, "Server shutting down"))
            else:
                conn.close_if_idle(only_refuse_reuse=True)
        while loop.time() < deadline and not all(map(_done_for_shutdown, self.connections)):
            await asyncio.sleep(0.05)
            if self.grace_ended:
                deadline = loop.time()
                break
            if loop.time() >= grace_until:
                for conn in list(self.connections):
                    conn.close_if_idle()
        await self.close()
        # As Sanic: a connection the stop closed has its http.lifecycle.complete dispatched
        # before the server counts as stopped (after_server_stop, server.shutdown.after),
        # within what is left of the timeout.
        await connections_completed(max(deadline - loop.time(), IDLE_CLOSE_GRACE))

    async def close(self) -> None:
        """Close the server and every connection now."""
        self.server.close()
        for conn in list(self.connections):
            if not _closed_and_flushed(conn):  # not one waiting for a TLS close_notify
                _log_cut_request(conn)
            conn.abort() if hasattr(conn, "abort") else conn.transport.close()
        self.connections.clear()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.server.wait_closed(), 1.0)
        if self.unix:
            # Not when another server took the path over while this one ran.
            remove_unix_socket(self.unix)


async def connections_completed(timeout: float) -> None:
    """Wait (up to ``timeout``) for the ``http.lifecycle.complete`` dispatches of the
    connections closed so far."""
    await asyncio.sleep(0)  # the connection_lost of connections aborted just now
    pending = [task for task in completions_under_way() if not task.done()]
    if pending:
        await asyncio.wait(pending, timeout=timeout)


def _log_cut_request(conn: Any) -> None:
    """Say which request a connection closed at shutdown was still handling (as Sanic
    does when the graceful shutdown timeout cuts one)."""
    http = getattr(conn, "_http", None)
    request = getattr(http, "request", None)
    if request is None:
        return
    if http is not None and http.stage is HANDLER:
        # As Sanic: this line is all a handler the stop cut gets; no access line (the
        # one for a handler whose client left, which also ends in its cancellation).
        http.perft0 = 0.0
    try:
        url = request.url
    except Exception:  # a half-parsed request: its target is still worth naming
        url = getattr(request, "path", "")
    logger.info("Request: %s %s stopped. Transport is closed.",
                getattr(request, "method", ""), url)


def _done_for_shutdown(conn: Any) -> bool:
    """A connection a stop need not wait for: closed and flushed, or a websocket that has
    sent its FIN with nothing left to send (only the peer's FIN is left to come; the
    half-close waits for it up to ``close_timeout`` when the server lives on)."""
    if _closed_and_flushed(conn):
        return True
    ws = getattr(conn, "websocket", None)
    if ws is None or not getattr(ws.ws_proto, "eof_sent", False):
        return False
    try:
        return not conn.transport.get_write_buffer_size()
    except (AttributeError, NotImplementedError, RuntimeError):
        return True


def _closed_and_flushed(conn: Any) -> bool:
    """A connection the server has closed, with nothing left to send: over TLS it may
    still wait for the peer's close_notify, which a shutdown need not wait for."""
    if not getattr(conn, "closed", False):
        return False
    transport = getattr(conn, "transport", None)
    try:
        return transport is None or not transport.get_write_buffer_size()
    except (AttributeError, NotImplementedError, RuntimeError):
        return True


async def start_server(
    app: Any,
    *,
    host: str | None = "127.0.0.1",
    port: int | None = 8000,
    sock: socket.socket | None = None,
    unix: str | None = None,
    ssl: Any = None,
    backlog: int = 100,
    reuse_port: bool = False,
    protocol: type = HttpProtocol,
    loop: Any = None,
    asyncio_server_kwargs: dict[str, Any] | None = None,
    unix_mode: int = 0o666,
    state: dict | None = None,
) -> ServerHandle:
    """Start listening with ``protocol`` for ``app`` on the running loop."""
    loop = loop or asyncio.get_running_loop()
    app = as_app(app)
    context = load_ssl(ssl) if ssl is not None else None
    connections: set = set()
    if unix:
        unix = unix_socket_path(unix)  # conn_info names it, and it is removed, in full
    factory = partial(
        protocol, loop=loop, app=app, connections=connections, unix=unix, state=state
    )
    # asyncio listens on the socket again with its own backlog (100 unless told): the
    # one asked for must reach it, also for a socket bound elsewhere (workers, sock=).
    kwargs = {"backlog": backlog, **(asyncio_server_kwargs or {})}
    # ``unix`` with ``sock``: a UNIX socket bound elsewhere (the main process, for its
    # workers) at that path, which conn_info names; its file is not this server's to remove.
    owned = unix if sock is None else None
    if unix:
        if sock is None:
            sock = bind_unix_socket(unix, mode=unix_mode, backlog=backlog)
        server = await loop.create_unix_server(
            factory, sock=guard_accept(sock, loop), ssl=context, **kwargs
        )
    else:
        if sock is None:
            sock = bind_socket(host or "127.0.0.1", port or 0, backlog=backlog, reuse_port=reuse_port)
        server = await loop.create_server(
            factory, sock=guard_accept(sock, loop), ssl=context, **kwargs
        )
    return ServerHandle(server, connections, unix=owned)


def serve(
    handler_or_app: Any,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    ssl: Any = None,
    sock: socket.socket | None = None,
    unix: str | None = None,
    unix_mode: int = 0o666,
    reuse_port: bool = False,
    backlog: int = 100,
    loop: Any = None,
    protocol: type = HttpProtocol,
    config: HttpConfig | dict[str, Any] | None = None,
    register_sys_signals: bool = True,
    asyncio_server_kwargs: dict[str, Any] | None = None,
    ready: Callable[[ServerHandle], Any] | None = None,
) -> None:
    """Serve ``handler_or_app`` in this process until SIGINT/SIGTERM, then shut down gracefully.

    ``handler_or_app`` is an ``async def handler(request) -> response`` or an app object
    (``config``, ``handle_request``, ``handle_exception``).  ``ready(handle)`` is called
    once the socket listens.
    """
    app = as_app(handler_or_app, config)
    own_loop = loop is None
    loop = loop or new_event_loop()
    asyncio.set_event_loop(loop)
    handle = loop.run_until_complete(
        start_server(
            app,
            host=host,
            port=port,
            sock=sock,
            unix=unix,
            unix_mode=unix_mode,
            ssl=ssl,
            backlog=backlog,
            reuse_port=reuse_port,
            protocol=protocol,
            loop=loop,
            asyncio_server_kwargs=asyncio_server_kwargs,
        )
    )
    if register_sys_signals:
        for signum in (signal_module.SIGINT, signal_module.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, loop.stop)
    if ready is not None:
        ready(handle)
    server_logger.info("Serving on %s", unix or f"{host}:{handle.port}")
    try:
        loop.run_forever()
    finally:
        timeout = float(getattr(app.config, "GRACEFUL_SHUTDOWN_TIMEOUT", 15.0))
        loop.run_until_complete(handle.graceful_shutdown(timeout))
        if register_sys_signals:
            for signum in (signal_module.SIGINT, signal_module.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(signum)
        if own_loop:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()


__all__ = [
    "ConnInfo",
    "HandlerApp",
    "HttpProtocol",
    "ServerHandle",
    "as_app",
    "bind_socket",
    "bind_unix_socket",
    "load_ssl",
    "new_event_loop",
    "server_event_loop",
    "remove_unix_socket",
    "render_plain_error",
    "serve",
    "start_server",
    "try_use_uvloop",
]
