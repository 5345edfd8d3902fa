"""``sanic.compat``: Compatibility helpers."""

from collections.abc import Generator
from contextlib import contextmanager
from typing import Any

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import (
    OS_IS_WINDOWS,
    PYPY_IMPLEMENTATION,
    PYTHON_314_OR_LATER,
    UVLOOP_INSTALLED,
    CancelledErrors,
    StartMethod,
    aio_open,
    clear_function_annotate,
    ctrlc_workaround_for_windows,
    enable_windows_color_support,
    open_async,
    pypy_os_module_patch,
    pypy_windows_set_console_cp_patch,
    stat_async,
    use_trio,
)
from hurtle_app.constants import UpperStrEnum
from hurtle_http.compat import StrEnum
from hurtle_http.headers import CIMultiDict, Header
from hurtle_http.response.file import Default as Default


@contextmanager
def use_context(method: Any) -> Generator[None, None, None]:
    """Within the block, workers are started with ``method`` (``Sanic.start_method``,
    restored afterwards), as Sanic's ``use_context`` does."""
    from sanic.app import Sanic

    previous = Sanic.start_method
    Sanic.start_method = method
    try:
        yield
    finally:
        Sanic.start_method = previous

__all__ = [
    "OS_IS_WINDOWS",
    "PYPY_IMPLEMENTATION",
    "PYTHON_314_OR_LATER",
    "UVLOOP_INSTALLED",
    "CIMultiDict",
    "CancelledErrors",
    "Header",
    "StartMethod",
    "StrEnum",
    "UpperStrEnum",
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
