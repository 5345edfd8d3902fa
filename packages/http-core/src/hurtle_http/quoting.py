"""Quoted strings written into response fields (RFC 9110 section 5.6.4)."""

from __future__ import annotations


def quoted_pairs(text: str) -> str:
    """``text`` with each backslash and DQUOTE escaped as a quoted-pair, ready to go
    between the quotes of a ``quoted-string`` (RFC 9110 section 5.6.4: inside one, those
    two octets are only valid escaped; a bare ``"`` would end the string early)."""
    if "\\" not in text and '"' not in text:
        return text
    return text.replace("\\", "\\\\").replace('"', '\\"')


def quoted_string(text: str) -> str:
    """``text`` as a ``quoted-string``: in DQUOTEs, with its backslashes and DQUOTEs escaped."""
    return f'"{quoted_pairs(text)}"'


__all__ = ["quoted_pairs", "quoted_string"]
