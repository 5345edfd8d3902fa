"""Argument groups: a program's own ``Group`` subclass adds options to the ``sanic``
command, and the parsed options carry Sanic's names."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from hurtle_app.http_versions import HTTP
from hurtle_cli.arguments import build_parser, make_inspector_parser
from hurtle_cli.base import SanicArgumentParser, SanicSubParsersAction
from hurtle_cli.groups import Group, prepare_groups
from hurtle_cli.main import main, parse_target_args


@pytest.fixture
def registry() -> Iterator[None]:
    """Forget the groups a test defines."""
    saved = list(Group._registry)
    yield
    Group._registry[:] = saved


def _conf_group(seen: list[str | None]) -> type[Group]:
    class ConfGroup(Group):
        name = "Config file"

        def attach(self, short: bool = False) -> None:
            self.container.add_argument("-c", "--conf", help="the program's config file")

        def prepare(self, args: argparse.Namespace) -> None:
            seen.append(args.conf)
            args.conf = args.conf or "default.json"

    return ConfGroup


def test_a_group_subclass_is_registered_and_shown_in_help(registry, capsys) -> None:
    _conf_group([])
    assert Group._registry[-1].name == "Config file"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Config file:" in out and "-c CONF, --conf CONF" in out


def _parse_and_prepare(argv: list[str]) -> argparse.Namespace:
    groups: list[Group] = []
    args = parse_target_args(argv, groups=groups)
    prepare_groups(groups, args)
    return args


def test_a_group_subclass_option_is_parsed_and_prepared(registry) -> None:
    seen: list[str | None] = []
    _conf_group(seen)
    assert parse_target_args(["mod:app"]).conf is None  # parsing alone prepares nothing
    assert _parse_and_prepare(["mod:app", "-c", "x.json"]).conf == "x.json"
    assert _parse_and_prepare(["mod:app"]).conf == "default.json"  # prepare() ran
    assert seen == ["x.json", None]


def test_a_group_whose_attach_takes_no_short_is_attached(registry) -> None:
    class Old(Group):
        name = "Old"

        def attach(self):  # written for Sanic before attach(short=...)
            self.container.add_argument("--old", action="store_true")

    assert build_parser().parse_args(["mod:app", "--old"]).old is True


def test_parsed_options_carry_sanics_names() -> None:
    args = _parse_and_prepare(["mod:app", "--single-process", "--tls-strict-host", "-3", "-1"])
    assert args.single is True and args.tlshost is True
    assert args.http == (3, 1)  # HTTPVersionGroup.prepare: each once, highest first
    args = _parse_and_prepare(["mod:app", "--no-repl"])
    assert (args.repl, args.no_repl, args.http, args.unix) == (False, False, (1,), "")


@pytest.mark.parametrize("given", [["-1", "-3", "-1"], ["--http=1", "--http=3"], ["-3", "-1"]])
def test_http_versions_are_prepared_as_http_members_highest_first(given: list[str]) -> None:
    # As Sanic: a Group's prepare() or a SanicCLI subclass reading args.http after
    # HTTPVersionGroup sees HTTP members (display(), name), each once, highest first,
    # whatever the order they were given in.
    args = _parse_and_prepare(["mod:app", *given])
    assert [(type(v), v.name, v.display()) for v in args.http] == [
        (HTTP, "VERSION_3", "HTTP/3"), (HTTP, "VERSION_1", "HTTP/1.1")]
    assert _parse_and_prepare(["mod:app"]).http[0].display() == "HTTP/1.1"


def test_add_bool_arguments_makes_an_exclusive_pair(registry) -> None:
    class Flags(Group):
        name = "Flags"

        def attach(self, short: bool = False) -> None:
            self.add_bool_arguments("--thing", help="use a thing")
            self.add_bool_arguments("--other", nullable=True, help="other",
                                    negative_help="not other")

    parser = argparse.ArgumentParser(prog="x")
    Flags.create(parser).attach()
    assert vars(parser.parse_args([])) == {
        "thing": False, "no_thing": True, "other": None, "no_other": True}
    assert vars(parser.parse_args(["--no-thing", "--other"])) == {
        "thing": False, "no_thing": False, "other": True, "no_other": True}
    with pytest.raises(SystemExit):
        parser.parse_args(["--thing", "--no-thing"])
    helps = [a.help for a in parser._actions[1:]]
    assert helps == ["Use a thing", "Disable use a thing", "Other", "Not other"]


def test_create_makes_a_titled_container_or_uses_the_parser() -> None:
    class Untitled(Group):
        name = None

    try:
        parser = argparse.ArgumentParser()
        assert Untitled.create(parser).container is parser
        from hurtle_cli.groups import SocketGroup

        group = SocketGroup.create(parser)
        assert group.container.title == "Socket binding" and group.parser is parser
    finally:
        Group._registry.remove(Untitled)


def test_make_inspector_parser_takes_custom_actions() -> None:
    parser = SanicArgumentParser(prog="tool")
    sub = parser.add_subparsers(action=SanicSubParsersAction, dest="command")
    make_inspector_parser(sub.add_parser("inspect"))
    args, rest = parser.parse_known_args(["inspect", "-p", "7000", "scale", "3"])
    assert (args.action, args.replicas, args.port, rest) == ("scale", 3, 7000, [])
    args, rest = parser.parse_known_args(["inspect", "greet", "bob", "--times=2"])
    assert (args.action, args.positional, rest) == ("<custom>", ["greet", "bob"], ["--times=2"])


_ORDER_MODULE = """
from hurtle_app import Sanic


class App(Sanic):
    def prepare(self, **kwargs):
        raise AssertionError("prepared: the probe group should have stopped it")


app = App("GroupOrder")


def create_app(args):
    print("factory", args.http, flush=True)
    return app
"""


def _order_group(seen: list[str]) -> type[Group]:
    class Probe(Group):
        name = "Probe"

        def prepare(self, args: argparse.Namespace) -> None:
            loaded = "group_order" in __import__("sys").modules
            seen.append(f"prepare loaded={loaded} http={args.http}")
            raise SystemExit(7)  # stop before serving

    return Probe


@pytest.fixture
def order_target(importable) -> str:
    return importable("group_order", _ORDER_MODULE, "GroupOrder")


@pytest.mark.parametrize("argv", [["{t}:app"], ["{t}:app", "exec", "x"]])
def test_groups_prepare_once_the_app_is_loaded(registry, order_target, argv) -> None:
    # As Sanic: the target is loaded first, then each group prepares the options.
    seen: list[str] = []
    _order_group(seen)
    with pytest.raises(SystemExit) as exited:
        main([a.format(t=order_target) for a in argv])
    assert exited.value.code == 7
    assert seen == ["prepare loaded=True http=(<HTTP.VERSION_1: 1>,)"]


def test_a_factory_gets_the_options_as_parsed(registry, order_target, capsys) -> None:
    seen: list[str] = []
    _order_group(seen)
    with pytest.raises(SystemExit):
        main([f"{order_target}:create_app", "--factory", "--http=3"])
    assert capsys.readouterr().out == "factory [3]\n"
    assert seen == ["prepare loaded=True http=(<HTTP.VERSION_3: 3>,)"]


@pytest.mark.parametrize("option", ["--pidfile=x.pid", "--http=3"])
def test_an_unloadable_target_is_reported_before_the_options(registry, option) -> None:
    seen: list[str] = []
    _order_group(seen)
    with pytest.raises(SystemExit) as exited:
        main(["no_such_module_here:app", option])
    assert "cannot load 'no_such_module_here:app'" in str(exited.value.code)
    assert seen == []


def test_the_daemon_groups_refusal_stops_later_groups(registry, order_target) -> None:
    seen: list[str] = []
    _order_group(seen)
    with pytest.raises(SystemExit) as exited:
        main([f"{order_target}:app", "--logfile=x.log"])
    assert exited.value.code == "Error: --pidfile and --logfile require --daemon"
    assert seen == []
