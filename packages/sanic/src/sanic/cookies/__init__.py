"""``sanic.cookies``: Cookies."""

from hurtle_http.cookies import Cookie, CookieJar

__all__ = ["Cookie", "CookieJar"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
