"""Route names for handlers that have no usable name of their own (mocks in tests)."""

from __future__ import annotations

from functools import partial
from unittest.mock import Mock

import pytest

from hurtle_app import Blueprint, Sanic


def test_a_given_name_is_used_without_looking_at_the_handler() -> None:
    # Route-discovery helpers are tested with Mock() handlers and explicit names.
    app = Sanic("mock_named")
    app.add_route(Mock(), "/items/<id>", name="listing")
    assert [r.name for r in app.router.routes] == ["mock_named.listing"]
    assert app.url_for("listing", id=3) == "/items/3"


def test_a_given_name_on_a_blueprint_route_with_a_mock_handler() -> None:
    app = Sanic("mock_bp")
    bp = Blueprint("parts")
    bp.add_route(Mock(), "/p", name="one")
    app.blueprint(bp)
    assert app.url_for("parts.one") == "/p"


@pytest.mark.parametrize("handler", [Mock(), Mock(view_class=object())])
def test_no_name_and_a_view_class_without_one_is_a_value_error(handler: Mock) -> None:
    app = Sanic("mock_unnamed")
    with pytest.raises(ValueError, match="Could not generate a name for handler"):
        app.add_route(handler, "/y")


class _CallableHandler:
    async def __call__(self, request: object) -> None:
        return None


def test_a_callable_instance_needs_a_given_name() -> None:
    # As Sanic: an instance has no name of its own to make a route name from.
    app = Sanic("instance_unnamed")
    with pytest.raises(ValueError, match="Could not generate a name for handler"):
        app.add_route(_CallableHandler(), "/c")
    app.add_route(_CallableHandler(), "/c", name="called")
    assert app.url_for("called") == "/c"


async def _wrapped(request: object, x: int = 1) -> None:
    return None


def test_a_partial_needs_a_given_name() -> None:
    # As Sanic: a partial's function does not name the route (generate_name refuses it too).
    app = Sanic("partial_unnamed")
    with pytest.raises(ValueError, match="Could not generate a name for handler"):
        app.add_route(partial(_wrapped, x=2), "/p")
    bp = Blueprint("parts_p")
    with pytest.raises(ValueError, match="Could not generate a name for handler"):
        bp.add_route(partial(_wrapped, x=2), "/p")
    app.add_route(partial(_wrapped, x=2), "/p", name="wrapped")
    assert app.url_for("wrapped") == "/p"


def test_a_subclass_generate_name_sees_a_partial_handler() -> None:
    class NamingApp(Sanic):
        def generate_name(self, *objects: object) -> str:
            for obj in objects:
                if isinstance(obj, partial):
                    return f"{self.name}.p_{obj.func.__name__}"
            return super().generate_name(*objects)

    app = NamingApp("partial_named_by_subclass")
    app.add_route(partial(_wrapped, x=2), "/p")
    assert [r.name for r in app.router.routes] == ["partial_named_by_subclass.p__wrapped"]
