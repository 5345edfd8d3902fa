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
