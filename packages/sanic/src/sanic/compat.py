"""``sanic.compat``: Compatibility helpers."""

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
    use_context,
    use_trio,
)
from hurtle_app.constants import UpperStrEnum
from hurtle_http.headers import CIMultiDict, Header
from hurtle_http.response.file import Default as Default

__all__ = [
    "OS_IS_WINDOWS",
    "PYPY_IMPLEMENTATION",
    "PYTHON_314_OR_LATER",
    "UVLOOP_INSTALLED",
    "CIMultiDict",
    "CancelledErrors",
    "Header",
    "StartMethod",
    "UpperStrEnum",
    "aio_open",
    "clear_function_annotate",
    "ctrlc_workaround_for_windows",
    "enable_windows_color_support",
    "open_async",
    "pypy_os_module_patch",
    "pypy_windows_set_console_cp_patch",
    "use_context",
    "use_trio",
]
