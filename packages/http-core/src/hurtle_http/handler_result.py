"""Clear errors for what a plain ``async def handler(request)`` gives back by mistake.

``serve(handler)`` awaits the handler and sends the response it returns; a handler
written with ``def``, one that returns a coroutine it forgot to await (``file()`` and
``file_stream()`` are coroutines), or one returning a ``str`` or a ``dict`` would
otherwise fail deep inside the writer with an ``AttributeError`` naming neither.
"""

from __future__ import annotations

import inspect
from typing import Any

from hurtle_http.exceptions import ServerError


async def awaited_handler_result(result: Any) -> Any:
    """``await result``; a ``TypeError`` saying to write ``async def`` when it cannot be."""
    if not inspect.isawaitable(result):
        raise TypeError(
            f"The handler returned {type(result).__name__} instead of an awaitable: "
            "serve() needs 'async def handler(request)' (write 'async def', not 'def')"
        )
    return await result


def invalid_response(result: Any) -> ServerError:
    """The error for a handler result that is no response (Sanic's wording, and a hint
    for a coroutine the handler forgot to await)."""
    message = f"Invalid response type {result!r} (need HTTPResponse)"
    if inspect.iscoroutine(result):
        message += "; did the handler forget to 'await' it?"
        result.close()  # never run: no "never awaited" warning on top of this error
    return ServerError(message)


__all__ = ["awaited_handler_result", "invalid_response"]
