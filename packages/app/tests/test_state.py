"""``app.state``: effects of switching the mode."""

from __future__ import annotations

import pytest

from hurtle_app.state import Mode, Server


def test_entering_debug_mode_lets_sanic_root_log_debug_lines() -> None:
    import logging

    from hurtle_app import Sanic
    from hurtle_app.state import Mode

    root = logging.getLogger("sanic.root")
    before = root.level
    try:
        root.setLevel(logging.INFO)
        app = Sanic("DebugLevel", configure_logging=False)
        app.state.mode = Mode.DEBUG
        assert root.level == logging.DEBUG
        app.state.mode = Mode.PRODUCTION  # as Sanic: the level is not lowered again
        assert root.level == logging.DEBUG
    finally:
        root.setLevel(before)


def test_the_app_verbosity_is_what_the_loggers_let_through(
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    from hurtle_app import Sanic
    from hurtle_app.logging.filter import VerbosityFilter

    app = Sanic("Verbose", configure_logging=False)
    try:
        app.state.verbosity = 2
        assert VerbosityFilter.verbosity == 2
        with caplog.at_level(logging.INFO, logger="sanic.root"):
            logging.getLogger("sanic.root").info("chatty", extra={"verbosity": 2})
            logging.getLogger("sanic.root").info("too chatty", extra={"verbosity": 3})
        assert caplog.messages == ["chatty"]
    finally:
        app.state.verbosity = 0
    assert VerbosityFilter.verbosity == 0


def test_mode_and_server_members_equal_nothing_as_sanics() -> None:
    # Sanic's Mode and Server compare unequal to everything, themselves included; a
    # branch written `if app.state.mode == Mode.DEBUG` never runs there, nor here.
    for member in (*Mode, *Server):
        assert not member == member.value
        assert not member == member
        assert member is type(member)(member.value)
        assert hash(member) == hash(member.value) and str(member) == member.value
    assert Mode.DEBUG != "production" and not Mode.DEBUG != "debug"
