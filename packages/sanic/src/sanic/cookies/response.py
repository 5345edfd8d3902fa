"""``sanic.cookies.response``: Response cookies."""

from hurtle_http.cookies import Cookie, CookieJar, SameSite
from hurtle_http.exceptions import ServerError as ServerError

__all__ = ["Cookie", "CookieJar", "SameSite"]
