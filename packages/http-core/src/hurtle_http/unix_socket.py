"""UNIX socket files: bind one in place of another atomically, remove one nobody uses.

A server started on the path of a running one takes the path over: its socket is bound
under a temporary name in the same folder, then renamed onto the path, so a client always
finds a socket there (the old server keeps the connections it has, new ones come to the
new server). That is how a restart without a gap works behind a proxy such as nginx. The
old server, when it stops, leaves the path alone: it removes a socket file only when no
server listens on it any more.
"""

from __future__ import annotations

import errno
import os
import secrets
import socket
import stat
from pathlib import Path

__all__ = ["bind_unix_socket", "remove_unix_socket", "unix_socket_in_use", "unix_socket_path"]

# sun_path holds 108 bytes on Linux, the final NUL included.
_SUN_PATH = 108


def unix_socket_path(path: str | os.PathLike) -> str:
    """``path`` made absolute (against the current folder), as the socket is bound and
    named: a relative path keeps meaning the same file after a ``chdir`` (its removal at
    shutdown), and ``conn_info.server`` names it in full, as Sanic's. A relative path
    whose absolute form does not fit a socket address stays relative (it still binds)."""
    path = os.fspath(Path(path))
    absolute = os.path.abspath(path)
    return absolute if len(os.fsencode(absolute)) < _SUN_PATH else path


def bind_unix_socket(
    path: str | os.PathLike, *, mode: int = 0o666, backlog: int = 100
) -> socket.socket:
    """A listening UNIX socket at ``path`` with permissions ``mode``.

    A socket file already there (stale, or a running server's) is replaced atomically;
    anything else (a regular file, a folder, a symlink) is refused with
    ``FileExistsError``, and a missing folder with ``FileNotFoundError``.
    """
    # Through Path: a bytes path is refused (TypeError) instead of spoiling the temporary
    # name below, as Sanic's (pathlib's) refusal.
    path = unix_socket_path(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"Socket folder does not exist: {folder}")
    # lstat: a symlink is never followed (nor replaced), whatever it points to.
    if os.path.lexists(path) and not stat.S_ISSOCK(os.lstat(path).st_mode):
        raise FileExistsError(f"Existing file is not a socket: {path}")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        temporary = f"{path}.{secrets.token_urlsafe(6)}"
        try:
            sock.bind(temporary)
        except OSError:
            if not _too_long(temporary):
                raise
            # The path itself fits but not with a suffix: bound in place, not atomically.
            _remove_stale(path)
            sock.bind(path)
            temporary = path
        try:
            os.chmod(temporary, mode)
            sock.listen(backlog)
            if temporary != path:
                os.replace(temporary, path)
        except BaseException:
            _unlink_quietly(temporary)
            raise
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


def unix_socket_in_use(path: str | os.PathLike) -> bool:
    """Whether a server listens on the UNIX socket at ``path``."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.setblocking(False)  # a full backlog answers EAGAIN at once: in use
    try:
        return probe.connect_ex(os.fspath(path)) in (0, errno.EAGAIN, errno.EINPROGRESS)
    finally:
        probe.close()


def remove_unix_socket(path: str | os.PathLike | None) -> None:
    """Delete the socket file at ``path`` unless a server still listens on it.

    Nothing happens when ``path`` is empty, absent, or not a socket: a server that was
    replaced at its path (see the module docstring) leaves its successor's file in place.
    """
    if not path:
        return
    try:
        if not stat.S_ISSOCK(os.lstat(path).st_mode) or unix_socket_in_use(path):
            return
    except FileNotFoundError:
        return
    _unlink_quietly(path)


def _remove_stale(path: str) -> None:
    if os.path.lexists(path) and not unix_socket_in_use(path):
        _unlink_quietly(path)


def _too_long(path: str) -> bool:
    # sun_path holds 108 bytes on Linux (104 on the BSDs), the final NUL included.
    return len(os.fsencode(path)) >= 104


def _unlink_quietly(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
