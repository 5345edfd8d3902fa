"""``sanic.worker.daemon``: running in the background (``sanic app:app --daemon``).

Sanic's names for ``hurtle_cli.daemon``, where the implementation lives: ``Daemon``,
``DaemonError``, ``PidfileInfo``, and the helpers Sanic keeps private here (where default
PID files go, how an app name becomes a file name, whether a PID is a live Sanic process).
"""

from __future__ import annotations

from pathlib import Path as Path

import hurtle_cli.daemon as _daemon_module
from hurtle_cli.daemon import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_cli.daemon import Daemon as Daemon
from hurtle_cli.daemon import DaemonError as DaemonError
from hurtle_cli.daemon import PidfileInfo as PidfileInfo
from hurtle_cli.daemon import is_sanic_process as _is_sanic_process
from hurtle_cli.daemon import logger as logger
from hurtle_cli.daemon import process_exists as _process_exists
from hurtle_cli.daemon import runtime_dir as _get_default_runtime_dir
from hurtle_cli.daemon import sanitize_name as _sanitize_name
from sanic._patching import forward_patches

# patching these here (``patch("sanic.worker.daemon.Path")``) reaches the daemon's code
forward_patches(__name__, {"Path": (_daemon_module,), "OS_IS_WINDOWS": (_daemon_module,)})

__all__ = [
    "Daemon",
    "DaemonError",
    "PidfileInfo",
    "_get_default_runtime_dir",
    "_is_sanic_process",
    "_process_exists",
    "_sanitize_name",
]
