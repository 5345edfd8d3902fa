"""``sanic.cli.base``: the ``sanic`` command's parser and help formatter classes."""

from hurtle_cli.base import SanicArgumentParser, SanicHelpFormatter, SanicSubParsersAction

__all__ = ["SanicArgumentParser", "SanicHelpFormatter", "SanicSubParsersAction"]
