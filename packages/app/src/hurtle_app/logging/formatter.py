"""Log formatters under Sanic's names.

``AutoFormatter`` (the default) picks its look from the app's mode: ``DebugFormatter`` in
debug mode, ``ProdFormatter`` otherwise. ``Legacy*`` keep the pre-23.6 line layout and
``JSON*`` write one JSON object per record. ``*AccessFormatter`` variants read the access
fields the HTTP core logs on ``sanic.access``: ``host``, ``request``, ``status``,
``byte``, ``duration``.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from hurtle_app.logging.color import LEVEL_COLORS, Colors, is_atty
from hurtle_app.logging.colored_traceback import color_traceback

DEFAULT_FIELDS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
    "ident",
    "right",
}
ACCESS_FIELDS = ("host", "request", "status", "byte", "duration")
_COLUMN_0 = "\033[1000D"  # cursor to the first column (1000 left, stopped by the edge)
_COLUMN_LAST = "\033[1000C"  # cursor to the last column
_CLEAR_LINE = "\033[K"
#: What a missing access field reads as (empty); never listed as an extra field.
_MISSING = type("_Missing", (str,), {"__slots__": ()})()


def _ident() -> str:
    return os.environ.get("SANIC_WORKER_IDENTIFIER", "Main ")


class AutoFormatter(logging.Formatter):
    """``[ident] date LEVEL: message`` lines; appends the record's ``extra`` when enabled."""

    SETUP = False
    # As Sanic: whether standard output is a terminal when this module is imported, so a
    # formatter made before ``setup_logging`` (a ``log_config`` naming one) has the look.
    ATTY = is_atty()
    NO_COLOR = False
    LOG_EXTRA = True
    IDENT = "Main "
    DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
    IDENT_LIMIT = 5
    MESSAGE_START = 42
    PREFIX_FORMAT = "%(ident)s{limit} %(asctime)s %(levelname)s: {start}"
    # In a colour terminal: a grey ident and date, then cursor moves (to the column after
    # the ident, and to MESSAGE_START) so that messages line up. None: never coloured.
    COLOR_PREFIX_FORMAT: str | None = (
        "{grey}%(ident)s{column_ident} %(asctime)s {end}%(levelname)s: {column_message}"
    )
    MESSAGE_FORMAT = "%(message)s"
    COLOR_MESSAGE_FORMAT = "%(message)s"
    SHORT_LEVELS = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.IDENT = _ident()
        start = ""
        if self.colored and self.COLOR_PREFIX_FORMAT:
            # The prefix's look is fixed when the formatter is made.
            prefix = self.COLOR_PREFIX_FORMAT.format(
                grey=Colors.GREY,
                end=Colors.END,
                column_ident=f"{_COLUMN_0}\033[{self.IDENT_LIMIT}C",
                column_message=f"{_COLUMN_0}\033[{self.MESSAGE_START}C{_CLEAR_LINE}",
            )
            message = self.COLOR_MESSAGE_FORMAT.format(
                purple=Colors.PURPLE, blue=Colors.BLUE, bold=Colors.BOLD,
                grey=Colors.GREY, end=Colors.END,
            )  # fmt: skip
        else:
            # As Sanic: without colours the ident is not padded to IDENT_LIMIT (a short
            # SERVER_IDENTIFIER reads ``Bx 0 2026-...``); only the colour layout lines up.
            prefix = self.PREFIX_FORMAT.format(limit="", start=start)
            message = self.MESSAGE_FORMAT
        # As Sanic: a format (and date format) given, e.g. by a ``log_config`` formatter
        # with ``"format"``, replaces the built-in one.
        fmt = args[0] if args else kwargs.get("fmt")
        datefmt = args[1] if len(args) > 1 else kwargs.get("datefmt")
        super().__init__(fmt or prefix + message, datefmt=datefmt or self.DATE_FORMAT)

    @property
    def colored(self) -> bool:
        """Whether levels and extra fields are coloured: in a colour terminal, whatever the
        layout (the legacy ones too) and whenever the formatter was made, as Sanic."""
        return bool(self.ATTY and not self.NO_COLOR)

    def format(self, record: logging.LogRecord) -> str:
        """Format ``record`` with the ident, date and level prefix and any extra fields."""
        self._set_right(record)
        record.ident = self.IDENT
        original = record.levelname
        self._set_levelname(record)
        try:
            text = super().format(record)
        finally:
            record.levelname = original
        if self.LOG_EXTRA:
            text += self._log_extra(record)
        return text

    def _set_right(self, record: logging.LogRecord) -> None:
        # Only access lines have a right-hand part: other records get no ``right``
        # attribute (handlers after this one see only ``ident`` added, as with Sanic).
        pass

    def _set_levelname(self, record: logging.LogRecord) -> None:
        if self.SHORT_LEVELS and len(record.levelname) > 5:
            # As Sanic: a name longer than five is cut to four (WARN, CRIT, NOTI...).
            record.levelname = record.levelname[:4]
        if self.colored:
            color = LEVEL_COLORS.get(record.levelno, "")
            if color:
                record.levelname = f"{color}{record.levelname}{Colors.END}"

    def _log_extra(self, record: logging.LogRecord) -> str:
        extra = {key: value for key, value in record.__dict__.items() if key not in DEFAULT_FIELDS}
        if not extra:
            return ""
        # In a colour terminal: indented under the message, with yellow names (as Sanic,
        # also for the legacy layouts, whose prefix is never coloured). In the order the
        # record got them (an access record: status, byte, host, request, duration).
        indent = 1 if self.colored else 0
        return "".join(self._format_key_value(key, value, indent) for key, value in extra.items())

    def _format_key_value(self, key: str, value: Any, indent: int) -> str:
        pad = "  " * indent
        name = f"{Colors.YELLOW}{key}{Colors.END}" if self.colored else key
        if isinstance(value, dict):
            inner = "".join(self._format_key_value(k, v, indent + 1) for k, v in value.items())
            return f"\n{pad}{name}={inner}"
        return f"\n{pad}{name}={value}"


class DebugFormatter(AutoFormatter):
    """Compact, time-only lines for debug mode."""

    IDENT_LIMIT = 5
    MESSAGE_START = 23
    DATE_FORMAT = "%H:%M:%S"
    SHORT_LEVELS = True

    def formatException(self, ei: Any) -> str:
        """The traceback, coloured in a colour terminal (as Sanic's debug formatter)."""
        text = super().formatException(ei)
        return color_traceback(text) if self.colored else text


class ProdFormatter(AutoFormatter):
    """Full-date lines for production (level names in full, ``WARNING``, as Sanic)."""


class LegacyFormatter(AutoFormatter):
    """The classic ``[date] [pid] [LEVEL] message`` layout."""

    PREFIX_FORMAT = "%(asctime)s [%(process)s] [%(levelname)s] "
    COLOR_PREFIX_FORMAT = None
    DATE_FORMAT = "[%Y-%m-%d %H:%M:%S %z]"


class AutoAccessFormatter(AutoFormatter):
    """Access lines: ``host request status bytes duration``."""

    MESSAGE_FORMAT = "%(host)s %(request)s %(right)s%(status)s %(byte)s %(duration)s"
    COLOR_MESSAGE_FORMAT = (
        "{purple}%(host)s {blue}{bold}%(request)s{end} %(right)s%(status)s %(byte)s "
        "{grey}%(duration)s{end}"
    )

    def format(self, record: logging.LogRecord) -> str:
        """Format an access record (missing fields render empty)."""
        # Filled for this line only, and not listed as extra fields: a record without
        # them (an app's own ``access_logger.info``) lists what it has, as Sanic's.
        missing = [name for name in ACCESS_FIELDS if not hasattr(record, name)]
        for name in missing:
            setattr(record, name, _MISSING)
        try:
            return super().format(record)
        finally:
            for name in missing:
                delattr(record, name)

    def _log_extra(self, record: logging.LogRecord) -> str:
        saved = {k: v for k, v in record.__dict__.items() if v is _MISSING}
        for name in saved:
            del record.__dict__[name]
        try:
            return super()._log_extra(record)
        finally:
            record.__dict__.update(saved)

    def _set_right(self, record: logging.LogRecord) -> None:
        # In a terminal, status, size and duration end at the right edge: to the last
        # column, back the length of that text less one, clear the rest of the line.
        if self.ATTY and self.COLOR_PREFIX_FORMAT:
            width = len(f"{record.status} {record.byte} {record.duration}")
            record.right = f"{_COLUMN_LAST}\033[{width - 1}D{_CLEAR_LINE}"
        else:
            record.right = ""

    def _set_levelname(self, record: logging.LogRecord) -> None:
        # In a terminal an INFO access line's level reads ACCESS, in the legacy layout
        # too; other levels keep their names (as Sanic).
        if self.ATTY and record.levelno == logging.INFO:
            record.levelname = f"{Colors.SANIC}ACCESS{Colors.END}" if self.colored else "ACCESS"
        else:
            super()._set_levelname(record)


class DebugAccessFormatter(AutoAccessFormatter):
    """Access lines for debug mode."""

    IDENT_LIMIT = 5
    MESSAGE_START = 23
    DATE_FORMAT = "%H:%M:%S"
    LOG_EXTRA = False


class ProdAccessFormatter(AutoAccessFormatter):
    """Access lines for production."""

    PREFIX_FORMAT = "%(ident)s{limit}|%(asctime)s %(levelname)s: {start}"
    COLOR_PREFIX_FORMAT = (
        "{grey}%(ident)s{column_ident}|%(asctime)s{end} %(levelname)s: {column_message}"
    )
    LOG_EXTRA = False


class LegacyAccessFormatter(AutoAccessFormatter):
    """The classic access layout."""

    PREFIX_FORMAT = "%(asctime)s - (%(name)s)[%(levelname)s][%(host)s]: "
    COLOR_PREFIX_FORMAT = None
    MESSAGE_FORMAT = "%(request)s %(message)s %(status)s %(byte)s"


class JSONFormatter(AutoFormatter):
    """One JSON object per record: timestamp, level, message, standard fields, and each
    ``extra`` field as a key of its own (whatever ``LOG_EXTRA`` says, as in Sanic)."""

    ATTY = False
    NO_COLOR = True
    FIELDS = ["name", "levelno", "pathname", "module", "filename", "lineno"]

    dumps = staticmethod(lambda value: json.dumps(value, separators=(",", ":"), default=str))

    def format(self, record: logging.LogRecord) -> str:
        """Serialise ``record`` as JSON."""
        return self.format_dict(self.to_dict(record))

    def _fields(self, record: logging.LogRecord) -> dict[str, Any]:
        """Timestamp, level, message and the ``FIELDS`` of ``record``."""
        data: dict[str, Any] = {
            "timestamp": self.formatTime(record, self.datefmt),
            "level": record.levelname,
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            data[field] = getattr(record, field, None)
        return data

    def to_dict(self, record: logging.LogRecord) -> dict[str, Any]:
        """The record's fields as a dict."""
        data = self._fields(record)
        # As Sanic: the traceback and stack come before the extra fields.
        if record.exc_info:
            data["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            data["stack_info"] = self.formatStack(record.stack_info)
        for key, value in record.__dict__.items():
            if key not in DEFAULT_FIELDS and key not in data:
                data[key] = value
        return data

    def format_dict(self, record: dict[str, Any]) -> str:
        """The text of the line for the record's dict: ``dumps`` of it (as Sanic, an
        override may change the dict and call this, or return its own text)."""
        return self.dumps(record)


class JSONAccessFormatter(JSONFormatter):
    """JSON access records: timestamp, level, message and the access fields only."""

    FIELDS = list(ACCESS_FIELDS)

    def to_dict(self, record: logging.LogRecord) -> dict[str, Any]:
        """The access record's fields as a dict."""
        return self._fields(record)


__all__ = [
    "AutoAccessFormatter",
    "AutoFormatter",
    "DebugAccessFormatter",
    "DebugFormatter",
    "JSONAccessFormatter",
    "JSONFormatter",
    "LegacyAccessFormatter",
    "LegacyFormatter",
    "ProdAccessFormatter",
    "ProdFormatter",
]
