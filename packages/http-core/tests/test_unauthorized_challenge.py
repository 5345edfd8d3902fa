"""The ``WWW-Authenticate`` challenge ``Unauthorized(scheme=..., **params)`` writes: each
parameter a quoted-string (RFC 9110 sections 11.2 and 5.6.4), so a client reads back the
value the app gave."""

from __future__ import annotations

import re

import pytest

from hurtle_http.exceptions import Unauthorized

# RFC 9110 5.6.4: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
_PARAM = re.compile(r'\s*([^=\s,]+)="((?:[^"\\]|\\.)*)"\s*(?:,|$)')


def _challenge_params(value: str) -> tuple[str, dict[str, str]]:
    """Read a challenge as a client does: the scheme, then each auth-param; a value that
    is no quoted-string fails the read."""
    scheme, _, rest = value.partition(" ")
    params: dict[str, str] = {}
    while rest:
        match = _PARAM.match(rest)
        assert match, f"no auth-param at {rest!r}"
        params[match.group(1)] = re.sub(r"\\(.)", r"\1", match.group(2))
        rest = rest[match.end() :]
    return scheme, params


def test_plain_values_are_written_as_sanic_writes_them() -> None:
    error = Unauthorized("no", scheme="Digest", realm="r", qop="auth,auth-int", nonce="abc")
    assert error.headers["WWW-Authenticate"] == (
        'Digest realm="r", qop="auth,auth-int", nonce="abc"'
    )


@pytest.mark.parametrize(
    "realm, written",
    [
        ('a"b', r'Basic realm="a\"b"'),
        ("a\\b", r'Basic realm="a\\b"'),
        ('say "hi", \\o/', r'Basic realm="say \"hi\", \\o/"'),
        ('"', r'Basic realm="\""'),
    ],
)
def test_a_quote_or_backslash_in_a_parameter_is_escaped(realm: str, written: str) -> None:
    # Sanic writes `realm="a"b"`: the string ends after `a` and the challenge is invalid.
    value = Unauthorized("no", scheme="Basic", realm=realm).headers["WWW-Authenticate"]
    assert value == written
    assert _challenge_params(value) == ("Basic", {"realm": realm})


def test_several_parameters_each_read_back() -> None:
    value = Unauthorized(
        "no", scheme="Bearer", error="invalid_token", error_description='bad "sig"'
    ).headers["WWW-Authenticate"]
    assert _challenge_params(value) == (
        "Bearer",
        {"error": "invalid_token", "error_description": 'bad "sig"'},
    )


def test_a_value_that_is_no_string_is_written_as_its_str() -> None:
    value = Unauthorized("no", scheme="Basic", realm=5).headers["WWW-Authenticate"]
    assert value == 'Basic realm="5"'
