"""Route arguments Sanic refuses, refused here with the same exception type, at the same
point (decorator or blueprint registration), and a message saying what to write instead."""

from __future__ import annotations

import pytest

from hurtle_app import Sanic
from hurtle_app.blueprints import Blueprint
from hurtle_http.response import text
from sanic_routing.exceptions import BadMethod


async def handler(request):
    return text("x")


def test_methods_as_one_string_is_refused_at_the_decorator(app: Sanic) -> None:
    # Sanic reads "GET" as the methods G, E and T and raises BadMethod.
    with pytest.raises(BadMethod, match=r"methods=\['GET'\], not the string 'GET'"):
        app.route("/", methods="GET")
    with pytest.raises(BadMethod, match="not the string 'post'"):
        app.add_route(handler, "/a", methods="post")
    assert not app.router.routes


def test_a_bad_host_is_reported_before_methods_given_as_a_string(app: Sanic) -> None:
    # As Sanic: with host=[] and methods="GET,POST" the host's TypeError comes first.
    with pytest.raises(TypeError, match="host="):
        app.route("/", methods="GET,POST", host=[])
    with pytest.raises(TypeError, match="host="):
        app.add_route(handler, "/a", methods="post", host=[])
    assert not app.router.routes


def test_blueprint_methods_as_one_string_is_refused_on_registration(app: Sanic) -> None:
    bp = Blueprint("bp")
    bp.route("/x", methods="POST")(handler)  # as Sanic: the blueprint does not check
    with pytest.raises(BadMethod, match=r"methods=\['POST'\]"):
        app.blueprint(bp)


@pytest.mark.parametrize("version", [[1], {}, {1}])
def test_an_unhashable_version_is_a_type_error_at_the_decorator(app: Sanic, version) -> None:
    with pytest.raises(TypeError, match="version is a number or a string"):
        app.get("/a", version=version)(handler)
    with pytest.raises(TypeError, match="version is a number or a string"):
        Blueprint("bp").get("/a", version=version)(handler)


def test_a_blueprint_version_list_is_a_type_error_on_registration(app: Sanic) -> None:
    bp = Blueprint("bp", version=[1])
    bp.get("/a")(handler)
    with pytest.raises(TypeError, match=r"not \[1\]"):
        app.blueprint(bp)


@pytest.mark.parametrize("host", [[], set()])
def test_an_empty_host_list_is_a_type_error(app: Sanic, host) -> None:
    # Otherwise the route would be registered for no host at all, unreachable.
    with pytest.raises(TypeError, match="non-empty list of host names"):
        app.get("/", host=host)(handler)


@pytest.mark.parametrize("thing", [5, None, object(), [Blueprint("ok"), "bp"]])
def test_registering_what_is_not_a_blueprint_names_it(app: Sanic, thing) -> None:
    # Sanic fails with an AttributeError (or recurses on a string); ours is also a TypeError.
    with pytest.raises(AttributeError, match="takes a Blueprint, a group or a list of them"):
        app.blueprint(thing)
    with pytest.raises(TypeError, match="not "):
        app.blueprint(thing)


@pytest.mark.parametrize("name", [5, 5.5, object()])
def test_a_route_name_that_is_not_a_str_is_passed_over_for_the_handlers(
    app: Sanic, name
) -> None:
    # As Sanic: the route works, named after its handler.
    app.get("/", name=name)(handler)
    app.router.finalize()
    assert [route.name for route in app.router.routes] == ["TestApp.handler"]
    assert app.url_for("handler") == "/"


def test_a_blueprint_route_name_that_is_not_a_str_is_passed_over(app: Sanic) -> None:
    bp = Blueprint("bp")
    bp.get("/", name=5)(handler)
    app.blueprint(bp)
    assert app.url_for("bp.handler") == "/"
