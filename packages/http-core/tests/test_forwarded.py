"""Proxy headers: Forwarded with a secret, X-Forwarded-* with a proxy count."""

from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.config import HttpConfig
from hurtle_http.forwarded import fwd_normalize_address, parse_forwarded, parse_xforwarded
from hurtle_http.headers import Header


def test_forwarded_is_ignored_without_a_secret() -> None:
    assert parse_forwarded(Header({"Forwarded": "for=1.2.3.4"}), HttpConfig()) is None


def test_forwarded_takes_only_the_element_with_the_secret() -> None:
    headers = Header(
        {
            "Forwarded": 'for=1.2.3.4;proto=https;by=_x, for="[::1]:99";secret=s3;'
            'proto=WSS;path="/a%20b"'
        }
    )
    fwd = parse_forwarded(headers, HttpConfig(FORWARDED_SECRET="s3"))
    assert fwd == {"for": "[::1]:99", "secret": "s3", "proto": "wss", "path": "/a b"}


def test_forwarded_secret_as_by_and_bad_values_dropped() -> None:
    config = HttpConfig(FORWARDED_SECRET="s")
    fwd = parse_forwarded(Header({"Forwarded": "for=unknown;by=s;port=x;host=Ex.COM"}), config)
    assert fwd == {"by": "s", "host": "ex.com"}
    assert parse_forwarded(Header({"Forwarded": "for=1.2.3.4;secret=bad"}), config) is None


def test_xforwarded_needs_a_proxy_count() -> None:
    headers = Header({"X-Forwarded-For": "1.2.3.4, 5.6.7.8"})
    assert parse_xforwarded(headers, HttpConfig()) is None
    assert parse_xforwarded(headers, HttpConfig(PROXIES_COUNT=1)) == {"for": "5.6.7.8"}
    assert parse_xforwarded(headers, HttpConfig(PROXIES_COUNT=2)) == {"for": "1.2.3.4"}
    assert parse_xforwarded(headers, HttpConfig(PROXIES_COUNT=3)) is None


def test_xforwarded_details_and_custom_header() -> None:
    headers = Header(
        {
            "X-Custom": "9.9.9.9",
            "X-Forwarded-Proto": "HTTPS",
            "X-Forwarded-Host": "ex.com",
            "X-Forwarded-Port": "444",
            "X-Forwarded-Path": "/pre",
        }
    )
    config = HttpConfig(PROXIES_COUNT=1, FORWARDED_FOR_HEADER="X-Custom")
    assert parse_xforwarded(headers, config) == {
        "for": "9.9.9.9",
        "proto": "https",
        "host": "ex.com",
        "port": 444,
        "path": "/pre",
    }


def test_real_ip_header_wins() -> None:
    headers = Header({"X-Real-IP": "8.8.8.8", "X-Forwarded-For": "1.1.1.1", "X-Scheme": "https"})
    config = HttpConfig(REAL_IP_HEADER="X-Real-IP", PROXIES_COUNT=1)
    assert parse_xforwarded(headers, config) == {"for": "8.8.8.8", "proto": "https"}


def test_x_forwarded_proto_wins_over_x_scheme() -> None:
    """As in Sanic 25.12, whichever order the two headers come in."""
    config = HttpConfig(PROXIES_COUNT=1)
    for pairs in (
        [("X-Forwarded-For", "1.2.3.4"), ("X-Scheme", "wss"), ("X-Forwarded-Proto", "https")],
        [("X-Forwarded-For", "1.2.3.4"), ("X-Forwarded-Proto", "https"), ("X-Scheme", "wss")],
    ):
        assert parse_xforwarded(Header(pairs), config) == {"for": "1.2.3.4", "proto": "https"}
    only_scheme = Header([("X-Forwarded-For", "1.2.3.4"), ("X-Scheme", "wss")])
    assert parse_xforwarded(only_scheme, config) == {"for": "1.2.3.4", "proto": "wss"}


def test_forwarded_pairs_sanic_reads_differently() -> None:
    """Kept on purpose where real Sanic 25.12 differs (both are lenient, in other ways).

    - ``host=EX.com:444`` unquoted: ``:`` is not a token character, so RFC 7239 4 requires
      the value to be quoted; the pair is dropped. Sanic keeps ``ex.com`` (cut at the colon,
      so the port is lost and the default port is reported).
    - ``for=1.2.3.4 ;secret=...``: whitespace before ``;`` is tolerated here and the address
      is kept; Sanic drops the ``for`` pair but still trusts the element.
    """
    config = HttpConfig(FORWARDED_SECRET="s3")
    unquoted = Header({"Forwarded": "secret=s3;proto=HTTPS;host=EX.com:444"})
    assert parse_forwarded(unquoted, config) == {"secret": "s3", "proto": "https"}
    quoted = Header({"Forwarded": 'secret=s3;host="EX.com:444"'})
    assert parse_forwarded(quoted, config) == {"secret": "s3", "host": "ex.com:444"}
    spaced = Header({"Forwarded": "for=1.2.3.4 ;secret=s3"})
    assert parse_forwarded(spaced, config) == {"for": "1.2.3.4", "secret": "s3"}


def test_blank_forwarded_for_is_no_address() -> None:
    headers = Header({"X-Forwarded-For": "  ,  "})
    assert parse_xforwarded(headers, HttpConfig(PROXIES_COUNT=1)) is None


def test_address_normalisation() -> None:
    assert fwd_normalize_address("::1") == "[::1]"
    assert fwd_normalize_address("_Hidden") == "_Hidden"
    assert fwd_normalize_address("A.example") == "a.example"


@given(st.text(max_size=120))
def test_forwarded_parsing_never_raises(value: str) -> None:
    headers = Header({"Forwarded": value, "X-Forwarded-For": value})
    fwd = parse_forwarded(headers, HttpConfig(FORWARDED_SECRET="s"))
    assert fwd is None or isinstance(fwd, dict)
    xfwd = parse_xforwarded(headers, HttpConfig(PROXIES_COUNT=2))
    assert xfwd is None or isinstance(xfwd, dict)


def test_malformed_pair_separates_what_the_secret_vouches_for() -> None:
    """Pairs on the far side of a malformed one are not part of the trusted element."""
    config = HttpConfig(FORWARDED_SECRET="k9")
    after = Header({"Forwarded": "for=10.0.0.7;secret=k9;junk;proto=wss;"})
    assert parse_forwarded(after, config) == {"for": "10.0.0.7", "secret": "k9"}
    before = Header({"Forwarded": "for=10.0.0.7;junk;secret=k9;proto=wss"})
    assert parse_forwarded(before, config) == {"secret": "k9", "proto": "wss"}
    leading = Header({"Forwarded": "junk;secret=k9;proto=wss"})
    assert parse_forwarded(leading, config) == {"secret": "k9", "proto": "wss"}


def test_unterminated_quoted_pair_value_is_not_trusted() -> None:
    """Kept on purpose: a backslash in a quoted string escapes the next character (RFC 9110
    5.6.4 MUST), so ``q="\\,x=x;y=\\"`` never closes and ``for`` is not vouched for. Real
    Sanic reads backslashes literally and trusts ``for=test`` there."""
    config = HttpConfig(FORWARDED_SECRET="k9")
    headers = Header({"Forwarded": 'for=test;q="\\,x=x;y=\\";secret=k9'})
    assert parse_forwarded(headers, config) == {"secret": "k9"}


def test_a_non_ascii_letter_makes_a_forwarded_token_malformed() -> None:
    """RFC 9110 5.6.2 tchar is ASCII: ``host=ÿ.example`` is no pair (as Sanic reads it), and
    like any malformed pair it ends what the secret vouches for."""
    config = HttpConfig(FORWARDED_SECRET="s3")
    headers = Header({"Forwarded": "for=1.2.3.4;secret=s3;host=ÿ.example"})
    assert parse_forwarded(headers, config) == {"for": "1.2.3.4", "secret": "s3"}
    headers = Header({"Forwarded": "for=1.2.3.4;host=ÿ.example;secret=s3;proto=é"})
    assert parse_forwarded(headers, config) == {"secret": "s3"}
    quoted = Header({"Forwarded": 'secret=s3;host="ÿ.example"'})
    assert parse_forwarded(quoted, config) == {"secret": "s3", "host": "ÿ.example"}
