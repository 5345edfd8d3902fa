"""Misuse Sanic answers with a bare Python error ('int' object has no attribute ...):
the same exception type here, at the same moment, with a message saying what to write."""

from __future__ import annotations

import pytest

from hurtle_app import Sanic
from hurtle_app.blueprints import Blueprint
from hurtle_app.config import Config
from hurtle_app.views import HTTPMethodView
from hurtle_http.response import text


async def handler(request):
    return text("x")


@pytest.mark.parametrize("uri", [None, 5])
def test_a_route_uri_that_is_not_a_str(app: Sanic, uri) -> None:
    # Sanic: AttributeError ('NoneType' object has no attribute 'startswith').
    with pytest.raises(AttributeError, match=rf"uri is a str such as '/path', not {uri}$"):
        app.route(uri)
    with pytest.raises(TypeError, match="uri is a str"):
        Blueprint("bp").get(uri)


def test_a_blueprint_url_prefix_that_is_not_a_str() -> None:
    with pytest.raises(AttributeError, match="url_prefix is a str such as '/api', not 5"):
        Blueprint("bp", url_prefix=5)
    assert Blueprint("bp", url_prefix=None).url_prefix is None


def test_a_group_url_prefix_that_is_not_a_str() -> None:
    # Sanic builds the path "5/..." from it; this is refused like a blueprint's, as soon as
    # the group is made (an AttributeError as before, now saying what to write).
    with pytest.raises(AttributeError, match="group's url_prefix is a str such as '/api'"):
        Blueprint.group(Blueprint("bp"), url_prefix=5)


def test_config_update_with_what_is_not_a_dict() -> None:
    config = Config(env_prefix=None)
    with pytest.raises(TypeError, match=r"takes dicts or KEY=value arguments, not 5$"):
        config.update(5)
    config.update([("A", 1)], B=2)  # pairs are a dict's input too, as in Sanic
    assert (config.A, config.B) == (1, 2)


@pytest.mark.parametrize("source", [5, None, 1.5])
def test_update_config_with_what_holds_no_settings(source) -> None:
    # Sanic: AttributeError ('int' object has no attribute '__dict__').
    with pytest.raises(AttributeError, match=r"takes a dict, a path to a Python file, .*not"):
        Config(env_prefix=None).update_config(source)


async def test_a_middleware_priority_that_is_not_a_number_fails_the_start(app: Sanic) -> None:
    @app.on_request(priority="high")
    async def authenticate(request):
        pass

    app.get("/")(handler)
    # As Sanic, the start fails with a TypeError; this one names the middleware.
    with pytest.raises(TypeError, match="authenticate has priority='high'"):
        await app._startup()


@pytest.mark.parametrize(("condition", "error"), [("x", ValueError), (5, TypeError)])
def test_a_signal_condition_that_is_not_a_dict(app: Sanic, condition, error) -> None:
    with pytest.raises(error, match=r"condition is a dict, such as condition=\{'key'"):
        app.signal("my.event.happened", condition=condition)(handler)


def test_view_decorators_that_are_not_a_list() -> None:
    class Things(HTTPMethodView):
        decorators = 5

        async def get(self, request):
            return text("x")

    with pytest.raises(TypeError, match=r"^Things.decorators is a list of decorators, not 5$"):
        Things.as_view()

    class Others(Things):
        decorators = (lambda f: f,)

    assert Others.as_view().view_class is Others


@pytest.mark.parametrize("event", [5, None, b"a.b.c"])
def test_a_signal_event_that_is_not_a_string(app: Sanic, event) -> None:
    # Sanic: TypeError ("argument of type 'int' is not iterable") at the decorator.
    decorate = app.signal(event)  # as Sanic: refused when the handler is decorated
    with pytest.raises(TypeError, match=r"signal event is a string .*'my.event.happened'"):
        decorate(handler)
    with pytest.raises(TypeError, match="not "):
        app.add_signal(handler, event)
