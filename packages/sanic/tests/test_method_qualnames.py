"""A wrong keyword to an app or blueprint method names the method as Sanic does.

Python's own argument errors name a method by its ``__qualname__``; Sanic's methods live
on mixins, so code written for it (a removed keyword such as ``static(file_uri=)`` or
``listener(event=)``) fails with ``StaticMixin.static() ...``, ``ListenerMixin.listener()
...`` under Sanic, and now the same here (it said ``Registrar.static() ...``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sanic import Blueprint, Sanic


def _type_error(call: Callable[[], Any]) -> str:
    with pytest.raises(TypeError) as info:
        call()
    return str(info.value)


def test_app_methods_are_named_after_sanics_mixins(tmp_path: Any) -> None:
    app = Sanic("QualnameApp")
    assert _type_error(lambda: app.static("/s", str(tmp_path), file_uri="x")) == (
        "StaticMixin.static() got an unexpected keyword argument 'file_uri'"
    )
    assert _type_error(lambda: app.listener(event="before_server_start")) == (
        "ListenerMixin.listener() got an unexpected keyword argument 'event'"
    )
    assert _type_error(lambda: app.middleware(attach_to="request")).startswith(
        "MiddlewareMixin.middleware() missing 1 required positional argument"
    )
    assert _type_error(lambda: app.add_route(bogus=1)).startswith("RouteMixin.add_route()")
    assert _type_error(lambda: app.after_server_start(bogus=1)).startswith(
        "ListenerMixin.after_server_start()"
    )
    assert _type_error(lambda: app.run(stop_event=None)) == (
        "StartupMixin.run() got an unexpected keyword argument 'stop_event'"
    )
    assert _type_error(lambda: Sanic.serve(bogus=1)).startswith("StartupMixin.serve()")
    assert _type_error(lambda: app.amend(bogus=1)).startswith("Sanic.amend()")
    assert repr(app.get).startswith("<bound method RouteMixin.get of ")


def test_blueprint_methods_are_named_after_sanics_mixins(tmp_path: Any) -> None:
    bp = Blueprint("qualname_bp")
    assert _type_error(lambda: bp.static("/s", str(tmp_path), file_uri="x")) == (
        "StaticMixin.static() got an unexpected keyword argument 'file_uri'"
    )
    assert _type_error(lambda: bp.on_request(bogus=1)).startswith(
        "MiddlewareMixin.on_request()"
    )


def test_renamed_methods_still_pickle_unbound() -> None:
    # pickle finds a function by module and qualified name; the renamed ones resolve.
    import pickle

    for method in (Sanic.get, Sanic.run, Sanic.amend, Sanic.after_server_start,
                   Sanic.handle_request, Blueprint.static, Blueprint.on_request):
        assert pickle.loads(pickle.dumps(method)) is method
