"""``Sanic``: the framework app, a thin composition of single-concern objects.

The app exposes Sanic's methods, but each concern lives in its own object: the router
(``router.Router``), the middleware registry, the listener registry, the task registry, the
signal router and the error handler. ``finalize()`` (run once at start-up) compiles the
router, builds each route's middleware chain, and picks the request pipeline.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import logging.config
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from types import FunctionType, SimpleNamespace
from typing import Any, ClassVar, Generic, TypeVar

from hurtle_app import serving
from hurtle_app.annotations import typed_uri
from hurtle_app.app_surface import AppSurface
from hurtle_app.blueprint_group import BlueprintGroup
from hurtle_app.blueprints import Blueprint
from hurtle_app.config import Config
from hurtle_app.error_format_guess import guess_error_format as _guess_error_format
from hurtle_app.errors import ConfigNotAccepted, NotABlueprint
from hurtle_app.futures import (
    FutureException,
    FutureListener,
    FutureMiddleware,
    FutureRoute,
    FutureSignal,
    FutureStatic,
    check_version,
)
from hurtle_app.handlers import ErrorHandler
from hurtle_app.handling import RequestHandling
from hurtle_app.helpers import Default, _default
from hurtle_app.listeners import ListenerRegistry
from hurtle_app.middleware import (
    Middleware,
    MiddlewareLocation,
    MiddlewareRegistry,
    as_location,
    is_coroutine_callable,
    location_name,
)
from hurtle_app.naming import AppRegistry, validate_name
from hurtle_app.pipeline import (
    RequestPipeline,
    unavailable_skips_middleware,
)
from hurtle_app.qualnames import adopt_sanic_qualnames
from hurtle_app.registration import Registrar, handler_display_name
from hurtle_app.router import Router
from hurtle_app.signals import REPORT_EVENT, SignalRouter
from hurtle_app.state import ApplicationState, Mode
from hurtle_app.static import StaticHandler
from hurtle_app.tasks import TaskRegistry
from hurtle_app.touchup import TouchUpMeta
from hurtle_app.url_for import build_url
from hurtle_app.websockets import WebsocketHandler
from hurtle_http.exceptions import SanicException, ServerError, ServiceUnavailable
from hurtle_http.request import Request
from hurtle_http.response import BaseHTTPResponse

error_logger = logging.getLogger("sanic.error")

# Listener (concern, action) -> event name, as ``_server_event`` is called by runners.
_SERVER_EVENTS = {
    ("init", "before"): "before_server_start",
    ("init", "after"): "after_server_start",
    ("shutdown", "before"): "before_server_stop",
    ("shutdown", "after"): "after_server_stop",
}
# The listener event of each server signal ("server.init.after" -> "after_server_start").
_SERVER_SIGNALS = {f"server.{c}.{a}": event for (c, a), event in _SERVER_EVENTS.items()}


def _resolve_touchup(app: Any) -> None:
    """Give ``TOUCHUP`` the value Sanic reports once started (Hurtle rewrites no source).

    Left at its default it becomes ``True``, or ``False`` in debug mode, where only an
    explicit ``True`` stays.
    """
    touchup = app.config.get("TOUCHUP")
    if app.state.is_debug and touchup is not True:
        app.config.TOUCHUP = False
    elif isinstance(touchup, Default):
        app.config.TOUCHUP = True


_NO_SETTING = (
    "Setting variables on {kind} instances is not allowed. You should change your "
    "{kind} instance to use instance.ctx.{name} instead."
)


def _refusal_cause(obj: object, name: str) -> AttributeError:
    """What Sanic's traceback shows as the direct cause of the refusal: the error of the
    plain assignment on its slotted instance."""
    kind = type(obj).__name__
    if not hasattr(type(obj), name):
        return AttributeError(f"'{kind}' object has no attribute '{name}'")
    if isinstance(inspect.getattr_static(type(obj), name), property):
        return AttributeError(f"property '{name}' of '{kind}' object has no setter")
    return AttributeError(f"'{kind}' object attribute '{name}' is read-only")


_MISSING = object()


def _settable_class_attribute(cls: type, name: str) -> bool:
    """Whether an instance may set ``name`` that its class defines: a property (or other
    descriptor) or a plain value, as a slot or property of Sanic's; never a method (read-only
    on Sanic's slotted instances, so ``app.handle_request = f`` is refused there)."""
    attr = inspect.getattr_static(cls, name, _MISSING)
    return attr is not _MISSING and not isinstance(attr, (FunctionType, classmethod, staticmethod))


def _int_or_none(priority: Any) -> int | None:
    """As Sanic's ``register_middleware``/``register_named_middleware``: a ``priority``
    that is not an int (``1.5``, ``"2"``) is not applied; the middleware keeps its own
    (0 for a plain function). The decorators keep whatever they are given."""
    return priority if isinstance(priority, int) else None


class DuplicateBlueprintName(SanicException, AssertionError):
    """Two blueprints with one name on an app.

    Sanic raises a bare ``AssertionError`` here; this is both that and a
    ``SanicException``, so code catching either keeps working.
    """


#: Type parameters of ``Sanic[config_type, ctx_type]``: ``app.config``'s type and ``app.ctx``'s.
config_type = TypeVar("config_type", bound=Config)
ctx_type = TypeVar("ctx_type")


class Sanic(
    Registrar, AppSurface, RequestHandling, Generic[config_type, ctx_type], metaclass=TouchUpMeta
):
    """A Sanic application: routes, middleware, blueprints, listeners, signals, errors.

    Generic in the config and context types (``Sanic[MyConfig, MyCtx]``) for annotations.
    """

    _app_registry: ClassVar[dict[str, Sanic]] = {}
    test_mode: ClassVar[bool] = False
    # asgiref's marker (guarantee_single_callable): an ASGI 3 application, as Sanic's.
    _asgi_single_callable: ClassVar[bool] = True
    #: Class attributes an instance may not set (as Sanic, whose instances have slots).
    _class_only: ClassVar[frozenset[str]] = frozenset({"_app_registry", "test_mode"})
    #: Set by __init__ and read-only after it (Sanic's are properties without a setter).
    _set_once: ClassVar[frozenset[str]] = frozenset({"state"})

    # For type checkers (no class attributes): ``app.config`` and ``app.ctx`` have the
    # types the app is parameterised with, so ``app.config.REQUEST_TIMEOUT`` is an int and
    # ``app.ctx.db`` the type the ctx class declares (both read as Any before).
    config: config_type
    ctx: ctx_type
    state: ApplicationState
    router: Router
    signal_router: SignalRouter
    error_handler: ErrorHandler

    # Attributes an instance may (re)assign; anything else goes on ``app.ctx``.
    _frozen = False

    def __init__(
        self,
        name: str,
        config: Config | None = None,
        ctx: Any = None,
        router: Router | None = None,
        signal_router: SignalRouter | None = None,
        error_handler: ErrorHandler | None = None,
        env_prefix: str | None = "SANIC_",
        request_class: type[Request[Any, Any]] | None = None,
        strict_slashes: bool = False,
        log_config: dict[str, Any] | None = None,
        configure_logging: bool = True,
        dumps: Callable[..., Any] | None = None,
        loads: Callable[..., Any] | None = None,
        inspector: bool = False,
        inspector_class: Any = None,
        certloader_class: Any = None,
    ) -> None:
        self.name = validate_name("Sanic", name)
        if config is not None and env_prefix != "SANIC_":
            raise SanicException(
                "When instantiating Sanic with config, you cannot also pass env_prefix"
            )
        if configure_logging:
            from hurtle_app.log import LOGGING_CONFIG_DEFAULTS

            logging.config.dictConfig(log_config or LOGGING_CONFIG_DEFAULTS)
        self.configure_logging = configure_logging
        self.config = _own_config(config) or Config(env_prefix=env_prefix)  # type: ignore[assignment]
        if inspector:
            self.config.INSPECTOR = True
        # Any false value (None, {}, 0, "") gets a fresh namespace, as in Sanic.
        self.ctx = ctx or SimpleNamespace()  # type: ignore[assignment]
        self.shared_ctx = SimpleNamespace()
        self.router = router if router is not None else Router()
        self.signal_router = signal_router if signal_router is not None else SignalRouter()
        self.error_handler = error_handler if error_handler is not None else ErrorHandler()
        self.request_class = request_class or Request
        self.strict_slashes = strict_slashes
        self.inspector_class = inspector_class
        self.certloader_class = certloader_class
        self.dumps = dumps
        self.loads = loads
        # As Sanic: these become the process-wide defaults of json() and request.json.
        if dumps:
            BaseHTTPResponse._dumps = dumps
        if loads:
            # On Request itself, as Sanic, whatever request_class is given: every request
            # class not defining its own reads JSON with it.
            Request._loads = loads
        self.state = ApplicationState(app=self)
        # As Sanic: the reloader is asked for by run/prepare (or `app.auto_reload = True`),
        # never by AUTO_RELOAD from the environment (SANIC_AUTO_RELOAD) or a given config.
        self.config.AUTO_RELOAD = False
        self.blueprints: dict[str, Blueprint] = {}
        self._blueprint_order: list[Blueprint] = []
        self.websocket_enabled = False
        self.websocket_tasks: set[asyncio.Future[Any]] = set()
        self.lifecycle_hook: Callable[..., Any] | None = None
        self._middleware = MiddlewareRegistry()
        self._listeners = ListenerRegistry()
        self._task_registry = TaskRegistry(self)
        self._signal_events: set[str] = set()
        self._route_names: dict[str, tuple[Any, Any]] = {}  # ident: (future, route)
        self._duplicate_names: set[str] = set()
        self._finalized = False
        self._composed_routes = 0
        # The router was compiled again after the start: the next request composes again.
        self._recomposing = False
        self._pipeline: RequestPipeline | None = None
        self._runner: serving.SingleProcessRunner | None = None
        self._ext: Any = None
        # Under an ASGI server, as in Sanic: the exchange (``ASGIApp``) served last, read
        # by plugins for its ``transport.scope``, and the lifespan being run.
        self._asgi_app: Any = None
        self._asgi_lifespan: Any = None
        self._init_registrar()
        self.router.ctx.app = self
        self.signal_router.ctx.app = self
        AppRegistry(self._app_registry).register(self, self.test_mode)
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            self._frozen
            and (name in self._set_once or name not in self.__dict__)
            and not _settable_class_attribute(type(self), name)
        ) or name in self._class_only:
            refused = AttributeError(_NO_SETTING.format(kind=type(self).__name__, name=name))
            if name not in self.__dict__:
                raise refused from _refusal_cause(self, name)
            raise refused
        try:
            object.__setattr__(self, name, value)
        except AttributeError as e:  # a read-only property (app.debug...): Sanic's message
            raise AttributeError(_NO_SETTING.format(kind=type(self).__name__, name=name)) from e

    def __repr__(self) -> str:
        return f'{type(self).__name__}(name="{self.name}")'

    def __str__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"

    # --- app registry ----------------------------------------------------------------------
    @classmethod
    def get_app(cls, name: str | None = None, *, force_create: bool = False) -> Sanic:
        """The app named ``name`` (or the only app); ``force_create`` makes it if missing."""
        return AppRegistry(cls._app_registry).get(name, force_create, cls)

    @classmethod
    def register_app(cls, app: Sanic) -> None:
        """Add ``app`` to the registry."""
        AppRegistry(cls._app_registry, Sanic).register(app, cls.test_mode)

    @classmethod
    def unregister_app(cls, app: Sanic) -> None:
        """Remove ``app`` from the registry."""
        AppRegistry(cls._app_registry).unregister(app)

    # --- read-only views -------------------------------------------------------------------
    @property
    def debug(self) -> bool:
        """True when running in debug mode (set it with ``run(debug=True)``)."""
        return self.state.mode is Mode.DEBUG

    @property
    def asgi(self) -> bool:
        """True when served by an ASGI server."""
        return self.state.asgi

    @asgi.setter
    def asgi(self, value: bool) -> None:
        self.state.asgi = value

    @property
    def auto_reload(self) -> bool:
        """Whether the reloader is on: ``config.AUTO_RELOAD``, as in Sanic."""
        return self.config.AUTO_RELOAD

    @auto_reload.setter
    def auto_reload(self, value: bool) -> None:
        # As Sanic: the config and the state both follow.
        self.config.AUTO_RELOAD = value
        self.state.auto_reload = value

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The event loop the app runs on (from ``before_server_start`` on)."""
        registry = self._task_registry
        if registry.loop is not None or registry.starting:
            try:
                return asyncio.get_running_loop()
            except RuntimeError:
                pass
        if registry.stopping_on is not None:
            # As Sanic: the after_server_stop listeners still get it (tasks ended already).
            return registry.stopping_on
        if self.asgi:
            # As Sanic: an ASGI app's loop is the current one, before start-up too.
            return asyncio.get_event_loop()
        raise SanicException(
            "Loop can only be retrieved after the app has started running. "
            "Not supported with `create_server` function"
        )

    @property
    def tasks(self) -> Iterable[asyncio.Task[Any]]:
        """The registered background tasks (a generator, as Sanic's)."""
        return (task for task in self._task_registry.values())

    @property
    def request_middleware(self) -> deque[Middleware]:
        """App-wide request middleware records, in registration order; once finalized,
        highest priority first (as Sanic's deque)."""
        return self._middleware.app_wide[MiddlewareLocation.REQUEST]

    @request_middleware.setter
    def request_middleware(self, value: deque[Middleware]) -> None:
        # As Sanic's plain attribute: the object given is the one kept (APM test suites
        # save and restore it); the chains are built from it at the next start (or
        # ``finalize_middleware()``).
        with self.amend():
            self._middleware.app_wide[MiddlewareLocation.REQUEST] = value

    @property
    def response_middleware(self) -> deque[Middleware]:
        """App-wide response middleware records, newest first; once finalized, lowest
        priority first (as Sanic's deque)."""
        return self._middleware.app_wide[MiddlewareLocation.RESPONSE]

    @response_middleware.setter
    def response_middleware(self, value: deque[Middleware]) -> None:
        with self.amend():
            self._middleware.app_wide[MiddlewareLocation.RESPONSE] = value

    @property
    def listeners(self) -> defaultdict[str, list[Callable[..., Any]]]:
        """Listener functions by event name (an event without any gives ``[]``, as Sanic's
        ``defaultdict``)."""
        from hurtle_app.listeners import LISTENER_EVENTS

        return defaultdict(
            list,
            {e: self._listeners.listeners(e) for e in LISTENER_EVENTS if e in self._listeners},
        )

    @listeners.setter
    def listeners(self, value: Any) -> None:
        # As Sanic: an app may assign it, and that changes nothing (Sanic's start rebuilds
        # its listeners from those registered, as a change to the dict read changes
        # nothing in either): listeners are registered with app.listener() and the like.
        pass

    @property
    def ext(self) -> Any:
        """The Sanic Extensions object, created on first use (needs ``sanic-ext``)."""
        if self._ext is None:
            from hurtle_app.extend import setup_ext

            setup_ext(self, fail=True)
        return self._ext

    def extend(
        self,
        *,
        extensions: list[Any] | None = None,
        built_in_extensions: bool = True,
        config: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Load Sanic Extensions (``sanic-ext``) onto this app, with these options."""
        from hurtle_app.extend import setup_ext

        if self._ext is not None:
            raise RuntimeError(
                "Cannot extend Sanic after Sanic Extensions has been setup: call "
                "app.extend(...) once, before anything reads app.ext, or set "
                "config.AUTO_EXTEND = False to configure it yourself."
            )
        return setup_ext(
            self,
            fail=True,
            extensions=extensions,
            built_in_extensions=built_in_extensions,
            config=config,
            **kwargs,
        )

    def update_config(self, config: Any) -> None:
        """Update ``app.config`` from an object, a dict, or a file path."""
        self.config.update_config(config)

    # --- applying registrations ------------------------------------------------------------
    def _build_endpoint_name(self, *parts: str) -> str:
        name = ".".join(p for p in parts if p)
        if name.startswith(self.name + "."):
            return name
        return f"{self.name}.{name}"

    def _route_name(self, given: str | None, handler: Any) -> str:
        """The route's full name: ``App.handler`` (or the name given), or what a
        subclass's ``generate_name`` makes of ``(given, handler)``, the objects Sanic
        passes it."""
        if not isinstance(given, str):
            # As Sanic: a name that is not a string is passed over for the handler's.
            given = None
        if type(self).generate_name is Registrar.generate_name:
            # The handler's own name is not looked at when one is given (as Sanic: a
            # callable whose attributes raise, a mock, still registers under it).
            return self._build_endpoint_name(given or handler_display_name(handler))
        try:
            shown = handler_display_name(handler)
        except ValueError:
            # No name of its own: the subclass's generate_name sees the handler itself.
            return self.generate_name(given, handler)
        # A handler whose own name is not the one routes get (a view) is passed as that name.
        named = handler if getattr(handler, "__name__", None) == shown else shown
        return self.generate_name(given, named)

    def _allowed_methods(self) -> Sequence[str] | None:
        # The router's list, which code may extend (sanic-ext adds CONNECT and TRACE).
        return tuple(self.router.ALLOWED_METHODS)

    def _apply_route(self, route: FutureRoute, overwrite: bool = False) -> list[Any]:
        handler: Any = route.handler
        # A blueprint's own version joins its routes here (Sanic: TypeError for a list).
        check_version(route.version)
        name = self._route_name(route.name, handler)
        if route.websocket:
            self.enable_websocket()
            handler = WebsocketHandler(self, handler, route.subprotocols)
        strict = route.strict_slashes if route.strict_slashes is not None else self.strict_slashes
        # (an app started without routes has a router marked empty, not finalized)
        compiled = self.router.finalized or getattr(self.router, "_empty", False)
        if compiled and self.state.is_started:
            # As Sanic: a route added once the app has started (a server listener adding
            # one) is served: the router is compiled again now, the chains on the next request.
            # The same for an app that started without routes (Sanic answers it with 500s).
            with self.amend():
                added = self._add_route(route, handler, name, strict, overwrite)
                self.router.finalize()
            return added
        return self._add_route(route, handler, name, strict, overwrite)

    def _add_route(
        self, route: FutureRoute, handler: Any, name: str, strict: Any, overwrite: bool
    ) -> list[Any]:
        uri = route.uri if route.websocket else typed_uri(route.uri, route.handler)
        added = self.router.add(
            uri=uri,
            methods=route.methods or frozenset({"GET"}),
            handler=handler,
            host=route.host,
            strict_slashes=bool(strict),
            stream=route.stream,
            ignore_body=route.ignore_body,
            version=route.version,
            name=name,
            unquote=route.unquote,
            static=route.static,
            version_prefix=route.version_prefix,
            overwrite=overwrite,
            error_format=route.error_format,
        )
        routes = added if isinstance(added, list) else [added]
        for one in routes:
            # As Sanic: names are compared by the route's ident, which for a route served
            # on several hosts carries the host (a name shared with it is no duplicate).
            ident = getattr(one.extra, "ident", None) or name
            previous = self._route_names.get(ident)
            if previous is not None and previous[0] is not route:
                # An overwrite that replaced the earlier route of the name leaves no
                # duplicate; one on another path does (Sanic counts the routes served).
                if not overwrite or any(r is previous[1] for r in self.router.routes):
                    self._duplicate_names.add(ident)
            self._route_names[ident] = (route, one)
        for one in routes:
            one.extra.websocket = route.websocket
            one.extra.original_handler = route.handler
            for key, value in route.route_context.items():
                setattr(one.ctx, key, value)
        return routes

    def _apply_static(self, static: FutureStatic) -> list[Any]:
        path = static.file_or_directory
        if static.resource_type is None:
            # As Sanic: anything but an existing file is a folder, so one created after
            # start-up (a build output) is served.
            is_folder = not path.is_file()
        else:
            is_folder = static.resource_type == "dir"
        # As Sanic: TypeError when the path is not what resource_type says (a folder
        # that does not exist yet may still be declared one).
        if static.resource_type == "file" and not path.is_file():
            raise TypeError(f"Resource type improperly identified as file. '{path}'")
        if static.resource_type == "dir" and path.is_file():
            raise TypeError(f"Resource type improperly identified as directory. '{path}'")
        uri = static.uri
        if is_folder:
            uri = uri.rstrip("/") + "/<__file_uri__:path>"
        handler = StaticHandler(
            path,
            is_folder=is_folder,
            use_modified_since=static.use_modified_since,
            use_content_range=static.use_content_range,
            stream_large_files=static.stream_large_files,
            content_type=static.content_type,
            directory_handler=static.directory_handler,
            follow_external_symlink_files=static.follow_external_symlink_files,
            follow_external_symlink_dirs=static.follow_external_symlink_dirs,
        )
        future = FutureRoute(
            handler,
            uri,
            frozenset({"GET", "HEAD"}),
            static.host,
            static.strict_slashes,
            False,
            None,
            static.name,
            False,
            False,
            None,
            False,
            True,
            "/v",
            None,
            {},
        )
        return self._apply_route(future)

    def _apply_middleware(self, middleware: FutureMiddleware) -> Any:
        # As Sanic: middleware added once the app has started (a server listener adding
        # some) runs from the next request on; the chains are built again then.
        # As Sanic, the decorators register their record through ``register_middleware``:
        # a subclass or an APM agent wrapping it sees them all.
        self.register_middleware(middleware.middleware, middleware.attach_to)
        return middleware.middleware

    def _apply_listener(self, listener: FutureListener) -> Any:
        self._listeners.add(listener.listener, listener.event, listener.priority)
        return listener.listener

    def _apply_exception_handler(self, handler: FutureException) -> Any:
        for exception in handler.exceptions:
            self.error_handler.add(exception, handler.handler)
        return handler.handler

    def _apply_signal(self, signal: FutureSignal) -> Any:
        event = SignalRouter.format_event(signal.event)
        self._signal_events.add(event)
        if event.startswith("http.lifecycle.") and self._pipeline is not None:
            # Connections read the hook when they open: set it now, not at the next start.
            self.lifecycle_hook = self._lifecycle_hook
        with self.amend():  # a late signal is served from the next request on (as Sanic)
            # As Sanic: a signal defined on the app has a condition, {} when none is given
            # (so a dispatch with condition={} runs it; one added on the router does not).
            added = self.signal_router.add(
                signal.handler,
                signal.event,
                signal.condition if signal.condition is not None else {},
                signal.exclusive,
                priority=signal.priority,
            )
        if self.state.is_started:
            # As Sanic: a started app's signal router is finalized again at once.
            self.signal_router.freeze()
        return added

    def register_middleware(
        self,
        middleware: Callable[..., Any] | Middleware,
        attach_to: str = "request",
        *,
        priority: int | None = None,
    ) -> Callable[..., Any] | Middleware:
        """Register app-wide middleware (non-decorator form); returns ``middleware``.

        ``middleware`` may be a ``Middleware`` record: it is listed itself (once), unless
        ``priority`` is given (a new record of its function, with that priority);
        ``attach_to`` says where it runs.
        """
        with self.amend():  # on a started app: from the next request on, as Sanic
            self._middleware.add(
                middleware, location_name(attach_to), priority=_int_or_none(priority)
            )
        return middleware

    def register_named_middleware(
        self,
        middleware: Callable[..., Any] | Middleware,
        route_names: Iterable[str],
        attach_to: str = "request",
        *,
        priority: int | None = None,
    ) -> Callable[..., Any] | Middleware:
        """Register middleware that runs only for the routes named ``route_names``."""
        as_location(location_name(attach_to))  # as Sanic: a bad location is said first
        given = list(route_names)
        names = [self._build_endpoint_name(n) for n in given]
        with self.amend():
            self._middleware.add(
                middleware,
                location_name(attach_to),
                priority=_int_or_none(priority),
                route_names=names,
                named=given,
            )
        return middleware

    def enable_websocket(self, enable: bool = True) -> None:
        """Mark the app as serving websockets (done by any websocket route)."""
        self.websocket_enabled = enable

    # --- blueprints --------------------------------------------------------------------------
    def blueprint(
        self,
        blueprint: Blueprint | BlueprintGroup | Iterable[Blueprint | BlueprintGroup],
        *,
        url_prefix: str | None = None,
        version: int | float | str | None = None,
        strict_slashes: bool | None = None,
        version_prefix: str | None = None,
        name_prefix: str | None = None,
    ) -> None:
        """Register a blueprint, a group, or a list of them, on this app."""
        options = {
            key: value
            for key, value in (
                ("url_prefix", url_prefix),
                ("version", version),
                ("strict_slashes", strict_slashes),
                ("version_prefix", version_prefix),
                ("name_prefix", name_prefix),
            )
            if value is not None
        }
        if isinstance(blueprint, BlueprintGroup):
            for bp, bp_options in blueprint.registration_plan(options):
                self._register_blueprint(bp, bp_options)
            return
        if isinstance(blueprint, (list, tuple)):
            for item in blueprint:
                self.blueprint(item, **options)
            return
        if not isinstance(blueprint, Blueprint):
            raise NotABlueprint(
                f"app.blueprint() takes a Blueprint, a group or a list of them, not {blueprint!r}"
            )
        self._register_blueprint(blueprint, options)

    def _register_blueprint(self, bp: Blueprint, options: dict[str, Any]) -> None:
        existing = self._check_blueprint_name(bp)
        if existing is None:
            # Listed first, as Sanic: a blueprint whose routes are refused stays listed.
            self.blueprints[bp.name] = bp
            self._blueprint_order.append(bp)
        bp.register(self, options)

    def _check_blueprint_name(self, bp: Blueprint) -> Blueprint | None:
        """The blueprint registered under ``bp``'s name (``bp`` itself or None); another
        blueprint of that name is refused, before any of ``bp``'s routes is added."""
        existing = self.blueprints.get(bp.name)
        if existing is not None and existing is not bp:
            raise DuplicateBlueprintName(
                f'A blueprint with the name "{bp.name}" is already registered.  Blueprint '
                "names must be unique."
            )
        return existing

    # --- url building ------------------------------------------------------------------------
    def url_for(self, view_name: str, **kwargs: Any) -> str:
        """Build the URL of the route named ``view_name`` (``"handler"`` or ``"bp.handler"``).

        Extra keyword arguments become the query string (lists repeat the key);
        ``_anchor``, ``_external``, ``_scheme``, ``_server`` and ``_method`` are special.
        """
        return build_url(self, view_name, kwargs)

    # --- tasks -------------------------------------------------------------------------------
    def add_task(self, task: Any, *, name: str | None = None, register: bool = True) -> Any:
        """Run a coroutine (or a callable returning one) as a background task."""
        return self._task_registry.add(task, name=name, register=register)

    def get_task(self, name: str, *, raise_exception: bool = True) -> asyncio.Task[Any] | None:
        """The background task named ``name`` (the future itself for one given to
        ``add_task``). Annotated as Sanic's: user code calls Task methods on it."""
        return self._task_registry.get(name, raise_exception=raise_exception)  # type: ignore[return-value]

    async def cancel_task(
        self, name: str, msg: str | None = None, *, raise_exception: bool = True
    ) -> None:
        """Cancel the background task named ``name`` and wait for it."""
        await self._task_registry.cancel(name, msg, raise_exception=raise_exception)

    def purge_tasks(self) -> None:
        """Forget the background tasks that have finished."""
        self._task_registry.purge()

    def shutdown_tasks(self, timeout: float | None = None, increment: float = 0.1) -> None:
        """Cancel every background task (a plain method, as Sanic's: call it, not await).

        Called where the app's loop is not running (after a run), it also runs that loop
        until the tasks end, for up to ``timeout`` seconds (``GRACEFUL_SHUTDOWN_TIMEOUT``
        by default); on the running loop the tasks end at its next steps.
        """
        if timeout is None:
            timeout = self.config.GRACEFUL_SHUTDOWN_TIMEOUT
        self._task_registry.cancel_all(timeout)

    # --- signals -----------------------------------------------------------------------------
    async def dispatch(
        self,
        event: str,
        *,
        condition: dict[str, str] | None = None,
        context: dict[str, Any] | None = None,
        fail_not_found: bool = True,
        inline: bool = False,
        reverse: bool = False,
    ) -> Any:
        """Dispatch the signal ``event`` to its handlers."""
        # (a handler's error is reported to server.exception.report by the router)
        return await self.signal_router.dispatch(
            event,
            context=context,
            condition=condition,
            fail_not_found=fail_not_found,
            inline=inline,
            reverse=reverse,
        )

    async def event(
        self,
        event: str,
        timeout: float | None = None,
        *,
        condition: dict[str, Any] | None = None,
        exclusive: bool = True,
    ) -> Any:
        """Wait until the signal ``event`` is dispatched (``None`` on timeout).

        ``event`` may name a dynamic definition (``"a.b.<x:int>"``) or use ``*`` for any
        part; with ``EVENT_AUTOREGISTER`` an event without signals is registered first.
        """
        waiter = getattr(self.signal_router, "wait_for", None)
        if waiter is None:
            raise NotImplementedError("This signal router cannot wait for events")
        if self.config.EVENT_AUTOREGISTER and not self.signal_router.can_wait(event):
            self.add_signal(None, event)
        # As Sanic, whose server listeners are signals of these events: one with listeners
        # can be waited for.
        step = _SERVER_SIGNALS.get(self.signal_router.format_event(event))
        if step is not None and step in self._listeners:
            return await waiter(
                event, timeout=timeout, condition=condition, exclusive=exclusive, dispatched=True
            )
        return await waiter(event, timeout=timeout, condition=condition, exclusive=exclusive)

    # --- start-up ----------------------------------------------------------------------------
    def finalize(self) -> None:
        """Compile the router and build every route's middleware chain (once)."""
        if not self.router.finalized:
            self.router.finalize()
        fallback = self.config.FALLBACK_ERROR_FORMAT
        # As Sanic: app.request_middleware/response_middleware become records ordered by
        # priority, then definition (before the chains, so both see the same records).
        self._middleware.sort_app_wide()
        for route in self.router.routes:
            extra = route.extra
            request_chain, response_chain = self._middleware.chains_for(route.name)
            extra.request_middleware = request_chain
            extra.response_middleware = response_chain
            # PERF: decided here, read per request: await or call, read the body or not.
            extra.handler_is_async = is_coroutine_callable(route.handler)
            extra.read_body = not (extra.ignore_body or extra.stream)
            # The format error pages use: the route's own, else guessed from the handler
            # (kept apart, so route.extra.error_format stays what was given, as in Sanic).
            if extra.error_format in (None, "", "auto"):
                # As Sanic: a route left on "auto" shows the format its handler's
                # source returns (``request.route.extra.error_format``).
                extra.error_format = _guess_error_format(extra, "") or extra.error_format
            extra.resolved_error_format = extra.error_format or _guess_error_format(extra, fallback)
        # As Sanic, ``signal_router.finalize()`` needs a running loop; start-up may not.
        freeze = getattr(self.signal_router, "freeze", None)
        freeze() if freeze is not None else self.signal_router.finalize()
        self._finalized = True

    async def _startup(self) -> None:
        """Finalize once and choose the request pipeline (run by every runner)."""
        _check_uvloop_setting(self)
        _check_timeouts(self.config)
        from hurtle_app.extend import auto_extend, display_ext

        if self._ext is None:
            # Sanic loads sanic-ext by itself when it is installed and AUTO_EXTEND is on
            # (it adds routes, so this happens before the router is finalized).
            auto_extend(self)
        # As Sanic, every start lists the loaded extensions ("Sanic Extensions:" lines);
        # composing again for routes a server listener added (sanic-ext's own resets the
        # router) is no new start.
        if not self._recomposing:
            display_ext(self)

        _resolve_touchup(self)
        if self._pipeline is not None:
            if self.router.finalized and self._composed_routes == len(self.router.routes):
                return
            # ``app.router.reset()`` after a run (to add routes): compose again, as Sanic
            # finalizes on every start.
            self._pipeline = None
            self.__dict__.pop("handle_request", None)
        # As Sanic, names are checked at start-up only: a server listener may add routes
        # sharing a name (sanic-ext's automatic TRACE routes, one wrapper function for
        # several paths) and call finalize() again; composing those again (started
        # already) checks nothing.
        if self._duplicate_names and not self.state.is_started:
            if not self.router.finalized:
                # As Sanic: the router's own errors (a parameter named twice...) come first.
                self.router.finalize()
            names = ", ".join(sorted(self._duplicate_names))
            raise ServerError(
                f"Duplicate route names detected: {names}. You should rename one or more of "
                "them explicitly by using the `name` param, or changing the implicit name "
                "derived from the class and function name. For more details, please see "
                "https://sanic.dev/en/guide/release-notes/v23.3.html"
                "#duplicated-route-names-are-no-longer-allowed"
            )
        self.finalize()
        self._composed_routes = len(self.router.routes)
        self._pipeline = RequestPipeline(self)
        self._recomposing = False
        signals = self._signal_events
        if any(e.startswith("http.lifecycle.") for e in signals):
            self.lifecycle_hook = self._lifecycle_hook
        if type(self).handle_request is Sanic.handle_request:
            # PERF: the protocol awaits app.handle_request per request; point it straight
            # at the pipeline (benchmarks/ "hello": one coroutine frame fewer).
            uses_signals = any(e.startswith("http.") for e in signals)
            pipeline = self._pipeline
            object.__setattr__(
                self,
                "handle_request",
                pipeline.handle_with_signals if uses_signals else pipeline.handle,
            )
        self.state.is_started = True

    async def _lifecycle_hook(self, event: str, context: dict[str, Any]) -> None:
        if event in self._signal_events:
            try:
                await self.dispatch(
                    event,
                    context=_lifecycle_context(event, context),
                    inline=True,
                    fail_not_found=False,
                )
            except Exception as error:
                # (the dispatch reported the error to report_exception handlers; a
                # connection handler's is then logged by the server, which closes the
                # connection, a request's answered by the error handling)
                if isinstance(error, ServiceUnavailable) and event == "http.lifecycle.request":
                    with contextlib.suppress(AttributeError):
                        unavailable_skips_middleware(context["request"])
                raise

    async def _report_exception(self, error: BaseException) -> None:
        """Dispatch ``server.exception.report`` for ``error`` (if anything listens)."""
        if REPORT_EVENT in self._signal_events:
            try:
                await self.dispatch(
                    REPORT_EVENT,
                    context={"exception": error},
                    inline=True,
                    fail_not_found=False,
                )
            except Exception:  # the original error is the one to raise
                error_logger.exception("Exception occurred while reporting an exception")

    async def _server_event(
        self, concern: str, action: str, loop: asyncio.AbstractEventLoop | None = None,
        *, stop_tasks: bool = True,
    ) -> None:
        """Run the listeners (and signals) of a server lifecycle step; ``stop_tasks=False``:
        the app's tasks outlive the stop (sanic-testing's ASGI client leaves them to the
        end of the event loop, as Sanic's does)."""
        try:
            event = _SERVER_EVENTS[(concern, action)]
        except KeyError:
            raise ValueError(f"Unknown server event {concern}.{action}") from None
        loop = loop or asyncio.get_running_loop()
        if event == "after_server_stop" and stop_tasks:
            await self._task_registry.shutdown(timeout=1.0, quiet=not self.state.asgi)
            self._task_registry.stopping_on = loop
        elif event == "before_server_start":
            self._task_registry.starting = True
        try:
            await self._run_server_event(event, f"server.{concern}.{action}", loop)
        except Exception as error:
            # As Sanic: a failing server listener is reported before it stops the server.
            await self._report_exception(error)
            raise
        finally:
            if event == "after_server_stop":
                self._task_registry.stopping_on = None
        if event == "before_server_start":
            # Tasks its listeners started get their first step now, before the server
            # listens, as in Sanic: one waiting for "server.init.after" is then woken by
            # it. Tasks added before the run are started by the after_server_start
            # listener the first of them registered (dispatch_delayed_tasks).
            await asyncio.sleep(0)
            self._task_registry.bind(loop)

    async def _run_server_event(
        self, event: str, signal_name: str, loop: asyncio.AbstractEventLoop
    ) -> None:
        """The listeners of ``event`` and the signal handlers of ``signal_name`` as one
        list, as in Sanic: by priority, then in the order they were registered, the whole
        list reversed for the shutdown events."""
        router = self.signal_router
        signals = router.resolved(signal_name) if signal_name in self._signal_events else ()
        context = {"app": self, "loop": loop}
        router.notify(signal_name, context)
        if not signals:
            await self._listeners.run(event, self, loop)
            return
        steps: list[tuple[int, int, bool, Any]] = [
            (item.priority, item.order, True, item) for item in self._listeners.entries(event)
        ]
        steps += [(signal.priority, signal.order, False, signal) for signal in signals]
        steps.sort(key=lambda step: (-step[0], step[1]))
        if signal_name.startswith("server.shutdown."):
            steps.reverse()
        for _, _, is_listener, item in steps:
            if is_listener:
                await self._listeners.call(item, event, self, loop)
            else:
                await router.run_one(item, context)

    # --- serving -----------------------------------------------------------------------------
    async def create_server(
        self,
        host: str | None = None,
        port: int | None = None,
        *,
        debug: bool = False,
        ssl: Any = None,
        sock: Any = None,
        protocol: Any = None,
        backlog: int = 100,
        access_log: bool | None = None,
        unix: str | None = None,
        return_asyncio_server: bool = True,
        asyncio_server_kwargs: dict[str, Any] | None = None,
        noisy_exceptions: bool | None = None,
    ) -> serving.AsyncioServer | None:
        """Bind a server on the running loop; returns an ``AsyncioServer`` to drive."""
        return await serving.create_server(
            self,
            host,
            port,
            debug=debug,
            ssl=ssl,
            sock=sock,
            protocol=protocol,
            backlog=backlog,
            access_log=access_log,
            unix=unix,
            return_asyncio_server=return_asyncio_server,
            asyncio_server_kwargs=asyncio_server_kwargs,
            noisy_exceptions=noisy_exceptions,
        )

    def run(
        self,
        host: str | None = None,
        port: int | None = None,
        *,
        dev: bool = False,
        debug: bool = False,
        auto_reload: bool | None = None,
        version: Any = 1,
        ssl: Any = None,
        sock: Any = None,
        workers: int = 1,
        protocol: Any = None,
        backlog: int = 100,
        register_sys_signals: bool = True,
        access_log: bool | None = None,
        unix: str | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        reload_dir: Any = None,
        noisy_exceptions: bool | None = None,
        motd: bool = True,
        fast: bool = False,
        verbosity: int = 0,
        motd_display: dict[str, str] | None = None,
        auto_tls: bool = False,
        single_process: bool = False,
    ) -> None:
        """Serve in this process (``single_process=True``) until SIGINT/SIGTERM/``stop()``."""
        if not single_process or workers != 1 or auto_reload or dev or fast:
            raise SanicException(
                "hurtle_app serves in a single process only: call "
                "app.run(..., single_process=True). Running several workers, the reloader, "
                "dev or fast mode needs the `sanic` meta-package (from sanic import Sanic)."
            )
        self.state.mode = Mode.DEBUG if debug else Mode.PRODUCTION
        self.state.verbosity = verbosity
        if sock is None and unix is None:
            host = host or "127.0.0.1"
            port = 8000 if port is None else port
        self._runner = serving.SingleProcessRunner(self)
        self._runner.run(
            host,
            port,
            ssl=ssl,
            sock=sock,
            unix=unix,
            protocol=protocol,
            backlog=backlog,
            register_sys_signals=register_sys_signals,
            loop=loop,
            access_log=access_log,
            noisy_exceptions=noisy_exceptions,
            debug=debug,
            motd=motd,
        )

    def stop(self, terminate: bool = True, unregister: bool = False) -> None:
        """Stop a server started by ``run`` (thread-safe)."""
        if self._runner is not None:
            self._runner.stop()
        if unregister:
            self.unregister_app(self)

    # --- ASGI --------------------------------------------------------------------------------
    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Serve as an ASGI 3 application (``uvicorn module:app``)."""
        from hurtle_app.asgi import ASGIApp

        await ASGIApp.create(self, scope, receive, send)


def _check_timeouts(config: Any) -> None:
    """Refuse, at start-up, a timeout every connection would fail on.

    Each connection reads these as numbers of seconds; a value that is not one would drop
    every connection as it opens (or, for ``GRACEFUL_SHUTDOWN_TIMEOUT``, fail the stop).
    (Sanic serves, and logs a ``TypeError`` on every timeout check instead: the timeout is
    never applied; it fails at the stop on a graceful one.)
    """
    for key in (
        "REQUEST_TIMEOUT",
        "RESPONSE_TIMEOUT",
        "KEEP_ALIVE_TIMEOUT",
        "GRACEFUL_TCP_CLOSE_TIMEOUT",
        "GRACEFUL_SHUTDOWN_TIMEOUT",
    ):
        value = config.get(key)
        try:
            float(value)
        except (TypeError, ValueError):
            raise TypeError(
                f"config.{key} is a number of seconds, such as 60 or 0.5, not {value!r}"
            ) from None


def _check_uvloop_setting(app: Sanic) -> None:
    """As Sanic: an app started while another app of this process (any in the app
    registry) has another ``USE_UVLOOP`` (the default counting as a setting of its own)
    logs a warning; one loop serves them all."""
    setting = _uvloop_setting(app)
    if any(_uvloop_setting(other) != setting for other in app._app_registry.values()):
        error_logger.warning(
            "It looks like you're running several apps with different uvloop settings. "
            "This is not supported and may lead to unintended behaviour."
        )


def _uvloop_setting(app: Sanic) -> Any:
    setting = app.config.get("USE_UVLOOP", _default)
    return _default if isinstance(setting, Default) else setting


def _own_config(config: Any) -> Any:
    """The ``config=`` object an app keeps, or None for a fresh ``Config``.

    As Sanic: a false value ({}) means the defaults, and any other object must take
    attributes (Sanic sets ``AUTO_RELOAD`` on it; a plain dict or a number cannot).
    """
    if config is None or isinstance(config, Config):
        return config
    if not config:
        return None
    try:
        config.AUTO_RELOAD = getattr(config, "AUTO_RELOAD", False)
    except AttributeError:
        raise ConfigNotAccepted(
            f"Sanic(config=...) takes a Config object (sanic.config.Config), not {config!r}; "
            "to load settings from a dict, a file or an object, use app.update_config()"
        ) from None
    return config


def _head_of(request: Any) -> bytes:
    """The request head without its final blank line (rebuilt from the parsed parts when the
    parser kept no copy of the bytes: same line and fields, normalised spacing)."""
    if request is None:
        return b""
    return request.head


def _lifecycle_context(event: str, context: dict[str, Any]) -> dict[str, Any]:
    """The arguments Sanic gives each connection-level ``http.lifecycle.*`` signal."""
    request = context.get("request")
    if event in ("http.lifecycle.begin", "http.lifecycle.complete"):
        # (once per connection: the server gives its conn_info, there is no request)
        return {"conn_info": context.get("conn_info")}
    if event == "http.lifecycle.read_head":
        return {"head": _head_of(request)}
    if event == "http.lifecycle.send":
        return {"data": context.get("data", b"")}
    if event == "http.lifecycle.read_body":
        return {"body": context.get("data", b"")}
    return {"request": request}


adopt_sanic_qualnames(Sanic)
adopt_sanic_qualnames(Blueprint)

__all__ = ["Sanic"]
