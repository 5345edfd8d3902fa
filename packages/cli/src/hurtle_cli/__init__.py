"""The ``sanic`` command line: run, inspect and manage Sanic apps served by Hurtle."""

from hurtle_cli.__about__ import __version__
from hurtle_cli.arguments import build_inspect_parser, build_parser
from hurtle_cli.groups import Group
from hurtle_cli.main import main, prepare_kwargs

__all__ = ["Group", "__version__", "build_inspect_parser", "build_parser", "main",
           "prepare_kwargs"]
