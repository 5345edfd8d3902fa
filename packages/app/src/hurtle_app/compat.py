"""Platform facts and small portability helpers (``sanic.compat``)."""

from __future__ import annotations

import asyncio
import os
import platform
import signal
import sys
from collections.abc import Callable, Generator
from contextlib import contextmanager
from typing import IO, Any, Literal

from hurtle_http.response.file import Default

OS_IS_WINDOWS = os.name == "nt"
PYPY_IMPLEMENTATION = platform.python_implementation() == "PyPy"
PYTHON_314_OR_LATER = sys.version_info >= (3, 14)
try:
    import uvloop  # noqa: F401
except ImportError:  # pragma: no cover - uvloop is installed with hurtle-http-core
    UVLOOP_INSTALLED = False
else:
    UVLOOP_INSTALLED = True
#: Sanic's trio support is gone; kept for code that checks it.
use_trio = False
#: Exceptions that mean "this task was cancelled".
CancelledErrors: tuple[type[BaseException], ...] = (asyncio.CancelledError,)
#: A ``multiprocessing`` start method name, or ``Default`` for the platform's.
StartMethod = Default | Literal["fork"] | Literal["forkserver"] | Literal["spawn"]


class AsyncFile:
    """A file whose blocking calls run in a worker thread: ``await f.read()``."""

    def __init__(self, file: IO[Any]) -> None:
        self._file = file

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._file, name)
        if name in ("read", "write", "readline", "readlines", "seek", "tell", "flush",
                    "close", "truncate", "writelines"):  # fmt: skip

            async def run(*args: Any, **kwargs: Any) -> Any:
                return await asyncio.to_thread(attr, *args, **kwargs)

            return run
        return attr

    async def __aenter__(self) -> AsyncFile:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await asyncio.to_thread(self._file.close)


class _Opening:
    """``await open_async(...)`` or ``async with open_async(...) as f``."""

    def __init__(self, file: Any, mode: str, kwargs: dict[str, Any]) -> None:
        self._args = (file, mode, kwargs)
        self._opened: AsyncFile | None = None

    async def _open(self) -> AsyncFile:
        file, mode, kwargs = self._args
        self._opened = AsyncFile(await asyncio.to_thread(open, file, mode, **kwargs))
        return self._opened

    def __await__(self) -> Generator[Any, None, AsyncFile]:
        return self._open().__await__()

    async def __aenter__(self) -> AsyncFile:
        return await self._open()

    async def __aexit__(self, *exc: Any) -> None:
        if self._opened is not None:
            await self._opened.__aexit__(*exc)

    def __getattr__(self, name: str) -> Any:
        # (only for names it does not have: a file's, used before it is opened)
        raise AttributeError(
            f"{type(self).__name__!r} object has no attribute {name!r}: the file is not "
            "open yet (`async with await open_async(path) as f`, or await it once more)"
        )


def aio_open(
    file: Any,
    mode: str = "r",
    buffering: int = -1,
    encoding: str | None = None,
    errors: str | None = None,
    newline: str | None = None,
    closefd: bool = True,
    opener: Any = None,
    *,
    loop: Any = None,
    executor: Any = None,
) -> _Opening:
    """Open ``file`` without blocking the loop: ``async with aio_open(p) as f``.

    The arguments are ``open()``'s; ``loop`` and ``executor`` are accepted and unused
    (the blocking calls run in ``asyncio.to_thread``).
    """
    kwargs = {
        "buffering": buffering,
        "encoding": encoding,
        "errors": errors,
        "newline": newline,
        "closefd": closefd,
        "opener": opener,
    }
    return _Opening(file, mode, kwargs)


async def open_async(file: Any, mode: str = "r", **kwargs: Any) -> _Opening:
    """``async with await open_async(path) as f``: a file with awaitable read/write/close.

    As Sanic's (aiofiles'), awaiting the call gives the file to open, not an open file:
    ``async with`` opens it and closes it after, awaiting it opens it (a missing file
    raises there, not at the first await).
    """
    return _Opening(file, mode, kwargs)


async def stat_async(
    path: Any, *, dir_fd: int | None = None, follow_symlinks: bool = True
) -> os.stat_result:
    """``os.stat`` without blocking the loop (the call runs in a worker thread)."""
    return await asyncio.to_thread(os.stat, path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)


def clear_function_annotate(*funcs: Callable[..., Any]) -> None:
    """Drop the annotations of ``funcs`` (so that tools do not evaluate them)."""
    for func in funcs:
        target = getattr(func, "__func__", func)
        try:
            target.__annotations__ = {}
        except (AttributeError, TypeError):
            continue


def enable_windows_color_support() -> None:
    """Turn on ANSI colours in a Windows console (nothing to do elsewhere)."""
    if OS_IS_WINDOWS:  # pragma: no cover - Windows only: VT100 mode
        os.system("")


def ctrlc_workaround_for_windows(app: Any) -> None:
    """Make Ctrl+C stop ``app`` where the loop cannot take signals (Windows; the runner
    calls this there, and it works anywhere it is called): the first SIGINT calls
    ``app.stop()``, a second one raises ``KeyboardInterrupt``. A task wakes the loop every
    0.1 s so the handler runs, and ends once the app is stopping."""

    async def stay_active(app: Any) -> None:
        while not app.state.is_stopping:  # noqa: ASYNC110 - waking the loop is the point
            await asyncio.sleep(0.1)

    pressed: list[bool] = []

    def ctrlc_handler(signum: int, frame: Any) -> None:
        if pressed:
            raise KeyboardInterrupt("Second Ctrl+C: not waiting for a graceful stop")
        pressed.append(True)
        if not app.state.is_stopping:
            app.stop()

    app.add_task(stay_active)
    signal.signal(signal.SIGINT, ctrlc_handler)


def pypy_os_module_patch() -> None:
    """Nothing to patch on CPython (kept for PyPy-aware code)."""


def pypy_windows_set_console_cp_patch() -> None:
    """Nothing to patch on CPython (kept for PyPy-aware code)."""


@contextmanager
def use_context(method: Any) -> Generator[None, None, None]:
    """Within the block, ``multiprocessing`` objects made for workers use ``method``."""
    import multiprocessing

    previous = multiprocessing.get_start_method(allow_none=True)
    if isinstance(method, Default) or method is None:
        yield
        return
    multiprocessing.set_start_method(method, force=True)
    try:
        yield
    finally:
        multiprocessing.set_start_method(previous, force=True)


__all__ = [
    "OS_IS_WINDOWS",
    "PYPY_IMPLEMENTATION",
    "PYTHON_314_OR_LATER",
    "UVLOOP_INSTALLED",
    "AsyncFile",
    "CancelledErrors",
    "StartMethod",
    "aio_open",
    "clear_function_annotate",
    "ctrlc_workaround_for_windows",
    "enable_windows_color_support",
    "open_async",
    "pypy_os_module_patch",
    "pypy_windows_set_console_cp_patch",
    "stat_async",
    "use_context",
    "use_trio",
]
