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


def test_binding_workers_and_dev_options() -> None:
    kw = kwargs_for("-H", "0.0.0.0", "-p", "9000", "-w", "4", "--dev", "--no-access-logs",
                    "-R", "templates", "-R", "static", "-vv")
    assert (kw["host"], kw["port"], kw["workers"]) == ("0.0.0.0", 9000, 4)
    assert kw["dev"] is True and kw["access_log"] is False
    assert kw["reload_dir"] == ["templates", "static"]
    assert kw["verbosity"] == 2


def test_tls_options_build_the_ssl_argument() -> None:
    assert kwargs_for("--cert", "c.pem", "--key", "k.pem")["ssl"] == {"cert": "c.pem", "key": "k.pem"}
    assert kwargs_for("--tls", "certs/")["ssl"] == "certs/"
    assert kwargs_for("--tls", "a", "--tls", "b")["ssl"] == ["a", "b"]
    with pytest.raises(SystemExit, match="together"):
        kwargs_for("--cert", "c.pem")


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
