"""``sanic.cookies.request``: Request cookie parsing."""

from hurtle_http.cookies import CookieRequestParameters, parse_cookie
from hurtle_http.cookies.request import (
    COOKIE_NAME_RESERVED_CHARS as COOKIE_NAME_RESERVED_CHARS,
)
from hurtle_http.cookies.request import OCTAL_PATTERN as OCTAL_PATTERN
from hurtle_http.cookies.request import QUOTE_PATTERN as QUOTE_PATTERN
from hurtle_http.cookies.response import Cookie as Cookie
from hurtle_http.parameters import RequestParameters as RequestParameters

__all__ = [
    "COOKIE_NAME_RESERVED_CHARS",
    "OCTAL_PATTERN",
    "QUOTE_PATTERN",
    "CookieRequestParameters",
    "parse_cookie",
]
