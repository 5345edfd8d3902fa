"""Request cookie parsing and response cookies (Cookie, CookieJar)."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.compat import UTC
from hurtle_http.cookies import Cookie, CookieJar, CookieRequestParameters, parse_cookie
from hurtle_http.exceptions import ServerError
from hurtle_http.headers import Header
from hurtle_http.response import text

# ------------------------------------------------------------------ request side


def test_parse_cookie_keeps_every_value_in_order() -> None:
    parsed = parse_cookie('a=1; a=2; b="x\\073y\\"z"; sp = x ; e=; noeq')
    assert parsed == {"a": ["1", "2"], "b": ['x;y"z'], "sp": ["x"], "e": [""], "": ["noeq"]}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Names that are not RFC 9110 tokens are dropped, as real Sanic 25.12 does.
        ("a b=1; c=2", {"c": ["2"]}),
        ("a,b=1", {}),
        ("a:b=1; a[b]=1; a@=1", {}),
        ('"a"=1', {}),
        ("\u20ac=1; \u0100=2; f=\u00e9", {"\u20ac": ["1"], "\u0100": ["2"], "f": ["\u00e9"]}),
        ("a\tb=1; a=b=c", {"a": ["b=c"]}),
        # Token punctuation is fine, and so are the prefixes and a bare value.
        ("$Version=1; a%20b=1; x-y.z=2; __Host-a=3", {
            "$Version": ["1"], "a%20b": ["1"], "x-y.z": ["2"], "__Host-a": ["3"],
        }),
        ("a=1;b", {"a": ["1"], "": ["b"]}),
        ("=x", {"": ["x"]}),
        # Only ";" separates pairs; a comma stays in the value.
        ("j=1,k=2; a=1, b=2", {"j": ["1,k=2"], "a": ["1, b=2"]}),
        (" a = 1 ;; k=\t2", {"a": ["1"], "k": ["2"]}),
    ],
)
def test_parse_cookie_matches_sanic_on_odd_names(header: str, expected: dict) -> None:
    assert parse_cookie(header) == expected


def test_a_latin_1_letter_in_a_cookie_name_is_kept() -> None:
    """``\u00e9=1`` is a cookie named ``\u00e9``, like any other non-ASCII name.

    Kept on purpose: real Sanic 25.12 drops names holding U+0080..U+00FF but keeps ``\u20ac``
    or ``\u0100``; non-ASCII is outside RFC 6265's token either way, and browsers send names
    set by scripts as UTF-8, so Hurtle keeps them all.
    """
    assert parse_cookie("\u00e9=1; \u20ac=2") == {"\u00e9": ["1"], "\u20ac": ["2"]}


def test_an_empty_quoted_cookie_is_empty() -> None:
    """``a=""`` reads as ``""``, the quotes removed as for any quoted value.

    Kept on purpose: real Sanic 25.12 unquotes ``a="q"`` to ``q`` but keeps ``a=""`` as the
    two-character string ``'""'``; a quoted empty string is the empty value.
    """
    assert parse_cookie('a=""; b="q"') == {"a": [""], "b": ["q"]}


def test_request_cookie_parameters_get_getlist_and_prefixes() -> None:
    cookies = CookieRequestParameters(parse_cookie("a=1; a=2; __Host-h=3; __Secure-s=4"))
    assert cookies.get("a") == "1"
    assert cookies.getlist("a") == ["1", "2"]
    assert cookies["a"] == ["1", "2"]
    assert cookies.get("h") == "3"
    assert cookies["s"] == ["4"]
    assert cookies.s == "4"
    assert cookies.get("zz") is None and cookies.get("zz", 5) == 5
    assert cookies.getlist("zz") == [] and cookies.getlist("zz", [5]) == [5]
    assert cookies.zz == ""
    with pytest.raises(KeyError):
        cookies["zz"]


def test_prefixed_cookie_wins_over_the_plain_one() -> None:
    # Observed on Sanic 25.12: __Host- first, then __Secure-, then the plain name.
    cookies = CookieRequestParameters(parse_cookie("a=3; __Secure-a=2; __Host-a=1"))
    assert cookies.get("a") == "1" and cookies.getlist("a") == ["1"]
    assert cookies["a"] == ["1"] and cookies.a == "1"
    secure = CookieRequestParameters(parse_cookie("a=3; __Secure-a=2"))
    assert secure.get("a") == "2" and secure["a"] == ["2"]
    assert dict(secure) == {"a": ["3"], "__Secure-a": ["2"]}



@pytest.mark.parametrize("name", ["_foo", "__foo", "_", "__slots__"])
def test_a_private_looking_attribute_is_the_usual_attribute_error(name: str) -> None:
    # As Sanic 25.12: Python's own message, naming the class (Hurtle's said only "_foo").
    cookies = CookieRequestParameters(parse_cookie("_foo=1; __foo=2"))
    with pytest.raises(AttributeError) as raised:
        getattr(cookies, name)
    assert str(raised.value) == f"'CookieRequestParameters' object has no attribute '{name}'"

# ------------------------------------------------------------------ response side


def test_add_cookie_defaults_are_secure_lax_root_path() -> None:
    response = text("x")
    cookie = response.add_cookie("a", "b")
    assert str(cookie) == "a=b; Path=/; SameSite=Lax; Secure"
    assert response.headers.getall("set-cookie") == [cookie]
    assert (b"Set-Cookie", b"a=b; Path=/; SameSite=Lax; Secure") in list(response.processed_headers)


def test_every_attribute_is_rendered() -> None:
    response = text("x")
    response.add_cookie(
        "q",
        'v w;"x',
        max_age=10,
        expires=datetime(2030, 1, 2, 3, 4, 5),
        domain="ex.com",
        httponly=True,
        samesite="Strict",
        comment="hi",
        path="/p",
    )
    assert str(response.cookies.get_cookie("q", "/p", "ex.com")) == (
        'q="v w\\073\\042x"; Path=/p; Comment=hi; Domain=ex.com; Max-Age=10; '
        "expires=Wed, 02 Jan 2030 03:04:05 GMT; SameSite=Strict; Secure; HttpOnly"
    )


@pytest.mark.parametrize("month", range(1, 13))
def test_expires_is_an_rfc1123_date_in_any_locale(month: int) -> None:
    # RFC 6265 4.1.1: sane-cookie-date is rfc1123-date (Sanic writes 02-Jan-2030, the
    # old Netscape form); the names are English whatever the process locale.
    from email.utils import parsedate_to_datetime

    when = datetime(2031, month, 9, 23, 59, 1, tzinfo=UTC)
    value = str(Cookie("k", "v", expires=when)).split("expires=")[1].split(";")[0]
    assert re.fullmatch(r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT", value)
    assert parsedate_to_datetime(value) == when


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("path", "/x; HttpOnly"),
        ("domain", "a.com; Secure"),
        ("comment", "a;b"),
        ("path", "/a\x01"),
        ("domain", "a\x00.com"),
        ("path", "/a\x7f"),
    ],
)
def test_an_attribute_value_cannot_end_the_attribute(attribute: str, value: str) -> None:
    # RFC 6265 4.1.1 (path-value and av-octet exclude ";" and CTLs): Sanic writes
    # "Path=/x; HttpOnly", so a path taken from a request adds attributes of its choosing.
    response = text("x")
    with pytest.raises(ValueError, match=f"Cookie {attribute} .* holds ';'"):
        response.add_cookie("a", "1", **{attribute: value})
    cookie = Cookie("a", "1")
    with pytest.raises(ValueError):
        setattr(cookie, attribute, value)
    setattr(cookie, attribute, "/ok.example")
    assert f"={'/ok.example'}" in str(cookie)


def test_aware_expiry_is_written_in_gmt() -> None:
    expires = datetime(2030, 1, 1, tzinfo=timezone(timedelta(hours=2)))
    assert "expires=Mon, 31 Dec 2029 22:00:00 GMT" in str(Cookie("k", "v", expires=expires))


def test_prefixes_and_partitioned() -> None:
    response = text("x")
    response.add_cookie("h", "1", host_prefix=True, partitioned=True)
    response.add_cookie("s", "1", secure_prefix=True)
    assert [str(c) for c in response.cookies.cookies] == [
        "__Host-h=1; Path=/; SameSite=Lax; Secure; Partitioned",
        "__Secure-s=1; Path=/; SameSite=Lax; Secure",
    ]
    assert response.cookies.has_cookie("h", host_prefix=True)
    assert not response.cookies.has_cookie("h")


def test_delete_cookie_replaces_or_adds_an_expired_one() -> None:
    response = text("x")
    response.add_cookie("a", "b")
    response.add_cookie("keep", "k")
    response.delete_cookie("a")
    response.delete_cookie("gone")
    assert [str(c) for c in response.headers.getall("set-cookie")] == [
        "keep=k; Path=/; SameSite=Lax; Secure",
        'a=""; Path=/; Max-Age=0; SameSite=Lax; Secure',
        'gone=""; Path=/; Max-Age=0; Secure',
    ]
    assert len(response.cookies) == 3


def test_deleting_a_cookie_drops_its_comment_and_expiry_but_keeps_its_flags() -> None:
    # As Sanic 25.12: the expired cookie keeps SameSite/HttpOnly/Domain of the one it
    # replaces, but not Comment or a future expires next to Max-Age=0; the cookie object
    # add_cookie() returned is not changed.
    response = text("x")
    added = response.add_cookie(
        "a",
        "1",
        domain="example.com",
        comment="hi",
        expires=datetime(2030, 1, 2, tzinfo=UTC),
        httponly=True,
        samesite="Strict",
    )
    response.delete_cookie("a", domain="example.com")
    assert [str(c) for c in response.headers.getall("set-cookie")] == [
        'a=""; Path=/; Domain=example.com; Max-Age=0; SameSite=Strict; Secure; HttpOnly'
    ]
    assert (added.value, added.comment, added.max_age) == ("1", "hi", None)


def test_deleting_copies_the_first_of_several_matching_cookies() -> None:
    response = text("x")
    response.add_cookie("a", "1", samesite="Strict", httponly=True)
    response.add_cookie("a", "2", samesite=None)
    response.delete_cookie("a")
    assert [str(c) for c in response.headers.getall("set-cookie")] == [
        'a=""; Path=/; Max-Age=0; SameSite=Strict; Secure; HttpOnly'
    ]


@pytest.mark.parametrize(
    ("key", "message"),
    [("\x00X", "Cookie key contains illegal characters"), ("expires", "reserved word")],
)
def test_deleting_a_bad_name_says_so_before_the_two_prefixes(key, message) -> None:
    # Sanic 25.12's order: the name is refused before "Both host_prefix and secure_prefix".
    with pytest.raises(KeyError, match=message):
        text("x").delete_cookie(key, host_prefix=True, secure_prefix=True)


@pytest.mark.parametrize("kwargs", [{"path": "/x"}, {"domain": "d.com"}, {"secure": False}])
def test_deleting_a_host_prefixed_cookie_needs_its_fixed_attributes(kwargs) -> None:
    with pytest.raises(ServerError) as info:
        CookieJar(Header()).delete_cookie("h", host_prefix=True, **kwargs)
    assert str(info.value) == (
        "Cannot set host_prefix on a cookie without path='/', domain=None, and secure=True"
    )


def test_samesite_none_without_secure_is_allowed_and_none_omits_it() -> None:
    assert str(Cookie("a", "v", samesite="none", secure=False)) == "a=v; Path=/; SameSite=None"
    assert str(Cookie("a", "v", samesite=None, secure=False)) == "a=v; Path=/"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"key": "a b"}, KeyError, "illegal characters"),
        ({"key": "ä"}, KeyError, "illegal characters"),
        # Attribute names are refused as cookie names (Sanic 25.12; exact lower case only).
        ({"key": "expires"}, KeyError, "reserved word"),
        ({"key": "path"}, KeyError, "reserved word"),
        ({"key": "max-age"}, KeyError, "reserved word"),
        ({"key": "partitioned"}, KeyError, "reserved word"),
        ({"samesite": "Bad"}, TypeError, "strict,lax,none"),
        ({"host_prefix": True, "path": "/x"}, ServerError, "path='/'"),
        ({"host_prefix": True, "domain": "x.com"}, ServerError, "defined domain"),
        ({"host_prefix": True, "secure": False}, ServerError, "secure=True"),
        ({"secure_prefix": True, "secure": False}, ServerError, "secure=True"),
        ({"host_prefix": True, "secure_prefix": True}, ServerError, "only one prefix"),
        ({"partitioned": True}, ServerError, "host_prefix=True"),
        ({"max_age": "x"}, ValueError, "integer"),
        ({"expires": "x"}, TypeError, "datetime"),
        ({"value": 1}, TypeError, "must be a str"),
    ],
)
def test_invalid_cookies_are_refused_with_a_clear_error(
    kwargs: dict, error: type, message: str
) -> None:
    args = {"key": "a", "value": "v", **kwargs}
    key, value = args.pop("key"), args.pop("value")
    with pytest.raises(error, match=message):
        CookieJar(Header()).add_cookie(key, value, **args)


def test_capitalised_attribute_names_are_fine_as_cookie_names() -> None:
    jar = CookieJar(Header())
    jar.add_cookie("Expires", "v")
    assert str(jar.cookies[0]).startswith("Expires=v; ")


def test_cookie_setters_validate() -> None:
    cookie = Cookie("k", "v")
    cookie.samesite = "strict"
    cookie.max_age = "7"  # type: ignore[assignment]
    cookie.httponly = True
    assert str(cookie) == "k=v; Path=/; Max-Age=7; SameSite=Strict; Secure; HttpOnly"
    with pytest.raises(TypeError):
        cookie.samesite = "x"  # type: ignore[assignment]


_RESERVED = {
    "expires",
    "path",
    "comment",
    "domain",
    "max-age",
    "secure",
    "httponly",
    "samesite",
    "partitioned",
}
_names = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789!#$%&'*+-.^_`|~", min_size=1
).filter(lambda name: name not in _RESERVED)


@given(st.dictionaries(_names, st.text(), max_size=5))
def test_response_cookies_parse_back_to_their_values(values: dict[str, str]) -> None:
    jar = CookieJar(Header())
    for key, value in values.items():
        jar.add_cookie(key, value)
    # What a browser sends back is "name=value" as it was set.
    sent_back = "; ".join(str(c).split("; ", 1)[0] for c in jar.cookies)
    parsed = parse_cookie(sent_back)
    for key, value in values.items():
        assert parsed[key] == [value]


@given(st.text())
def test_parse_cookie_never_raises(raw: str) -> None:
    parsed = parse_cookie(raw)
    assert all(isinstance(v, list) for v in parsed.values())


def test_attribute_access_reads_the_hyphenated_cookie() -> None:
    from hurtle_http.cookies.request import CookieRequestParameters

    cookies = CookieRequestParameters({"session-token": ["abc"], "plain": ["1"]})
    assert cookies.session_token == cookies.session_token_ == "abc"
    assert cookies.plain_ == "1"
    assert cookies.absent == ""


def test_deleting_with_a_prefix_the_cookie_cannot_carry_is_refused() -> None:
    from hurtle_http.cookies.response import CookieJar
    from hurtle_http.exceptions import ServerError
    from hurtle_http.headers import Header

    jar = CookieJar(Header())
    with pytest.raises(ServerError, match="host_prefix on a cookie without path='/', domain=None"):
        jar.delete_cookie("a", domain="example.com", secure_prefix=True, host_prefix=True)
    with pytest.raises(ServerError, match="secure_prefix on a cookie without secure=True"):
        jar.delete_cookie("a", secure=False, secure_prefix=True)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        # The mistakes are reported in Sanic's order: expires, max_age, samesite, the
        # value's type, then a path, domain or comment that would end the attribute.
        ({"value": 5, "expires": "x"}, TypeError, "'expires' property must be a datetime"),
        ({"expires": "x", "max_age": 1.5}, TypeError, "'expires' property must be a datetime"),
        ({"value": 5, "max_age": 1.5}, ValueError, "max-age must be an integer"),
        ({"value": 5, "samesite": "x"}, TypeError, "'samesite' property must be one of"),
        ({"path": "/x;y", "max_age": 1.5}, ValueError, "max-age must be an integer"),
        ({"comment": "a;b", "expires": "x"}, TypeError, "'expires' property must be a"),
        ({"domain": "a;b", "samesite": "x"}, TypeError, "'samesite' property must be one of"),
        ({"value": 5, "path": "/x;y"}, TypeError, "Cookie value must be a str"),
        ({"value": 5, "host_prefix": True, "path": "/a"}, ServerError, "unless path='/'"),
    ],
)
def test_add_cookie_reports_the_first_mistake_in_sanics_order(
    kwargs: dict, error: type[Exception], message: str
) -> None:
    args = {"key": "k", "value": "v", **kwargs}
    with pytest.raises(error, match=re.escape(message)):
        text("x").add_cookie(**args)


@pytest.mark.parametrize("flag", [0, "", 1, "no"])
def test_a_flag_is_set_by_any_value_but_false_and_none(flag: object) -> None:
    """As Sanic: secure=0 still writes Secure (only False and None leave a flag out)."""
    cookie = Cookie("k", "v", secure=flag, httponly=flag)  # type: ignore[arg-type]
    assert str(cookie) == "k=v; Path=/; SameSite=Lax; Secure; HttpOnly"
    for off in (False, None):
        cookie = Cookie("k", "v", secure=off, httponly=off)  # type: ignore[arg-type]
        assert str(cookie) == "k=v; Path=/; SameSite=Lax"


def test_deleting_with_two_prefixes_among_cookies_names_that_error_first() -> None:
    """With a cookie in the jar, Sanic looks for the prefixed name before checking it."""
    response = text("x")
    with pytest.raises(KeyError, match="illegal characters"):
        response.delete_cookie("a=b", host_prefix=True, secure_prefix=True)
    response.add_cookie("k", "v")
    with pytest.raises(ServerError, match="Both host_prefix and secure_prefix"):
        response.delete_cookie("a=b", host_prefix=True, secure_prefix=True)


def test_looking_up_with_two_prefixes_in_an_empty_jar_finds_nothing() -> None:
    """Sanic answers "no such cookie" while the jar is empty; once one is set it raises."""
    response = text("x")
    assert response.cookies.get_cookie("a", host_prefix=True, secure_prefix=True) is None
    assert response.cookies.has_cookie("a", host_prefix=True, secure_prefix=True) is False
    response.add_cookie("other", "v")
    with pytest.raises(ServerError, match="Both host_prefix and secure_prefix"):
        response.cookies.has_cookie("a", host_prefix=True, secure_prefix=True)


def test_a_cookie_value_set_to_none_is_written_as_the_word() -> None:
    # As Sanic: the Set-Cookie field reads ``a=None``; it raised AttributeError (a 500).
    response = text("x")
    cookie = response.add_cookie("a", "v")
    cookie.value = None  # type: ignore[assignment]
    assert str(cookie) == "a=None; Path=/; SameSite=Lax; Secure"


@pytest.mark.parametrize("key", [5, b"a", None])
def test_a_cookie_name_that_is_no_str_is_a_type_error(key: object) -> None:
    # As Sanic 25.12 (a TypeError); Hurtle raised the KeyError of an illegal name.
    with pytest.raises(TypeError, match="Cookie key must be a str"):
        text("x").add_cookie(key, "v")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Cookie key must be a str"):
        text("x").delete_cookie(key)  # type: ignore[arg-type]


def test_add_cookie_with_a_none_value_writes_the_word() -> None:
    # As Sanic 25.12, where the response goes out with ``a=None``; Hurtle refused it with
    # TypeError (a 500). Values of other types are still refused when added.
    response = text("x")
    cookie = response.add_cookie("a", None)  # type: ignore[arg-type]
    assert cookie.value is None
    assert [str(c) for c in response.cookies.cookies] == ["a=None; Path=/; SameSite=Lax; Secure"]
    with pytest.raises(TypeError, match="must be a str"):
        response.add_cookie("b", 5)  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["60", "060", "0", "\u0663"])
def test_a_max_age_string_reads_back_as_given_and_is_written_as_an_integer(given: str) -> None:
    # Read back: Sanic 25.12 hands the app's string back (Hurtle gave an int). Written:
    # RFC 6265 4.1.1 max-age-av: ASCII digits, no leading zero; Sanic writes "060" and
    # the Arabic-Indic three as they are.
    response = text("x")
    cookie = response.add_cookie("a", "v", max_age=given)  # type: ignore[arg-type]
    assert cookie.max_age == given
    later = Cookie("b", "v")
    later.max_age = given  # type: ignore[assignment]
    assert later.max_age == given
    for c in (cookie, later):
        assert f"; Max-Age={int(given)}; " in str(c)


@pytest.mark.parametrize("name", [1, None, ("a",)])
def test_request_cookies_looked_up_by_a_name_that_is_no_str_are_missing(name: object) -> None:
    # As Sanic 25.12: nothing found (its default); Hurtle raised TypeError from the prefix.
    cookies = CookieRequestParameters(parse_cookie("a=1; 1=one; __Host-b=2"))
    assert cookies.get(name) is None  # type: ignore[arg-type]
    assert cookies.get(name, "d") == "d"  # type: ignore[arg-type]
    assert cookies.getlist(name) == []  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        cookies[name]  # type: ignore[index]


def test_a_max_age_digit_that_is_no_integer_is_refused_when_set() -> None:
    with pytest.raises(ValueError, match="max-age must be an integer"):
        Cookie("a", "v", max_age="\u00b2")  # type: ignore[arg-type]


def test_get_prefixed_cookie_raises_key_error_for_a_missing_name() -> None:
    # Sanic's private helper, as Sanic: the prefixed values, else KeyError (was None).
    cookies = CookieRequestParameters({"a": ["1"], "__Host-b": ["2"], "__Secure-c": ["3"]})
    assert cookies._get_prefixed_cookie("b") == ["2"]
    assert cookies._get_prefixed_cookie("c") == ["3"]
    with pytest.raises(KeyError, match="__Secure-a"):
        cookies._get_prefixed_cookie("a")
    assert (cookies.get("a"), cookies.get("b"), cookies.getlist("zz"), cookies.zz) == (
        "1", "2", [], "")


# ------------------------------------------------------------------ pre-23.3 dict-style use


def test_legacy_jar_item_assignment_says_to_use_add_cookie() -> None:
    # Old Sanic code: response.cookies["a"] = "b". A TypeError with Sanic's words, then how.
    response = text("x")
    with pytest.raises(TypeError) as info:
        response.cookies["session"] = "abc"
    message = str(info.value)
    assert message.startswith("'CookieJar' object does not support item assignment")
    assert "response.add_cookie('session', value" in message
    assert response.cookies.cookies == []


@pytest.mark.parametrize(
    ("key", "attr"), [("httponly", "httponly"), ("max-age", "max_age"), ("Domain", "domain")]
)
def test_legacy_cookie_item_assignment_names_the_attribute(key: str, attr: str) -> None:
    cookie = text("x").add_cookie("a", "b")
    with pytest.raises(TypeError) as info:
        cookie[key] = True  # type: ignore[index]
    message = str(info.value)
    assert message.startswith("'Cookie' object does not support item assignment")
    assert f"cookie.{attr} = " in message
    assert str(cookie) == "a=b; Path=/; SameSite=Lax; Secure"
