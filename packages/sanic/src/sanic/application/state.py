"""``sanic.application.state``: ``ApplicationState``."""

from hurtle_app.log import logger as logger
from hurtle_app.logging.filter import VerbosityFilter as VerbosityFilter
from hurtle_app.serving import AsyncioServer as AsyncioServer
from hurtle_app.state import ApplicationServerInfo, ApplicationState
from hurtle_app.state import Mode as Mode
from hurtle_app.state import Server as Server
from sanic.application.constants import ServerStage as ServerStage

__all__ = ["ApplicationServerInfo", "ApplicationState"]
