"""Log lines of workers forked for an app made under ``if __name__ == "__main__":``
name the worker (``Srv 0``), as a spawned worker's do and as Sanic's workers' do."""

from __future__ import annotations

import re

from test_workers_lifecycle import run_app_script

GUARD_APP_LOGGING = """
import asyncio
from sanic import Sanic
from sanic.log import logger

if __name__ == "__main__":
    app = Sanic("GuardLogNames")

    @app.after_server_start
    async def started(app):
        logger.info("listener of %s", app.m.name)
        await asyncio.sleep(0.3)  # both workers have started before the stop
        app.stop()

    app.run(host="127.0.0.1", port={port}, workers=2, motd=False)
"""


def test_a_forked_guard_apps_workers_log_under_their_own_names(tmp_path) -> None:
    # The workers are forked (a spawned one could not make the app again) and kept the
    # main process's formatters: every line of theirs began "Main".
    result = run_app_script(tmp_path, "guard_log.py", GUARD_APP_LOGGING)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    idents = {
        match.group(2): match.group(1)
        for match in re.finditer(r"^(\S+ ?\S*) \d{4}-\S+ \S+ \S+ INFO: listener of (\S+)$",
                                 output, re.MULTILINE)
    }
    assert idents == {"Sanic-Server-0-0": "Srv 0", "Sanic-Server-1-0": "Srv 1"}, output
    ready = re.findall(r"^(.*?) \d{4}-\S+ \S+ \S+ INFO: Worker ready", output, re.MULTILINE)
    assert sorted(ready) == ["Srv 0", "Srv 1"], output
    assert re.search(r"^Main +\d{4}-\S+ \S+ \S+ INFO: Server Stopped", output, re.MULTILINE)
