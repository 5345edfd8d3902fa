"""The package's declared public API is importable and complete."""

import importlib


def test_every_name_in_all_is_importable() -> None:
    mod = importlib.import_module("sanic_routing")
    missing = [name for name in mod.__all__ if not hasattr(mod, name)]
    assert missing == []


def test_all_has_no_duplicates() -> None:
    mod = importlib.import_module("sanic_routing")
    assert len(mod.__all__) == len(set(mod.__all__))


def test_every_module_declares_an_importable_all() -> None:
    for name in (
        "exceptions",
        "group",
        "line",
        "patterns",
        "route",
        "router",
        "tree",
        "utils",
        "build",
    ):
        mod = importlib.import_module(f"sanic_routing.{name}")
        assert mod.__all__, name
        assert [n for n in mod.__all__ if not hasattr(mod, n)] == [], name


def test_sanic_routing_names_plugins_import() -> None:
    from sanic_routing import BaseRouter, Route, RouteGroup  # noqa: F401
    from sanic_routing.exceptions import (  # noqa: F401
        BadMethod,
        FinalizationError,
        InvalidUsage,
        NoMethod,
        NotFound,
        ParameterNameConflicts,
        RouteExists,
    )
    from sanic_routing.patterns import (  # noqa: F401
        REGEX_TYPES,
        alpha,
        ext,
        nonemptystr,
        parse_date,
        slug,
    )

    assert issubclass(NoMethod, Exception)


def test_utils_names_sanic_routing_code_imports() -> None:
    from sanic_routing import utils
    from sanic_routing.exceptions import InvalidUsage
    from sanic_routing.patterns import REGEX_PARAM_NAME, REGEX_PARAM_NAME_EXT

    assert utils.InvalidUsage is InvalidUsage
    assert utils.REGEX_PARAM_NAME is REGEX_PARAM_NAME
    assert utils.REGEX_PARAM_NAME_EXT is REGEX_PARAM_NAME_EXT
    assert callable(utils.path_to_parts) and callable(utils.parse_parameter_basket)
