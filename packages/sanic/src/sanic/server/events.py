"""``sanic.server.events``: run a list of listener functions."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterable
from typing import Any


def trigger_events(
    events: Iterable[Callable[..., Any]] | None,
    loop: asyncio.AbstractEventLoop,
    app: Any = None,
    **kwargs: Any,
) -> None:
    """Call each of ``events`` with ``app`` (when given) and ``kwargs``; as Sanic, a call
    that raises ``TypeError`` is made once more with ``loop`` after the app, and that
    second call's error is the one raised. A coroutine a listener returns is run to
    completion on ``loop`` (which must not be running)."""
    head: tuple[Any, ...] = () if app is None else (app,)
    for event in events or ():
        try:
            result = event(*head, **kwargs)
        except TypeError:
            result = event(*head, loop, **kwargs)
        if inspect.isawaitable(result):
            loop.run_until_complete(result)


__all__ = ["trigger_events"]
