"""The ``sanic`` command's options, grouped as Sanic's CLI groups them."""

from __future__ import annotations

import argparse

from hurtle_app.versions import version_line

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

ACTIONS = ("serve", "exec", "status", "restart", "stop")


def _toggle(group: argparse._ArgumentGroup, name: str, dest: str, help_on: str,
            help_off: str | None) -> None:
    # As Sanic: --X and --no-X together are a usage error (exit 2), not "the last wins".
    pair = group.add_mutually_exclusive_group()
    pair.add_argument(f"--{name}", dest=dest, action="store_true", default=None, help=help_on)
    pair.add_argument(f"--no-{name}", dest=dest, action="store_false", help=help_off)


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``sanic <target> [action] [options]``."""
    parser = argparse.ArgumentParser(
        prog="sanic",
        usage=USAGE,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("target", help="path.to.module:app, a factory, or a directory")
    parser.add_argument(
        "action", nargs="?", default="serve", choices=ACTIONS,
        help="serve (default), exec, or for a daemon: status, restart (not yet) or stop",
    )
    parser.add_argument("--version", action="version", version=version_line())

    app = parser.add_argument_group("Application")
    kind = app.add_mutually_exclusive_group()  # as Sanic: a factory or a directory
    kind.add_argument("--factory", action="store_true", help="target is a () -> app factory")
    kind.add_argument("-s", "--simple", action="store_true", help="serve the directory in target")
    _toggle(app, "repl", "repl", "open a Python console (with await) beside the server", None)

    sock = parser.add_argument_group("Socket binding")
    sock.add_argument("-H", "--host", default=None, help="host address [default 127.0.0.1]")
    sock.add_argument("-p", "--port", type=int, default=None, help="port [default 8000]")
    sock.add_argument("-u", "--unix", default=None, help="location of a UNIX socket")

    http = parser.add_argument_group("HTTP version")
    http.add_argument("--http", type=int, choices=(1, 3), default=1, dest="http",
                      help="HTTP version; only 1 is served by Hurtle")
    http.add_argument("-1", dest="http", action="store_const", const=1)
    http.add_argument("-3", dest="http", action="store_const", const=3)

    tls = parser.add_argument_group("TLS certificate")
    tls.add_argument("--cert", default=None, help="fullchain.pem or equivalent")
    tls.add_argument("--key", default=None, help="privkey.pem or equivalent")
    tls.add_argument("--tls", default=None, action="append", metavar="DIR",
                     help="folder with fullchain.pem and privkey.pem (repeatable)")
    tls.add_argument("--tls-strict-host", action="store_true")

    dev = parser.add_argument_group("Development")
    dev.add_argument("--debug", action="store_true", help="debug mode")
    dev.add_argument("-r", "--reload", "--auto-reload", dest="auto_reload", action="store_true",
                     help="restart workers when source files change")
    dev.add_argument("-R", "--reload-dir", dest="path", action="append", default=None,
                     help="extra directory to watch (repeatable)")
    dev.add_argument("-d", "--dev", action="store_true", help="debug + auto-reload")
    dev.add_argument("--auto-tls", action="store_true", help="temporary local TLS certificate")

    worker = parser.add_argument_group("Worker")
    # As in Sanic: a worker count, --fast and --single-process exclude one another.
    how_many = worker.add_mutually_exclusive_group()
    how_many.add_argument("-w", "--workers", type=int, default=1,
                          help="worker processes [default 1]")
    how_many.add_argument("--fast", action="store_true", help="one worker per CPU")
    how_many.add_argument("--single-process", action="store_true", help="no worker processes")
    worker.add_argument("--legacy", action="store_true", help="the pre-manager runner")
    _toggle(worker, "access-logs", "access_log", "display access logs", "no access logs")

    out = parser.add_argument_group("Output")
    _toggle(out, "coffee", "coffee", "coffee in the banner", "no coffee")
    _toggle(out, "motd", "motd", "show the start-up banner", "no start-up banner")
    out.add_argument("-v", "--verbosity", action="count", default=0, help="more log output")
    _toggle(out, "noisy-exceptions", "noisy_exceptions", "log every exception's traceback",
            "do not log every traceback")

    # Sanic 22.9-22.12 spelled the inspector as options of the app target (seed 004);
    # Sanic 25.12 has only `sanic inspect`. Both work here.
    inspect = parser.add_argument_group("Inspector (Sanic 22.9 style; see `sanic inspect`)")
    one = inspect.add_mutually_exclusive_group()
    for flag, action, text in (
        ("--inspect", "info", "inspect a running instance, human readable"),
        ("--inspect-raw", "raw", "inspect a running instance, JSON output"),
        ("--trigger-reload", "reload", "make the running instance reload its workers"),
        ("--trigger-shutdown", "shutdown", "make the running instance shut down"),
    ):
        one.add_argument(flag, dest="inspect_action", action="store_const", const=action,
                         help=text)

    daemon = parser.add_argument_group("Daemon")
    daemon.add_argument("-D", "--daemon", action="store_true", help="run in the background")
    daemon.add_argument("--pidfile", default=None,
                        help="PID file path instead of the app's default (with --daemon)")
    daemon.add_argument("--logfile", default=None,
                        help="log file for the daemon's output (with --daemon)")
    daemon.add_argument("--user", dest="daemon_user", default=None,
                        help="run the daemon as this user name (needs root)")
    daemon.add_argument("--group", dest="daemon_group", default=None,
                        help="run the daemon with this group name (needs root)")
    return parser


def add_inspect_options(parser: argparse.ArgumentParser) -> None:
    """The options ``sanic inspect`` takes before or after its command."""
    parser.add_argument("-H", "--host", default="localhost", help="inspector host")
    parser.add_argument("-p", "--port", type=int, default=6457, help="inspector port")
    parser.add_argument("-s", "--secure", action="store_true", help="use TLS")
    parser.add_argument("-k", "--api-key", default=None, help="inspector API key")
    parser.add_argument("--raw", action="store_true", help="print the raw JSON")


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
           "build_inspect_parser", "build_parser"]
