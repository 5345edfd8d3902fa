"""``sanic.logging.setup``: ``setup_logging``."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.log import access_logger as access_logger
from hurtle_app.log import logger as logger
from hurtle_app.log import server_logger as server_logger
from hurtle_app.log import websockets_logger as websockets_logger
from hurtle_app.logging.formatter import AutoAccessFormatter as AutoAccessFormatter
from hurtle_app.logging.formatter import AutoFormatter as AutoFormatter
from hurtle_app.logging.formatter import DebugAccessFormatter as DebugAccessFormatter
from hurtle_app.logging.formatter import DebugFormatter as DebugFormatter
from hurtle_app.logging.formatter import ProdAccessFormatter as ProdAccessFormatter
from hurtle_app.logging.formatter import ProdFormatter as ProdFormatter
from hurtle_app.logging.setup import setup_logging
from hurtle_http.response.file import Default as Default

__all__ = ["setup_logging"]
