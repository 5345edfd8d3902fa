"""Patching a module global on its ``sanic.*`` path reaches the code that uses it, as tests
written for Sanic expect (``monkeypatch.setattr(sanic.http.http1, "access_logger", ...)``)."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import ANY, Mock, patch

import pytest

import sanic.handlers.error
import sanic.http.http1
from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.log import LOGGING_CONFIG_DEFAULTS
from sanic.response import text


@pytest.fixture
def app() -> Iterator[Sanic]:
    Sanic.test_mode = True
    app = Sanic("PatchedApp", configure_logging=False)
    yield app
    Sanic._app_registry.clear()


def test_a_patched_access_logger_gets_each_access_line(app: Sanic, monkeypatch) -> None:
    access = Mock()
    monkeypatch.setattr(sanic.http.http1, "access_logger", access)
    app.config.ACCESS_LOG = True
    app.get("/")(lambda request: text("hello"))
    request, response = app.test_client.get("/")
    access.info.assert_called_with(
        "",
        extra={
            "status": 200,
            "byte": 5,
            "host": f"{request.ip}:{request.port}",
            "request": f"GET {request.scheme}://{request.host}/",
            "duration": ANY,
        },
    )


def test_a_patched_error_logger_gets_the_error_line(app: Sanic, monkeypatch) -> None:
    errors = Mock()
    monkeypatch.setattr(sanic.handlers.error, "error_logger", errors)
    app.config.NOISY_EXCEPTIONS = True

    @app.get("/")
    def handler(request):
        raise BadRequest("no")

    request, _ = app.test_client.get("/")
    errors.exception.assert_called_with(
        "Exception occurred while handling uri: %s", repr(request.url)
    )


def test_patching_sanic_app_logging_sees_the_logging_configuration() -> None:
    with patch("sanic.app.logging") as mock:
        Sanic("Configured", log_config={"version": 1})
    mock.config.dictConfig.assert_called_with({"version": 1})
    with patch("sanic.app.logging") as mock:
        Sanic("Default")
    mock.config.dictConfig.assert_called_with(LOGGING_CONFIG_DEFAULTS)
    Sanic._app_registry.clear()
    # restored on both sides once the patch ends
    import hurtle_app.app

    assert sanic.app.logging is hurtle_app.app.logging and not isinstance(
        hurtle_app.app.logging, Mock
    )
