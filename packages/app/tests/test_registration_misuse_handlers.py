"""Listener and exception-handler registrations Sanic refuses: the same exception types,
with a message saying what to write instead."""

from __future__ import annotations

import pytest

from hurtle_app import Sanic
from hurtle_app.blueprints import Blueprint
from hurtle_app.listeners import ListenerEvent
from hurtle_http.response import text


async def listener(app):
    pass


async def error_handler(request, exception):
    return text("handled")


def test_exception_without_classes_is_refused_when_decorating(app: Sanic) -> None:
    # Sanic fails with an IndexError here; code catching it keeps working.
    for owner in (app, Blueprint("bp")):
        with pytest.raises(IndexError, match=r"@app.exception\(ValueError\)"):
            owner.exception()(error_handler)
        with pytest.raises(TypeError, match="all_exceptions"):
            owner.exception()(error_handler)
    assert app.error_handler.registered_handler(ValueError) is None


@pytest.mark.parametrize(
    "event", ["server.init.before", "server.shutdown.after", ListenerEvent.BEFORE_SERVER_START]
)
def test_a_signal_event_name_is_not_a_listener_event(app: Sanic, event) -> None:
    # Sanic raises a KeyError for these; the message points to @app.signal.
    with pytest.raises(KeyError, match=r"is a signal event: use @app.signal\('server\."):
        app.listener(event)(listener)
    with pytest.raises(KeyError, match="before_server_start"):
        app.register_listener(listener, event)


def test_listener_enum_members_named_like_listeners_are_accepted(app: Sanic) -> None:
    app.register_listener(listener, ListenerEvent.MAIN_PROCESS_START)
    app.register_listener(listener, "BEFORE_SERVER_START")
    assert app.listeners["main_process_start"] == [listener]


def test_a_listener_that_cannot_be_called_is_a_type_error(app: Sanic) -> None:
    # Sanic registers it and fails with a TypeError when the server starts.
    with pytest.raises(TypeError, match="A listener must be callable, not 5"):
        app.register_listener(5, "before_server_start")
    with pytest.raises(TypeError, match="not 'before_server_start'"):
        app.listener("before_server_start", "after_server_start")
