"""The ``Auto*`` formatters take a format given to them (a ``log_config`` ``"format"``), and
lay out extra fields and levels as Sanic's do, in a terminal or not."""

from __future__ import annotations

import logging
import logging.config
from collections.abc import Iterator

import pytest

from hurtle_app import Sanic
from hurtle_app.logging.default import LOGGING_CONFIG_DEFAULTS
from hurtle_app.logging.formatter import (
    AutoAccessFormatter,
    AutoFormatter,
    LegacyAccessFormatter,
    LegacyFormatter,
    ProdAccessFormatter,
    ProdFormatter,
)


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


async def test_create_server_gives_the_handlers_the_modes_look_and_log_extra() -> None:
    from hurtle_app.logging.formatter import DebugFormatter

    app = Sanic("CreateServerLogging")
    app.config.LOG_EXTRA = False
    root = logging.getLogger("sanic.root")
    saved = (AutoFormatter.LOG_EXTRA, AutoFormatter.SETUP, AutoFormatter.NO_COLOR)
    saved_formatters = [(h, h.formatter) for h in root.handlers]
    AutoFormatter.LOG_EXTRA = True
    try:
        root.handlers[0].setFormatter(AutoFormatter())
        server = await app.create_server(
            host="127.0.0.1", port=0, debug=True, return_asyncio_server=True
        )
        assert server is not None
        server.close()
        await server.wait_closed()
        assert AutoFormatter.LOG_EXTRA is False
        assert type(root.handlers[0].formatter) is DebugFormatter
    finally:
        AutoFormatter.LOG_EXTRA, AutoFormatter.SETUP, AutoFormatter.NO_COLOR = saved
        for handler, formatter in saved_formatters:
            handler.setFormatter(formatter)


def _access_record() -> logging.LogRecord:
    record = logging.LogRecord("sanic.access", logging.INFO, "app.py", 1, "", (), None)
    # The order the HTTP core logs them in (as Sanic's ``extra``).
    extra = {"status": 200, "byte": 2, "host": "1.2.3.4:5", "request": "GET /", "duration": " 1ms"}
    record.__dict__.update(extra)
    return record


@pytest.fixture
def formatter_state() -> Iterator[None]:
    saved = (AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA)
    try:
        yield
    finally:
        AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA = saved


def test_access_extra_fields_keep_the_records_order(formatter_state: None) -> None:
    AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA = False, False, True
    for cls in (LegacyAccessFormatter, AutoAccessFormatter):
        lines = cls().format(_access_record()).split("\n")[1:]
        assert lines == ["status=200", "byte=2", "host=1.2.3.4:5", "request=GET /", "duration= 1ms"]


def test_in_a_terminal_the_legacy_access_level_reads_access(formatter_state: None) -> None:
    AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA = True, True, False
    assert "(sanic.access)[ACCESS][1.2.3.4:5]: GET /  200 2" in (
        LegacyAccessFormatter().format(_access_record())
    )


def test_in_a_colour_terminal_legacy_extra_fields_are_indented(formatter_state: None) -> None:
    AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA = True, False, True
    record = logging.LogRecord("sanic.root", logging.INFO, "app.py", 1, "x", (), None)
    record.user = "bob"
    assert LegacyFormatter().format(record).endswith("x\n  user=bob")
    lines = LegacyAccessFormatter().format(_access_record()).split("\n")[1:]
    assert lines[:2] == ["  status=200", "  byte=2"]


def test_only_access_records_get_a_right_attribute(formatter_state: None) -> None:
    # Other handlers (a JSON pipeline reading the record's attributes) see only ``ident``
    # added to a record the default handlers formatted, as with Sanic.
    record = logging.LogRecord("sanic.root", logging.INFO, "app.py", 1, "x", (), None)
    before = set(vars(record))
    ProdFormatter().format(record)
    assert set(vars(record)) - before == {"ident", "message", "asctime"}
    access = _access_record()
    ProdAccessFormatter().format(access)
    names = list(vars(access))
    assert names.index("right") < names.index("ident")


def test_in_a_terminal_only_info_access_lines_read_access(formatter_state: None) -> None:
    # A warning logged on sanic.access keeps its level name, as with Sanic.
    AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA = True, True, False
    for level, name in ((logging.INFO, "ACCESS"), (logging.WARNING, "WARNING"), (10, "DEBUG")):
        record = _access_record()
        record.levelno, record.levelname = level, logging.getLevelName(level)
        for cls in (LegacyAccessFormatter, AutoAccessFormatter):
            assert cls("%(levelname)s|%(message)s").format(record) == f"{name}|"


def test_access_fields_a_record_lacks_are_not_listed_as_extra(formatter_state: None) -> None:
    # An app's own access_logger.info("...") with a format that names no access field:
    # the line lists the extra fields the record has, and the record gets none added.
    AutoFormatter.ATTY, AutoFormatter.NO_COLOR, AutoFormatter.LOG_EXTRA = False, False, True
    record = logging.LogRecord("sanic.access", logging.INFO, "app.py", 1, "hi", (), None)
    record.user = "bob"
    for cls in (LegacyAccessFormatter, AutoAccessFormatter):
        assert cls("%(message)s").format(record) == "hi\nuser=bob"
        assert not hasattr(record, "host")
    partial = _access_record()
    del partial.duration
    assert AutoAccessFormatter("%(message)s").format(partial).split("\n")[1:] == [
        "status=200",
        "byte=2",
        "host=1.2.3.4:5",
        "request=GET /",
    ]
    # The built-in layout still prints the line with the missing fields empty.
    assert (
        AutoAccessFormatter()
        .format(partial)
        .endswith("GET / 200 2 \nstatus=200\nbyte=2\nhost=1.2.3.4:5\nrequest=GET /")
    )


def test_a_short_ident_is_followed_by_one_space(
    formatter_state: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # WorkerProcess.SERVER_IDENTIFIER = "Bx": Sanic's plain lines read "Bx 0 2026-...",
    # not padded to the five characters of "Srv 0".
    AutoFormatter.ATTY, AutoFormatter.NO_COLOR = False, False
    record = logging.LogRecord("sanic.root", logging.INFO, "app.py", 1, "hi", (), None)
    for ident in ("Bx 0", "B", "Srv 0"):
        monkeypatch.setenv("SANIC_WORKER_IDENTIFIER", ident)
        assert AutoFormatter().format(record).startswith(f"{ident} 20")
        assert ProdAccessFormatter().format(_access_record()).startswith(f"{ident}|20")
