"""Blueprints: a set of routes, middleware, listeners... registered on an app later.

A blueprint records ``Future*`` registrations (see ``registration.Registrar``). On
``app.blueprint(bp, **options)`` it replays them onto the app with its URL prefix,
version, host and name; its middleware and exception handlers are scoped to its routes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from copy import copy, deepcopy
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from hurtle_app.error_format_guess import implied_error_format
from hurtle_app.errorpages import check_error_format
from hurtle_app.errors import NotAPath
from hurtle_app.futures import (
    FutureException,
    FutureListener,
    FutureMiddleware,
    FutureRoute,
    FutureSignal,
    FutureStatic,
)
from hurtle_app.helpers import _default
from hurtle_app.naming import validate_name
from hurtle_app.registration import Registrar, handler_display_name
from hurtle_app.signals import BLUEPRINT_CONDITION
from hurtle_http.exceptions import SanicException

if TYPE_CHECKING:
    from hurtle_app.blueprint_group import BlueprintGroup

_DEFAULT = _default  # shows as <Default> in help(), as Sanic's


class _Registration:
    """One registration of a blueprint on an app, with the options it was given."""

    __slots__ = (
        "app",
        "options",
        "route_names",
        "middleware",
        "exceptions_applied",
        "implicit",
        "refused",
    )

    def __init__(self, app: Any, options: dict[str, Any], implicit: bool = False) -> None:
        self.app = app
        self.options = options
        # Made by ``copy(with_registration=True)``; an explicit identical one is no error.
        self.implicit = implicit
        self.route_names: set[str] = set()
        self.middleware: list[Any] = []
        self.exceptions_applied = False
        # Its routes were refused (RouteExists...): the app still counts as one the
        # blueprint was registered on (as Sanic), but a later registration is no repeat.
        self.refused = False


def _join_prefix(url_prefix: str | None, uri: str) -> str:
    if not url_prefix:
        return uri
    if uri and not uri.startswith("/"):
        uri = "/" + uri
    # As Sanic: only the slash the two share goes; a prefix given at registration or to
    # copy() keeps its own trailing slashes (``/api/`` + ``""`` is ``/api/``).
    if url_prefix.endswith("/") and uri.startswith("/"):
        return url_prefix + uri[1:]
    return url_prefix + uri


class _Assignable:
    """A view derived from the blueprint's registrations that code may also assign, as
    Sanic's plain attributes (``routes``, ``middlewares``...; its ``reset()`` assigns
    them): an assigned value is what reading gives until the next registration or
    ``reset()``, which bring back the derived view."""

    def __init__(self, derive: Any) -> None:
        self.derive = derive
        self.__doc__ = derive.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, bp: Any, owner: type | None = None) -> Any:
        if bp is None:
            return self
        assigned = bp.__dict__.get("_assigned")
        if assigned and self.name in assigned:
            return assigned[self.name]
        return self.derive(bp)

    def __set__(self, bp: Any, value: Any) -> None:
        bp.__dict__.setdefault("_assigned", {})[self.name] = value


def _extend(value: Any, added: Any) -> None:
    """Add what a registration added to a value code assigned (see _Assignable)."""
    if isinstance(value, dict):
        for event, items in added.items():
            value.setdefault(event, []).extend(items)
    elif isinstance(value, set):
        value.update(added)
    elif isinstance(value, list):
        value.extend(added)


class Blueprint(Registrar):
    """A reusable group of routes and hooks: ``app.blueprint(Blueprint("api", "/api"))``."""

    _is_blueprint = True
    _frozen = False

    def __init__(
        self,
        name: str,
        url_prefix: str | None = None,
        host: list[str] | str | None = None,
        version: int | str | float | None = None,
        strict_slashes: bool | None = None,
        version_prefix: str = "/v",
    ) -> None:
        self.name = validate_name("Blueprint", name)
        if url_prefix and not isinstance(url_prefix, str):
            raise NotAPath(f"A blueprint's url_prefix is a str such as '/api', not {url_prefix!r}")
        if url_prefix and url_prefix.endswith("/"):
            url_prefix = url_prefix[:-1]  # as Sanic: one trailing slash is dropped
        self.url_prefix = url_prefix
        self.host = host
        self.version = version
        self.strict_slashes = strict_slashes
        self.version_prefix = version_prefix
        self.ctx = SimpleNamespace()
        self._registrations: list[_Registration] = []
        self._allow_route_overwrite = False
        #: The name of the blueprint this one was copied from (``""`` if none).
        self.copied_from = ""
        # The names of the blueprints this one was copied from, the original first.
        self._earlier_names: tuple[str, ...] = ()
        self._init_registrar()
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen and name not in self.__dict__ and not hasattr(type(self), name):
            # As Sanic (and the app): user state goes on ``bp.ctx``.
            kind = type(self).__name__  # a subclass is named, as in Sanic
            raise AttributeError(
                f"Setting variables on {kind} instances is not allowed. You should change "
                f"your {kind} instance to use instance.ctx.{name} instead."
            ) from AttributeError(f"'{kind}' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        # As Sanic: a str is shown in double quotes as it is, anything else by its repr
        # (a host list keeps Python's quotes).
        def shown(value: Any) -> str:
            return f'"{value}"' if isinstance(value, str) else repr(value)

        return (
            f'Blueprint(name="{self.name}", url_prefix={shown(self.url_prefix)}, '
            f"host={shown(self.host)}, version={shown(self.version)}, "
            f"strict_slashes={shown(self.strict_slashes)})"
        )

    def __str__(self) -> str:
        return f"<Blueprint {self.name}>"

    @property
    def apps(self) -> set[Any]:
        """The apps this blueprint is registered on (an error before it is registered)."""
        if not self._registrations:
            raise SanicException(f"{self} has not yet been registered to an app")
        return {reg.app for reg in self._registrations}

    @_Assignable
    def _apps(self) -> set[Any]:
        """The apps this blueprint is registered on, empty before (Sanic's attribute,
        which code and tests written for Sanic read)."""
        return {reg.app for reg in self._registrations}

    @property
    def registered(self) -> bool:
        """Whether the blueprint has been registered on an app."""
        return bool(self._registrations)

    def _added_routes(self) -> list[Any]:
        """Every route this blueprint added to its apps, static ones included."""
        found = []
        for reg in self._registrations:
            found.extend(r for r in reg.app.router.routes if r.name in reg.route_names)
        return found

    @_Assignable
    def routes(self) -> list[Any]:
        """The routes this blueprint added to its apps (empty until registered).

        As Sanic's, its ``static()`` routes are not among them (see ``statics``).
        """
        return [r for r in self._added_routes() if not getattr(r.extra, "static", False)]

    @_Assignable
    def websocket_routes(self) -> list[Any]:
        """The websocket routes among ``routes``."""
        return [r for r in self.routes if getattr(r.extra, "websocket", False)]

    @_Assignable
    def statics(self) -> list[Any]:
        """The static file routes this blueprint added to its apps."""
        return [r for r in self._added_routes() if getattr(r.extra, "static", False)]

    @_Assignable
    def middlewares(self) -> list[Any]:
        """The middleware this blueprint added to its apps (empty until registered)."""
        return [item.record for reg in self._registrations for item in reg.middleware]

    @_Assignable
    def exceptions(self) -> list[Any]:
        """The exception handlers this blueprint added, once per registration (as Sanic:
        on three apps, each three times; empty until registered)."""
        return [e.handler for _ in self._registrations for e in self._future_exceptions]

    @_Assignable
    def listeners(self) -> dict[str, list[Any]]:
        """Listener functions this blueprint added, by event (empty until registered)."""
        by_event: dict[str, list[Any]] = {}
        if self._registrations:
            for item in self._future_listeners:
                by_event.setdefault(item.event, []).append(item.listener)
        return by_event

    def reset(self) -> None:
        """Forget the apps this blueprint was registered on (its declarations stay)."""
        self._registrations = []
        self.__dict__.pop("_assigned", None)

    def finalize_middleware(self) -> None:
        """Nothing to do: middleware chains are built by the app when it finalizes."""

    @staticmethod
    def register_futures(apps: Iterable[Any], bp: Blueprint, futures: Iterable[Any]) -> None:
        """Record ``futures`` as registered on ``apps`` (kept for Sanic compatibility)."""

    async def dispatch(self, *args: Any, **kwargs: Any) -> list[Any]:
        """Dispatch a signal to this blueprint's handlers on each of its apps (one result each)."""
        if not self._registrations:
            raise SanicException(f"{self} has not yet been registered to an app")
        import asyncio

        kwargs["condition"] = self._scoped_condition(kwargs.get("condition"))
        return list(await asyncio.gather(*(app.dispatch(*args, **kwargs) for app in self.apps)))

    def event(
        self,
        event: str,
        timeout: float | None = None,
        *,
        condition: dict[str, Any] | None = None,
    ) -> Awaitable[Any]:
        """Wait for the signal ``event`` dispatched by its app(s) or by this blueprint.

        Raises at once (before any ``await``) when the blueprint is on no app, or an app
        has no signal for ``event`` (``EVENT_AUTOREGISTER`` is for ``app.event`` only), as
        Sanic.
        """
        if not self._registrations:
            raise SanicException(f"{self} has not yet been registered to an app")
        for app in self.apps:
            if not app.signal_router.can_wait(event):
                app.signal_router.refuse_wait(event)
        return self._wait_event(event, timeout, condition)

    async def _wait_event(
        self,
        event: str,
        timeout: float | None,
        condition: dict[str, Any] | None,
    ) -> Any:
        import asyncio

        condition = self._scoped_condition(condition)
        waits = [
            asyncio.ensure_future(app.event(event, timeout, condition=condition, exclusive=False))
            for app in self.apps
        ]
        done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        first, *others = done
        for task in others:
            task.exception()  # retrieved: every app timing out at once is one error
        return first.result()

    # --- late registration: things added after app.blueprint(bp) reach the app too -------
    def _apply_route(self, route: FutureRoute) -> Any:
        for reg in self._registrations:
            self._register_route(reg, route)

    def _apply_static(self, static: FutureStatic) -> Any:
        for reg in self._registrations:
            self._register_static(reg, static)

    def _apply_middleware(self, middleware: FutureMiddleware) -> Any:
        for reg in self._registrations:
            self._register_middleware(reg, middleware)

    def _apply_listener(self, listener: FutureListener) -> Any:
        for reg in self._registrations:
            reg.app._apply_listener(listener)

    def _apply_exception_handler(self, handler: FutureException) -> Any:
        for reg in self._registrations:
            self._register_exception(reg, handler)

    def _apply_signal(self, signal: FutureSignal) -> Any:
        for reg in self._registrations:
            reg.app._apply_signal(self._scoped_signal(signal))

    def _scoped_signal(self, signal: FutureSignal) -> FutureSignal:
        """The signal as the app records it: tagged with this blueprint (as Sanic).

        An app dispatch without a condition runs it; ``bp.dispatch`` runs only the
        signals tagged with ``bp`` (and the condition it is given).
        """
        condition = {**(signal.condition or {}), BLUEPRINT_CONDITION: self.name}
        return signal._replace(condition=condition, exclusive=False)

    def _scoped_condition(self, condition: dict[str, Any] | None) -> dict[str, Any]:
        return {**(condition or {}), BLUEPRINT_CONDITION: self.name}

    # --- registration on an app ----------------------------------------------------------
    def register(self, app: Any, options: dict[str, Any], *, implicit: bool = False) -> None:
        """Replay every recorded registration onto ``app`` with ``options``."""
        assigned = self.__dict__.pop("_assigned", None)
        if not assigned:
            self._register(app, options, implicit)
            return
        # Values code assigned (see _Assignable) take what this registration adds, in
        # place, as Sanic's attributes do (``bp.routes = []`` then a registration: the
        # new routes).
        before = {name: getattr(self, name) for name in assigned}
        try:
            self._register(app, options, implicit)
        finally:
            for name, value in assigned.items():
                _extend(value, self._added_by_registration(name, before[name]))
            self.__dict__["_assigned"] = assigned

    def _added_by_registration(self, name: str, before: Any) -> Any:
        """What the last registration added to the view ``name`` (``before`` it ran)."""
        after = getattr(self, name)
        if name == "listeners":
            return after  # as Sanic's: each registration adds them all again
        if isinstance(after, set):
            return after - before
        return after[len(before) :]  # the views list registrations in order

    def _register(self, app: Any, options: dict[str, Any], implicit: bool) -> None:
        if self._future_commands:
            raise SanicException(
                f'Blueprint "{self.name}" declares commands ({", ".join(sorted(c.name for c in self._future_commands))}): '
                "registering commands with blueprints is not supported; use @app.command"
            )
        wanted = self._effective(_Registration(app, options))
        for reg in self._registrations:
            # Compared as resolved: a group registered again passes the strict_slashes the
            # first registration gave the blueprint, where it passed None the first time.
            if reg.app is app and not reg.refused and self._effective(reg) == wanted:
                # Already there with these options: nothing to add (Sanic ignores the
                # repeat too, so an app factory may register a blueprint again).
                if reg.implicit:
                    reg.implicit = implicit
                return
        reg = _Registration(app, dict(options), implicit)
        self._registrations.append(reg)
        if self.strict_slashes is None:
            # Unset, it takes the app's setting once registered (what Sanic reports).
            self.strict_slashes = getattr(app, "strict_slashes", None)
        try:
            for route in self._future_routes:
                self._register_route(reg, route)
            for static in self._future_statics:
                self._register_static(reg, static)
        except Exception:
            reg.refused = True
            raise
        for middleware in self._future_middleware:
            self._register_middleware(reg, middleware)
        for handler in self._future_exceptions:
            self._register_exception(reg, handler)
        reg.exceptions_applied = True
        for listener in self._future_listeners:
            app._apply_listener(listener)
        for signal in self._future_signals:
            app._apply_signal(self._scoped_signal(signal))

    def _effective(self, reg: _Registration) -> dict[str, Any]:
        options = reg.options
        url_prefix = options.get("url_prefix")
        if url_prefix is None:
            url_prefix = self.url_prefix
        version = options.get("version")
        if version is None:
            version = self.version
        strict = options.get("strict_slashes")
        if strict is None:
            strict = self.strict_slashes
        version_prefix = options.get("version_prefix")
        if not version_prefix or version_prefix == "/v":
            # As Sanic: a registration's "/v" (the default) is no prefix given, so the
            # blueprint's own stays (app.blueprint(bp, version_prefix="/v")).
            version_prefix = self.version_prefix
        name_prefix = options.get("name_prefix")
        return {
            "url_prefix": url_prefix,
            "version": version,
            "strict_slashes": strict,
            "version_prefix": version_prefix,
            "bp_name": f"{name_prefix}_{self.name}" if name_prefix else self.name,
            "host": options.get("host") or self.host,
        }

    def _register_route(self, reg: _Registration, future: FutureRoute) -> None:
        eff = self._effective(reg)
        given = future.name if isinstance(future.name, str) else None  # as Sanic
        name = given or handler_display_name(future.handler)
        # As Sanic: a name starting with the blueprint's own name (or, in a copy, the name
        # of a blueprint it was copied from) drops it; any other (the app's name, a group's
        # name_prefix) is kept under the blueprint's name.
        for own in (self.name, *reversed(self._earlier_names)):
            if name.startswith(own + "."):
                name = name[len(own) + 1 :]
                break
        name = f"{eff['bp_name']}.{name}"
        name = self._custom_name(name)
        version_prefix = future.version_prefix
        if not version_prefix or version_prefix == "/v":
            # As Sanic: a route on the default (or an empty) prefix takes the blueprint's
            # (or its registration's), an empty one too.
            version_prefix = eff["version_prefix"]
        routed = future._replace(
            uri=_join_prefix(eff["url_prefix"], future.uri),
            host=future.host or eff["host"],
            strict_slashes=(
                future.strict_slashes
                if future.strict_slashes is not None
                else eff["strict_slashes"]
            ),
            version=future.version if future.version is not None else eff["version"],
            version_prefix=version_prefix,
            name=name,
            # As Sanic: a blueprint route without its own format takes the one its
            # handler implies (the only response type it returns), else the app's
            # FALLBACK_ERROR_FORMAT as it is when the blueprint is registered.
            error_format=future.error_format
            or ("" if future.websocket or future.static else implied_error_format(future.handler))
            or reg.app.config.FALLBACK_ERROR_FORMAT,
        )
        routes = reg.app._apply_route(routed, overwrite=self._allow_route_overwrite)
        new_names = {route.name for route in routes}
        new_names -= reg.route_names
        reg.route_names |= new_names
        for item in reg.middleware:
            reg.app._middleware.extend_scope(item, new_names)
        if reg.exceptions_applied and new_names:
            # A route added after registration gets the blueprint's exception handlers.
            for handler in self._future_exceptions:
                self._register_exception(reg, handler, new_names)
        if future.error_format:
            # As Sanic: an unknown format stops the blueprint's registration once this
            # route is added (it stays, and is served; the routes after it are not added).
            check_error_format(future.error_format)

    def _register_static(self, reg: _Registration, future: FutureStatic) -> None:
        eff = self._effective(reg)
        name = future.name
        if not name.startswith(eff["bp_name"] + "."):
            name = f"{eff['bp_name']}.{name}"
        routed = future._replace(
            uri=_join_prefix(eff["url_prefix"], future.uri),
            name=name,
            host=future.host or eff["host"],
            strict_slashes=(
                future.strict_slashes
                if future.strict_slashes is not None
                else eff["strict_slashes"]
            ),
        )
        routes = reg.app._apply_static(routed)
        reg.route_names |= {route.name for route in routes}

    def _register_middleware(self, reg: _Registration, future: FutureMiddleware) -> None:
        # As Sanic: the decorator's record, through the app's ``register_named_middleware``
        # (a subclass or an APM agent wrapping it sees blueprint middleware).
        registry = reg.app._middleware
        registry.last_scoped = None
        reg.app.register_named_middleware(
            future.middleware, sorted(reg.route_names), future.attach_to
        )
        if registry.last_scoped is not None:
            reg.middleware.append(registry.last_scoped)

    def _register_exception(
        self, reg: _Registration, future: FutureException, names: Iterable[str] | None = None
    ) -> None:
        names = set(reg.route_names if names is None else names)
        # A name another registration of this blueprint on the app already holds (the
        # blueprint registered again elsewhere, no name_prefix) is refused at start-up as a
        # duplicate route name, as Sanic; its handler is not a duplicate definition.
        for other in self._registrations:
            if other is not reg and other.app is reg.app:
                names -= other.route_names
        names = sorted(names)
        if not names:
            return  # scoped to this blueprint's routes; none yet
        for exception in future.exceptions:
            reg.app.error_handler.add(exception, future.handler, route_names=names)

    # --- copies and groups ---------------------------------------------------------------
    def copy(
        self,
        name: str,
        url_prefix: Any = _DEFAULT,
        version: Any = _DEFAULT,
        version_prefix: Any = _DEFAULT,
        allow_route_overwrite: Any = _DEFAULT,
        strict_slashes: Any = _DEFAULT,
        with_registration: bool = True,
        with_ctx: bool = False,
    ) -> Blueprint:
        """A new blueprint named ``name`` with the same registrations (and new options)."""
        new = Blueprint(
            name,
            url_prefix=self.url_prefix if url_prefix is _DEFAULT else url_prefix,
            host=self.host,
            version=self.version if version is _DEFAULT else version,
            strict_slashes=self.strict_slashes if strict_slashes is _DEFAULT else strict_slashes,
            version_prefix=self.version_prefix if version_prefix is _DEFAULT else version_prefix,
        )
        if url_prefix is not _DEFAULT:
            new.url_prefix = url_prefix  # as Sanic: as given, trailing slashes and all
        if allow_route_overwrite is not _DEFAULT:
            new._allow_route_overwrite = bool(allow_route_overwrite)
        new._future_routes = list(self._future_routes)
        new._future_statics = list(self._future_statics)
        # As Sanic: the copy has records of its own (same function, priority and place in
        # the definition order), so what it lists is not the original's.
        new._future_middleware = [
            future._replace(middleware=copy(future.middleware))
            for future in self._future_middleware
        ]
        new._future_listeners = list(self._future_listeners)
        new._future_exceptions = list(self._future_exceptions)
        new._future_signals = list(self._future_signals)
        new.copied_from = self.name
        new._earlier_names = (*self._earlier_names, self.name)
        if with_ctx:
            new.ctx = deepcopy(self.ctx)
        if with_registration:
            # The copy joins each app the original is on, under its own prefix, version
            # and slashes: the original's registration options (``app.blueprint(bp,
            # url_prefix=...)``, a group's prefix) are not carried over, as in Sanic, so
            # the copy never lands on the original's paths.
            apps = list({id(reg.app): reg.app for reg in self._registrations}.values())
            for app in apps:  # as Sanic: a name an app holds is refused before any route
                app._check_blueprint_name(new)
            for app in apps:
                new.register(app, {}, implicit=True)
                app.blueprints[new.name] = new
        return new

    @staticmethod
    def group(
        *blueprints: Blueprint | BlueprintGroup,
        url_prefix: str | None = None,
        version: int | str | float | None = None,
        strict_slashes: bool | None = None,
        version_prefix: str = "/v",
        name_prefix: str | None = "",
    ) -> BlueprintGroup:
        """Group blueprints (or groups) under a shared prefix, version and middleware."""
        from hurtle_app.blueprint_group import BlueprintGroup

        group = BlueprintGroup(
            url_prefix=url_prefix,
            version=version,
            strict_slashes=strict_slashes,
            version_prefix=version_prefix,
            name_prefix=name_prefix,
        )
        for item in _flatten(blueprints):
            group.append(item)
        return group


def _flatten(items: Iterable[Any]) -> list[Any]:
    from hurtle_app.blueprint_group import BlueprintGroup

    flat: list[Any] = []
    for item in items:
        if isinstance(item, (list, tuple)) and not isinstance(item, BlueprintGroup):
            flat.extend(_flatten(item))
        else:
            flat.append(item)
    return flat


__all__ = ["Blueprint"]
