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


def test_run_parses_with_the_subclass_parser_and_hooks(registry, monkeypatch) -> None:
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
        cli.run(["mod:app", "--greeting", "hi", "-c", "x.json", "-p", "9001"])
    kwargs = stopped.value.args[0]
    assert (kwargs["greeting"], kwargs["conf"], kwargs["port"]) == ("hi", "x.json", 9001)
    assert cli.args.greeting == "hi" and cli.args.target == "mod:app"


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
