"""``sanic.cookies.request``: Request cookie parsing."""

from hurtle_http.cookies import CookieRequestParameters, parse_cookie

__all__ = ["CookieRequestParameters", "parse_cookie"]
