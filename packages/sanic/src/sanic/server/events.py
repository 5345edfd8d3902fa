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
    """Call each of ``events`` with ``app`` (and ``loop`` when it takes two arguments),
    running any coroutine it returns to completion on ``loop`` (which must not be running)."""
    for event in events or ():
        args: tuple[Any, ...] = ()
        if app is not None:
            args = (app,)
            try:
                positional = [
                    p
                    for p in inspect.signature(event).parameters.values()
                    if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                ]
            except (TypeError, ValueError):
                positional = []
            if len(positional) >= 2:
                args = (app, loop)
        result = event(*args, **kwargs)
        if inspect.isawaitable(result):
            loop.run_until_complete(result)


__all__ = ["trigger_events"]
