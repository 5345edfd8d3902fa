"""Sanic's CLI entry points: ``sanic.__main__.main(args)`` and the inspector client module."""

from __future__ import annotations

import json
from unittest.mock import MagicMock

import pytest

import sanic.cli.inspector_client as inspector_client
from sanic.__main__ import main


def test_main_takes_an_argument_list(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("Sanic 25.12.0; Routing ")


def test_inspect_command_posts_its_arguments(monkeypatch, capsys) -> None:
    sent: list[tuple[str, str, dict]] = []

    def fake_urlopen(req, **_):
        sent.append((req.full_url, req.get_method(), json.loads(req.data)))
        answer = MagicMock()
        answer.__enter__.return_value.read.return_value = b'{"result": "ok"}'
        return answer

    monkeypatch.setattr(inspector_client, "urlopen", fake_urlopen)
    main(["inspect", "--port", "6999", "scale", "3"])
    assert sent == [("http://localhost:6999/scale", "POST", {"replicas": 3})]
    assert capsys.readouterr().out == "ok\n"  # a message result prints as is, as Sanic's


def _answering(body: bytes):
    def fake_urlopen(req, **_):
        answer = MagicMock()
        answer.__enter__.return_value.read.return_value = body
        return answer

    return fake_urlopen


def test_client_do_prints_what_the_action_answered(monkeypatch, capsys) -> None:
    from sanic.cli.inspector_client import InspectorClient

    monkeypatch.setattr(inspector_client, "urlopen", _answering(b'{"result": "bar is 99"}'))
    assert InspectorClient("localhost", 9999, False, False, None).do("foo", bar=99) \
        == "bar is 99"
    assert capsys.readouterr().out == "bar is 99\n"
    info = {"info": {"app": "Demo"}, "workers": {}}
    monkeypatch.setattr(inspector_client, "urlopen",
                        _answering(json.dumps({"result": info}).encode()))
    InspectorClient("localhost", 9999, False, True, None).do("info")
    assert capsys.readouterr().out == json.dumps(info, separators=(",", ":")) + "\n"


def test_client_do_exits_when_the_inspector_is_not_there(monkeypatch, capsys) -> None:
    from urllib.error import URLError

    from sanic.cli.inspector_client import InspectorClient

    def refused(req, **_):
        raise URLError("refused")

    monkeypatch.setattr(inspector_client, "urlopen", refused)
    with pytest.raises(SystemExit) as exited:
        InspectorClient("localhost", 9999, False, False, None).do("info")
    assert exited.value.code == 1
    assert capsys.readouterr().err.startswith(
        "Could not connect to inspector at: http://localhost:9999\n"
        "Either the application is not running, or it did not start an inspector instance"
    )


def test_client_do_returns_when_sys_exit_does_not_end_the_process(monkeypatch, capsys) -> None:
    # a test or tool that replaces sys.exit: do() returned into an UnboundLocalError
    from urllib.error import URLError

    from sanic.cli.inspector_client import InspectorClient

    def refused(req, **_):
        raise URLError("")

    codes: list[int] = []
    monkeypatch.setattr(inspector_client, "urlopen", refused)
    monkeypatch.setattr(inspector_client.sys, "exit", codes.append)
    assert InspectorClient("localhost", 9999, False, False, None).do("info") is None
    assert codes == [1]
    assert capsys.readouterr().err.endswith("\n<urlopen error >\n")


def test_banner_brackets_an_ipv6_host(caplog) -> None:
    import logging

    from sanic import Sanic
    from sanic.runner import _motd

    app = Sanic("BannerSix")
    info = {"ssl": None, "unix": None, "sock": None, "host": "::1", "port": 8123}
    with caplog.at_level(logging.INFO):
        _motd(app, [info], 1)
    assert "Goin' Fast @ http://[::1]:8123" in caplog.text
    Sanic._app_registry.pop("BannerSix", None)


def test_a_failing_exec_command_raises_out_of_main(tmp_path, monkeypatch, capsys) -> None:
    # As Sanic: sanic.__main__.main() (and SanicCLI().run()) let the command's exception
    # out, so a suite can assert it (sanic-ext's command injection tests do); Hurtle
    # turned it into SystemExit(1). `python -m sanic` still shows it trimmed (exit 1).
    import subprocess
    import sys

    from sanic import Sanic

    (tmp_path / "cmd_fail_app.py").write_text(
        "from sanic import Sanic\n"
        "app = Sanic('CmdFailApp')\n"
        "@app.command\n"
        "async def boom():\n"
        "    raise LookupError('no such user')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(Sanic, "_app_registry", {})
    with pytest.raises(LookupError, match="no such user"):
        main(["cmd_fail_app:app", "exec", "boom"])
    ran = subprocess.run(
        [sys.executable, "-m", "sanic", "cmd_fail_app:app", "exec", "boom"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert ran.returncode == 1
    assert ran.stderr.strip().endswith("LookupError: no such user")
    assert "hurtle_cli" not in ran.stderr
