"""The shorthand decorators of ``Sanic`` and ``Blueprint``: ``@app.before_server_start``
and the other listener events, ``@app.on_request`` and ``@app.on_response``.

Typed so that a decorated function keeps its type, with or without arguments
(``@app.on_response`` and ``@app.on_response(priority=2)``): under ``mypy --strict`` an
untyped decorator makes the listener untyped, an error.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])


class Shorthands:
    """Listener and middleware shorthands over ``listener()`` and ``middleware()``."""

    # Given by the class this is mixed into (``Registrar``).
    listener: Callable[..., Any]
    middleware: Callable[..., Any]

    def _short_listener(self, event: str, listener: Any, priority: int) -> Any:
        if listener is None:
            return partial(self.listener, event_or_none=event, priority=priority)
        return self.listener(listener, event, priority=priority)

    @overload
    def on_request(self, middleware: F, *, priority: int = 0) -> F: ...

    @overload
    def on_request(self, middleware: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def on_request(self, middleware: F | None = None, *, priority: int = 0) -> Any:
        """Register request middleware (as a decorator, with or without arguments)."""
        if callable(middleware):
            return self.middleware(middleware, "request", priority=priority)
        return partial(self.middleware, attach_to="request", priority=priority)

    @overload
    def on_response(self, middleware: F, *, priority: int = 0) -> F: ...

    @overload
    def on_response(self, middleware: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def on_response(self, middleware: F | None = None, *, priority: int = 0) -> Any:
        """Register response middleware (as a decorator, with or without arguments)."""
        if callable(middleware):
            return self.middleware(middleware, "response", priority=priority)
        return partial(self.middleware, attach_to="response", priority=priority)

    @overload
    def before_server_start(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def before_server_start(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def before_server_start(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in each worker before it accepts connections."""
        return self._short_listener("before_server_start", listener, priority)

    @overload
    def after_server_start(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def after_server_start(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def after_server_start(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in each worker once it accepts connections."""
        return self._short_listener("after_server_start", listener, priority)

    @overload
    def before_server_stop(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def before_server_stop(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def before_server_stop(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in each worker when it is asked to stop."""
        return self._short_listener("before_server_stop", listener, priority)

    @overload
    def after_server_stop(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def after_server_stop(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def after_server_stop(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in each worker after its connections closed."""
        return self._short_listener("after_server_stop", listener, priority)

    @overload
    def main_process_start(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def main_process_start(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def main_process_start(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in the main process before workers start."""
        return self._short_listener("main_process_start", listener, priority)

    @overload
    def main_process_ready(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def main_process_ready(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def main_process_ready(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in the main process once workers are up."""
        return self._short_listener("main_process_ready", listener, priority)

    @overload
    def main_process_stop(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def main_process_stop(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def main_process_stop(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in the main process when it stops."""
        return self._short_listener("main_process_stop", listener, priority)

    @overload
    def reload_process_start(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def reload_process_start(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def reload_process_start(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in the reloader process when it starts."""
        return self._short_listener("reload_process_start", listener, priority)

    @overload
    def reload_process_stop(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def reload_process_stop(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def reload_process_stop(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in the reloader process when it stops."""
        return self._short_listener("reload_process_stop", listener, priority)

    @overload
    def before_reload_trigger(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def before_reload_trigger(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def before_reload_trigger(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app)`` in the reloader process before it restarts the workers."""
        return self._short_listener("before_reload_trigger", listener, priority)

    @overload
    def after_reload_trigger(self, listener: F, *, priority: int = 0) -> F: ...

    @overload
    def after_reload_trigger(self, listener: None = None, *, priority: int = 0) -> Callable[[F], F]: ...

    def after_reload_trigger(self, listener: F | None = None, *, priority: int = 0) -> Any:
        """Run ``listener(app, changed)`` in the reloader process after a restart."""
        return self._short_listener("after_reload_trigger", listener, priority)
