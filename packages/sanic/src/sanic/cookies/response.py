"""``sanic.cookies.response``: Response cookies."""

from hurtle_http.cookies import Cookie, CookieJar, SameSite
from hurtle_http.cookies.response import _LEGAL_CHARS, _TRANSLATOR
from hurtle_http.exceptions import ServerError as ServerError

#: ``max-age`` of a deleted cookie.
DEFAULT_MAX_AGE = 0
#: The values ``samesite=`` accepts (any case).
SAMESITE_VALUES = ("strict", "lax", "none")
#: Characters a cookie name may use unquoted, and that values may use unescaped.
LEGAL_CHARS = _LEGAL_CHARS
UNESCAPED_CHARS = LEGAL_CHARS + " ()/<=>?@[]{}"
#: How characters a quoted cookie value cannot hold are escaped (octal).
TRANSLATOR = _TRANSLATOR

__all__ = [
    "Cookie",
    "CookieJar",
    "SameSite",
    "DEFAULT_MAX_AGE",
    "LEGAL_CHARS",
    "SAMESITE_VALUES",
    "TRANSLATOR",
    "UNESCAPED_CHARS",
]
