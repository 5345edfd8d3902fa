"""Request cookies: parse a ``Cookie`` header into ``CookieRequestParameters``."""

from __future__ import annotations

import re
from typing import Any, cast

from hurtle_http.parameters import RequestParameters

# The patterns Sanic's cookie module exposes, with the same values, for code importing them:
# characters a cookie name may not hold (controls, Latin-1, RFC 2616 separators), a quoted
# string's octal escape and its backslash escape. The parser below reads the same escapes
# with one pattern and, unlike the first one, lets UTF-8 names through (see _not_token).
COOKIE_NAME_RESERVED_CHARS = re.compile('[\x00-\x1f\x7f-\xff()<>@,;:\\\\"/[\\]?={} \t]')
OCTAL_PATTERN = re.compile(r"\\[0-3][0-7][0-7]")
QUOTE_PATTERN = re.compile(r"[\\].")
_octal_or_escape = re.compile(r"\\(?:([0-3][0-7][0-7])|(.))")
# RFC 6265 4.2.1: cookie-name is an RFC 9110 token. A name holding an ASCII character that
# is not a token character (space, separators, controls) is dropped, as Sanic drops it.
# Non-ASCII characters are let through: browsers send names set by scripts as UTF-8.
_not_token = re.compile(r'[\x00-\x20\x7f"(),/:;<=>?@\[\\\]{}]').search


def _unquote_sub(match: re.Match[str]) -> str:
    octal, char = match.groups()
    return chr(int(octal, 8)) if octal else char


def _unquote(value: str) -> str:
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return value
    return _octal_or_escape.sub(_unquote_sub, value[1:-1])


def parse_cookie(raw: str) -> dict[str, list[str]]:
    """Parse a ``Cookie`` header value into ``{name: [values...]}``, in order.

    Never raises: a pair without ``=`` is kept under the name ``""``, as browsers send it;
    a pair whose name holds a space, separator or control (``a b=1``, ``a:b=1``) is skipped,
    as Sanic does.
    """
    cookies: dict[str, list[str]] = {}
    for pair in raw.split(";"):
        name, sep, value = pair.partition("=")
        if sep:
            name = name.strip()
            value = value.strip()
            if _not_token(name):
                continue
        else:
            name, value = "", name.strip()
            if not value:
                continue
        # PERF: only quoted values go through the unescaping regex.
        if value[:1] == '"':
            value = _unquote(value)
        values = cookies.get(name)
        if values is None:
            cookies[name] = [value]
        else:
            values.append(value)
    return cookies


class CookieRequestParameters(RequestParameters):
    """The request's cookies; ``get("x")`` also finds ``__Host-x`` and ``__Secure-x``.

    As in Sanic, a prefixed cookie wins over the plain one of the same name: the
    browser only accepts ``__Host-``/``__Secure-`` cookies over HTTPS, so they are
    the ones a site can trust (``__Host-`` first, then ``__Secure-``).
    """

    def __getitem__(self, key: str) -> list[str]:
        value = self._prefixed(key)
        if value is None:
            return super().__getitem__(key)
        return value

    def __getattr__(self, name: str) -> str:
        # As Sanic: ``cookies.session_token`` (or ``session_token_``) reads the cookie
        # ``session-token``; a missing one reads as "".
        if name.startswith("_"):
            # Python's own AttributeError, its message naming the class (as Sanic's).
            return cast(str, object.__getattribute__(self, name))
        return cast(str, self.get(name.rstrip("_").replace("_", "-"), ""))

    def get(self, name: str, default: Any | None = None) -> Any | None:
        """The first value of cookie ``name`` (its prefixed form first), or ``default``."""
        values = self._prefixed(name) or dict.get(self, name)
        return values[0] if values else default

    def getlist(self, name: str, default: list[Any] | None = None) -> list[Any]:
        """Every value of cookie ``name`` (its prefixed form first); ``[]`` when absent."""
        values = self._prefixed(name) or dict.get(self, name)
        if values is not None:
            return values
        return default if default is not None else []

    def _get_prefixed_cookie(self, name: str) -> list[str]:
        # Sanic's name (private, kept for code that calls it): the values of
        # ``__Host-name`` or ``__Secure-name``, else KeyError naming the latter, as Sanic.
        values = self._prefixed(name)
        if values is None:
            raise KeyError(f"__Secure-{name}")
        return values

    def _prefixed(self, name: str) -> list[str] | None:
        # An f-string rather than ``+``: a name that is no str (``get(1)``) then finds
        # nothing, as in Sanic, instead of raising TypeError.
        for prefix in ("__Host-", "__Secure-"):
            values = dict.get(self, f"{prefix}{name}")
            if values is not None:
                return values
        return None


__all__ = [
    "COOKIE_NAME_RESERVED_CHARS",
    "OCTAL_PATTERN",
    "QUOTE_PATTERN",
    "CookieRequestParameters",
    "parse_cookie",
]
