"""The codec used to read a form body or part that names its ``charset``."""

from __future__ import annotations

import codecs
import encodings
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice

# Codecs whose decoding time grows with the square of the input: punycode, and idna
# (which runs punycode on each "xn--" label). A client naming one in a form's charset
# could hold a worker for minutes with a few megabytes of body.
_QUADRATIC = frozenset({"punycode", "idna"})
# Codecs that are no charset a client could have encoded with: "undefined" fails on every
# input (even with errors="replace", so the whole form was lost and an error logged) and
# the escape codecs read backslashes as Python escapes (warning on each bad one).
_NOT_CHARSETS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape"})
_READ_AS_UTF8 = _QUADRATIC | _NOT_CHARSETS


def form_charset(charset: str) -> str:
    """``charset`` as a codec name to decode form text with, or ``"utf-8"`` when it names
    a codec unfit for client input (see ``_QUADRATIC`` and ``_NOT_CHARSETS``).

    An unknown name is returned as is: the caller's ``LookupError`` fallback handles it.
    """
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return charset
    return "utf-8" if name in _READ_AS_UTF8 else charset


# What an urlencoded body is written with (RFC 3986 unreserved and sub-delims, "%", "+").
_URLENCODED_SYNTAX = b"azAZ09-._~=&%+;"


def urlencoded_charset(charset: str) -> str:
    """``form_charset(charset)`` for an urlencoded body, or ``"utf-8"`` when that codec
    does not read ASCII as ASCII (UTF-16, UTF-32, UTF-7, EBCDIC code pages).

    Such a body is ASCII whatever its charset (the charset is that of the bytes its
    escapes stand for), and browsers send UTF-8 for a page in UTF-16; decoding the body
    with one of those turned every ``a=b`` into other characters and the form was empty.
    Sanic reads every urlencoded form as UTF-8.
    """
    name = form_charset(charset)
    try:
        ascii_compatible = _URLENCODED_SYNTAX.decode(name) == _URLENCODED_SYNTAX.decode("ascii")
    except LookupError:
        return name  # not a text codec: the caller's LookupError fallback handles it
    except (UnicodeError, TypeError, ValueError):
        ascii_compatible = False
    return name if ascii_compatible else "utf-8"


@contextmanager
def forgetting_unknown_charsets() -> Iterator[None]:
    """Drop what looking up names that are no codec left in the ``encodings`` package's
    cache meanwhile.

    The package remembers, for the life of the process, every name it failed to find; a
    client naming another made-up charset in each request would grow that memory without
    end. The cache only saves work, so dropping entries changes no result.
    """
    cache = getattr(encodings, "_cache", None)
    if not isinstance(cache, dict):
        yield
        return
    size = len(cache)
    try:
        yield
    finally:
        added = len(cache) - size
        if added > 0:
            # (dicts keep insertion order: the entries added meanwhile are the last ones)
            for name in list(islice(reversed(cache), added)):
                if cache.get(name, False) is None:
                    cache.pop(name, None)


__all__ = ["form_charset", "forgetting_unknown_charsets", "urlencoded_charset"]
