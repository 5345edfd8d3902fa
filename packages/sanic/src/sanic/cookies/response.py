"""``sanic.cookies.response``: Response cookies."""

from hurtle_http.cookies import Cookie, CookieJar, SameSite

__all__ = ["Cookie", "CookieJar", "SameSite"]
