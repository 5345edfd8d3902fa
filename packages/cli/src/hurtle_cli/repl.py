"""``sanic <target> --repl``: an interactive Python console beside the running server.

The console runs in a thread of the main process once the server is up, with its own event
loop, so ``await`` works at the prompt. Its names: ``app``, ``sanic`` (the package of the
app's class), ``await do(url, headers=None, method="GET", body=None)`` (runs a request
through this process's ``app``, routes added at the prompt included, and gives
``Result(request, response)``), ``client`` (an ``httpx.Client`` for the running server,
when httpx is installed) and everything the app put in ``app.repl_ctx``. Leaving the
console (``exit()`` or Ctrl-D) stops the server, as Ctrl-C does (as Sanic's console).
"""

from __future__ import annotations

import ast
import asyncio
import code
import inspect
import logging
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

error_logger = logging.getLogger("sanic.error")

NOT_A_TTY = (
    "Can't start REPL in non-interactive mode. You can only run with --repl in a TTY."
)
BANNER = "Welcome to the Sanic interactive console"


class Result(NamedTuple):
    """What ``do`` gives back: the request the app saw and the response it made."""

    request: Any
    response: Any


def repl_locals(app: Any) -> dict[str, Any]:
    """The names the console starts with (and their one-line descriptions)."""
    module = sys.modules.get(type(app).__module__.split(".")[0])
    names: dict[str, Any] = {"app": app, "sanic": module, "do": requester(app)}
    client = _client(app)
    if client is not None:
        names["client"] = client
    for item in getattr(getattr(app, "repl_ctx", None), "_locals", ()) or ():
        names[item.name] = item.var
    return names


def _client(app: Any) -> Any:
    try:
        import httpx
    except ImportError:
        return None
    state = app.state
    host = state.host or "127.0.0.1"
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    scheme = "https" if getattr(state, "ssl", None) else "http"
    return httpx.Client(base_url=f"{scheme}://{host}:{state.port or 8000}")


def requester(app: Any) -> Callable[..., Awaitable[Result]]:
    """``await do(url="/", headers=None, method="GET", body=None)``: the request goes
    through ``app`` in this process (not over the network)."""
    from hurtle_app.asgi import ASGIApp

    async def do(
        url: str = "/",
        headers: Mapping[str, Any] | Sequence[tuple[str, str]] | None = None,
        method: str = "GET",
        body: str | bytes | None = None,
    ) -> Result:
        parts = urlsplit(url)
        path = parts.path or "/"
        pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers or ())
        data = body.encode() if isinstance(body, str) else (body or b"")
        if data and not any(str(k).lower() == "content-length" for k, _ in pairs):
            pairs.append(("content-length", str(len(data))))
        if not any(str(k).lower() == "host" for k, _ in pairs):
            pairs.insert(0, ("host", parts.netloc or "localhost"))
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": method.upper(), "scheme": parts.scheme or "http",
            "path": unquote(path), "raw_path": path.encode(),
            "query_string": parts.query.encode(), "root_path": "",
            "headers": [(str(k).lower().encode(), str(v).encode()) for k, v in pairs],
            "client": ("127.0.0.1", 0), "server": ("127.0.0.1", app.state.port or 8000),
        }
        messages = [{"type": "http.request", "body": data, "more_body": False}]

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop(0)
            # No client can leave: the app's wait for a disconnect ends with the exchange.
            await asyncio.Event().wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            return None

        was_asgi = app.state.asgi
        try:
            exchange = await ASGIApp.create(app, scope, receive, send)
        finally:
            app.state.asgi = was_asgi
        assert exchange is not None
        return Result(exchange.request, exchange.response)

    return do


class _AwaitingConsole(code.InteractiveConsole):
    """A console where ``await`` works at the prompt, on the console's own loop."""

    def __init__(self, names: dict[str, Any]) -> None:
        super().__init__(names)
        self.compile.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        self.loop = asyncio.new_event_loop()

    def runcode(self, code: Any) -> None:
        try:
            result = eval(code, self.locals)
            if inspect.iscoroutine(result):
                self.loop.run_until_complete(result)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()


def banner(app: Any) -> str:
    """The greeting: what the console offers."""
    lines = [BANNER, "", "Available:", "  app    - the application", "  sanic  - the package",
             "  do     - await do(url, headers=None, method='GET', body=None): the request "
             "through app, gives Result(request, response)"]
    if "client" in repl_locals(app):
        lines.append("  client - an httpx.Client for the running server")
    for item in sorted(getattr(getattr(app, "repl_ctx", None), "_locals", ()) or (),
                       key=lambda entry: entry.name):
        lines.append(f"  {item.name} - {item.desc}" if item.desc else f"  {item.name}")
    return "\n".join(lines) + "\n"


#: What ``--dev`` says instead of opening the console at once (Sanic's words).
PRESS_ENTER = "Press ENTER at anytime to start the REPL."


def start_repl(
    app: Any, interactive: bool, wait_for_enter: bool = False
) -> threading.Thread | None:
    """Start the console in a daemon thread, or log why it cannot run (no TTY).

    ``wait_for_enter`` (``--dev`` without ``--repl``): as Sanic, say so and open it only
    once ENTER is pressed (never, if standard input ends first)."""
    if not interactive:
        error_logger.error(NOT_A_TTY)
        return None
    console = _AwaitingConsole(repl_locals(app))

    def run() -> None:
        if wait_for_enter:
            print(PRESS_ENTER, flush=True)
            if not sys.stdin.readline():
                console.loop.close()
                return
        left = False
        try:
            console.interact(banner=banner(app), exitmsg="")
            left = True  # Ctrl-D
        except SystemExit:
            left = True  # exit() or quit()
        except OSError as exc:  # the terminal went away
            error_logger.error("The REPL stopped: %s", exc)
        finally:
            console.loop.close()
        if left:
            # As Sanic: leaving the console ends the run. A SIGINT to this process stops
            # the server gracefully, as Ctrl-C does (the workers', or this one's).
            os.kill(os.getpid(), signal.SIGINT)

    thread = threading.Thread(target=run, name="sanic-repl", daemon=True)
    thread.start()
    return thread


__all__ = ["BANNER", "NOT_A_TTY", "PRESS_ENTER", "Result", "banner", "repl_locals", "requester", "start_repl"]
