"""``sanic <target> --repl``: an interactive Python console beside the running server.

The console runs in a thread of the main process once the server is up. Its names: ``app``,
``sanic`` (the package of the app's class), ``do(path, method="GET", ...)`` (send a request
to the running server and get ``(status, headers, text)`` back) and everything the app put
in ``app.repl_ctx``. Leaving the console (``exit()`` or Ctrl-D) leaves the server running.
"""

from __future__ import annotations

import code
import http.client
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

error_logger = logging.getLogger("sanic.error")

NOT_A_TTY = (
    "Can't start REPL in non-interactive mode. You can only run with --repl in a TTY."
)
BANNER = "Welcome to the Sanic interactive console"


def repl_locals(app: Any) -> dict[str, Any]:
    """The names the console starts with (and their one-line descriptions)."""
    module = sys.modules.get(type(app).__module__.split(".")[0])
    names: dict[str, Any] = {"app": app, "sanic": module, "do": requester(app)}
    for item in getattr(getattr(app, "repl_ctx", None), "_locals", ()) or ():
        names[item.name] = item.var
    return names


def requester(app: Any) -> Callable[..., tuple[int, dict[str, str], str]]:
    """``do(path, method="GET", body=None, headers=None)`` against the running server."""

    def do(path: str = "/", method: str = "GET", body: str | bytes | None = None,
           headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        state = app.state
        host = state.host or "127.0.0.1"
        connection = http.client.HTTPConnection(
            "127.0.0.1" if host in ("0.0.0.0", "::", "") else host, state.port or 8000,
            timeout=30,
        )
        try:
            connection.request(method.upper(), path, body=body, headers=headers or {})
            answer = connection.getresponse()
            return answer.status, dict(answer.getheaders()), answer.read().decode(
                errors="replace"
            )
        finally:
            connection.close()

    return do


def banner(app: Any) -> str:
    """The greeting: what the console offers."""
    lines = [BANNER, "", "Available:", "  app   - the application", "  sanic - the package",
             "  do    - do(path, method='GET', body=None, headers=None): a request to the server"]
    for item in sorted(getattr(getattr(app, "repl_ctx", None), "_locals", ()) or (),
                       key=lambda entry: entry.name):
        lines.append(f"  {item.name} - {item.desc}" if item.desc else f"  {item.name}")
    return "\n".join(lines) + "\n"


def start_repl(app: Any, interactive: bool) -> threading.Thread | None:
    """Start the console in a daemon thread, or log why it cannot run (no TTY)."""
    if not interactive:
        error_logger.error(NOT_A_TTY)
        return None
    console = code.InteractiveConsole(repl_locals(app))

    def run() -> None:
        try:
            console.interact(banner=banner(app),
                             exitmsg="Leaving the console; the server runs on.")
        except OSError as exc:  # the terminal went away
            error_logger.error("The REPL stopped: %s", exc)

    thread = threading.Thread(target=run, name="sanic-repl", daemon=True)
    thread.start()
    return thread


__all__ = ["BANNER", "NOT_A_TTY", "banner", "repl_locals", "requester", "start_repl"]
