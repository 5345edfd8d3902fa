"""Field values quoted in error messages.

Header values are decoded with ``surrogateescape`` (their bytes kept), so a value that is
not UTF-8 holds lone surrogates, which no error page can encode: a message quoting one
made the answer to a malformed field a 500 ("Exception occurred in the error handler").
"""

from __future__ import annotations


def field_text(value: str) -> str:
    """``value`` with the bytes that are not UTF-8 shown as U+FFFD (unchanged otherwise)."""
    if value.isascii():
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


__all__ = ["field_text"]
