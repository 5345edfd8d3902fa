"""``sanic.cli.inspector``: the options and actions of ``sanic inspect``, for a program's
own parser."""

from hurtle_cli.arguments import make_inspector_parser
from hurtle_cli.base import SanicHelpFormatter, SanicSubParsersAction

__all__ = ["SanicHelpFormatter", "SanicSubParsersAction", "make_inspector_parser"]
