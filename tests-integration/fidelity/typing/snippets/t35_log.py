from typing import reveal_type

from sanic.log import (
    LOGGING_CONFIG_DEFAULTS,
    access_logger,
    error_logger,
    logger,
    server_logger,
    websockets_logger,
)

logger.info("x")
error_logger.error("y")
access_logger.info("z")
reveal_type(logger)
reveal_type(LOGGING_CONFIG_DEFAULTS)
from sanic import Sanic

app = Sanic("T35", log_config=LOGGING_CONFIG_DEFAULTS, configure_logging=True)
