"""Three ``app.test_client`` calls on one app whose ``KEEP_ALIVE`` is off (fpx 0.8.0 sets
it; its ``test_paginated`` makes four calls), and the same with keep-alive on. Run under
either interpreter: ``python keep_alive_off_calls.py``; prints one line per call.

Found in the twelfth round of real-world test suites (``../../README.md``): with
sanic-testing 24.6 under Sanic 25.12 the first call of each client picks a free port and
later calls bind that port again; with keep-alive off the second and third calls fail
(``OSError: [Errno 98] Address already in use``), with it on all three answer. Hurtle's
client answers all six.
"""

import faulthandler
import logging

from sanic import Sanic
from sanic.response import text

faulthandler.dump_traceback_later(60, exit=True)
logging.disable(logging.INFO)

for keep_alive in (False, True):
    app = Sanic(f"keep_alive_{str(keep_alive).lower()}")
    app.config.KEEP_ALIVE = keep_alive

    @app.get("/")
    async def index(request):
        return text("ok")

    for call in range(3):
        try:
            _, response = app.test_client.get("/")
            outcome = str(response.status)
        except OSError as error:
            outcome = f"{type(error).__name__}: {error}"
        print(f"KEEP_ALIVE={keep_alive} call {call + 1}: {outcome}")
