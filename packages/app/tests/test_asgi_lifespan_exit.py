"""A listener that calls sys.exit() under ASGI fails the start-up (or shutdown) cleanly.

Escaping the app, SystemExit made uvicorn log "ASGI 'lifespan' protocol appears
unsupported" and serve requests with an app whose start-up never finished.
"""

from __future__ import annotations

import sys

from hurtle_app import Sanic

from .conftest import run_asgi


async def test_sys_exit_in_a_startup_listener_fails_the_startup(app: Sanic) -> None:
    def refuse(app: Sanic) -> None:
        sys.exit("bad config")

    app.register_listener(refuse, "before_server_start")
    sent = await run_asgi(app, {"type": "lifespan"}, [{"type": "lifespan.startup"}])
    assert sent == [{"type": "lifespan.startup.failed", "message": "bad config"}]


async def test_sys_exit_in_a_shutdown_listener_fails_the_shutdown(app: Sanic) -> None:
    def refuse(app: Sanic) -> None:
        sys.exit(3)

    app.register_listener(refuse, "after_server_stop")
    sent = await run_asgi(
        app, {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    )
    assert sent == [
        {"type": "lifespan.startup.complete"},
        {"type": "lifespan.shutdown.failed", "message": "3"},
    ]
