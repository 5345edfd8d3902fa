"""``app.state``: effects of switching the mode."""

from __future__ import annotations


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
