"""Response cookies: ``Cookie`` (one ``Set-Cookie`` value) and ``CookieJar`` (a response's
cookies, stored directly as ``Set-Cookie`` fields of its headers).

RFC 6265 §4.1 for the syntax; the ``__Host-``/``__Secure-`` prefixes and ``Partitioned``
(CHIPS) follow the browsers' rules, and a cookie that breaks them is refused when built,
with a message that says what to change.
"""

from __future__ import annotations

import re
import string
from copy import copy
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from hurtle_http.compat import UTC
from hurtle_http.exceptions import ServerError

if TYPE_CHECKING:
    from hurtle_http.headers import Header

SameSite = Literal["Strict", "Lax", "None", "strict", "lax", "none"]

# An attribute value holds no ";" (it would end it) and no control character
# (RFC 6265 4.1.1 path-value and av-octet; Sanic writes "/x; HttpOnly" out as an attribute).
_BAD_ATTRIBUTE = re.compile(r"[;\x00-\x1f\x7f]").search
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LEGAL_CHARS = string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~:"
_is_legal_key = re.compile(f"[{re.escape(_LEGAL_CHARS)}]+").fullmatch
_needs_quotes = re.compile(f"[^{re.escape(_LEGAL_CHARS)}]").search
# Cookie names that read as Set-Cookie attributes; refused like Sanic does (exact,
# lower-case spelling only).
_RESERVED_NAMES = frozenset(
    (
        "expires",
        "path",
        "comment",
        "domain",
        "max-age",
        "secure",
        "httponly",
        "samesite",
        "partitioned",
    )
)
# Controls, DEL, the quote, the backslash and ";" are written as octal escapes.
_TRANSLATOR = {n: f"\\{n:03o}" for n in (*range(32), 127, ord('"'), ord("\\"), ord(";"))}



def _attribute(name: str, value: Any) -> Any:
    """``value`` for the cookie attribute ``name``, refused if it would end the attribute
    or the field."""
    if isinstance(value, str) and _BAD_ATTRIBUTE(value):
        raise ValueError(
            f"Cookie {name} {value!r} holds ';' or a control character, which would end "
            "the attribute (RFC 6265 4.1.1); percent-encode it"
        )
    return value


def _cookie_date(when: datetime) -> str:
    """``when`` as the ``Expires`` date RFC 6265 4.1.1 asks for (rfc1123-date, in GMT;
    a naive datetime is taken as UTC). Sanic writes ``02-Jan-2030``, with dashes."""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return (
        f"{_DAYS[when.weekday()]}, {when.day:02d} {_MONTHS[when.month - 1]} "
        f"{when.year:04d} {when.hour:02d}:{when.minute:02d}:{when.second:02d} GMT"
    )


def _quote(value: str | None) -> str:
    if value is None:
        # ``cookie.value = None`` after add_cookie(): written as the word, as Sanic does
        # (it was an AttributeError when the header was written: a 500).
        return "None"
    if value and not _needs_quotes(value):
        return value
    return '"' + value.translate(_TRANSLATOR) + '"'


def _check_key(key: Any) -> None:
    """Refuse a cookie name Sanic refuses (``KeyError``, its type and wording)."""
    if not isinstance(key, str):
        # Sanic's is a TypeError too (from its name pattern), not the KeyError below.
        raise TypeError(f"Cookie key must be a str, got {type(key).__name__!r}")
    if not _is_legal_key(key):
        raise KeyError("Cookie key contains illegal characters")
    if key in _RESERVED_NAMES:
        raise KeyError("Cookie name is a reserved word")


class Cookie:
    """One response cookie, rendered by ``str(cookie)`` as a ``Set-Cookie`` value."""

    HOST_PREFIX = "__Host-"
    SECURE_PREFIX = "__Secure-"

    __slots__ = (
        "_comment",
        "_domain",
        "_expires",
        "_httponly",
        "_max_age",
        "_partitioned",
        "_path",
        "_samesite",
        "_secure",
        "key",
        "value",
    )

    _keys = {
        "path": "Path",
        "comment": "Comment",
        "domain": "Domain",
        "max-age": "Max-Age",
        "expires": "expires",
        "samesite": "SameSite",
        "secure": "Secure",
        "httponly": "HttpOnly",
        "partitioned": "Partitioned",
    }
    _flags = {"secure", "httponly", "partitioned"}

    def __init__(
        self,
        key: str,
        value: str,
        *,
        path: str = "/",
        domain: str | None = None,
        secure: bool = True,
        max_age: int | None = None,
        expires: datetime | None = None,
        httponly: bool = False,
        samesite: SameSite | None = "Lax",
        partitioned: bool = False,
        comment: str | None = None,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> None:
        # Checked in Sanic's order, so a call with several mistakes gets Sanic's error: the
        # name, the prefixes, expires, max_age, samesite, the value, then the attributes.
        _check_key(key)
        if host_prefix:
            if not secure:
                raise ServerError("Cannot set host_prefix on a cookie without secure=True")
            if path != "/":
                raise ServerError("Cannot set host_prefix on a cookie unless path='/'")
            if domain:
                raise ServerError("Cannot set host_prefix on a cookie with a defined domain")
        elif secure_prefix and not secure:
            raise ServerError("Cannot set secure_prefix on a cookie without secure=True")
        if host_prefix and secure_prefix:
            raise ServerError(
                "Both host_prefix and secure_prefix were requested. "
                "A cookie should have only one prefix."
            )
        if partitioned and not host_prefix:
            # CHIPS: a partitioned cookie must be __Host- so it is bound to one site.
            raise ServerError(
                "Cannot create a partitioned cookie without also setting host_prefix=True"
            )
        self._max_age: int | str | None = None
        self._expires: datetime | None = None
        self._samesite: str | None = None
        if expires is not None:
            self.expires = expires
        if max_age is not None:
            self.max_age = max_age
        if samesite is not None:
            self.samesite = samesite
        # None is written as the word, as Sanic writes it (``add_cookie("a", None)`` is
        # ``a=None``); other non-str values are refused here rather than when the header
        # is written.
        if value is not None and not isinstance(value, str):
            raise TypeError(f"Cookie value must be a str, got {type(value).__name__!r}")
        self.key = self.make_key(key, host_prefix, secure_prefix)
        self.value = value
        self._path = _attribute("path", path)
        self._domain = _attribute("domain", domain)
        self._comment = _attribute("comment", comment)
        self._secure = secure
        self._httponly = httponly
        self._partitioned = partitioned

    @staticmethod
    def make_key(key: str, host_prefix: bool = False, secure_prefix: bool = False) -> str:
        """The cookie name with its ``__Host-``/``__Secure-`` prefix applied."""
        if host_prefix and secure_prefix:
            raise ServerError(
                "Both host_prefix and secure_prefix were requested. "
                "A cookie should have only one prefix."
            )
        if host_prefix:
            return Cookie.HOST_PREFIX + key
        if secure_prefix:
            return Cookie.SECURE_PREFIX + key
        return key

    def __str__(self) -> str:
        parts = [f"{self.key}={_quote(self.value)}"]
        if self._path is not None:
            parts.append(f"Path={self._path}")
        if self._comment is not None:
            parts.append(f"Comment={self._comment}")
        if self._domain is not None:
            parts.append(f"Domain={self._domain}")
        if self._max_age is not None:
            # Written as the integer (``"07"`` as ``7``: RFC 6265 4.1.1 max-age-av); read
            # back as the app gave it, as in Sanic.
            parts.append(f"Max-Age={int(self._max_age)}")
        if self._expires is not None:
            parts.append(f"expires={_cookie_date(self._expires)}")
        if self._samesite is not None:
            parts.append(f"SameSite={self._samesite}")
        # As Sanic, a flag is left out only when it is False or None (0 and "" set it).
        if self._secure is not False and self._secure is not None:
            parts.append("Secure")
        if self._httponly is not False and self._httponly is not None:
            parts.append("HttpOnly")
        if self._partitioned is not False and self._partitioned is not None:
            parts.append("Partitioned")
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"<Cookie {self}>"

    def __setitem__(self, key: object, value: object) -> NoReturn:
        # Cookies were dicts before Sanic 23.3 (``cookie["httponly"] = True``); Sanic 25.12
        # refuses it with the bare TypeError, here the message names the attribute to set.
        attr = key.lower().replace("-", "_") if isinstance(key, str) else "httponly"
        raise TypeError(
            "'Cookie' object does not support item assignment; set its attribute instead "
            f"(cookie.{attr} = ...), or pass it to response.add_cookie()"
        )

    @property
    def path(self) -> str:
        """The ``Path`` attribute."""
        return self._path

    @path.setter
    def path(self, value: str) -> None:
        self._path = _attribute("path", value)

    @property
    def expires(self) -> datetime | None:
        """The ``expires`` attribute (a datetime; naive ones are taken as UTC)."""
        return self._expires

    @expires.setter
    def expires(self, value: datetime) -> None:
        if not isinstance(value, datetime):
            raise TypeError("Cookie 'expires' property must be a datetime")
        self._expires = value

    @property
    def comment(self) -> str | None:
        """The ``Comment`` attribute."""
        return self._comment

    @comment.setter
    def comment(self, value: str) -> None:
        self._comment = _attribute("comment", value)

    @property
    def domain(self) -> str | None:
        """The ``Domain`` attribute."""
        return self._domain

    @domain.setter
    def domain(self, value: str) -> None:
        self._domain = _attribute("domain", value)

    @property
    def max_age(self) -> int | str | None:
        """The ``Max-Age`` attribute in seconds (a digit string stays a string)."""
        return self._max_age

    @max_age.setter
    def max_age(self, value: int | str) -> None:
        if isinstance(value, bool) or not str(value).isdigit():
            raise ValueError("Cookie max-age must be an integer")
        try:
            int(value)  # "²" is a digit to isdigit() but no integer: refused now, not when sent
        except ValueError:
            raise ValueError("Cookie max-age must be an integer") from None
        self._max_age = value

    @property
    def secure(self) -> bool:
        """Whether the cookie is ``Secure`` (HTTPS only)."""
        return self._secure

    @secure.setter
    def secure(self, value: bool) -> None:
        self._secure = value

    @property
    def httponly(self) -> bool:
        """Whether the cookie is ``HttpOnly`` (hidden from JavaScript)."""
        return self._httponly

    @httponly.setter
    def httponly(self, value: bool) -> None:
        self._httponly = value

    @property
    def samesite(self) -> str | None:
        """The ``SameSite`` attribute: ``Strict``, ``Lax`` or ``None``."""
        return self._samesite

    @samesite.setter
    def samesite(self, value: SameSite) -> None:
        if not isinstance(value, str) or value.lower() not in ("strict", "lax", "none"):
            raise TypeError("Cookie 'samesite' property must be one of: strict,lax,none")
        self._samesite = value.title()

    @property
    def partitioned(self) -> bool:
        """Whether the cookie is ``Partitioned`` (CHIPS)."""
        return self._partitioned

    @partitioned.setter
    def partitioned(self, value: bool) -> None:
        self._partitioned = value


class CookieJar:
    """The cookies of one response, kept as ``Set-Cookie`` fields of its headers."""

    HEADER_KEY = "Set-Cookie"

    def __init__(self, headers: Header) -> None:
        self.headers = headers

    def __len__(self) -> int:
        return len(self.cookies)

    def __setitem__(self, key: object, value: object) -> NoReturn:
        # ``response.cookies["a"] = "b"`` set a cookie before Sanic 23.3; Sanic 25.12
        # refuses it with the bare TypeError, here the message says what replaced it.
        raise TypeError(
            "'CookieJar' object does not support item assignment; use "
            f"response.add_cookie({key!r}, value, ...) with its keyword arguments (path, "
            "domain, secure, max_age, expires, httponly, samesite, partitioned)"
        )

    @property
    def cookies(self) -> list[Cookie]:
        """Every cookie set on the response, in order."""
        return [c for c in self.headers.getall(self.HEADER_KEY, []) if isinstance(c, Cookie)]

    def get_cookie(
        self,
        key: str,
        path: str = "/",
        domain: str | None = None,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> Cookie | None:
        """The cookie with this name, path and domain, or ``None``.

        As in Sanic, a jar without cookies answers ``None`` before the prefixes are
        checked (asking for both prefixes raises only once a cookie is set).
        """
        cookies = self.cookies
        if not cookies:
            return None
        name = Cookie.make_key(key, host_prefix, secure_prefix)
        for cookie in cookies:
            if cookie.key == name and cookie.path == path and cookie.domain == domain:
                return cookie
        return None

    def has_cookie(
        self,
        key: str,
        path: str = "/",
        domain: str | None = None,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> bool:
        """Whether a cookie with this name, path and domain is set."""
        return self.get_cookie(key, path, domain, host_prefix, secure_prefix) is not None

    def add_cookie(
        self,
        key: str,
        value: str,
        *,
        path: str = "/",
        domain: str | None = None,
        secure: bool = True,
        max_age: int | None = None,
        expires: datetime | None = None,
        httponly: bool = False,
        samesite: SameSite | None = "Lax",
        partitioned: bool = False,
        comment: str | None = None,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> Cookie:
        """Add a ``Set-Cookie`` field; returns the ``Cookie`` so it can still be changed."""
        cookie = Cookie(
            key,
            value,
            path=path,
            domain=domain,
            secure=secure,
            max_age=max_age,
            expires=expires,
            httponly=httponly,
            samesite=samesite,
            partitioned=partitioned,
            comment=comment,
            host_prefix=host_prefix,
            secure_prefix=secure_prefix,
        )
        self.headers.add(self.HEADER_KEY, cookie)
        return cookie

    def delete_cookie(
        self,
        key: str,
        *,
        path: str = "/",
        domain: str | None = None,
        secure: bool = True,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> None:
        """Replace matching cookies by an empty one with ``Max-Age=0`` (the client drops it)."""
        # As Sanic: a prefix the deleting cookie could not carry is refused first.
        if host_prefix and not (secure and path == "/" and domain is None):
            raise ServerError(
                "Cannot set host_prefix on a cookie without path='/', domain=None, and "
                "secure=True"
            )
        if secure_prefix and not secure:
            raise ServerError("Cannot set secure_prefix on a cookie without secure=True")
        if host_prefix and secure_prefix and self.cookies:
            # As Sanic, which names the cookie to look for among those the response holds
            # before it checks the name: the two-prefixes error comes first then.
            Cookie.make_key(key, host_prefix, secure_prefix)
        _check_key(key)  # before the two-prefixes error on an empty jar, as in Sanic
        name = Cookie.make_key(key, host_prefix, secure_prefix)
        kept: list[Any] = []
        removed: list[Cookie] = []
        for value in self.headers.popall(self.HEADER_KEY, []):
            if (
                isinstance(value, Cookie)
                and value.key == name
                and value.path == path
                and value.domain == domain
            ):
                removed.append(value)
            else:
                kept.append(value)
        for value in kept:
            self.headers.add(self.HEADER_KEY, value)
        if removed:
            # As Sanic: a new cookie with the first old one's attributes, but no Comment
            # and no expires (a future date next to Max-Age=0 reads as a contradiction);
            # the object add_cookie() returned is left as it was.
            cookie = copy(removed[0])
            cookie.value = ""
            cookie.max_age = 0
            cookie._comment = None
            cookie._expires = None
        else:
            cookie = Cookie(
                key,
                "",
                path=path,
                domain=domain,
                secure=secure,
                max_age=0,
                samesite=None,
                host_prefix=host_prefix,
                secure_prefix=secure_prefix,
            )
        self.headers.add(self.HEADER_KEY, cookie)


__all__ = ["Cookie", "CookieJar", "SameSite"]
