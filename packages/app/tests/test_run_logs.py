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

    with caplog.at_level(logging.INFO, logger="sanic.root"):
        app.run("127.0.0.1", 0, single_process=True, register_sys_signals=False, motd=False,
                access_log=False)
    pid = os.getpid()
    messages = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert messages == [
        f"Starting worker [{pid}]",
        f"Worker ready [{pid}]",
        f"Stopping worker [{pid}]",
        f"Worker complete [{pid}]",
        "Server Stopped",
    ]
