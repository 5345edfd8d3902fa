"""``sanic.server.socket``: the binding helpers code written for Sanic calls itself (to
hand a socket to ``app.run(sock=...)``, or to serve it by other means)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from sanic.server.socket import bind_socket, bind_unix_socket, configure_socket


def test_bind_socket_gives_a_blocking_inheritable_listener() -> None:
    # As Sanic's: a socket a user accepts on by hand, or hands to a child process.
    with bind_socket("127.0.0.1", 0) as sock:
        assert sock.getblocking() and sock.get_inheritable()
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)


def test_bind_unix_socket_gives_a_blocking_listener(tmp_path: Path) -> None:
    with bind_unix_socket(tmp_path / "s.sock") as sock:
        assert sock.getblocking() and not sock.get_inheritable()


def test_configure_socket_records_the_socket_it_binds_in_the_settings() -> None:
    settings: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": 0,
        "unix": None,
        "backlog": 100,
        "sock": None,
    }
    sock = configure_socket(settings)
    assert sock is not None
    with sock:
        assert settings["sock"] is sock
        assert settings["host"] is None and settings["port"] is None
        assert sock.get_inheritable()


def test_configure_socket_binds_a_unix_path_before_a_given_socket(tmp_path: Path) -> None:
    given = socket.socket()
    settings: dict[str, Any] = {
        "host": None,
        "port": None,
        "unix": str(tmp_path / "s.sock"),
        "backlog": 100,
        "sock": given,
    }
    try:
        sock = configure_socket(settings)
        assert sock is not None and sock is not given
        with sock:
            assert sock.family == socket.AF_UNIX
            assert settings["unix"] == tmp_path / "s.sock" and settings["sock"] is given
    finally:
        given.close()
