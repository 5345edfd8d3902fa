"""``sanic.request.form``: Multipart form parsing."""

from hurtle_app.log import logger as logger
from hurtle_http.headers import parse_content_header as parse_content_header
from hurtle_http.parameters import RequestParameters as RequestParameters
from hurtle_http.request import File, parse_multipart_form

__all__ = ["File", "parse_multipart_form"]
