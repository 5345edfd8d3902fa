"""The package's declared public API is importable and complete."""

import importlib


def test_every_name_in_all_is_importable() -> None:
    mod = importlib.import_module("sanic_testing")
    missing = [name for name in mod.__all__ if not hasattr(mod, name)]
    assert missing == []


def test_all_has_no_duplicates() -> None:
    mod = importlib.import_module("sanic_testing")
    assert len(mod.__all__) == len(set(mod.__all__))


def test_reusable_module_has_the_names_sanic_testing_imports_there() -> None:
    from sanic_testing import response, reusable, websocket

    assert reusable.TestingResponse is response.TestingResponse
    assert reusable.websocket_proxy is websocket.websocket_proxy
