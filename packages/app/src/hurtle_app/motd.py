"""The start-up banner (MOTD): a logo, where the app serves, and a few key/value lines."""

from __future__ import annotations

import logging
import shutil
import sys
import textwrap
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("sanic.root")

BASE_LOGO = "\n\n                Hurtle\n        Sanic apps, served faster.\n\n"
COFFEE_LOGO = "\n\n            Hurtle  (c[_])\n        Sanic apps, served faster.\n\n"


def _own_versions() -> tuple[str, str]:
    from hurtle_app.__about__ import __sanic_version__, __version__

    return __version__, __sanic_version__


#: ``(Hurtle's version, the Sanic API level)`` for the banner's first line: this
#: package's own when used alone; the meta-package (``import sanic``) names the ``hurtle``
#: distribution the user installed and ``sanic.__version__``, as its ``packages`` line.
versions: Callable[[], tuple[str, str]] = _own_versions


def _version_line() -> str:
    """The banner's first line (the same as ``app.run``'s)."""
    hurtle, sanic = versions()
    return f"Hurtle v{hurtle} (Sanic v{sanic} compatible)"


def is_atty() -> bool:
    """True when stdout is a terminal."""
    return bool(sys.stdout) and sys.stdout.isatty()


def get_logo(full: bool = False, coffee: bool = False) -> str:
    """The banner logo (plain text; ``coffee`` for ``app.make_coffee()``)."""
    return COFFEE_LOGO if coffee else BASE_LOGO


class MOTD(ABC):
    """The banner; ``MOTD.output(...)`` picks the terminal or the plain log form."""

    def __init__(
        self,
        logo: str | None,
        serve_location: str,
        data: dict[str, str],
        extra: dict[str, str],
    ) -> None:
        self.logo = logo
        self.serve_location = serve_location
        self.data = data
        self.extra = extra

    @abstractmethod
    def display(
        self,
        version: bool = True,
        action: str = "Goin' Fast",
        out: Callable[..., Any] | None = None,
    ) -> None:
        """Write the banner with ``out`` (default: ``logger.info``); ``action`` starts the
        address line, ``version`` adds Hurtle's version line."""

    @classmethod
    def output(
        cls,
        logo: str | None,
        serve_location: str,
        data: dict[str, str],
        extra: dict[str, str],
    ) -> None:
        """Show the banner: boxed on a terminal, as log lines otherwise."""
        motd_class = MOTDTTY if is_atty() else MOTDBasic
        motd_class(logo, serve_location, data, extra).display()


class MOTDBasic(MOTD):
    """The banner as ``INFO`` log lines."""

    def display(
        self,
        version: bool = True,
        action: str = "Goin' Fast",
        out: Callable[..., Any] | None = None,
    ) -> None:
        """Log the logo, the address (none when there is no location, as under an ASGI
        server) and each data line, then each extra line (a key in both is shown twice)."""
        out = out or logger.info
        if self.logo:
            logger.debug(self.logo)
        if version:
            out(_version_line())
        if self.serve_location:
            out(f"{action} @ {self.serve_location}")
        for key, value in [*self.data.items(), *self.extra.items()]:
            out(f"{key}: {value}")


class MOTDTTY(MOTD):
    """The banner as a box on a terminal."""

    def __init__(
        self,
        logo: str | None,
        serve_location: str,
        data: dict[str, str],
        extra: dict[str, str],
    ) -> None:
        super().__init__(logo, serve_location, data, extra)
        self.set_variables()

    def set_variables(self) -> None:
        """Size the box to the terminal and the data."""
        pairs = [*self.data.items(), *self.extra.items()]
        lines = [f"{k}: {v}" for k, v in pairs]
        width = max([
            len(_version_line()), len(self.serve_location) + 14, *(len(line) for line in lines)
        ])
        # the fallback also when a terminal reports no size (0 columns)
        columns = shutil.get_terminal_size((100, 24)).columns
        self.width = min(width + 4, max(columns, 20))
        self.lines = lines

    def display(
        self,
        version: bool = True,
        action: str = "Goin' Fast",
        out: Callable[..., Any] | None = None,
    ) -> None:
        """Log the banner as one boxed block; a row wider than the box goes on the next
        lines (indented), so nothing is cut off on a narrow terminal."""
        out = out or logger.info
        inner = self.width - 4
        rows = [*self.lines]
        if self.serve_location:
            rows.insert(0, f"{action} @ {self.serve_location}")
        if version:
            rows.insert(0, _version_line())
        wrapped: list[str] = []
        for row in rows:
            wrapped += textwrap.wrap(
                row, inner, subsequent_indent="  ", break_on_hyphens=False
            ) or [""]
        box = ["┌" + "─" * (self.width - 2) + "┐"]
        logo = [line.strip() for line in (self.logo or "").splitlines() if line.strip()]
        if logo:  # the logo's lines centred on top, as the log form logs it first
            box += [f"│ {line[:inner].center(inner)} │" for line in logo]
            box.append("├" + "─" * (self.width - 2) + "┤")
        box += [f"│ {row.ljust(inner)} │" for row in wrapped]
        box.append("└" + "─" * (self.width - 2) + "┘")
        out("\n" + "\n".join(box))


__all__ = [
    "BASE_LOGO",
    "COFFEE_LOGO",
    "MOTD",
    "MOTDBasic",
    "MOTDTTY",
    "get_logo",
    "is_atty",
]
