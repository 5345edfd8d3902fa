"""App and blueprint names, and the app registry's messages."""

from __future__ import annotations

import pytest

from hurtle_app.naming import AppRegistry, validate_name
from hurtle_http.exceptions import SanicException, URLBuildError


@pytest.mark.parametrize("name", ["bad name", "1abc", "a.b", "", "-a", "é", "/srv/app.py"])
def test_invalid_names_are_refused_with_the_rule(name: str) -> None:
    with pytest.raises(SanicException, match="must begin with a character"):
        validate_name("Sanic", name)


@pytest.mark.parametrize("name", [5, 1.5, b"app"])
def test_a_name_that_is_not_a_str_is_a_type_error(name: object) -> None:
    # Code written for Sanic catches TypeError here.
    with pytest.raises(TypeError, match="name must be a str, got"):
        validate_name("Sanic", name)


@pytest.mark.parametrize("name", ["ok", "ok-name", "ok_name", "App2", "_private", "__init__", "_"])
def test_valid_names_pass(name: str) -> None:
    """A leading underscore is allowed, as in Sanic (``Blueprint("__init__")``)."""
    assert validate_name("Blueprint", name) == name


@pytest.mark.parametrize("name", ["__main__", "_private", "_"])
def test_a_name_may_begin_with_an_underscore(name: str) -> None:
    # Sanic(__name__) in a script run directly is named "__main__".
    assert validate_name("Sanic", name) == name
    assert validate_name("Blueprint", name) == name


class _App:
    def __init__(self, name: str) -> None:
        self.name = name


def test_missing_app_error_is_sanics_message() -> None:
    registry = AppRegistry({})
    registry.register(_App("alpha"), test_mode=False)
    with pytest.raises(SanicException) as info:
        registry.get("gamma", False, _App)
    assert str(info.value) == (
        "Sanic app name 'gamma' not found.\n"
        "App instantiation must occur outside if __name__ == '__main__' block or by using "
        "an AppLoader.\nSee https://sanic.dev/en/guide/deployment/app-loader.html for more "
        "details."
    )


def test_registry_messages_match_sanic() -> None:
    registry = AppRegistry({}, _App)
    registry.register(_App("alpha"), test_mode=False)
    with pytest.raises(SanicException) as info:
        registry.register(_App("alpha"), test_mode=False)
    assert str(info.value) == 'Sanic app name "alpha" already in use.'
    registry.register(_App("beta"), test_mode=False)
    with pytest.raises(SanicException) as info:
        registry.get(None, False, _App)
    assert str(info.value) == 'Multiple Sanic apps found, use Sanic.get_app("app_name")'
    with pytest.raises(SanicException, match="^Registered app must be an instance of Sanic$"):
        registry.register(object(), test_mode=False)


def test_unnamed_app_message() -> None:
    with pytest.raises(SanicException, match="^Sanic instance cannot be unnamed"):
        validate_name("Sanic", None)


def test_duplicate_app_name_is_an_error_outside_test_mode() -> None:
    registry = AppRegistry({})
    registry.register(_App("alpha"), test_mode=False)
    with pytest.raises(SanicException, match="already in use"):
        registry.register(_App("alpha"), test_mode=False)
    registry.register(_App("alpha"), test_mode=True)


def test_get_without_name_needs_exactly_one_app() -> None:
    registry = AppRegistry({})
    with pytest.raises(SanicException, match="No Sanic apps"):
        registry.get(None, False, _App)
    only = _App("only")
    registry.register(only, test_mode=False)
    assert registry.get(None, False, _App) is only
    registry.register(_App("other"), test_mode=False)
    with pytest.raises(SanicException, match="Multiple Sanic apps"):
        registry.get(None, False, _App)


def test_force_create_builds_a_missing_app() -> None:
    registry = AppRegistry({})
    created = registry.get("fresh", True, _App)
    assert created.name == "fresh"


async def test_a_subclass_generate_name_names_the_routes(send_to) -> None:
    from hurtle_app import Blueprint, Sanic
    from hurtle_http.response import text

    class RenamingApp(Sanic):
        def generate_name(self, *objects):
            return self._generate_name(*objects).replace("Shop", "Store")

    class RenamingBlueprint(Blueprint):
        def generate_name(self, *objects):
            return self._generate_name(*objects).replace("cart", "basket")

    app = RenamingApp("Shop", configure_logging=False)
    bp = RenamingBlueprint("cart", url_prefix="/cart")

    async def show(request):
        return text(request.name)

    app.add_route(show, "/")
    bp.add_route(show, "/")
    app.blueprint(bp)
    assert (await send_to(app, "GET", "/")).text == "Store.show"
    assert (await send_to(app, "GET", "/cart/")).text == "Store.basket.show"


def test_url_for_finds_routes_a_subclass_renamed_by_their_usual_names() -> None:
    from hurtle_app import Blueprint, Sanic
    from hurtle_http.response import text

    class UpperApp(Sanic):
        def generate_name(self, *objects):
            return self._generate_name(*objects).upper()

    app = UpperApp("Shop", configure_logging=False)
    bp = Blueprint("cart", url_prefix="/cart")

    async def show(request):
        return text(request.name)

    app.add_route(show, "/")
    app.add_route(show, "/named", name="listing")
    bp.add_route(show, "/")
    app.blueprint(bp)
    assert app.url_for("show") == "/"
    assert app.url_for("Shop.show") == "/"
    assert app.url_for("SHOP.SHOW") == "/"
    assert app.url_for("listing") == "/named"
    assert app.url_for("cart.show") == "/cart"
    with pytest.raises(URLBuildError):
        app.url_for("missing")


def test_a_subclass_generate_name_gets_the_given_name_and_the_handler() -> None:
    from hurtle_app import Sanic
    from hurtle_http.response import text

    received: list[tuple[object, ...]] = []

    class RecordingApp(Sanic):
        def generate_name(self, *objects):
            received.append(objects)
            return self._generate_name(*objects)

    app = RecordingApp("Recorder", configure_logging=False)

    async def listing(request):
        return text("")

    app.add_route(listing, "/")
    app.add_route(listing, "/named", name="named")
    assert received == [(None, listing), ("named", listing)]
    assert sorted(route.name for route in app.router.routes) == [
        "Recorder.listing", "Recorder.named"
    ]
