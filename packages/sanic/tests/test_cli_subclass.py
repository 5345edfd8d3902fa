"""Programs that drive or subclass Sanic's command line: ``SanicCLI``, its argument
groups (``sanic.cli.arguments``), parser classes (``sanic.cli.base``) and the
inspector's parser (``sanic.cli.inspector``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

import pytest

from sanic.cli.app import SanicCLI
from sanic.cli.arguments import GeneralGroup, Group
from sanic.cli.base import SanicArgumentParser, SanicHelpFormatter
from sanic.cli.inspector import make_inspector_parser


@pytest.fixture
def registry() -> Iterator[None]:
    saved = list(Group._registry)
    yield
    Group._registry[:] = saved


def test_a_new_cli_has_sanics_attributes() -> None:
    cli = SanicCLI()
    assert isinstance(cli.parser, SanicArgumentParser) and cli.parser.prog == "sanic"
    assert cli.main_process is True and cli.run_mode == "serve"
    assert vars(cli.args) == {} and cli.groups == []
    cli.attach()
    names = [type(group).__name__ for group in cli.groups]
    assert names[:9] == ["GeneralGroup", "ApplicationGroup", "SocketGroup",
                         "HTTPVersionGroup", "TLSGroup", "DevelopmentGroup", "WorkerGroup",
                         "OutputGroup", "DaemonGroup"]
    assert cli.parser.parse_args(["mod:app", "--single-process"]).single is True


class Stop(Exception):
    pass


@pytest.fixture
def app_module(tmp_path, monkeypatch) -> Iterator[str]:
    """A module ``cli_sub_mod`` holding an app, importable for the test."""
    (tmp_path / "cli_sub_mod.py").write_text(
        "from sanic import Sanic\napp = Sanic('CliSubclassApp')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "cli_sub_mod"
    sys.modules.pop("cli_sub_mod", None)
    from sanic import Sanic

    Sanic._app_registry.pop("CliSubclassApp", None)


def test_run_parses_with_the_subclass_parser_and_hooks(registry, monkeypatch,
                                                       app_module) -> None:
    class ConfGroup(Group):
        name = "Config file"

        def attach(self, short: bool = False) -> None:
            self.container.add_argument("-c", "--conf")

    class MyCLI(SanicCLI):
        def __init__(self) -> None:
            super().__init__()
            self.parser = SanicArgumentParser(
                prog="my-tool",
                formatter_class=lambda prog: SanicHelpFormatter(
                    prog, max_help_position=36, indent_increment=4, width=None))

        def attach(self) -> None:
            super().attach()
            self.parser.add_argument("--greeting", default="hello")

        def _build_run_kwargs(self) -> dict:
            raise Stop(dict(super()._build_run_kwargs(), greeting=self.args.greeting,
                            conf=self.args.conf))

    monkeypatch.setattr(sys, "argv", ["my-tool"])
    cli = MyCLI()
    cli.attach()
    with pytest.raises(Stop) as stopped:
        cli.run([f"{app_module}:app", "--greeting", "hi", "-c", "x.json", "-p", "9001"])
    kwargs = stopped.value.args[0]
    assert (kwargs["greeting"], kwargs["conf"], kwargs["port"]) == ("hi", "x.json", 9001)
    assert cli.args.greeting == "hi" and cli.args.target == f"{app_module}:app"


def test_run_help_shows_the_subclass_parser(registry, capsys) -> None:
    class MyCLI(SanicCLI):
        def attach(self) -> None:
            super().attach()
            self.parser.add_argument("--greeting", help="how to greet")

    cli = MyCLI()
    cli.attach()
    cli.run(["--help"])
    assert "--greeting GREETING" in capsys.readouterr().out


def test_groups_can_be_removed_from_the_registry(registry) -> None:
    Group._registry.remove(GeneralGroup)  # a program with a fixed target, as biothings'
    cli = SanicCLI()
    cli.attach()
    args = cli.parser.parse_args(["-p", "9000"])
    assert args.port == 9000 and not hasattr(args, "target")


def test_make_inspector_parser_on_a_program_parser() -> None:
    parser = argparse.ArgumentParser()
    make_inspector_parser(parser)
    args = parser.parse_args(["reload", "--zero-downtime"])
    assert (args.action, args.zero_downtime, args.port) == ("reload", True, 6457)


def test_build_run_kwargs_runs_after_the_factory(tmp_path, monkeypatch, registry) -> None:
    (tmp_path / "made_mod.py").write_text(
        "from sanic import Sanic\n"
        "calls = []\n"
        "def make():\n"
        "    calls.append('factory')\n"
        "    return Sanic('MadeForKwargs')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["sanic"])

    class MyCLI(SanicCLI):
        def _build_run_kwargs(self) -> dict:
            import made_mod

            raise Stop(list(made_mod.calls))

    cli = MyCLI()
    try:
        with pytest.raises(Stop) as stopped:
            cli.run(["made_mod:make", "--factory"])
    finally:
        sys.modules.pop("made_mod", None)
        from sanic import Sanic

        Sanic._app_registry.pop("MadeForKwargs", None)
    assert stopped.value.args[0] == ["factory"]  # as Sanic: the app first, then the kwargs


def test_precheck_and_get_app_for_a_subclass_run(app_module, monkeypatch, capsys) -> None:
    from sanic.worker.loader import AppLoader

    cli = SanicCLI()
    cli.attach()
    cli.args = cli.parser.parse_args([f"{app_module}:app"])
    assert cli._precheck() is None
    assert cli._get_app(AppLoader(f"{app_module}:app")).name == "CliSubclassApp"
    cli.args = cli.parser.parse_args([f"{app_module}:app", "--cert", "only.pem"])
    with pytest.raises(SystemExit) as exited:
        cli._precheck()  # --cert without --key, as the command refuses it
    assert exited.value.code == 1
