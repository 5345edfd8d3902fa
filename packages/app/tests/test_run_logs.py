"""What a single-process ``app.run`` logs about its one worker, as Sanic logs it."""

from __future__ import annotations

import logging
import os

from hurtle_app import Sanic


def test_single_process_run_logs_the_worker_lifecycle(caplog) -> None:
    app = Sanic("LifecycleLog")

    @app.after_server_start
    async def stop(app):
        app.stop()

    with caplog.at_level(logging.INFO):
        app.run("127.0.0.1", 0, single_process=True, register_sys_signals=False, motd=False,
                access_log=False)
    pid = os.getpid()
    records = [
        (r.name, r.getMessage()) for r in caplog.records if r.name in ("sanic.root", "sanic.server")
    ]
    # As Sanic: the worker's lifecycle on ``sanic.server``, the end of the run on the root.
    assert records == [
        ("sanic.server", f"Starting worker [{pid}]"),
        ("sanic.server", f"Worker ready [{pid}]"),
        ("sanic.server", f"Stopping worker [{pid}]"),
        ("sanic.server", f"Worker complete [{pid}]"),
        ("sanic.root", "Server Stopped"),
    ]
