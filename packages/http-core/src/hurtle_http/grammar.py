"""Character classes of the HTTP grammar, for the regular expressions that read fields."""

from __future__ import annotations

#: RFC 9110 section 5.6.2: ``tchar``, a character of a token (ASCII only).
TCHAR = r"[A-Za-z0-9!#$%&'*+\-.^_`|~]"

__all__ = ["TCHAR"]
