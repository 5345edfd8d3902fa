"""``sanic``: run, inspect and manage Sanic applications served by Hurtle."""

from __future__ import annotations

import argparse
import asyncio
import errno
import inspect
import logging
import os
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from hurtle_cli.arguments import (
    add_inspect_options,
    build_inspect_command_parser,
    build_inspect_parser,
    build_parser,
)
from hurtle_cli.daemon_commands import check_daemon_options, daemon_command, start_daemon
from hurtle_cli.groups import Group, prepare_groups


def prepare_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments for ``app.prepare(...)`` that the options ask for."""
    kwargs: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "unix": args.unix or None,
        "workers": args.workers,
        "debug": args.debug,
        "dev": args.dev,
        "fast": args.fast,
        "single_process": args.single,
        "auto_tls": args.auto_tls,
        "verbosity": args.verbosity or 0,
    }
    if args.auto_reload:
        kwargs["auto_reload"] = True
    if args.path:
        # As Sanic's CLI: -R/--reload-dir turns auto-reload on (prepare(reload_dir=) alone
        # does not).
        kwargs["reload_dir"] = args.path
        kwargs["auto_reload"] = True
    for name in ("access_log", "motd", "noisy_exceptions", "coffee"):
        value = getattr(args, name)
        if value is not None:
            kwargs[name] = value
    check_tls_options(args)
    if args.cert:
        kwargs["ssl"] = {"cert": args.cert, "key": args.key}
    elif args.tls:
        kwargs["ssl"] = args.tls[0] if len(args.tls) == 1 else list(args.tls)
    if args.tlshost:
        # A list that starts with None: no default certificate for unknown server names.
        given = kwargs["ssl"]
        kwargs["ssl"] = [None, *(given if isinstance(given, list) else [given])]
    return kwargs


def check_tls_options(args: argparse.Namespace) -> None:
    """Exit 1 with Sanic's message when the TLS options do not go together: --cert
    without --key (or the reverse), --cert/--key with --tls, --tls-strict-host alone."""
    if (args.cert or args.key) and (args.tls or not (args.cert and args.key)):
        _tls_options_error()
    if args.tlshost and not (args.cert or args.tls):
        _tls_options_error()


TLS_OPTIONS_HELP = (
    "TLS certificates must be specified by either of:\n"
    "  --cert certdir/fullchain.pem --key certdir/privkey.pem\n"
    "  --tls certdir  (equivalent to the above)"
)


def _tls_options_error() -> None:
    """--cert without --key (or the reverse), --cert/--key mixed with --tls, or
    --tls-strict-host without certificates: Sanic's message, logged, and exit 1."""
    logging.getLogger("sanic.error").error(TLS_OPTIONS_HELP)
    raise SystemExit(1)


def load_app(args: argparse.Namespace, loader: Any = None) -> tuple[Any, Any]:
    """Load the target as Sanic would (or what ``loader`` loads); exit with a message
    that says how to fix it."""
    from hurtle_worker.load_errors import describe_load_error
    from hurtle_worker.loader import AppLoader

    if loader is None and not args.target.strip():
        raise SystemExit("sanic: the target is empty: give the app as 'module:app' (or "
                         "'module' for an `app` variable in it), or a folder with --simple.")
    try:
        if loader is None:
            # In the try: a malformed target (':app', 'module:') is refused here.
            loader = AppLoader(args.target, as_factory=args.factory, as_simple=args.simple,
                               args=args)
        app = loader.load()
    except Exception as exc:
        # A mistake in the user's code (a syntax error, a failing import or statement, a
        # factory that raises): the user's part of the traceback, then what failed.
        # The loader's own refusals (no such module or attribute) are one line.
        shown = describe_load_error(exc, skip=(os.path.dirname(__file__),))
        if shown is None:
            said = str(exc)
            if not said.startswith(f"Cannot load {args.target!r}"):  # the loader names it
                said = f"cannot load {args.target!r}: {said}"
            raise SystemExit(f"sanic: {said}") from None
        print(shown, file=sys.stderr)
        raise SystemExit(f"sanic: cannot load {args.target!r}: the error above was raised "
                         "while importing it or building the app.") from None
    if inspect.iscoroutine(app) and args.factory:
        app.close()  # never awaited: no RuntimeWarning on top of the message
        raise SystemExit(
            f"sanic: the factory {args.target!r} is async (it returned a coroutine, not a "
            f"Sanic app). Make it a plain function that returns the app."
        )
    if inspect.isclass(app):
        raise SystemExit(
            f"sanic: {args.target!r} is the class {app.__name__}, not an app: point at an "
            f"instance (app = {app.__name__}('name') in the module), or at a factory."
        )
    if not hasattr(app, "prepare"):
        kind = type(app).__name__
        what = "None" if app is None else f"{'an' if kind[:1] in 'aeiouAEIOU' else 'a'} {kind}"
        if loader.as_factory:
            raise SystemExit(f"sanic: the factory {args.target!r} returned {what}, not a "
                             "Sanic app. Make it return the app it builds.")
        raise SystemExit(
            f"sanic: {args.target!r} is {what}, not a Sanic app. "
            f"Point at the app instance (module:app) or use --factory for a factory."
        )
    return app, loader


def run_serve(args: argparse.Namespace, is_atty: Callable[[], bool] | None = None,
              build_kwargs: Callable[[argparse.Namespace], dict[str, Any]] | None = None,
              groups: Sequence[Group] = ()) -> int:
    """Serve the target as the options ask (``build_kwargs``: what makes the keyword
    arguments of ``app.prepare`` from them, by default ``prepare_kwargs``; ``groups``:
    the option groups whose ``prepare(args)`` runs once the app is loaded)."""
    # As Sanic: the TLS options are checked, then the app is loaded (a factory called,
    # with the options as parsed), then each group prepares them, then they become
    # prepare's keyword arguments (``_build_run_kwargs``).
    check_tls_options(args)
    app, loader = load_app(args)
    prepare_groups(groups, args)
    if 3 in (args.http or ()):
        raise SystemExit("sanic: HTTP/3 is not served by Hurtle; use --http=1")
    kwargs = (build_kwargs or prepare_kwargs)(args)
    status = check_daemon_options(args)
    if status == 0 and args.daemon:
        status = start_daemon(args, app.name)
    if status:
        return status
    try:
        app.prepare(**kwargs, **({"legacy": True} if args.legacy else {}))
    except Exception as exc:
        # Options the server cannot honour (a TLS mix-up, auto-TLS outside dev...): the
        # message says what to change; the traceback only helps with --debug or -v.
        if args.debug or args.verbosity:
            raise
        print(f"sanic: cannot serve {args.target}: {exc}", file=sys.stderr)
        return 1
    implicit = not args.repl and args.dev and getattr(args, "no_repl", True)
    if args.repl or implicit:
        # As Sanic: --dev opens the console too (unless --no-repl), when in a terminal.
        _attach_repl(app, kwargs, is_atty, implicit=bool(implicit))
    try:
        if args.legacy:
            type(app).serve_legacy(primary=app)
        elif args.single:
            type(app).serve_single(primary=app)
        else:
            type(app).serve(primary=app, app_loader=loader)
    except Exception as exc:
        # The main process could not start serving (the address is taken, a socket or
        # certificate cannot be used): Sanic's one line, even with --debug (as Sanic);
        # anything else shows its traceback with --debug or -v.
        if not _is_known_startup_error(exc) and (args.debug or args.verbosity):
            raise
        _log_startup_error(exc)
        return 1
    return 0


def _is_known_startup_error(exc: Exception) -> bool:
    """An OSError (a socket or file the server could not use), or a ServerError (from
    hurtle_http, which this package does not import): the failures Sanic reports in one
    line."""
    return (isinstance(exc, OSError)
            or any(cls.__name__ == "ServerError" for cls in type(exc).__mro__))


def _log_startup_error(exc: Exception) -> None:
    """Why serving could not start, as one ERROR record on ``sanic.error`` (with the
    logging format and handlers of the other start-up lines), worded as Sanic's."""
    error_logger = logging.getLogger("sanic.error")
    if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
        # Hurtle's message says which address (Sanic's does not).
        error_logger.error("Startup failed: %s", exc)
    elif isinstance(exc, OSError) and exc.errno is not None:
        error_logger.error("Startup failed due to OS error: %s (errno %s)",
                           exc.strerror or exc, exc.errno)
    elif isinstance(exc, OSError):
        # Raised with a message only (a unix socket's folder that does not exist): the
        # message says what (Sanic: `None (errno None)`).
        error_logger.error("Startup failed due to OS error: %s", exc)
    elif _is_known_startup_error(exc):
        error_logger.error("Startup failed due to server error. %s", exc)
    else:
        # An error of the app's own code (a main_process_* listener that raises): its
        # traceback, as Sanic shows it, so that the file and line are seen.
        error_logger.error("Startup failed: %s", exc, exc_info=exc)


def _attach_repl(app: Any, kwargs: dict[str, Any], is_atty: Callable[[], bool] | None,
                 implicit: bool = False) -> None:
    """Open the console once the server is up: in the main process (with workers), or in
    the serving process (single process). ``implicit`` (from ``--dev``): only in a
    terminal, and silently nothing otherwise."""
    from hurtle_cli.repl import start_repl

    if is_atty is not None:
        interactive = bool(is_atty())
    else:
        interactive = all(stream is not None and stream.isatty()
                          for stream in (sys.stdin, sys.stdout))
    if implicit and not interactive:
        return

    async def open_console(app: Any, *_: Any) -> None:
        start_repl(app, interactive, wait_for_enter=implicit)

    event = "after_server_start" if kwargs.get("single_process") else "main_process_ready"
    app.register_listener(open_console, event)


def app_commands(app: Any) -> dict[str, Callable[..., Any]]:
    """The ``@app.command`` functions of ``app``, by name (Sanic keeps them as
    ``FutureCommand(name, func)`` entries in ``app._future_commands``)."""
    commands: dict[str, Callable[..., Any]] = {}
    for entry in getattr(app, "_future_commands", None) or ():
        commands[entry.name] = entry.func
    commands.update(getattr(app, "_commands", None) or {})
    return commands


def _command_parser(target: str, commands: dict[str, Callable[..., Any]]
                    ) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"sanic {target} exec")
    # No metavar: argparse then names the argument "command" in its refusals, as Sanic's
    # does; usage still lists the choices.
    sub = parser.add_subparsers(dest="command", title="Commands")
    for name, func in sorted(commands.items()):
        summary = (inspect.getdoc(func) or "").strip().split("\n", 1)[0]
        command = sub.add_parser(name, help=summary or f"Execute {name}")
        for param in inspect.signature(func).parameters.values():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            # As Sanic: values arrive as the strings given (an annotation is only shown
            # in the help), and an option left out is None when the function gives no
            # default.
            annotation = param.annotation
            shown = None
            if annotation is not param.empty:
                shown = getattr(annotation, "__name__", None) or str(annotation)
            default = None if param.default is param.empty else param.default
            command.add_argument(f"--{param.name}", default=default, help=shown)
    return parser


def run_exec(args: argparse.Namespace, rest: list[str], raise_errors: bool = False,
             groups: Sequence[Group] = ()) -> int:
    """``sanic target exec <command> [--name value ...]``: run an ``@app.command``.

    An exception the command raises is shown trimmed to the command's frames (exit 1), or
    propagates with ``raise_errors`` (as it does out of Sanic's ``SanicCLI().run()``).
    ``groups`` prepare the options once the app is loaded, as for serving."""
    app, _ = load_app(args)
    prepare_groups(groups, args)
    commands = app_commands(app)
    parser = _command_parser(args.target, commands)
    if not rest:
        parser.print_help()
        if not commands:
            print(f"\n{args.target} defines no commands: decorate a function with "
                  "@app.command to add one." if hasattr(app, "command") else
                  "\nThis Sanic app has no app.command decorator in this version, so it "
                  "cannot define commands.")
        return 0
    ns = parser.parse_args(rest)
    kwargs = {k: v for k, v in vars(ns).items() if k != "command"}
    try:
        result = commands[ns.command](**kwargs)
        if inspect.isawaitable(result):
            asyncio.run(_await(result))
    except Exception as exc:
        if raise_errors:
            raise
        # The command's own traceback, without this module's and asyncio's frames; exit 1.
        from hurtle_worker.load_errors import describe_load_error

        skip = (os.path.dirname(__file__), os.path.dirname(asyncio.__file__))
        shown = describe_load_error(exc.with_traceback(_below_await(exc.__traceback__)),
                                    skip=skip)
        print(shown or f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


async def _await(awaitable: Any) -> Any:
    return await awaitable


def _below_await(tb: TracebackType | None) -> TracebackType | None:
    """``tb`` from the frame below ``_await`` on: the event loop's frames above it are
    not all in asyncio's folder (uvloop's, once its policy is installed, are compiled
    ``uvloop/loop.pyx`` frames) and would otherwise start the command's traceback."""
    start = tb
    while tb is not None:
        if tb.tb_frame.f_code is _await.__code__:
            start = tb.tb_next
        tb = tb.tb_next
    return start


def run_target_inspect(args: argparse.Namespace) -> int:
    """``sanic target --inspect`` (and the other 22.9-style inspector options): talk to
    the inspector that ``target``'s config names (INSPECTOR_HOST/PORT/API_KEY/TLS_*)."""
    from hurtle_inspector.client import InspectorClient

    app, _ = load_app(args)
    config = app.config
    if not config.get("INSPECTOR", False):
        print(f"sanic: {args.target} does not enable the inspector: set "
              "app.config.INSPECTOR = True (or SANIC_INSPECTOR=true) and restart it.",
              file=sys.stderr)
        return 1
    secure = isinstance(config.get("INSPECTOR_TLS_CERT"), str | os.PathLike)
    client = InspectorClient(
        str(config.get("INSPECTOR_HOST", "localhost")), int(config.get("INSPECTOR_PORT", 6457)),
        secure, args.inspect_action == "raw", config.get("INSPECTOR_API_KEY") or None,
    )
    action = args.inspect_action
    if action in ("info", "raw"):
        return _show_answer(client, client.info)
    return _show_answer(client, lambda: client.do(action))


def _show_answer(client: Any, ask: Callable[[], Any]) -> int:
    """Show what ``ask()`` gets from the inspector: 0, or 1 when the inspector answers
    with an error (printed to stderr) or nobody reads the output any more."""
    from hurtle_inspector.client import InspectorError

    try:
        client.show(ask())
    except InspectorError as exc:
        print(exc, file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`sanic inspect | head`): stop quietly, without a traceback
        # (Sanic prints `Startup failed due to OS error: Broken pipe`).
        _silence_stdout()
        return 1
    return 0


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what is left does
    not fail again on the closed pipe."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed to a pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def inspect_kwargs(command: str, rest: Sequence[str]) -> dict[str, Any]:
    """The JSON body ``sanic inspect COMMAND ...`` sends, as Sanic builds it: ``scale N``
    is ``replicas``, ``reload`` carries ``zero_downtime``, ``--flag`` is True, ``--no-flag``
    False, ``--key=value`` a string and other words go in ``args``."""
    kwargs: dict[str, Any] = {}
    rest = list(rest)
    if command == "scale":
        try:
            # As Sanic's parser: what int() reads (`3`, `-1`, `+3`) is the count.
            kwargs["replicas"] = int(rest[0]) if rest else None
        except ValueError:
            kwargs["replicas"] = None
        if kwargs["replicas"] is None:
            # A usage error, as Sanic's: status 2, with what was expected.
            scale = argparse.ArgumentParser(prog="sanic inspect scale")
            scale.add_argument("replicas", type=int, help="how many server workers to run")
            scale.error("the following arguments are required: replicas" if not rest else
                        f"argument replicas: invalid int value: {rest[0]!r}")
        rest.pop(0)
    elif command == "reload":
        kwargs["zero_downtime"] = "--zero-downtime" in rest
        rest = [item for item in rest if item != "--zero-downtime"]
    positional: list[str] = []
    ignored: list[str] = []
    options_seen = False
    for item in rest:
        if not item.startswith("-"):
            # As Sanic: words go in ``args`` only before the first option. One after an
            # option (``--times 2``) is not sent: it went to the first parameter.
            (ignored if options_seen else positional).append(item)
            continue
        options_seen = True
        key, sep, value = item.lstrip("-").partition("=")
        key = key.replace("-", "_")
        if sep:
            kwargs[key] = value
        elif key.startswith("no_"):
            kwargs[key[3:]] = False
        else:
            kwargs[key] = True
    if ignored:
        print(f"sanic inspect: not sent, as they follow an option: {' '.join(ignored)} "
              "(give an option's value as --key=value)", file=sys.stderr)
    if positional:
        kwargs["args"] = positional
    return kwargs


def _asks_for_help(words: Sequence[str]) -> bool:
    """Whether ``-h``/``--help`` is among the words after an inspect command."""
    return any(word in ("-h", "--help") for word in words)


def run_inspect(argv: Sequence[str], client_class: Any = None) -> int:
    """``sanic inspect [options] [command] [args]``."""
    from hurtle_inspector.client import InspectorClient

    args = build_inspect_parser().parse_args(list(argv))
    if args.rest:
        # As Sanic: the inspector's own options may follow the command too
        # (``sanic inspect scale 3 --port 7000``); what is left goes to the command.
        options = argparse.ArgumentParser(prog="sanic inspect", add_help=False,
                                          allow_abbrev=False)
        add_inspect_options(options)
        args, args.rest = options.parse_known_args(args.rest, namespace=args)
    if args.command is not None and _asks_for_help(args.rest):
        # As Sanic: `sanic inspect COMMAND --help` shows that command's usage (exit 0);
        # it was sent to the inspector as an argument, and could run the action.
        build_inspect_command_parser(args.command).print_help()
        return 0
    client = (client_class or InspectorClient)(
        args.host, args.port, args.secure, args.raw, args.api_key
    )
    if args.command is None:
        return _show_answer(client, client.info)
    # request(action, **arguments) as Sanic's CLI calls it (not do(): Sanic's client
    # class prints there already).
    return _show_answer(
        client,
        lambda: client.request(args.command, **inspect_kwargs(args.command, args.rest)),
    )


def parse_target_args(argv: Sequence[str], parser: argparse.ArgumentParser | None = None,
                      groups: list[Group] | None = None) -> argparse.Namespace:
    """Parse ``sanic <target> [action] [options]``. ``module.create_app()`` means a factory;
    with a factory, options the command does not know (``--foo=bar``) are kept on the
    namespace the factory receives when ``--factory`` is given, as Sanic does; otherwise
    (``create_app()`` included) they are an error.

    ``parser``: the parser to use (by default one made of every registered ``Group``,
    which are then appended to ``groups`` when it is given). The groups' ``prepare(args)``
    does not run here: as in Sanic, it runs once the app is loaded (``run_serve``,
    ``run_exec``)."""
    if parser is None:
        parser = build_parser(groups)
    args, extras = parser.parse_known_args(list(argv))
    # As Sanic: unknown options are kept only when --factory is given; the ``create_app()``
    # form alone does not make a mistyped option acceptable.
    keep_extras = args.factory
    if args.target.endswith("()"):
        args.target, args.factory = args.target[:-2], True
    if extras:
        if not keep_extras:
            parser.error(f"unrecognized arguments: {' '.join(extras)}")
        for key, value in factory_options(parser, extras).items():
            setattr(args, key, value)
    return args


def factory_options(parser: argparse.ArgumentParser, extras: Sequence[str]) -> dict[str, str]:
    """The options a ``--factory`` factory receives beyond the command's own, as Sanic
    reads them: each unknown ``--name`` takes one value (``--name=value`` or the next
    word), a string. Anything else (a stray word, an unknown ``-x``, a ``--name`` with no
    value) is a usage error (exit 2), not ignored while the app serves."""
    values: dict[str, str] = {}
    stray: list[str] = []
    words = iter(extras)
    for item in words:
        if not item.startswith("--") or item.strip("-") == "":
            stray.append(item)
            continue
        name, sep, value = item.partition("=")
        if not sep:
            value = next(words, "-")
            if value.startswith("-"):
                parser.error(f"argument {name}: expected one argument")
        values[name.lstrip("-").replace("-", "_")] = value
    if stray:
        parser.error(f"unrecognized arguments: {' '.join(stray)}")
    return values


def main(argv: Sequence[str] | None = None, *, inspector_client: Any = None,
         is_atty: Callable[[], bool] | None = None, raise_command_errors: bool = False,
         parser: argparse.ArgumentParser | None = None, groups: list[Group] | None = None,
         on_args: Callable[[argparse.Namespace], None] | None = None,
         build_kwargs: Callable[[argparse.Namespace], dict[str, Any]] | None = None) -> int:
    """Entry point of the ``sanic`` command (``inspector_client``: the client class
    ``sanic inspect`` uses, by default ``hurtle_inspector.InspectorClient``;
    ``raise_command_errors``: let an ``exec`` command's exception propagate).

    For programs that drive the command (``SanicCLI``): ``parser`` and ``groups`` parse
    and prepare the target's options instead of every registered group, ``on_args`` is
    given the parsed options before anything runs, and ``build_kwargs`` makes the keyword
    arguments of ``app.prepare`` from them."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["-v"]:  # as Sanic: -v alone is the version, with a target it is verbosity
        from hurtle_app.versions import version_line

        print(version_line())
        return 0
    if argv and argv[0] in ("help", "-h", "--help"):
        (parser or build_parser()).print_help()
        return 0
    if argv and argv[0] == "inspect":
        return run_inspect(argv[1:], inspector_client)
    if argv and (argv[0] in ("kill", "status", "restart") or (
        argv[0] == "stop" and any(a.startswith("--pid") for a in argv[1:])
    )):
        return daemon_command(argv[0], argv[1:])
    rest: list[str] = []
    if len(argv) >= 2 and argv[1] == "exec":
        argv, rest = argv[:2], argv[2:]
    groups = [] if groups is None else groups  # without a parser: filled as it is made
    args = parse_target_args(argv, parser, groups)
    if on_args is not None:
        on_args(args)
    if args.action == "exec":
        return run_exec(args, rest, raise_command_errors, groups)
    if args.inspect_action:
        return run_target_inspect(args)
    if args.action in ("status", "stop", "restart"):
        app, _ = load_app(args)
        return daemon_command(args.action, ["--pidfile", args.pidfile] if args.pidfile else [],
                              app_name=app.name)
    return run_serve(args, is_atty, build_kwargs, groups)


__all__ = ["app_commands", "main", "prepare_kwargs"]
