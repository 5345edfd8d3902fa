from typing import reveal_type

from sanic import Sanic

app = Sanic("T41", strict_slashes=True, env_prefix="T41_", inspector=False)
reveal_type(app.router)
reveal_type(app.signal_router)
reveal_type(app.blueprints)
reveal_type(app.listeners)
reveal_type(app.asgi)
reveal_type(app.debug)
reveal_type(app.loop)
reveal_type(app.test_mode)
reveal_type(app.reload_dirs)
reveal_type(Sanic.test_mode)
