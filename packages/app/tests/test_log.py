"""Logging: Sanic's logger names, the default dictConfig and the formatter layouts."""

from __future__ import annotations

import copy
import io
import json
import logging
import logging.config
import re
import subprocess
import sys

import pytest

from hurtle_app import log
from hurtle_app.logging import formatter as fmt
from hurtle_app.logging.filter import VerbosityFilter
from hurtle_app.logging.setup import setup_logging


def record(
    name: str = "sanic.root", level: int = logging.INFO, msg: str = "hello %s"
) -> logging.LogRecord:
    return logging.LogRecord(name, level, "/x.py", 10, msg, ("world",), None)


def access_record() -> logging.LogRecord:
    rec = logging.LogRecord("sanic.access", logging.INFO, "/x.py", 10, "", (), None)
    rec.__dict__.update(
        host="127.0.0.1:5555", request="GET http://localhost/foo", status=200, byte=12,
        duration=" 0.2ms",
    )  # fmt: skip
    return rec


def test_logger_names() -> None:
    assert log.logger.name == "sanic.root"
    assert log.error_logger.name == "sanic.error"
    assert log.access_logger.name == "sanic.access"
    assert log.server_logger.name == "sanic.server"
    assert log.websockets_logger.name == "sanic.websockets"


def test_default_config_applies_and_formats_access_lines() -> None:
    stream = io.StringIO()
    config = copy.deepcopy(
        {k: v for k, v in log.LOGGING_CONFIG_DEFAULTS.items() if k != "handlers"}
    )
    config["handlers"] = {
        name: {**handler, "stream": stream}
        for name, handler in log.LOGGING_CONFIG_DEFAULTS["handlers"].items()
    }
    logging.config.dictConfig(config)
    fields = {"host": "h:1", "request": "GET /", "status": 200, "byte": 2, "duration": " 1ms"}
    log.access_logger.info("", extra=fields)
    assert "200" in stream.getvalue()
    assert set(log.LOGGING_CONFIG_DEFAULTS["loggers"]) == {
        "sanic.root", "sanic.error", "sanic.access", "sanic.server", "sanic.websockets",
    }  # fmt: skip


def test_formatter_layouts() -> None:
    assert fmt.AutoFormatter().format(record()).endswith(" INFO: hello world")
    assert fmt.DebugFormatter().format(record(level=logging.WARNING)).split(" ", 3)[-1] == (
        "WARN: hello world"
    )
    assert "] [INFO] hello world" in fmt.LegacyFormatter().format(record())
    data = json.loads(fmt.JSONFormatter().format(record()))
    assert data["message"] == "hello world" and data["name"] == "sanic.root"


def test_access_formatters_show_status_size_and_time() -> None:
    line = fmt.ProdAccessFormatter().format(access_record())
    assert line.endswith("127.0.0.1:5555 GET http://localhost/foo 200 12  0.2ms")
    auto = fmt.AutoAccessFormatter().format(access_record())
    assert auto.count("status=200") == 1
    data = json.loads(fmt.JSONAccessFormatter().format(access_record()))
    assert (data["status"], data["byte"], data["host"]) == (200, 12, "127.0.0.1:5555")


def test_extra_is_appended_when_enabled() -> None:
    rec = record()
    rec.extra = {"a": 1}
    assert fmt.AutoFormatter().format(rec).endswith("\nextra=\n  a=1")


def test_verbosity_filter() -> None:
    flt = VerbosityFilter()
    loud = record()
    loud.verbosity = 2
    assert flt.filter(record()) and not flt.filter(loud)


def test_setup_logging_swaps_auto_formatters() -> None:
    handler = logging.StreamHandler(io.StringIO())
    handler.setFormatter(fmt.AutoFormatter())
    log.logger.addHandler(handler)
    try:
        setup_logging(debug=True)
        assert type(handler.formatter) is fmt.DebugFormatter
    finally:
        log.logger.removeHandler(handler)


def test_production_layouts_spell_level_names_in_full_debug_shortens_them() -> None:
    warning, critical = record(level=logging.WARNING), record(level=logging.CRITICAL)
    assert " WARNING: hello world" in fmt.ProdFormatter().format(warning)
    assert " CRITICAL: hello world" in fmt.ProdFormatter().format(critical)
    assert "] [WARNING] hello world" in fmt.LegacyFormatter().format(warning)
    assert json.loads(fmt.JSONFormatter().format(warning))["level"] == "WARNING"
    assert " WARN: hello world" in fmt.DebugFormatter().format(warning)
    assert " CRIT: hello world" in fmt.DebugFormatter().format(critical)


def test_unset_log_extra_shows_extra_fields_in_debug_mode_only() -> None:
    saved = fmt.AutoFormatter.LOG_EXTRA
    rec = record()
    rec.user_id = 7
    try:
        setup_logging(debug=False)
        assert "user_id" not in fmt.ProdFormatter().format(rec)
        setup_logging(debug=True)
        assert fmt.DebugFormatter().format(rec).endswith("\nuser_id=7")
        setup_logging(debug=False, log_extra=True)
        assert fmt.ProdFormatter().format(rec).endswith("\nuser_id=7")
    finally:
        fmt.AutoFormatter.LOG_EXTRA = saved


def test_json_formatter_gives_each_extra_field_its_own_key() -> None:
    rec = record()
    rec.__dict__.update(user_id=7, extra={"a": 1}, stack_info="stack here")
    data = json.loads(fmt.JSONFormatter().format(rec))
    assert (data["user_id"], data["extra"], data["stack_info"]) == (7, {"a": 1}, "stack here")
    access = json.loads(fmt.JSONFormatter().format(access_record()))
    assert (access["host"], access["status"], access["name"]) == (
        "127.0.0.1:5555", 200, "sanic.access"
    )


def test_json_access_formatter_writes_the_access_fields_only() -> None:
    rec = access_record()
    rec.user_id = 7
    data = json.loads(fmt.JSONAccessFormatter().format(rec))
    assert list(data) == [
        "timestamp", "level", "message", "host", "request", "status", "byte", "duration"
    ]


def test_json_format_dict_returns_the_line_that_is_written() -> None:
    # As Sanic: format_dict turns the record's dict into the text of the line, so an
    # override can return its own text, or change the dict and call the base one.
    class Own(fmt.JSONFormatter):
        def format_dict(self, record: dict) -> str:
            return "user line"

    class Added(fmt.JSONFormatter):
        def format_dict(self, record: dict) -> str:
            record["service"] = "api"
            return super().format_dict(record)

    assert fmt.JSONFormatter().format_dict({"a": 1, "b": [1, 2]}) == '{"a":1,"b":[1,2]}'
    assert Own().format(record()) == "user line"
    assert json.loads(Added().format(record()))["service"] == "api"


def test_sanic_websockets_is_at_warning_until_logging_is_set_up() -> None:
    # As Sanic: an app made with configure_logging=False under a root logger at DEBUG
    # does not print the websocket frames the server logs on sanic.websockets.
    script = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format='%(name)s')\n"
        "from hurtle_app import Sanic\n"
        "Sanic('NoConf', configure_logging=False)\n"
        "logging.getLogger('sanic.websockets').debug('< TEXT')\n"
        "print(logging.getLogger('sanic.websockets').level)\n"
        "Sanic('Conf')\n"
        "print(logging.getLogger('sanic.websockets').level)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.stdout.split() == ["30", "20"], run.stdout + run.stderr


def test_debug_formatter_cuts_any_level_name_longer_than_five_to_four() -> None:
    # As Sanic's debug layout: WARN and CRIT, and custom levels alike (NOTI, SUCC, Leve).
    logging.addLevelName(25, "NOTICE")
    logging.addLevelName(5, "TRACE")
    try:
        for level, shown in [(25, "NOTI"), (5, "TRACE"), (3, "Leve"), (30, "WARN"),
                             (50, "CRIT"), (40, "ERROR")]:  # fmt: skip
            rec = record(level=level)
            assert f" {shown}: hello world" in fmt.DebugFormatter().format(rec)
            assert f" {logging.getLevelName(level)}: " in fmt.ProdFormatter().format(rec)
    finally:
        del logging._levelToName[25], logging._nameToLevel["NOTICE"]
        del logging._levelToName[5], logging._nameToLevel["TRACE"]


def test_a_verbosity_extra_is_listed_like_any_other(monkeypatch: pytest.MonkeyPatch) -> None:
    # As Sanic: `extra={"verbosity": 1}` is shown with LOG_EXTRA and in JSON.
    monkeypatch.setattr(fmt.AutoFormatter, "LOG_EXTRA", True)
    rec = record()
    rec.__dict__.update(verbosity=1, user="u")
    assert fmt.ProdFormatter().format(rec).endswith("hello world\nverbosity=1\nuser=u")
    assert json.loads(fmt.JSONFormatter().format(rec))["verbosity"] == 1


def test_json_traceback_and_stack_come_before_the_extra_fields() -> None:
    rec = record()
    try:
        raise ValueError("v")
    except ValueError:
        rec.exc_info = sys.exc_info()
    rec.stack_info = "Stack"
    rec.user = "u"
    keys = list(json.loads(fmt.JSONFormatter().format(rec)))
    assert keys[-3:] == ["exc_info", "stack_info", "user"]


def _in_terminal(no_color: bool = False):
    saved = (fmt.AutoFormatter.ATTY, fmt.AutoFormatter.NO_COLOR)
    fmt.AutoFormatter.ATTY, fmt.AutoFormatter.NO_COLOR = True, no_color
    return saved


def test_in_a_terminal_messages_line_up_and_extra_fields_are_indented() -> None:
    saved = _in_terminal()
    rec = record()
    rec.user_id = 7
    try:
        line = fmt.DebugFormatter().format(rec)
        prod = fmt.ProdFormatter().format(record())
    finally:
        fmt.AutoFormatter.ATTY, fmt.AutoFormatter.NO_COLOR = saved
    head, _, message = line.partition("\x1b[1000D\x1b[23C\x1b[K")
    assert head.split("\x1b[1000D\x1b[5C")[0].endswith("Main ")
    assert message == "hello world\n  user_id=7"
    assert prod.split("\x1b[1000D\x1b[42C\x1b[K")[1] == "hello world"


def test_in_a_terminal_access_lines_say_access_and_end_at_the_right_edge() -> None:
    for no_color in (False, True):
        saved = _in_terminal(no_color)
        try:
            line = fmt.ProdAccessFormatter().format(access_record())
        finally:
            fmt.AutoFormatter.ATTY, fmt.AutoFormatter.NO_COLOR = saved
        line = re.sub("\x1b\\[[0-9;]*m", "", line)  # colours, when the tests run in one
        # "200 12  0.2ms" is 13 characters: from the last column, 12 back.
        to_message = "" if no_color else "\x1b[1000D\x1b[42C\x1b[K"
        assert line.endswith(
            f" ACCESS: {to_message}127.0.0.1:5555 GET http://localhost/foo "
            "\x1b[1000C\x1b[12D\x1b[K200 12  0.2ms"
        )
    plain = fmt.ProdAccessFormatter().format(access_record())
    assert "\x1b" not in plain and " INFO: " in plain
