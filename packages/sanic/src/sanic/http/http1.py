"""``sanic.http.http1``: The HTTP/1.1 connection."""

import hurtle_http.writer
from hurtle_app.app import error_logger as error_logger
from hurtle_app.log import access_logger as access_logger
from hurtle_app.log import logger as logger
from hurtle_app.touchup import TouchUpMeta as TouchUpMeta
from hurtle_http.exceptions import BadRequest as BadRequest
from hurtle_http.exceptions import ExpectationFailed as ExpectationFailed
from hurtle_http.exceptions import PayloadTooLarge as PayloadTooLarge
from hurtle_http.exceptions import RequestCancelled as RequestCancelled
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.exceptions import ServiceUnavailable as ServiceUnavailable
from hurtle_http.headers import Header as Header
from hurtle_http.headers import format_http1_response as format_http1_response
from hurtle_http.http import Http
from hurtle_http.http import Http as Stream  # noqa: F401 - as in Sanic
from hurtle_http.response.types import has_message_body as has_message_body
from hurtle_http.stages import Stage as Stage
from sanic._patching import forward_patches

HTTP_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
"""The interim response sent to ``Expect: 100-continue``."""

# a patched ``access_logger`` here is the one the response writer logs with
forward_patches(__name__, {"access_logger": (hurtle_http.writer,)})

__all__ = [
    "Http",
    "HTTP_CONTINUE",
]
