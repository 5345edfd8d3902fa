"""The ``sanic`` command's options, grouped as Sanic's CLI groups them."""

from __future__ import annotations

import argparse

from hurtle_cli.base import CUSTOM, SanicArgumentParser, SanicSubParsersAction
from hurtle_cli.groups import ACTIONS, Group, attach_groups

USAGE = """\
  sanic <target> [options]       Run a Sanic application
  sanic <target> exec <cmd>      Execute a command in app context
  sanic inspect [options]        Inspect a running instance
  sanic help [--full]            Show help (--full for all options)
"""

DESCRIPTION = """\
Run a Sanic application (served by Hurtle).

  sanic path.to.server:app          an app instance in the module's global scope
  sanic path.to.server              the same, when the variable is called `app`
  sanic path.to.server:create_app   a factory returning an app (with --factory)
  sanic ./path/to/static --simple   serve a directory as a simple HTTP server

Daemons (started with --daemon):

  sanic path.to.server status|stop|restart             the app's, by its default PID file
  sanic status|kill|restart (--pid PID | --pidfile PATH)   any (kill: SIGKILL)
"""

def build_parser(groups: list[Group] | None = None) -> argparse.ArgumentParser:
    """The parser for ``sanic <target> [action] [options]``: one group of each class in
    ``Group._registry`` (a program's own ``Group`` subclasses included). The groups made
    are appended to ``groups`` when it is given, for their ``prepare(args)``."""
    parser = SanicArgumentParser(
        prog="sanic",
        usage=USAGE,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    made = attach_groups(parser)
    if groups is not None:
        groups.extend(made)
    return parser


def add_inspect_options(parser: argparse.ArgumentParser) -> None:
    """The options ``sanic inspect`` takes before or after its command."""
    parser.add_argument("-H", "--host", default="localhost", help="inspector host")
    parser.add_argument("-p", "--port", type=int, default=6457, help="inspector port")
    parser.add_argument("-s", "--secure", action="store_true", help="use TLS")
    parser.add_argument("-k", "--api-key", default=None, help="inspector API key")
    parser.add_argument("--raw", action="store_true", help="print the raw JSON")


def make_inspector_parser(parser: argparse.ArgumentParser) -> None:
    """Add ``sanic inspect``'s options and its actions to ``parser`` (a program's own
    ``inspect`` sub-command): ``action`` is ``reload`` (``zero_downtime``), ``shutdown``,
    ``scale`` (``replicas``) or, for any other word, ``"<custom>"`` with the words in
    ``positional`` (its ``--key=value`` options are left unparsed)."""
    add_inspect_options(parser)
    actions = parser.add_subparsers(action=SanicSubParsersAction, dest="action",
                                    title="Actions")
    reload = actions.add_parser("reload", help="restart the server workers")
    reload.add_argument("--zero-downtime", action="store_true",
                        help="stop each old worker once its replacement is serving")
    actions.add_parser("shutdown", help="stop the application and all of its processes")
    scale = actions.add_parser("scale", help="run this many server workers")
    scale.add_argument("replicas", type=int, help="how many server workers to run")
    custom = actions.add_parser(CUSTOM, help="a custom inspector action")
    custom.add_argument("positional", nargs="*", help="its positional arguments")


def build_inspect_parser() -> argparse.ArgumentParser:
    """The parser for ``sanic inspect [options] [command] [--arg=value ...]``."""
    parser = argparse.ArgumentParser(prog="sanic inspect", description="Inspect a running instance")
    add_inspect_options(parser)
    parser.add_argument("command", nargs="?", default=None,
                        help="reload, shutdown, scale N, or a custom command")
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def build_inspect_command_parser(command: str) -> argparse.ArgumentParser:
    """The usage of one ``sanic inspect COMMAND`` (what ``COMMAND --help`` prints)."""
    parser = argparse.ArgumentParser(prog=f"sanic inspect {command}")
    add_inspect_options(parser)
    if command == "reload":
        parser.description = "Restart the server workers (and transient processes)."
        parser.add_argument("--zero-downtime", action="store_true",
                            help="stop each old worker once its replacement is serving")
    elif command == "scale":
        parser.description = "Run this many server workers."
        parser.add_argument("replicas", type=int, help="how many server workers to run")
    elif command == "shutdown":
        parser.description = "Stop the application and all of its processes."
    else:
        parser.description = (
            f"Run the custom inspector action {command!r}: words before the first option "
            "are sent as its positional arguments, --key=value as a keyword argument "
            "(a string), --flag as True and --no-flag as False."
        )
        parser.add_argument("positional", nargs="*", help="positional arguments")
    return parser


__all__ = ["ACTIONS", "add_inspect_options", "build_inspect_command_parser",
           "build_inspect_parser", "build_parser", "make_inspector_parser"]
