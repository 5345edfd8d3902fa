"""Catch the ``Request`` object the app builds, so clients can return ``(request, response)``.

The app builds requests from ``app.request_class``; while a client is active that class is
swapped for a subclass that records each instance.  This sees every request the app
builds, including those a request middleware answers early and those that match no route,
without adding middleware to the app (the app finalizes its middleware chains once).
"""

from __future__ import annotations

import contextvars
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["RequestRecorder", "recording_sink"]

# Per-request sink for in-process (ASGI) calls: each call sets its own list, so concurrent
# requests on one client do not see each other's request objects.
_SINK: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar(
    "sanic_testing_request_sink", default=None
)


def _recording_subclass(base: type, fallback: list[Any]) -> type:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        # The instance is of the app's own class from here on, as under Sanic: for the
        # class's __init__ (one that keeps class-level state through ``self.__class__``,
        # like sanic-ext's CountedRequest) and for the handler (``type(request)``). The
        # subclass adds no slots, so the instance can take the base class back.
        try:
            self.__class__ = base
        except TypeError:  # a base whose layout forbids it: keep the recording subclass
            pass
        base.__init__(self, *args, **kwargs)
        sink = _SINK.get()
        (fallback if sink is None else sink).append(self)

    namespace = {
        "__init__": __init__,
        "__slots__": (),
        "__module__": base.__module__,
        "__qualname__": base.__qualname__,
        "__doc__": base.__doc__,
        "_sanic_testing_base": base,
    }
    # Keep the original name: tests and error pages show ``type(request).__name__``.
    return type(base.__name__, (base,), namespace)


class RequestRecorder:
    """Swap ``app.request_class`` for a recording subclass while installed.

    Use ``RequestRecorder.for_app(app)``: every client of one app shares one recorder, so
    clients that overlap never undo each other's swap.
    """

    _by_app: weakref.WeakKeyDictionary[Any, RequestRecorder] = weakref.WeakKeyDictionary()

    @classmethod
    def for_app(cls, app: Any) -> RequestRecorder:
        """The recorder shared by all clients of ``app``."""
        try:
            return cls._by_app[app]
        except KeyError:
            recorder = cls._by_app[app] = cls(app)
            return recorder
        except TypeError:  # an app that cannot be weakly referenced: one per client
            return cls(app)

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests: list[Any] = []
        self._depth = 0
        self._original: type | None = None

    def install(self) -> None:
        """Start recording (nested calls are counted)."""
        self._depth += 1
        if self._depth > 1:
            return
        original = self.app.request_class
        # Unwrap a recorder left by another client, so subclasses never stack up.
        base = getattr(original, "_sanic_testing_base", original)
        self._original = original
        _set(self.app, "request_class", _recording_subclass(base, self.requests))

    def uninstall(self) -> None:
        """Stop recording and put the app's own request class back."""
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth == 0 and self._original is not None:
            _set(self.app, "request_class", self._original)
            self._original = None

    @contextmanager
    def installed(self) -> Iterator[RequestRecorder]:
        """Record for the duration of a ``with`` block."""
        self.install()
        try:
            yield self
        finally:
            self.uninstall()

    def take(self, last: bool = False) -> Any:
        """The first request recorded since the last ``take`` (or ``None``), clearing the
        record: after followed redirects, that is the request the caller made (with
        ``last=True``, the request that made the final response)."""
        request = self.requests[-1 if last else 0] if self.requests else None
        self.requests.clear()
        return request


@contextmanager
def recording_sink() -> Iterator[list[Any]]:
    """Collect the requests built in this context (and tasks it starts) into a list."""
    sink: list[Any] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def _set(app: Any, name: str, value: Any) -> None:
    # The framework's app refuses unknown attributes; ``request_class`` is a real one, but go
    # through object.__setattr__ so a frozen app subclass cannot make testing impossible.
    object.__setattr__(app, name, value)
