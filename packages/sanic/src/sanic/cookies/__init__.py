"""``sanic.cookies``: Cookies."""

from hurtle_http.cookies import Cookie, CookieJar

__all__ = ["Cookie", "CookieJar"]
