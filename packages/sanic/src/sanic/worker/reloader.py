"""``sanic.worker.reloader``: the auto-reload process, with the app's reload listeners."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

from hurtle_worker.reloader import Reloader as _Reloader
from sanic.server.events import trigger_events as trigger_events
from sanic.worker.loader import AppLoader as AppLoader


def _run_listeners(app: Any, event: str, **kwargs: Any) -> None:
    if app is None or not hasattr(app, "_listeners"):
        return
    loop = asyncio.new_event_loop()
    try:
        if kwargs:
            loop.run_until_complete(_run_with(app, event, loop, kwargs))
        else:
            loop.run_until_complete(app._listeners.run(event, app, loop))
    finally:
        loop.close()


async def _run_with(app: Any, event: str, loop: asyncio.AbstractEventLoop,
                    kwargs: dict[str, Any]) -> None:
    """As Sanic: ``listener(app, **kwargs)``, else ``listener(app, loop, **kwargs)``; a
    listener taking neither (only ``app``) is called with the app alone."""
    for listener in app._listeners.listeners(event):
        args: tuple[Any, ...] = (app,)
        call_kwargs = kwargs
        try:
            signature = inspect.signature(listener)
        except (TypeError, ValueError):
            signature = None
        if signature is not None:
            for candidate in ((app,), (app, loop)):
                try:
                    signature.bind(*candidate, **kwargs)
                except TypeError:
                    continue
                args = candidate
                break
            else:
                call_kwargs = {}
        result = listener(*args, **call_kwargs)
        if inspect.isawaitable(result):
            await result


class Reloader(_Reloader):
    """Watch the app's source files (and ``reload_dir``) and restart workers on change.

    Runs ``reload_process_start``/``reload_process_stop`` in the reloader process, and
    ``before_reload_trigger``/``after_reload_trigger`` around each restart.
    """

    #: The serving app's mode: this process loads a fresh copy of the app.
    debug: bool = False

    def on_start(self, app: Any) -> None:
        """Log like the other processes, then run ``reload_process_start`` listeners."""
        if app is not None and hasattr(app, "state"):
            from hurtle_app.state import Mode
            from sanic.runner import apply_log_formatters

            app.state.mode = Mode.DEBUG if self.debug else Mode.PRODUCTION
            apply_log_formatters(app)
        _run_listeners(app, "reload_process_start")

    def before_trigger(self, app: Any, changed: set[str]) -> None:
        """Run ``before_reload_trigger`` listeners."""
        _run_listeners(app, "before_reload_trigger")

    def after_trigger(self, app: Any, changed: set[str]) -> None:
        """Run ``after_reload_trigger`` listeners: ``listener(app, changed=<paths>)``."""
        _run_listeners(app, "after_reload_trigger", changed=changed)

    def on_stop(self, app: Any) -> None:
        """Run ``reload_process_stop`` listeners."""
        _run_listeners(app, "reload_process_stop")


__all__ = ["Reloader"]
