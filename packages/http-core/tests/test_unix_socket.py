"""UNIX socket files: atomic takeover of a path, refusals, removal only when unused."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from hurtle_http.response import text
from hurtle_http.server import HandlerApp, start_server
from hurtle_http.unix_socket import bind_unix_socket, remove_unix_socket, unix_socket_in_use

from .conftest import hello


def _connects(path: str) -> bool:
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(2)
        try:
            client.connect(path)
        except OSError:
            return False
    return True


def test_a_stale_socket_file_is_replaced(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(path)  # left behind by a server that died, nobody listens
    sock = bind_unix_socket(path)
    try:
        assert _connects(path)
    finally:
        sock.close()


def test_a_running_servers_path_is_taken_over_and_left_to_the_new_server(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "s.sock")
    old = bind_unix_socket(path)
    with socket.socket(socket.AF_UNIX) as kept:
        kept.connect(path)
        new = bind_unix_socket(path, mode=0o600)
        try:
            with socket.socket(socket.AF_UNIX) as fresh:
                fresh.connect(path)
                new.setblocking(True)
                accepted, _ = new.accept()  # the new connection reached the new server
                accepted.close()
            old.setblocking(True)
            accepted, _ = old.accept()  # the old server still has its own connection
            accepted.close()
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
            old.close()
            remove_unix_socket(path)  # the old server stopping: the new one's file stays
            assert _connects(path)
        finally:
            new.close()
    remove_unix_socket(path)
    assert not os.path.lexists(path)
    assert os.listdir(tmp_path) == []  # no temporary name left behind


@pytest.mark.parametrize("kind", ["file", "folder", "symlink"])
def test_anything_but_a_socket_is_refused_and_kept(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "s.sock"
    if kind == "file":
        path.write_text("keep me")
    elif kind == "folder":
        path.mkdir()
    else:
        (tmp_path / "target").write_text("t")
        path.symlink_to(tmp_path / "target")
    with pytest.raises(FileExistsError, match=f"^Existing file is not a socket: {path}$"):
        bind_unix_socket(path)
    assert os.path.lexists(path)
    remove_unix_socket(path)
    assert os.path.lexists(path)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    with pytest.raises(FileNotFoundError, match=f"^Socket folder does not exist: {folder}$"):
        bind_unix_socket(folder / "s.sock")


def test_a_bytes_path_is_refused_before_anything_is_bound(tmp_path: Path) -> None:
    # It used to be formatted into the temporary name ("b'/tmp/...'.xyz"), failing with a
    # FileNotFoundError that named no file.
    # (pathlib's message: "not <class 'bytes'>" before Python 3.13, "not 'bytes'" since)
    with pytest.raises(TypeError, match="not (<class )?'bytes'"):
        bind_unix_socket(os.fsencode(tmp_path / "s.sock"))
    assert os.listdir(tmp_path) == []


def test_a_path_that_fits_only_without_a_suffix_is_bound_in_place() -> None:
    folder = tempfile.mkdtemp(prefix="hs")  # a short folder, whatever pytest's tmp_path is
    room = 107 - len(os.fsencode(folder)) - 1
    path = os.path.join(folder, "s" * (room - 2))  # fits; with a ".xxxxxxxx" suffix, not
    try:
        sock = bind_unix_socket(path)
        try:
            assert _connects(path)
        finally:
            sock.close()
        remove_unix_socket(path)
        assert not os.path.lexists(path)
    finally:
        shutil.rmtree(folder)


def test_in_use_tells_a_listening_socket_from_a_stale_one(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sock")
    sock = bind_unix_socket(path)
    assert unix_socket_in_use(path)
    sock.close()
    assert not unix_socket_in_use(path)
    remove_unix_socket(path)
    assert not os.path.lexists(path)


async def test_a_server_taking_over_keeps_the_path_when_the_old_one_stops(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "app.sock")
    first = await start_server(HandlerApp(hello), unix=path)
    second = await start_server(HandlerApp(hello), unix=path)
    try:
        await first.close()
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 5)
        writer.close()
    finally:
        await second.close()
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"hello")
    assert not os.path.lexists(path)  # noqa: ASYNC240


async def test_a_socket_bound_elsewhere_is_named_by_its_path_and_left_in_place(
    tmp_path: Path,
) -> None:
    # The worker case: the main process bound the socket (under a temporary name, then
    # renamed); conn_info names the path, and the worker's server leaves the file alone.
    path = str(tmp_path / "app.sock")
    sock = bind_unix_socket(path)

    async def server_name(request: Any) -> Any:
        return text(request.conn_info.server)

    handle = await start_server(HandlerApp(server_name), unix=path, sock=sock)
    try:
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 5)
        writer.close()
    finally:
        await handle.close()
    assert answer.endswith(path.encode())
    assert os.path.lexists(path)  # noqa: ASYNC240
    remove_unix_socket(path)


async def test_a_relative_path_is_named_in_full_and_removed_after_a_chdir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As Sanic: conn_info.server (and the bound socket's name) is the absolute path, and
    # the file is removed at shutdown even when the process changed folder meanwhile.
    monkeypatch.chdir(tmp_path)

    async def where(request: Any) -> Any:
        return text(f"{request.conn_info.server}|{request.conn_info.sockname}")

    handle = await start_server(HandlerApp(where), unix="app.sock")
    try:
        reader, writer = await asyncio.open_unix_connection(str(tmp_path / "app.sock"))
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 5)
        writer.close()
        monkeypatch.chdir(tmp_path.parent)
    finally:
        await handle.close()
    server, sockname = answer.rsplit(b"\r\n\r\n", 1)[1].decode().split("|")
    assert server == str(tmp_path / "app.sock")
    assert sockname.startswith(str(tmp_path / "app.sock"))
    assert not os.path.lexists(tmp_path / "app.sock")  # noqa: ASYNC240
