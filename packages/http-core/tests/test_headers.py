"""Header multidict, the HTTP/1.1 response head, and header-value parsers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.headers import (
    Header,
    format_http1_response,
    parse_content_header,
    parse_credentials,
    parse_host,
)


def test_header_is_case_insensitive_with_getone_and_getall() -> None:
    headers = Header([("X-Thing", "1"), ("x-thing", "2"), ("Other", "o")])
    assert headers["x-THING"] == "1"
    assert headers.getone("X-THING") == "1"
    assert headers.getall("x-thing") == ["1", "2"]
    assert headers.get_all("missing") == []
    assert headers.getone("missing", None) is None


def test_header_keys_keep_every_field_name_as_sent() -> None:
    # As under Sanic 25.12 (multidict < 7): iterating the fields, or their keys, gives one
    # name per field, in the case it was sent; multidict 7 folds names that differ by case.
    headers = Header([("X-Thing", "1"), ("x-thing", "2"), ("Other", "o")])
    assert list(headers.keys()) == ["X-Thing", "x-thing", "Other"]
    assert list(headers) == ["X-Thing", "x-thing", "Other"]
    assert [k for k, _ in headers.items()] == ["X-Thing", "x-thing", "Other"]
    names = headers.keys()
    assert len(names) == 3 and "X-THING" in names and "missing" not in names
    assert repr(names) == "<_KeysView('X-Thing', 'x-thing', 'Other')>"
    assert dict(headers) == {"X-Thing": "1", "x-thing": "1", "Other": "o"}
    twice = Header([("Accept", "a"), ("Accept", "b")])
    assert list(twice) == ["Accept", "Accept"]


def test_header_attribute_access_joins_values_and_maps_underscores() -> None:
    headers = Header([("Content-Type", "text/plain"), ("X-Foo", "1"), ("x-foo", "2")])
    assert headers.content_type == "text/plain"
    assert headers.x_foo == "1,2"
    assert headers.not_there == ""


def test_header_attribute_access_drops_trailing_underscores() -> None:
    headers = Header([("From", "a@b.c"), ("X-Foo", "1"), ("x-foo-", "odd"), ("Keys", "k")])
    assert headers.from_ == "a@b.c"  # a keyword as a name
    assert headers.x_foo_ == headers.x_foo__ == headers.x_foo == "1"
    assert headers.keys_ == "k"  # a method name


def test_format_http1_response_builds_the_whole_head() -> None:
    head = format_http1_response(200, [(b"content-type", b"text/plain"), (b"x", b"y")])
    assert head == b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nx: y\r\n\r\n"


def test_format_http1_response_unknown_statuses() -> None:
    assert format_http1_response(299, []) == b"HTTP/1.1 299 UNKNOWN\r\n\r\n"
    # RFC 9110 15: three digits only. Sanic's helper fails on an IndexError here.
    with pytest.raises(IndexError, match="Invalid response status 1234"):
        format_http1_response(1234, [])
    assert format_http1_response(404, []).startswith(b"HTTP/1.1 404 Not Found\r\n")


def test_parse_content_header() -> None:
    assert parse_content_header("text/plain; charset=UTF-8") == (
        "text/plain",
        {"charset": "UTF-8"},
    )
    assert parse_content_header('form-data; name="upload"; filename="a b.txt"') == (
        "form-data",
        {"name": "upload", "filename": "a b.txt"},
    )
    assert parse_content_header('a; b="x;y"; C=d') == ("a", {"b": "x;y", "c": "d"})
    assert parse_content_header(r'a; name="q\"uote"') == ("a", {"name": 'q"uote'})
    assert parse_content_header("Text/HTML") == ("text/html", {})
    assert parse_content_header("") == ("", {})


@pytest.mark.parametrize(
    ("value", "options"),
    [
        ("form-data; name=a; filename=C:x.txt", {"name": "a", "filename": "C"}),
        ("a; b=x/y; c=1", {"b": "x", "c": "1"}),
        ("a; b=x y", {"b": "x"}),
        ("a; b=(x)", {}),
        ("a; b=", {}),
        ("a; b=\u00e9", {}),
        ("a; b=!#$%&'*+-.^_`|~09AZaz", {"b": "!#$%&'*+-.^_`|~09AZaz"}),
    ],
)
def test_an_unquoted_parameter_value_is_a_token(value: str, options: dict) -> None:
    # RFC 9110 5.6.6 (parameter-value = token / quoted-string), as Sanic reads it: the
    # value ends at the first character outside token; none at all is no value.
    assert parse_content_header(value)[1] == options


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; b\u00e9z=1", {}),
        ("text/html; a=1; b\u00e9z=2; c=3", {"a": "1", "c": "3"}),
        ("a; \u00c9=1", {}),
        ("a; x\u0663=1", {}),
        # OWS is ASCII (RFC 9110 5.6.3): after a no-break space no parameter is read.
        ("a;\u00a0c=9", {}),
        ("a; \u2003c=9; d=1", {"d": "1"}),
        ("a;\tc=9", {"c": "9"}),
    ],
)
def test_parse_content_header_parameter_names_are_ascii_tokens(value, expected) -> None:
    # RFC 9110 5.6.2 token; Sanic 25.12 drops such a parameter too (Hurtle kept "b\u00e9z").
    assert parse_content_header(value)[1] == expected


def test_parse_content_header_decodes_the_escapes_browsers_send() -> None:
    # HTML form-data: a '"' in a name or filename is sent as %22, a line break as %0D%0A.
    assert parse_content_header('form-data; name="a%22b"; x="1%0D%0A2"') == (
        "form-data",
        {"name": 'a"b', "x": "1\n2"},
    )
    assert parse_content_header("text/plain; a=b%22") == ("text/plain", {"a": 'b"'})
    # Other percent escapes stay as they are (a lone %0D or %0A too).
    assert parse_content_header('a; n="%41%0D%0A%0A%25"') == ("a", {"n": "%41\n%0A%25"})


def test_parse_content_header_reads_a_trailing_backslash_as_browsers_mean_it() -> None:
    # <input name='foo";bar\'> with a file: browsers send the backslash raw, not escaped.
    value = 'form-data; name="foo%22;bar\\"; filename="\U0001f600"'
    assert parse_content_header(value) == (
        "form-data",
        {"name": 'foo";bar\\', "filename": "\U0001f600"},
    )
    assert parse_content_header('form-data; name="x\\"; filename="y.txt"') == (
        "form-data",
        {"name": "x\\", "filename": "y.txt"},
    )
    # A quoted-string escape that ends the parameter is still an escape (RFC 9110 5.6.4).
    assert parse_content_header('form-data; name="a\\"b"; filename="c"') == (
        "form-data",
        {"name": 'a"b', "filename": "c"},
    )


@given(st.text())
def test_parse_content_header_never_raises(value: str) -> None:
    main, options = parse_content_header(value)
    assert isinstance(main, str)
    assert all(isinstance(k, str) for k in options)


def test_parse_host() -> None:
    assert parse_host("example.com:8080") == ("example.com", 8080)
    assert parse_host("EXAMPLE.com") == ("example.com", None)
    assert parse_host("[::1]:80") == ("[::1]", 80)
    assert parse_host("bad host") == (None, None)
    # RFC 3986 3.2.3: an empty port is no port (Sanic: no host).
    assert parse_host("example.com:") == ("example.com", None)
    assert parse_host(":80") == (None, None)


@pytest.mark.parametrize("value", ["[1]", "[a]", "[1:2]", "[:]", "[:::]", "[1:2:3:4:5:6:7:8:9]"])
def test_parse_host_brackets_hold_only_an_ipv6_address(value) -> None:
    # RFC 3986 3.2.2; Sanic refuses these too (except "[:::]", which its pattern takes).
    assert parse_host(value) == (None, None)
    assert parse_host(value + ":80") == (None, None)


def test_parse_host_keeps_valid_ipv6_literals() -> None:
    assert parse_host("[AB::1]:8000") == ("[ab::1]", 8000)
    assert parse_host("[::ffff:1.2.3.4]") == ("[::ffff:1.2.3.4]", None)


def test_parse_credentials() -> None:
    assert parse_credentials("Bearer abc") == ("Bearer", "abc")
    assert parse_credentials("Token abc") == ("Token", "abc")
    assert parse_credentials("Basic dXNlcjpwYXNz") == ("Basic", "dXNlcjpwYXNz")
    assert parse_credentials("Digest x") == (None, "Digest x")
    assert parse_credentials("Bearer") == ("Bearer", "")
    assert parse_credentials("Bearer\t x ") == ("Bearer", "x")
    assert parse_credentials("Bearerx") == (None, "Bearerx")
    assert parse_credentials(None) == (None, None)
    assert parse_credentials("Basic abc", ("Bearer",)) == (None, "Basic abc")
    # RFC 9110 11.1: any case; the scheme comes back as spelled in the prefixes
    assert parse_credentials("bEaReR abc") == ("Bearer", "abc")


@pytest.mark.parametrize("prefixes", [[], (), set(), "Token", "X", frozenset({"X"}), {"X": 1}])
def test_parse_credentials_empty_or_odd_prefixes_mean_the_default(prefixes) -> None:
    # As Sanic 25.12: only a non-empty list, tuple or set replaces Basic/Bearer/Token.
    assert parse_credentials("Token abc", prefixes) == ("Token", "abc")
    assert parse_credentials("Basic eDp5", prefixes) == ("Basic", "eDp5")
    assert parse_credentials("X y", prefixes) == (None, "X y")


def test_accept_and_proxy_parsers_are_reachable_from_headers() -> None:
    from hurtle_http import headers

    accept = headers.parse_accept("text/html")
    assert isinstance(accept, headers.AcceptList)
    assert headers.fwd_normalize_address("::1") == "[::1]"
    missing = "nope"
    try:
        getattr(headers, missing)
    except AttributeError as error:
        assert "nope" in str(error)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


@given(st.text(alphabet='\\"ab;= ', max_size=40))
def test_a_quoted_string_parameter_round_trips(value: str) -> None:
    # RFC 9110 5.6.4: a value quoted with \" and \\ escapes reads back as itself.
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    assert parse_content_header(f'form-data; name="{quoted}"')[1]["name"] == value


def test_form_data_percent_escapes_next_to_each_other() -> None:
    # Browsers send '"' as %22 and a line break as %0D%0A in form-data names.
    options = parse_content_header('form-data; name="%%22%0D%0A%220D%0A"; filename=a%22')[1]
    assert options == {"name": '%"\n"0D%0A', "filename": 'a"'}
