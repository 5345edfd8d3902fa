"""Cookies: request ``Cookie`` parsing and the response ``CookieJar``."""

from hurtle_http.cookies.request import CookieRequestParameters, parse_cookie
from hurtle_http.cookies.response import Cookie, CookieJar, SameSite

__all__ = ["Cookie", "CookieJar", "CookieRequestParameters", "SameSite", "parse_cookie"]
