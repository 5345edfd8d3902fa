"""The ``Auto*`` formatters take a format given to them (a ``log_config`` ``"format"``)."""

from __future__ import annotations

import logging
import logging.config

from hurtle_app import Sanic
from hurtle_app.logging.default import LOGGING_CONFIG_DEFAULTS
from hurtle_app.logging.formatter import AutoAccessFormatter, AutoFormatter


def test_a_given_format_replaces_the_built_in_one() -> None:
    assert AutoFormatter("%(message)s!")._fmt == "%(message)s!"
    assert AutoFormatter("%(message)s!", "%H").datefmt == "%H"
    assert AutoAccessFormatter(fmt="%(message)s?")._fmt == "%(message)s?"
    assert "%(levelname)s" in (AutoFormatter()._fmt or "")


def test_a_log_config_format_reaches_the_loggers() -> None:
    formatters = {k: dict(v) for k, v in LOGGING_CONFIG_DEFAULTS["formatters"].items()}
    formatters["generic"]["format"] = "G %(message)s"
    formatters["access"]["format"] = "A %(message)s"
    config = {**LOGGING_CONFIG_DEFAULTS, "formatters": formatters}
    try:
        Sanic("CustomLogConfig", log_config=config)
        formats = {
            name: {h.formatter._fmt for h in logging.getLogger(name).handlers if h.formatter}
            for name in ("sanic.root", "sanic.error", "sanic.access")
        }
        assert formats == {
            "sanic.root": {"G %(message)s"},
            "sanic.error": {"G %(message)s"},
            "sanic.access": {"A %(message)s"},
        }
    finally:
        logging.config.dictConfig(LOGGING_CONFIG_DEFAULTS)
