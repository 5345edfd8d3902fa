"""The ``sanic`` command's options as argument groups (``sanic.cli.arguments``).

Each group is a class with a ``name`` (its title in the help; ``None`` puts its options
on the parser itself) and an ``attach()`` that adds its options to ``self.container``.
Defining a subclass of ``Group`` registers it: the ``sanic`` command (and ``SanicCLI``)
makes one of each class in ``Group._registry``, in order, so a program that imports its
own group before running the command gets its options in ``sanic --help`` and on the
parsed namespace. Once the app is loaded, each group's ``prepare(args)`` may adjust the
namespace (or refuse it with ``SystemExit``).

The option names, destinations and defaults are Sanic 25.12's (a factory and a group's
``prepare`` read ``args.single``, ``args.tlshost``, ``args.http``...); the help is ours.
"""

from __future__ import annotations

import argparse
import inspect
from typing import Any, ClassVar

from hurtle_app.http_versions import HTTP
from hurtle_app.versions import version_line

ACTIONS = ("serve", "exec", "status", "restart", "stop")

Container = argparse.ArgumentParser | argparse._ArgumentGroup


class Group:
    """One titled set of the command's options; subclasses register themselves."""

    name: ClassVar[str | None]
    container: Container
    _registry: ClassVar[list[type[Group]]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        Group._registry.append(cls)

    def __init__(self, parser: argparse.ArgumentParser, title: str | None) -> None:
        self.parser = parser
        self.container = parser if title is None else parser.add_argument_group(title)

    @classmethod
    def create(cls, parser: argparse.ArgumentParser) -> Group:
        """A group of this class on ``parser``, titled ``cls.name`` (``attach()`` adds
        its options)."""
        return cls(parser, cls.name)

    def attach(self, short: bool = False) -> None:
        """Add this group's options to ``self.container`` (``short``: the help asked for
        is the short one; Hurtle's help always lists every option)."""

    def prepare(self, args: argparse.Namespace) -> None:
        """Adjust the parsed ``args`` before the command uses them."""

    def add_bool_arguments(self, *args: str, nullable: bool = False, help: str,
                           negative_help: str | None = None, **kwargs: Any) -> None:
        """``--name`` and ``--no-name``, which exclude one another. ``--name`` stores True
        in ``name`` (default False, or None when ``nullable``); ``--no-name`` stores False
        in ``no_name`` (default True)."""
        pair = self.container.add_mutually_exclusive_group()
        pair.add_argument(*args, action="store_true", default=None if nullable else False,
                          help=_capitalised(help), **kwargs)
        negative = [f"--no-{arg[2:]}" for arg in args if arg.startswith("--")]
        if negative_help is None:
            negative_help = f"disable {help[:1].lower()}{help[1:]}"
        pair.add_argument(*negative, action="store_false", help=_capitalised(negative_help),
                          **kwargs)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _toggle(container: Container, name: str, dest: str, help_on: str,
            help_off: str | None, default: Any = None) -> None:
    # As Sanic: --X and --no-X together are a usage error (exit 2), not "the last wins".
    pair = container.add_mutually_exclusive_group()
    pair.add_argument(f"--{name}", dest=dest, action="store_true", default=default,
                      help=help_on)
    pair.add_argument(f"--no-{name}", dest=dest, action="store_false", help=help_off)


class GeneralGroup(Group):
    """The target, the action and ``--version``."""

    name = None

    def attach(self, short: bool = False) -> None:
        self.container.add_argument("--version", action="version", version=version_line())
        self.container.add_argument(
            "target", help="path.to.module:app, a factory, or a directory")
        self.container.add_argument(
            "action", nargs="?", default="serve", choices=ACTIONS,
            help="serve (default), exec, or for a daemon: status, restart (not yet) or stop")


class ApplicationGroup(Group):
    """What the target is, and the console."""

    name = "Application"

    def attach(self, short: bool = False) -> None:
        kind = self.container.add_mutually_exclusive_group()  # a factory or a directory
        kind.add_argument("--factory", action="store_true", help="target is a () -> app factory")
        kind.add_argument("-s", "--simple", action="store_true",
                          help="serve the directory in target")
        pair = self.container.add_mutually_exclusive_group()
        pair.add_argument("--repl", action="store_true",
                          help="open a Python console (with await) beside the server")
        pair.add_argument("--no-repl", action="store_false",
                          help="no console, even with --dev")


class SocketGroup(Group):
    """Where to listen."""

    name = "Socket binding"

    def attach(self, short: bool = False) -> None:
        self.container.add_argument("-H", "--host", type=str,
                                    help="host address [default 127.0.0.1]")
        self.container.add_argument("-p", "--port", type=int, help="port [default 8000]")
        self.container.add_argument("-u", "--unix", type=str, default="",
                                    help="location of a UNIX socket")


class HTTPVersionGroup(Group):
    """``--http``, ``-1``, ``-3``: a list of versions, made a tuple by ``prepare``."""

    name = "HTTP version"

    def attach(self, short: bool = False) -> None:
        self.container.add_argument("--http", type=int, choices=(1, 3), action="append",
                                    dest="http", help="HTTP version; only 1 is served here")
        self.container.add_argument("-1", dest="http", action="append_const", const=1,
                                    help="HTTP/1.1")
        self.container.add_argument("-3", dest="http", action="append_const", const=3,
                                    help="HTTP/3 (not served by Hurtle)")

    def prepare(self, args: argparse.Namespace) -> None:
        # As Sanic: each version once as an ``HTTP`` member, the highest first; HTTP/1.1
        # when none is given.
        args.http = tuple(sorted({HTTP(version) for version in args.http or (1,)},
                                 reverse=True))


class TLSGroup(Group):
    """Certificates."""

    name = "TLS certificate"

    def attach(self, short: bool = False) -> None:
        self.container.add_argument("--cert", type=str, help="fullchain.pem or equivalent")
        self.container.add_argument("--key", type=str, help="privkey.pem or equivalent")
        self.container.add_argument("--tls", type=str, action="append", metavar="DIR",
                                    help="folder with fullchain.pem and privkey.pem "
                                         "(repeatable)")
        self.container.add_argument("--tls-strict-host", dest="tlshost", action="store_true",
                                    help="refuse TLS clients whose SNI name matches no "
                                         "certificate")


class DevelopmentGroup(Group):
    """Debug, auto-reload and local TLS."""

    name = "Development"

    def attach(self, short: bool = False) -> None:
        self.container.add_argument("--debug", action="store_true", help="debug mode")
        self.container.add_argument("-r", "--reload", "--auto-reload", dest="auto_reload",
                                    action="store_true",
                                    help="restart workers when source files change")
        self.container.add_argument("-R", "--reload-dir", dest="path", action="append",
                                    help="extra directory to watch (repeatable)")
        self.container.add_argument("-d", "--dev", action="store_true",
                                    help="debug + auto-reload")
        self.container.add_argument("--auto-tls", action="store_true",
                                    help="temporary local TLS certificate")


class WorkerGroup(Group):
    """How many processes, and access logs."""

    name = "Worker"

    def attach(self, short: bool = False) -> None:
        # As in Sanic: a worker count, --fast and --single-process exclude one another.
        how_many = self.container.add_mutually_exclusive_group()
        how_many.add_argument("-w", "--workers", type=int, default=1,
                              help="worker processes [default 1]")
        how_many.add_argument("--fast", action="store_true", help="one worker per CPU")
        how_many.add_argument("--single-process", dest="single", action="store_true",
                              help="no worker processes")
        self.container.add_argument("--legacy", action="store_true",
                                    help="the pre-manager runner (Hurtle)")
        _toggle(self.container, "access-logs", "access_log", "display access logs",
                "no access logs")


class OutputGroup(Group):
    """Banner, verbosity and exception logging."""

    name = "Output"

    def attach(self, short: bool = False) -> None:
        # As Sanic's parser, the defaults are False and True (a custom Group's prepare()
        # reads them); passed on to prepare() they change nothing (no coffee unless asked
        # for anywhere, and the banner's own default is on).
        _toggle(self.container, "coffee", "coffee", "coffee in the banner", "no coffee",
                default=False)
        _toggle(self.container, "motd", "motd", "show the start-up banner",
                "no start-up banner", default=True)
        self.container.add_argument("-v", "--verbosity", action="count",
                                    help="more log output (-vv: more still)")
        _toggle(self.container, "noisy-exceptions", "noisy_exceptions",
                "log every exception's traceback", "do not log every traceback")


class DaemonGroup(Group):
    """Running in the background."""

    name = "Daemon"

    def attach(self, short: bool = False) -> None:
        self.container.add_argument("-D", "--daemon", action="store_true",
                                    help="run in the background")
        self.container.add_argument(
            "--pidfile", type=str,
            help="PID file path instead of the app's default (with --daemon)")
        self.container.add_argument("--logfile", type=str,
                                    help="log file for the daemon's output (with --daemon)")
        self.container.add_argument("--user", dest="daemon_user", type=str,
                                    help="run the daemon as this user name (needs root)")
        self.container.add_argument("--group", dest="daemon_group", type=str,
                                    help="run the daemon with this group name (needs root)")

    def prepare(self, args: argparse.Namespace) -> None:
        # As Sanic: the refusal is the exit message (stderr, status 1), and the groups
        # after this one are not prepared.
        if not args.daemon and (args.pidfile or args.logfile):
            raise SystemExit("Error: --pidfile and --logfile require --daemon")


class LegacyInspectorGroup(Group):
    """Sanic 22.9-22.12 spelled the inspector as options of the app target (seed 004);
    Sanic 25.12 has only ``sanic inspect``. Both work here."""

    name = "Inspector (Sanic 22.9 style; see `sanic inspect`)"

    def attach(self, short: bool = False) -> None:
        one = self.container.add_mutually_exclusive_group()
        for flag, action, text in (
            ("--inspect", "info", "inspect a running instance, human readable"),
            ("--inspect-raw", "raw", "inspect a running instance, JSON output"),
            ("--trigger-reload", "reload", "make the running instance reload its workers"),
            ("--trigger-shutdown", "shutdown", "make the running instance shut down"),
        ):
            one.add_argument(flag, dest="inspect_action", action="store_const", const=action,
                             help=text)


def attach_groups(parser: argparse.ArgumentParser, short: bool = False) -> list[Group]:
    """One group of each registered class on ``parser``, attached; the groups, in order.

    A group class whose ``attach`` takes no ``short`` (written for older Sanic) is
    attached all the same."""
    groups = []
    for cls in list(Group._registry):
        group = cls.create(parser)
        if _takes_short(group.attach):
            group.attach(short=short)
        else:
            group.attach()
        groups.append(group)
    return groups


def _takes_short(attach: Any) -> bool:
    try:
        params = inspect.signature(attach).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.name == "short" or p.kind is p.VAR_KEYWORD for p in params)


def prepare_groups(groups: list[Group], args: argparse.Namespace) -> None:
    """Let each group adjust the parsed ``args``, in order."""
    for group in groups:
        group.prepare(args)


__all__ = ["ACTIONS", "ApplicationGroup", "DaemonGroup", "DevelopmentGroup", "GeneralGroup",
           "Group", "HTTPVersionGroup", "LegacyInspectorGroup", "OutputGroup", "SocketGroup",
           "TLSGroup", "WorkerGroup", "attach_groups", "prepare_groups"]
