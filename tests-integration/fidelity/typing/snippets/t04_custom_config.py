from typing import reveal_type

from sanic import Sanic
from sanic.config import Config


class AppConfig(Config):
    DB_URL: str = "sqlite://"
    POOL: int = 4
app = Sanic("T04", config=AppConfig())
reveal_type(app.config)
reveal_type(app.config.DB_URL)
reveal_type(app.config.POOL)
reveal_type(app.config.REQUEST_TIMEOUT)
reveal_type(app.config.FALLBACK_ERROR_FORMAT)
app.config.update({"X": 1})
app.config.update_config({"Y": 2})
app.update_config({"Z": 3})
reveal_type(app.config["X"])
