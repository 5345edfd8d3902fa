"""``sanic.cookies.request``: Request cookie parsing."""

from hurtle_http.cookies import CookieRequestParameters, parse_cookie
from hurtle_http.cookies.response import Cookie as Cookie
from hurtle_http.parameters import RequestParameters as RequestParameters

__all__ = ["CookieRequestParameters", "parse_cookie"]
