"""``sanic.server.runners``: ``serve`` and ``serve_multiple``, Sanic's low-level entry points.

Both run an app the way ``app.run`` does (listeners, signals, graceful stop): ``serve`` in
this process, ``serve_multiple`` with forked workers on one socket (the legacy runner).
"""

from __future__ import annotations

from typing import Any

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.compat import ctrlc_workaround_for_windows as ctrlc_workaround_for_windows
from hurtle_app.config import Config as Config
from hurtle_app.extend import setup_ext as setup_ext
from hurtle_app.log import server_logger as server_logger
from hurtle_app.logging.setup import setup_logging as setup_logging
from hurtle_app.serving import AsyncioServer as AsyncioServer
from hurtle_app.state import ServerSignal as Signal  # noqa: F401 - as in Sanic
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.protocol import HttpProtocol as HttpProtocol
from hurtle_http.server import bind_unix_socket as bind_unix_socket
from sanic.http.constants import HTTP as HTTP
from sanic.http.tls.creators import get_ssl_context as get_ssl_context
from sanic.server.socket import remove_unix_socket as remove_unix_socket

# Whether HTTP/3 can be served: never here (Sanic's is False without aioquic installed).
HTTP3_AVAILABLE = False


def serve(
    host: str | None,
    port: int | None,
    app: Any,
    ssl: Any = None,
    sock: Any = None,
    unix: str | None = None,
    reuse_port: bool = False,
    loop: Any = None,
    protocol: type[Any] = HttpProtocol,
    backlog: int = 100,
    register_sys_signals: bool = True,
    run_multiple: bool = False,
    run_async: bool = False,
    connections: Any = None,
    signal: Any = None,
    state: Any = None,
    asyncio_server_kwargs: dict[str, Any] | None = None,
    version: Any = HTTP.VERSION_1,
) -> AsyncioServer | None:
    """Serve ``app`` in this process until SIGINT/SIGTERM or ``app.stop()``.

    With ``run_async=True`` nothing runs: an ``AsyncioServer`` for ``loop`` (or the current
    event loop) is returned, as in Sanic; ``await server`` binds and starts it, then its
    ``startup()``, ``before_start()``, ``after_start()``... steps run the app's listeners.
    ``reuse_port``, ``connections``, ``signal`` and ``state`` are accepted for
    compatibility; the server keeps its own.
    """
    if not hasattr(app, "handle_request"):
        raise TypeError(f"serve() needs a Sanic app as app=, not {app!r}")
    if run_async:
        return _serve_later(app, host, port, ssl=ssl, sock=sock, unix=unix, loop=loop,
                            protocol=protocol, backlog=backlog,
                            asyncio_server_kwargs=asyncio_server_kwargs)
    from hurtle_app.serving import SingleProcessRunner

    SingleProcessRunner(app).run(
        host or "127.0.0.1",
        8000 if port is None else port,
        ssl=ssl,
        sock=sock,
        unix=unix,
        protocol=None if protocol is HttpProtocol else protocol,
        backlog=backlog,
        register_sys_signals=register_sys_signals,
        loop=loop,
    )


def _serve_later(app: Any, host: str | None, port: int | None, *, loop: Any,
                 protocol: type[Any], **options: Any) -> AsyncioServer:
    import asyncio

    from hurtle_app.serving import create_server

    async def bind() -> AsyncioServer:
        return await create_server(  # type: ignore[return-value]
            app, host, port, protocol=None if protocol is HttpProtocol else protocol, **options
        )

    if loop is None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = asyncio.get_event_loop_policy().get_event_loop()
    return AsyncioServer(app, loop, None, pending=bind)


def serve_multiple(server_settings: dict[str, Any], workers: int) -> None:
    """Serve ``server_settings["app"]`` with ``workers`` forked processes on one socket.

    ``server_settings`` are ``serve``'s keyword arguments (``app``, ``host``, ``port``,
    ``ssl``, ``sock``, ``unix``, ``backlog``...); SIGINT/SIGTERM stop every worker.
    """
    settings = dict(server_settings)
    app = settings.pop("app", None)
    if app is None or not hasattr(app, "prepare"):
        raise TypeError("serve_multiple() needs server_settings['app'], a sanic.Sanic app")
    allowed = ("host", "port", "ssl", "sock", "unix", "backlog", "register_sys_signals")
    options = {key: settings[key] for key in allowed if settings.get(key) is not None}
    protocol = settings.get("protocol")
    if protocol is not None and protocol is not HttpProtocol:
        options["protocol"] = protocol
    app.prepare(workers=max(1, int(workers)), legacy=True, **options)
    type(app).serve_legacy(primary=app)


__all__ = ["HTTP3_AVAILABLE", "serve", "serve_multiple"]
