"""The parser and help formatter classes of the ``sanic`` command, for programs that
build their own command line around it (``sanic.cli.base``)."""

from __future__ import annotations

import argparse
from typing import Any


class SanicArgumentParser(argparse.ArgumentParser):
    """The ``sanic`` command's parser class: an ``argparse.ArgumentParser``, so a program
    can make one with its own ``prog``, description and formatter and attach the
    command's argument groups to it (``Group.create(parser)``). Its sub-commands accept
    any word when they have a ``"<custom>"`` one (``SanicSubParsersAction``)."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if isinstance(action, SanicSubParsersAction) and CUSTOM in action._name_parser_map:
            return
        super()._check_value(action, value)


class SanicHelpFormatter(argparse.RawTextHelpFormatter):
    """Keeps the line breaks of descriptions and option help as written (a logo, an
    example block); takes argparse's ``max_help_position``, ``indent_increment`` and
    ``width``."""


CUSTOM = "<custom>"


class SanicSubParsersAction(argparse._SubParsersAction):
    """Sub-commands (``parser.add_subparsers(action=SanicSubParsersAction)``); a word that
    names none of them goes to the sub-parser named ``"<custom>"`` when there is one
    (the inspector's custom actions), whole."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if values and values[0] not in self._name_parser_map and CUSTOM in self._name_parser_map:
            values = [CUSTOM, *values]
        super().__call__(parser, namespace, values, option_string)


__all__ = ["CUSTOM", "SanicArgumentParser", "SanicHelpFormatter", "SanicSubParsersAction"]
