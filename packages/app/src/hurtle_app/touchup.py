"""``TouchUp``: Sanic rewrites hot-path source at start-up; Hurtle does not need to.

Hurtle decides its request path at start-up instead (compiled router, prebuilt
middleware chains, signals dispatched only when registered), so these names exist only
so that code importing them keeps working. ``TouchUp.run`` changes nothing.
"""

from __future__ import annotations

from typing import Any

from hurtle_app.meta import SanicMeta


class BaseScheme:
    """A source rewrite scheme (never applied by Hurtle)."""

    ident: str = ""
    _registry: set[type[BaseScheme]] = set()

    def __init__(self, app: Any) -> None:
        self.app = app

    def visitors(self) -> list[Any]:
        """The AST visitors of the scheme: none."""
        return []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        BaseScheme._registry.add(cls)

    def __call__(self) -> list[Any]:
        return self.visitors()


class OptionalDispatchEvent(BaseScheme):
    """Sanic's "skip dispatch when no signal handler" rewrite (Hurtle checks at start-up)."""

    ident = "ODE"
    # Sanic's value: the namespace of the events the scheme looks at (never applied here).
    SYNC_SIGNAL_NAMESPACES = "http."


class RemoveDispatch:
    """The AST transformer of ``OptionalDispatchEvent`` (never applied)."""

    def __init__(self, registered_events: Any) -> None:
        self._registered_events = registered_events


class RemoveAltSvc:
    """The AST transformer of ``AltSvcCheck`` (never applied)."""

    def __init__(self, app: Any, verbosity: int = 0) -> None:
        self._app = app
        self._verbosity = verbosity


class AltSvcCheck(BaseScheme):
    """Sanic's Alt-Svc header rewrite (HTTP/3 only; not applied)."""

    ident = "ALTSVC"


class TouchUpMeta(SanicMeta):
    """Metaclass kept for API parity: records ``__touchup__`` method names, rewrites nothing."""

    def __new__(cls, name: str, bases: tuple[type, ...], attrs: dict[str, Any], **kwargs: Any):
        gen_class = super().__new__(cls, name, bases, attrs, **kwargs)
        methods = attrs.get("__touchup__")
        if methods:
            for method in methods:
                if method not in attrs:
                    raise SyntaxError(
                        f"Cannot run TouchUp on {name}.{method}: the class does not define it"
                    )
        return gen_class


class TouchUp:
    """The source rewriting service: a documented no-op under Hurtle."""

    _registry: set[tuple[type, str]] = set()

    @classmethod
    def run(cls, app: Any) -> None:
        """Apply the registered rewrites: nothing to do."""
        return None

    @classmethod
    def register(cls, target: type, method_name: str) -> None:
        """Remember a method Sanic would rewrite (kept for introspection only)."""
        cls._registry.add((target, method_name))


__all__ = [
    "AltSvcCheck",
    "BaseScheme",
    "OptionalDispatchEvent",
    "RemoveAltSvc",
    "RemoveDispatch",
    "TouchUp",
    "TouchUpMeta",
]
