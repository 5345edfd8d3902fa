"""What a single-process ``app.run`` logs about its one worker, as Sanic logs it."""

from __future__ import annotations

import logging
import os

import pytest

from hurtle_app import Sanic


def test_single_process_run_logs_the_worker_lifecycle(caplog) -> None:
    app = Sanic("LifecycleLog")

    @app.after_server_start
    async def stop(app):
        app.stop()

    with caplog.at_level(logging.INFO, logger="sanic"):
        app.run("127.0.0.1", 0, single_process=True, register_sys_signals=False, motd=False,
                access_log=False)
    pid = os.getpid()
    records = [(r.name, r.getMessage()) for r in caplog.records if r.name.startswith("sanic.")]
    # As in Sanic: the worker's lines on sanic.server, the last one on sanic.root.
    assert records == [
        ("sanic.server", f"Starting worker [{pid}]"),
        ("sanic.server", f"Worker ready [{pid}]"),
        ("sanic.server", f"Stopping worker [{pid}]"),
        ("sanic.server", f"Worker complete [{pid}]"),
        ("sanic.root", "Server Stopped"),
    ]


def _free_port(host: str) -> int:
    import socket

    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def test_single_process_run_names_an_ipv6_host_in_brackets(caplog) -> None:
    """The "Goin' Fast @" line is a URL: an IPv6 literal is bracketed (RFC 3986 3.2.2),
    as Sanic prints it, not ``http://::1:PORT``."""
    app = Sanic("Ipv6Banner")

    @app.after_server_start
    async def stop(app):
        app.stop()

    port = _free_port("::1")
    with caplog.at_level(logging.INFO, logger="sanic"):
        app.run("::1", port, single_process=True, register_sys_signals=False, motd=True,
                access_log=False)
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
    assert lines == [f"Goin' Fast @ http://[::1]:{port}"]


def test_single_process_run_logs_a_failed_start_before_it_stops(caplog) -> None:
    # As Sanic: a server listener that raises is logged on sanic.error with its traceback,
    # then "Server Stopped", and the exception reaches the caller of run().
    app = Sanic("FailedStart")

    @app.before_server_start
    async def boom(app):
        raise RuntimeError("listener failed")

    with caplog.at_level(logging.INFO, logger="sanic"), pytest.raises(RuntimeError):
        app.run("127.0.0.1", 0, single_process=True, register_sys_signals=False, motd=False,
                access_log=False)
    _assert_logged_failure_then_stop(caplog, RuntimeError)


def test_single_process_run_with_a_protocol_that_is_no_class_logs_the_failure(caplog) -> None:
    # As Sanic: the TypeError reaches the caller, after the failure line (with the
    # traceback) and "Server Stopped"; the lines were missing.
    app = Sanic("BadProtocol")
    with caplog.at_level(logging.INFO, logger="sanic"), pytest.raises(TypeError):
        app.run("127.0.0.1", 0, single_process=True, register_sys_signals=False, motd=False,
                access_log=False, protocol="x")
    _assert_logged_failure_then_stop(caplog, TypeError)


def test_single_process_run_on_a_port_in_use_only_raises(caplog) -> None:
    # As Sanic: the address is bound before serving starts, so nothing was served and
    # neither the failure line nor "Server Stopped" is logged; the OSError is raised.
    import socket

    app = Sanic("PortInUse")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with caplog.at_level(logging.INFO, logger="sanic"), pytest.raises(OSError):
            app.run("127.0.0.1", port, single_process=True, register_sys_signals=False,
                    motd=False, access_log=False)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("sanic.")] == []


def _assert_logged_failure_then_stop(caplog: pytest.LogCaptureFixture, error: type) -> None:
    """As Sanic's last two lines of a failed single-process run: the failure (with the
    traceback of ``error``), then "Server Stopped"."""
    records = [(r.name, r.getMessage()) for r in caplog.records if r.name.startswith("sanic.")]
    assert records[-2:] == [
        ("sanic.error", "Experienced exception while trying to serve"),
        ("sanic.root", "Server Stopped"),
    ]
    failed = [r for r in caplog.records if r.name == "sanic.error"]
    assert failed[0].exc_info is not None and failed[0].exc_info[0] is error
