"""``sanic.response.types``: Response classes."""

from hurtle_http.cookies import SameSite as SameSite
from hurtle_http.cookies.response import Cookie as Cookie
from hurtle_http.cookies.response import CookieJar as CookieJar
from hurtle_http.exceptions import SanicException as SanicException
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.headers import Header as Header
from hurtle_http.http import Http as Http
from hurtle_http.request import Request
from hurtle_http.response import BaseHTTPResponse, HTTPResponse, JSONResponse, ResponseStream
from hurtle_http.response import json_dumps as json_dumps
from hurtle_http.response.file import Default as Default
from hurtle_http.response.types import has_message_body as has_message_body

__all__ = ["BaseHTTPResponse", "HTTPResponse", "JSONResponse", "ResponseStream", "Request"]
