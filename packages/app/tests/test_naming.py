"""App and blueprint names, and the app registry's messages."""

from __future__ import annotations

import pytest

from hurtle_app.naming import AppRegistry, validate_name
from hurtle_http.exceptions import SanicException


@pytest.mark.parametrize("name", ["bad name", "1abc", "a.b", ""])
def test_invalid_names_are_refused_with_the_rule(name: str) -> None:
    with pytest.raises(SanicException, match="must begin with a character"):
        validate_name("Sanic", name)


@pytest.mark.parametrize("name", ["ok", "ok-name", "ok_name", "App2"])
def test_valid_names_pass(name: str) -> None:
    assert validate_name("Blueprint", name) == name


class _App:
    def __init__(self, name: str) -> None:
        self.name = name


def test_missing_app_error_lists_known_names() -> None:
    registry = AppRegistry({})
    registry.register(_App("alpha"), test_mode=False)
    registry.register(_App("beta"), test_mode=False)
    with pytest.raises(SanicException, match="'alpha', 'beta'"):
        registry.get("gamma", False, _App)


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
