"""Sanic's class names in the qualified names of the app's and blueprints' methods.

Python names a method by its ``__qualname__`` in its own argument errors
(``X.static() got an unexpected keyword argument 'file_uri'``) and in ``repr`` of a bound
method. Sanic defines these methods on mixins (``RouteMixin``, ``ListenerMixin``...);
Hurtle on other classes (``Registrar``, ``Shorthands``, ``AppSurface``...). Each method
below is given the qualified name it has in Sanic, so those messages read the same.
"""

from __future__ import annotations

import sys
from typing import Any

_OWNERS: dict[str, tuple[str, ...]] = {
    "BaseMixin": ("generate_name",),
    "CommandMixin": ("command",),
    "ExceptionMixin": ("all_exceptions", "exception"),
    "ListenerMixin": (
        "after_reload_trigger", "after_server_start", "after_server_stop",
        "before_reload_trigger", "before_server_start", "before_server_stop", "listener",
        "main_process_ready", "main_process_start", "main_process_stop",
        "reload_process_start", "reload_process_stop",
    ),
    "MiddlewareMixin": ("finalize_middleware", "middleware", "on_request", "on_response"),
    "RouteMixin": (
        "add_route", "add_websocket_route", "delete", "get", "head", "options", "patch",
        "post", "put", "route", "websocket",
    ),
    "SignalMixin": ("add_signal", "catch_exception", "signal"),
    "StaticMixin": ("static",),
    "StartupMixin": (
        "create_server", "get_address", "get_motd_data", "get_server_location",
        "make_coffee", "motd", "prepare", "run", "serve", "serve_single", "setup_loop",
        "should_auto_reload", "stop",
    ),
    "Sanic": (
        "ack", "amend", "dispatch_delayed_tasks", "handle_exception", "handle_request",
        "refresh", "register_listener", "report_exception", "run_delayed_task",
        "set_serving", "signalize",
    ),
}

SANIC_OWNER: dict[str, str] = {
    name: owner for owner, names in _OWNERS.items() for name in names
}


def adopt_sanic_qualnames(cls: type) -> None:
    """Rename the listed methods defined on ``cls`` or its Hurtle bases as Sanic's."""
    for klass in cls.__mro__:
        if not klass.__module__.startswith(("hurtle_app", "sanic")):
            continue
        for name, attr in vars(klass).items():
            owner = SANIC_OWNER.get(name)
            if owner is None:
                continue
            func: Any = getattr(attr, "__func__", attr)  # classmethod, staticmethod
            if callable(func) and hasattr(func, "__qualname__"):
                _pickle_alias(klass, owner)
            while callable(func) and hasattr(func, "__qualname__"):
                func.__qualname__ = f"{owner}.{name}"
                # A decorated method (``@contextmanager``) is reported by what it wraps.
                func = getattr(func, "__wrapped__", None)


def _pickle_alias(klass: type, owner: str) -> None:
    # pickle finds a function by module and qualified name: ``<module>.RouteMixin.get``
    # must lead back to it, so the defining module gets the owner's name for the class
    # (unless the name is taken already).
    module = sys.modules.get(klass.__module__)
    if module is not None and not hasattr(module, owner):
        setattr(module, owner, klass)


__all__ = ["SANIC_OWNER", "adopt_sanic_qualnames"]
