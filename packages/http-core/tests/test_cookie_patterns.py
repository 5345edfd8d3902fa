"""The cookie patterns Sanic's request-cookie module exposes, with Sanic 25.12's values."""

from __future__ import annotations

from hurtle_http.cookies.request import (
    COOKIE_NAME_RESERVED_CHARS,
    OCTAL_PATTERN,
    QUOTE_PATTERN,
    parse_cookie,
)


def test_reserved_name_characters() -> None:
    for char in '()<>@,;:\\"/[]?={} \t\x00\x1f\x7f\xe9':
        assert COOKIE_NAME_RESERVED_CHARS.search(f"a{char}b"), repr(char)
    assert COOKIE_NAME_RESERVED_CHARS.search("session_id-1.x!#$%&'*+^`|~") is None


def test_escape_patterns() -> None:
    assert OCTAL_PATTERN.findall(r'"a\073b\134c\9"') == [r"\073", r"\134"]
    assert QUOTE_PATTERN.findall(r'"a\"b\\c"') == [r"\"", r"\\"]


def test_the_parser_reads_the_escapes_the_patterns_find() -> None:
    assert parse_cookie(r'k="a\073b\"c"') == {"k": ['a;b"c']}
