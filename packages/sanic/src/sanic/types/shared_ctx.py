"""``sanic.types.shared_ctx``: ``SharedContext``: state shared between worker processes."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.logging.color import Colors as Colors
from hurtle_worker import SharedContext

__all__ = ["SharedContext"]
