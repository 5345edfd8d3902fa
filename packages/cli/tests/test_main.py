"""The `sanic` command turns options into the app.prepare() arguments Sanic's CLI passes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hurtle_cli.arguments import build_parser
from hurtle_cli.main import main, prepare_kwargs


def kwargs_for(*argv: str) -> dict:
    return prepare_kwargs(build_parser().parse_args(["app:app", *argv]))


def test_defaults_leave_host_and_port_to_the_app() -> None:
    kw = kwargs_for()
    assert kw["host"] is None and kw["port"] is None
    assert kw["workers"] == 1 and kw["single_process"] is False
    assert "access_log" not in kw and "ssl" not in kw


def test_coffee_and_motd_parse_to_sanics_defaults() -> None:
    # As Sanic's parser: a custom Group's prepare(args) sees False and True (it saw None),
    # and --no-motd / --coffee still reach prepare().
    args = build_parser().parse_args(["app:app"])
    assert (args.coffee, args.motd) == (False, True)
    assert (kwargs_for()["coffee"], kwargs_for()["motd"]) == (False, True)
    assert (kwargs_for("--coffee")["coffee"], kwargs_for("--no-motd")["motd"]) == (True, False)


def test_binding_workers_and_dev_options() -> None:
    kw = kwargs_for("-H", "0.0.0.0", "-p", "9000", "-w", "4", "--dev", "--no-access-logs",
                    "-R", "templates", "-R", "static", "-vv")
    assert (kw["host"], kw["port"], kw["workers"]) == ("0.0.0.0", 9000, 4)
    assert kw["dev"] is True and kw["access_log"] is False
    assert kw["reload_dir"] == ["templates", "static"]
    assert kw["auto_reload"] is True  # as Sanic's CLI: -R turns auto-reload on
    assert kw["verbosity"] == 2


def test_tls_options_build_the_ssl_argument() -> None:
    assert kwargs_for("--cert", "c.pem", "--key", "k.pem")["ssl"] == {"cert": "c.pem", "key": "k.pem"}
    assert kwargs_for("--tls", "certs/")["ssl"] == "certs/"
    assert kwargs_for("--tls", "a", "--tls", "b")["ssl"] == ["a", "b"]


@pytest.mark.parametrize(
    "mistake",
    [("--cert", "c.pem"), ("--key", "k.pem"), ("--cert", "c.pem", "--key", "k.pem", "--tls", "d"),
     ("--tls-strict-host",)],
)
def test_tls_option_mistakes_log_sanics_help_and_exit_1(mistake, caplog) -> None:
    with pytest.raises(SystemExit) as exited:
        kwargs_for(*mistake)
    assert exited.value.code == 1
    assert "TLS certificates must be specified by either of:" in caplog.text
    assert "--tls certdir  (equivalent to the above)" in caplog.text


def test_unknown_action_is_refused() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["app:app", "launch"])


def test_help_prints_usage(capsys) -> None:
    assert main(["help"]) == 0
    assert "sanic <target> [options]" in capsys.readouterr().out


def test_console_script_is_installed() -> None:
    proc = subprocess.run([sys.executable, "-m", "hurtle_cli", "help"], capture_output=True,
                          text=True, timeout=30)
    assert proc.returncode == 0
    assert "inspect" in proc.stdout


def test_workers_fast_and_single_process_exclude_each_other(capsys) -> None:
    for argv in (["-w", "2", "--single-process"], ["--fast", "-w", "2"],
                 ["--fast", "--single-process"]):
        with pytest.raises(SystemExit) as exc:
            build_parser().parse_args(["app:app", *argv])
        assert exc.value.code == 2
        assert "not allowed with argument" in capsys.readouterr().err



@pytest.mark.parametrize("argv", [
    ["--access-logs", "--no-access-logs"], ["--no-motd", "--motd"],
    ["--noisy-exceptions", "--no-noisy-exceptions"], ["--coffee", "--no-coffee"],
    ["--repl", "--no-repl"], ["--simple", "--factory"],
])
def test_an_option_and_its_negation_are_a_usage_error(argv, capsys) -> None:
    # As Sanic: `sanic app --access-logs --no-access-logs` exits 2 naming both options
    # (it served, the last one winning); so do --simple and --factory together.
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["app:app", *argv])
    assert exc.value.code == 2
    first = argv[0].replace("--simple", "-s/--simple")
    assert f"argument {argv[1]}: not allowed with argument {first}" in capsys.readouterr().err
    assert build_parser().parse_args(["app:app", argv[1]]) is not None

def test_no_target_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    assert "required: target" in capsys.readouterr().err


EXEC_MODULE = """
from collections import namedtuple

FutureCommand = namedtuple("FutureCommand", "name func")

class App:
    def prepare(self, **kwargs):
        pass

async def greet(name: str, times: int = 1):
    \"\"\"Greet someone.

    The rest of the docstring is not shown.
    \"\"\"
    print(("hello " + name + " ") * int(times))

def plain():
    print("plain ran")

async def failing():
    raise LookupError("no such user")

def show(one, two: str, three: str = "..."):
    print(f"{one=} {two=} {three=}")

app = App()
app._future_commands = {
    FutureCommand("greet", greet), FutureCommand("other", plain), FutureCommand("show", show),
    FutureCommand("failing", failing),
}
"""


@pytest.fixture
def exec_module(importable) -> str:
    return importable("cmd_app", EXEC_MODULE)


def test_exec_runs_a_command_with_its_options_as_given(exec_module, capsys) -> None:
    # As Sanic: the values are the strings given, whatever the annotations say (which
    # the help shows).
    assert main([f"{exec_module}:app", "exec", "greet", "--name", "bob", "--times=2"]) == 0
    assert capsys.readouterr().out.strip() == "hello bob hello bob"
    assert main([f"{exec_module}:app", "exec", "show", "--one=1", "--two=x"]) == 0
    assert capsys.readouterr().out == "one='1' two='x' three='...'\n"
    with pytest.raises(SystemExit):
        main([f"{exec_module}:app", "exec", "greet", "--help"])
    usage = capsys.readouterr().out
    assert "--times TIMES  int" in usage and "--name NAME    str" in usage
    assert main([exec_module, "exec", "other"]) == 0
    assert capsys.readouterr().out.strip() == "plain ran"


def test_exec_lists_commands_and_refuses_unknown_ones(exec_module, capsys) -> None:
    assert main([f"{exec_module}:app", "exec"]) == 0
    listing = capsys.readouterr().out
    # A command's help is its docstring's first line, as Sanic shows it.
    assert "Greet someone." in listing and "The rest" not in listing
    assert "Execute greet" not in listing and "Execute other" in listing
    assert "{failing,greet,other,show}" in listing
    with pytest.raises(SystemExit) as exc:
        main([f"{exec_module}:app", "exec", "nope"])
    assert exc.value.code == 2
    # The refusal names the argument as Sanic's does, not by the list of commands.
    assert "error: argument command: invalid choice: 'nope'" in capsys.readouterr().err
    # An option without a default that is left out arrives as None, as in Sanic.
    capsys.readouterr()
    assert main([f"{exec_module}:app", "exec", "show"]) == 0
    assert capsys.readouterr().out == "one=None two=None three='...'\n"
    assert main([f"{exec_module}:app", "exec", "show", "--one=1", "--two=2"]) == 0
    assert capsys.readouterr().out == "one='1' two='2' three='...'\n"


def test_a_failing_command_shows_its_own_traceback_and_exits_1(exec_module, capsys) -> None:
    assert main([f"{exec_module}:app", "exec", "failing"]) == 1
    err = capsys.readouterr().err
    assert 'cmd_app.py", line' in err and "in failing" in err
    assert err.strip().endswith("LookupError: no such user")
    assert "hurtle_cli" not in err and "asyncio" not in err


def test_a_failing_command_traceback_is_trimmed_under_the_uvloop_policy(
    exec_module, capsys
) -> None:
    # Once uvloop's policy is installed (as serving, or a test client, leaves it), the
    # loop's first frame is a compiled uvloop/loop.pyx one: it must not start the
    # shown traceback and drag the CLI's own frames in after it.
    import asyncio

    import uvloop

    previous = asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    try:
        assert main([f"{exec_module}:app", "exec", "failing"]) == 1
    finally:
        asyncio.set_event_loop_policy(previous)
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n  File ") and "in failing" in err
    assert "hurtle_cli" not in err and "uvloop" not in err and "_await" not in err


def test_seed_style_inspector_options_are_one_at_a_time(capsys) -> None:
    assert build_parser().parse_args(["app:app", "--inspect-raw"]).inspect_action == "raw"
    assert build_parser().parse_args(["app:app", "--trigger-reload"]).inspect_action == "reload"
    assert build_parser().parse_args(["app:app"]).inspect_action is None
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["app:app", "--inspect", "--trigger-shutdown"])
    assert exc.value.code == 2


def test_tls_strict_host_puts_none_before_the_certificates() -> None:
    """A list that starts with None is what makes Sanic's certificate list strict."""
    assert kwargs_for("--tls", "a", "--tls", "b", "--tls-strict-host")["ssl"] == [None, "a", "b"]
    assert kwargs_for("--tls", "a", "--tls-strict-host")["ssl"] == [None, "a"]


def test_version_prints_the_sanic_and_routing_api_levels(capsys) -> None:
    from hurtle_app.versions import ROUTING_VERSION, SANIC_VERSION

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    # The line Sanic 25.12 prints, so scripts that parse it keep working.
    assert capsys.readouterr().out.strip() == (
        f"Sanic {SANIC_VERSION}; Routing {ROUTING_VERSION}"
    )
    assert (SANIC_VERSION, ROUTING_VERSION) == ("25.12.0", "23.12.0")


def test_v_alone_is_the_version_and_with_a_target_is_verbosity(capsys) -> None:
    from hurtle_app.versions import version_line

    assert main(["-v"]) == 0
    assert capsys.readouterr().out == version_line() + "\n"
    assert kwargs_for("-v")["verbosity"] == 1


@pytest.mark.parametrize(
    ("words", "sent"),
    [
        (["reload"], {"zero_downtime": False}),
        (["reload", "--zero-downtime"], {"zero_downtime": True}),
        (["shutdown"], {}),
        (["scale", "9"], {"replicas": 9}),
        (["scale", "+3"], {"replicas": 3}),  # as Sanic's int() (it was a usage error)
        (["scale", "-1"], {"replicas": -1}),  # refused by the inspector, as in Sanic
        (["custom", "--flag"], {"flag": True}),
        (["custom", "--no-flag"], {"flag": False}),
        (["custom", "--name=value"], {"name": "value"}),
        (["custom", "one", "two", "--name=x"], {"args": ["one", "two"], "name": "x"}),
        # Words after an option are not sent, as in Sanic ("2" went to the first
        # parameter, "al" clashed with name=True).
        (["custom", "--times", "2"], {"times": True}),
        (["custom", "bob", "--name", "al", "--times=3"],
         {"args": ["bob"], "name": True, "times": "3"}),
        (["custom", "--times=2", "bob"], {"times": "2"}),
        (["custom", "x", "--flag", "x"], {"args": ["x"], "flag": True}),
    ],
)
def test_inspect_commands_send_what_sanic_sends(words, sent) -> None:
    from hurtle_cli.main import inspect_kwargs

    assert inspect_kwargs(words[0], words[1:]) == sent


@pytest.mark.parametrize(("words", "message"), [
    (["scale"], "the following arguments are required: replicas"),
    (["scale", "many"], "argument replicas: invalid int value: 'many'"),
    (["scale", "1.5"], "argument replicas: invalid int value: '1.5'"),
])
def test_inspect_scale_without_a_number_is_a_usage_error(words, message, capsys) -> None:
    from hurtle_cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(["inspect", *words])
    assert exc.value.code == 2  # as Sanic's, before any connection is tried
    assert message in capsys.readouterr().err


FACTORY_MODULE = """
class App:
    def __init__(self, label):
        self.label = label
    def prepare(self, **kwargs):
        pass

def create_app():
    return App("plain")

def create_app_with_args(args):
    return App(getattr(args, "foo", None) or args.target)
"""


@pytest.fixture
def factory_module(importable) -> str:
    return importable("factory_app", FACTORY_MODULE)


def test_factory_targets_as_sanic_reads_them(factory_module, capsys) -> None:
    from hurtle_cli.main import load_app, parse_target_args

    def loaded(*argv: str) -> str:
        return load_app(parse_target_args(list(argv)))[0].label

    assert loaded(f"{factory_module}.create_app()") == "plain"
    assert loaded(f"{factory_module}.create_app") == "plain"  # a function is a factory
    # A factory taking one argument gets the parsed options, unknown ones included.
    assert loaded(f"{factory_module}:create_app_with_args", "--factory") == (
        f"{factory_module}:create_app_with_args"
    )
    assert loaded(f"{factory_module}:create_app_with_args", "--factory", "--foo=bar") == "bar"
    with pytest.raises(SystemExit):
        parse_target_args([f"{factory_module}:create_app", "--foo=bar"])  # no factory
    assert "unrecognized arguments: --foo=bar" in capsys.readouterr().err
    # As Sanic: only the --factory option keeps unknown options; the `create_app()` form
    # is a factory too, but a mistyped option there is still a usage error (exit 2), not
    # ignored while the app serves.
    with pytest.raises(SystemExit) as exc:
        parse_target_args([f"{factory_module}:create_app()", "--hosts=1"])
    assert exc.value.code == 2
    assert "unrecognized arguments: --hosts=1" in capsys.readouterr().err


@pytest.mark.parametrize(("extra", "error"), [
    (["stray"], "unrecognized arguments: stray"),
    (["exec", "hello"], "unrecognized arguments: exec hello"),  # exec goes first
    (["-x"], "unrecognized arguments: -x"),
    (["--foo"], "argument --foo: expected one argument"),
    (["--foo=1", "--bar", "-p", "8000"], "argument --bar: expected one argument"),
])
def test_what_a_factory_cannot_take_is_a_usage_error(factory_module, capsys, extra,
                                                     error) -> None:
    # With --factory every word the command did not know was kept (a stray word as an
    # attribute set to True) and the app served, ignoring it; as Sanic, each unknown
    # --name takes one value and anything else is refused (exit 2).
    from hurtle_cli.main import parse_target_args

    with pytest.raises(SystemExit) as exc:
        parse_target_args([f"{factory_module}:create_app_with_args", "--factory", *extra])
    assert exc.value.code == 2
    assert error in capsys.readouterr().err


def test_a_factory_option_takes_the_next_word_as_its_value(factory_module) -> None:
    # `--foo bar` gave the factory foo=True and bar=True; Sanic's gets foo="bar".
    from hurtle_cli.main import load_app, parse_target_args

    args = parse_target_args([f"{factory_module}:create_app_with_args", "--factory",
                              "--foo", "bar", "--log-level=debug", "-p", "8001"])
    assert (args.foo, args.log_level, args.port) == ("bar", "debug", 8001)
    assert load_app(args)[0].label == "bar"


@pytest.mark.parametrize(("target", "said"), [
    ("", "sanic: the target is empty: give the app as 'module:app'"),
    ("   ", "sanic: the target is empty: give the app as 'module:app'"),
    (":app", "sanic: Cannot load ':app': use 'module:app' or 'module.app'"),
    ("factory_app:", "sanic: Cannot load 'factory_app:': use 'module:app' or 'module.app'"),
])
def test_an_empty_or_malformed_target_is_one_line(factory_module, target, said) -> None:
    # ':app' and 'module:' ended in the loader's ValueError traceback (its constructor ran
    # outside the error handling), and '' said "AppLoader needs a module_input".
    with pytest.raises(SystemExit) as exc:
        main([target])
    assert str(exc.value.code).startswith(said)


NOT_APPS_MODULE = """
from hurtle_app import Sanic

number = 3
AppClass = Sanic


def make_nothing():
    return None
"""


@pytest.mark.parametrize(("argv", "said"), [
    (["not_apps:number"], "sanic: 'not_apps:number' is an int, not a Sanic app."),
    (["not_apps:AppClass"], "sanic: 'not_apps:AppClass' is the class Sanic, not an app: "
                            "point at an instance"),
    (["not_apps:make_nothing", "--factory"],
     "sanic: the factory 'not_apps:make_nothing' returned None, not a Sanic app."),
    (["not_apps:make_nothing()"],
     "sanic: the factory 'not_apps:make_nothing' returned None, not a Sanic app."),
])
def test_what_is_not_an_app_is_named(importable, argv, said) -> None:
    # The class itself failed later with "prepare() missing 1 required positional
    # argument: 'self'"; a factory returning None was "a NoneType ... or use --factory"
    # with --factory given; an int was "a int".
    importable("not_apps", NOT_APPS_MODULE)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert str(exc.value.code).startswith(said)


def test_inspect_calls_the_clients_request_with_the_action_and_its_arguments(capsys) -> None:
    from hurtle_cli.main import run_inspect

    calls: list[tuple[tuple, dict]] = []

    class RecordingClient:
        def __init__(self, *args: object) -> None:
            self.args = args

        def request(self, *args: object, **kwargs: object) -> str:
            calls.append((args, kwargs))
            return "done"

        def show(self, result: object) -> None:
            print(result)

    assert run_inspect(["foo", "positional", "--bar=something"], RecordingClient) == 0
    assert run_inspect(["scale", "9"], RecordingClient) == 0
    assert calls == [(("foo",), {"args": ["positional"], "bar": "something"}),
                     (("scale",), {"replicas": 9})]
    assert capsys.readouterr().out == "done\ndone\n"


def test_the_default_client_posts_actions_and_gets_the_info() -> None:
    from hurtle_inspector.client import InspectorClient

    seen: list[tuple[str, str]] = []

    class Recording(InspectorClient):
        def _open(self, req, **kwargs):
            seen.append((req.get_method(), req.full_url))
            raise OSError("not really sent")

    client = Recording("localhost", 1)
    for call in (lambda: client.request("reload"), lambda: client.request(), client.info):
        with pytest.raises(Exception, match="Could not connect"):
            call()
    assert seen == [("POST", "http://localhost:1/reload"), ("GET", "http://localhost:1/"),
                    ("GET", "http://localhost:1/")]


@pytest.mark.parametrize("command", ["status", "kill", "restart"])
def test_process_commands_without_pid_are_usage_errors_not_module_names(command, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command])
    assert exited.value.code == 2
    assert "one of the arguments --pid --pidfile is required" in capsys.readouterr().err


SERVE_MODULE = """
from hurtle_app import Sanic


class App(Sanic):
    def prepare(self, **kwargs):
        self.ctx.prepared = kwargs

    @classmethod
    def serve(cls, primary=None, app_loader=None):
        primary.ctx.served = True


app = App("ServeNothing")
"""


@pytest.fixture
def serve_module(importable) -> str:
    return importable("serve_nothing", SERVE_MODULE, "ServeNothing")


@pytest.mark.parametrize(
    ("flags", "expected"),
    [(["--dev"], [True]), (["--dev", "--no-repl"], []), (["--repl"], [False]), ([], [])],
)
def test_dev_opens_the_console_unless_no_repl(serve_module, monkeypatch, flags, expected) -> None:
    cli_main = sys.modules["hurtle_cli.main"]
    calls: list[bool] = []
    monkeypatch.setattr(cli_main, "_attach_repl",
                        lambda app, kwargs, is_atty, implicit=False: calls.append(implicit))
    assert main([f"{serve_module}:app", *flags]) == 0
    assert calls == expected


def test_the_implicit_console_of_dev_needs_a_terminal() -> None:
    from hurtle_cli.main import _attach_repl

    registered: list[str] = []

    class Recorder:
        def register_listener(self, func, event):
            registered.append(event)

    _attach_repl(Recorder(), {}, lambda: False, implicit=True)
    assert registered == []
    _attach_repl(Recorder(), {}, lambda: True, implicit=True)
    _attach_repl(Recorder(), {}, lambda: False)  # asked for: it says why it cannot run
    assert registered == ["main_process_ready", "main_process_ready"]


@pytest.mark.parametrize(("words", "shown"), [
    (["reload", "-h"], "--zero-downtime"),
    (["scale", "--help"], "replicas"),
    (["scale", "2", "-h"], "replicas"),
    (["shutdown", "--help"], "sanic inspect shutdown"),
    (["foo", "--bar=1", "-h"], "--key=value"),
])
def test_inspect_command_help_is_shown_not_sent(words, shown, capsys) -> None:
    # As Sanic: `sanic inspect COMMAND --help` prints that command's usage and exits 0.
    # It was sent to the inspector (`h=True`), so an action taking **kwargs ran.
    from hurtle_cli.main import run_inspect

    class NoClient:
        def __init__(self, *args: object) -> None:
            raise AssertionError("no inspector is called for --help")

    assert run_inspect(words, NoClient) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: sanic inspect {words[0]}") and shown in out


def test_inspect_options_may_follow_the_command_as_in_sanic(capsys) -> None:
    # `sanic inspect scale 3 --port 7000`: Sanic reads --port (and the other inspector
    # options) after the command too; they were sent to the command as arguments and the
    # client went to the default port.
    from hurtle_cli.main import run_inspect

    made: list[tuple] = []
    calls: list[tuple[tuple, dict]] = []

    class RecordingClient:
        def __init__(self, *args: object) -> None:
            made.append(args)

        def request(self, *args: object, **kwargs: object) -> str:
            calls.append((args, kwargs))
            return "done"

        def show(self, result: object) -> None:
            print(result)

    assert run_inspect(["scale", "3", "--port", "7000", "-H", "127.0.0.1"], RecordingClient) == 0
    assert run_inspect(["reload", "--zero-downtime", "--raw", "-p", "7001"], RecordingClient) == 0
    assert run_inspect(["foo", "x", "--api-key", "k", "--bar=1"], RecordingClient) == 0
    assert made == [("127.0.0.1", 7000, False, False, None),
                    ("localhost", 7001, False, True, None),
                    ("localhost", 6457, False, False, "k")]
    assert calls == [(("scale",), {"replicas": 3}), (("reload",), {"zero_downtime": True}),
                     (("foo",), {"args": ["x"], "bar": "1"})]


@pytest.mark.parametrize(("source", "target", "shown", "last"), [
    ("from sanic import Sanic\napp = Sanic('Never'\n", "syntax_mistake",
     ["syntax_mistake.py\", line 2", "app = Sanic('Never'"], "SyntaxError: '(' was never closed"),
    ("import json\nimport not_installed_anywhere\n", "import_mistake",
     ["import_mistake.py\", line 2, in <module>", "import not_installed_anywhere"],
     "ModuleNotFoundError: No module named 'not_installed_anywhere'"),
    ("def build():\n    raise RuntimeError('no settings')\n", "factory_mistake:build",
     ["factory_mistake.py\", line 2, in build", "raise RuntimeError('no settings')"],
     "RuntimeError: no settings"),
])
def test_an_error_in_the_users_code_shows_where_it_is_and_exits_1(
    importable, capsys, source, target, shown, last
) -> None:
    from hurtle_cli.main import main

    importable(target.partition(":")[0], source)
    with pytest.raises(SystemExit) as exc:
        main([target, "--factory"] if ":" in target else [target])
    err = capsys.readouterr().err
    assert all(text in err for text in shown)
    assert last in err.splitlines()
    assert f"sanic: cannot load {target!r}: the error above" in str(exc.value.code)
    # Neither the command line's nor the loader's nor importlib's frames.
    assert "hurtle_cli" not in err and "hurtle_worker" not in err and "importlib" not in err


def test_an_async_factory_is_named_as_such(importable, capsys) -> None:
    # `sanic mod:make --factory` with `async def make()`: the message said "use --factory
    # for a factory" although --factory was given (and a "never awaited" warning followed).
    module = importable("async_factory_mod", "async def make():\n    return None\n")
    with pytest.raises(SystemExit) as exc:
        main([f"{module}:make", "--factory"])
    message = str(exc.value.code)
    assert "is async" in message and "plain function" in message
    assert "use --factory" not in message


SERVE_RAISING_MODULE = """
from hurtle_app import Sanic


def open_pool():
    raise ValueError("no pool configured")


class App(Sanic):
    def prepare(self, **kwargs):
        pass

    @classmethod
    def serve(cls, primary=None, app_loader=None):
        open_pool()  # as a main_process_start/ready listener that raises


app = App("ServeRaising")
"""


def test_an_error_raised_while_starting_shows_where_it_is(importable, caplog) -> None:
    # `sanic mod:app` with a main_process_* listener that raises: Sanic shows the
    # traceback; Hurtle logged `Startup failed: no pool configured` alone (the traceback
    # only with --debug or -v), so the listener's file and line were not shown.
    import logging

    module = importable("serve_raising", SERVE_RAISING_MODULE, "ServeRaising")
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        assert main([f"{module}:app"]) == 1
    assert "Startup failed: no pool configured" in caplog.text
    assert "in open_pool" in caplog.text
    assert "ValueError: no pool configured" in caplog.text
