"""app_exc.py's cases through sanic_testing's asgi_client (the ASGI mode): status, header
fields (repeated ones kept) and body per case and Accept.

    python3 tests-integration/fidelity/exceptions2/compare.py asgi [debug]
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_exc import CASES, build

app = build("Exc2Asgi")
if "debug" in sys.argv[1:]:

    @app.before_server_start
    async def debug_on(app, loop):
        from sanic.application.constants import Mode

        app.state.mode = Mode.DEBUG
        app.config.DEBUG = True


SKIP = {"hdr_inst", "status_str"}  # the class-headers leak; a status Sanic cannot send


async def main() -> None:
    for case in CASES:
        if case in SKIP:
            continue
        for accept in ("application/json", "text/plain"):
            try:
                _, resp = await app.asgi_client.get(f"/x/{case}", headers={"accept": accept})
            except BaseException as e:  # CancelledError subclasses too
                print(case, accept, "RAISES", type(e).__name__)
                continue
            fields = sorted(
                (k.lower(), v)
                for k, v in resp.headers.multi_items()
                if k.lower() not in ("content-length", "date")
            )
            body = re.sub(r" at 0x[0-9a-f]+", "", resp.text)
            # Debug tracebacks: the frames' lines differ by design (kept before).
            body = re.sub(r'\n    [^\n]*|"frames":\[.*?\]\}', "", body)
            print(case, accept, resp.status, fields, repr(body[:300]))


asyncio.run(main())
