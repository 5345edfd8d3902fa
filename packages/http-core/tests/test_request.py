"""Request: URL parts, query args, headers, body parsing, proxies, responding."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.config import HttpConfig
from hurtle_http.exceptions import BadRequest, SanicException, ServerError
from hurtle_http.headers import Header
from hurtle_http.request import Request
from hurtle_http.response import HTTPResponse, text


class FakeConnInfo:
    def __init__(self, ssl: bool = False) -> None:
        self.client_ip = "127.0.0.1"
        self.client_port = 40000
        self.server = "127.0.0.1"
        self.ssl = ssl
        self.network_paths = None


class FakeStream:
    """The per-connection stream protocol, recording what is sent."""

    def __init__(self, chunks: list[bytes] | None = None) -> None:
        self.chunks = list(chunks or [])
        self.response: Any = None
        self.sent: list[tuple[bytes, bool]] = []

    async def read(self) -> bytes | None:
        return self.chunks.pop(0) if self.chunks else None

    def respond(self, response: Any) -> Any:
        response.stream = self
        self.response = response
        return response

    async def send(self, data: bytes, end_stream: bool | None) -> None:
        self.sent.append((data, bool(end_stream)))


def make(
    target: bytes = b"/",
    headers: dict[str, str] | list[tuple[str, str]] | None = None,
    method: str = "GET",
    app: Any = None,
    body: bytes = b"",
    ssl: bool = False,
) -> Request:
    request = Request(target, Header(headers or {}), "1.1", method, None, app)
    request.conn_info = FakeConnInfo(ssl)
    request.body = body
    return request


def app_with(**config: Any) -> Any:
    return SimpleNamespace(config=HttpConfig(**config))


# ------------------------------------------------------------------ URL and query


def test_path_and_query_string_stay_raw() -> None:
    request = make(b"/p/%C3%A9x%20?a=1&a=2&b=&c=%C3%A9&d=x+y")
    assert request.path == "/p/%C3%A9x%20"
    assert request.query_string == "a=1&a=2&b=&c=%C3%A9&d=x+y"
    assert request.raw_url == b"/p/%C3%A9x%20?a=1&a=2&b=&c=%C3%A9&d=x+y"
    assert repr(request) == "<Request: GET /p/%C3%A9x%20>"


def test_args_follow_parse_qs_defaults() -> None:
    request = make(b"/?a=1&a=2&b=&c=%C3%A9&d=x+y&e=%ZZ&&f")
    assert request.args == {"a": ["1", "2"], "c": ["é"], "d": ["x y"], "e": ["%ZZ"]}
    assert request.args.get("a") == "1"
    assert request.args.getlist("a") == ["1", "2"]
    assert request.query_args == [("a", "1"), ("a", "2"), ("c", "é"), ("d", "x y"), ("e", "%ZZ")]
    blank = request.get_args(keep_blank_values=True)
    assert blank["b"] == [""] and blank["f"] == [""]
    assert ("b", "") in request.get_query_args(keep_blank_values=True)


def test_args_options_encoding_and_strict() -> None:
    request = make(b"/?x=%E4")
    assert request.get_args(encoding="latin-1") == {"x": ["ä"]}
    assert request.get_args() == {"x": ["\ufffd"]}
    with pytest.raises(ValueError):
        make(b"/?novalue").get_args(strict_parsing=True)


def test_args_are_cached() -> None:
    request = make(b"/?a=1")
    assert request.args is request.args


def test_absolute_form_target() -> None:
    request = make(b"http://example.com/a/b?x=1")
    assert request.path == "/a/b"
    assert request.args == {"x": ["1"]}


def test_an_absolute_form_target_names_the_host_not_the_host_field() -> None:
    """RFC 9112 3.2.2: for an absolute-form target the server MUST ignore ``Host`` and use
    the target's authority. Kept on purpose: Sanic 25.12 reads the ``Host`` field."""
    request = make(b"http://a.example:8081/x?q=1", {"Host": "b.example"})
    assert (request.host, request.server_name, request.server_port) == (
        "a.example:8081",
        "a.example",
        8081,
    )
    assert make(b"http://user:pw@a.example/x", {"Host": "b.example"}).host == "a.example"
    # a proxy's report (FORWARDED_SECRET) still comes first
    proxied = make(
        b"http://a.example/x",
        {"Host": "b.example", "Forwarded": "host=c.example;secret=s"},
        app=app_with(FORWARDED_SECRET="s"),
    )
    assert proxied.host == "c.example"


def test_a_repeated_target_gives_the_same_path_and_its_own_query() -> None:
    # The decoded path of a target is kept for the next request with the same target.
    first, again = make(b"/p%20q?x=1#f"), make(b"/p%20q?x=1#f")
    assert first.path == again.path == "/p%20q"
    assert again.query_string == "x=1"
    for _ in range(2):  # an absolute-form target still splits into path and query
        request = make(b"http://example.com/a/b?x=1")
        assert request.path == "/a/b"
        assert request.query_string == "x=1"
        assert request.args == {"x": ["1"]}


def test_the_kept_paths_stay_bounded() -> None:
    from hurtle_http.request import types

    for n in range(types._PATHS_MAX + 10):
        assert make(b"/bounded/%d?q" % n).path == f"/bounded/{n}"
    long_target = b"/" + b"x" * types._PATH_TARGET_MAX
    assert make(long_target).path == long_target.decode()
    assert len(types._paths) <= types._PATHS_MAX
    assert long_target not in types._paths


# Targets a request line may carry: ASCII (one beyond it is a Bad URL when built).
_ascii_bytes = st.lists(st.integers(0, 127), max_size=200).map(bytes)


@given(_ascii_bytes)
def test_a_target_seen_before_gives_the_path_it_gave_first(raw: bytes) -> None:
    first = make(b"/" + raw).path
    assert make(b"/" + raw).path == first


@given(_ascii_bytes)
def test_query_parsing_never_raises(raw: bytes) -> None:
    request = make(b"/?" + raw)
    assert isinstance(request.args, dict)
    assert isinstance(request.query_args, list)


@given(st.binary(min_size=1, max_size=200))
def test_any_request_target_gives_a_path_and_query(raw: bytes) -> None:
    try:
        request = make(raw)
    except BadRequest as error:  # refused when built: not a URL (Sanic's BadURL)
        assert (raw[:1] != b"/" or not raw.isascii()) and str(error).startswith("Bad URL: ")
        return
    assert isinstance(request.path, str)
    assert isinstance(request.query_string, str)
    assert "?" not in request.path or raw[:1] != b"/"


def test_fragment_is_not_part_of_path_or_query() -> None:
    assert make(b"/a#frag").path == "/a"
    request = make(b"/a?x=1#frag")
    assert (request.path, request.query_string) == ("/a", "x=1")


@pytest.mark.parametrize("target", [b"/a#f?x=1", b"/a#?x=1", b"/a#f#g?x", b"http://h/a#f?x=1"])
def test_a_question_mark_inside_the_fragment_starts_no_query(target: bytes) -> None:
    # RFC 3986 3.5: the fragment runs from the first "#" to the end (as Sanic reads it).
    request = make(target)
    assert (request.path, request.query_string, dict(request.args)) == ("/a", "", {})


def test_url_scheme_host_and_ports() -> None:
    request = make(b"/p?q=1", {"Host": "Example.com:8080"})
    assert request.url == "http://Example.com:8080/p?q=1"
    assert request.scheme == "http"
    assert request.host == "Example.com:8080"
    assert request.server_name == "example.com"
    assert request.server_port == 8080
    assert request.server_path == "/p"


def test_server_name_is_empty_without_a_host_header() -> None:
    # Observed on Sanic 25.12 (an HTTP/1.0 request without Host): not the socket address.
    request = make(b"/")
    assert request.host == "" and request.server_name == ""


def test_default_ports_and_tls() -> None:
    assert make(b"/", {"Host": "a.com"}).server_port == 80
    secure = make(b"/", {"Host": "a.com"}, ssl=True)
    assert secure.scheme == "https" and secure.server_port == 443
    ws = make(b"/", {"Host": "a.com", "Upgrade": "websocket"})
    assert ws.scheme == "ws"


def test_an_upgrade_list_offering_websocket_is_a_websocket_request() -> None:
    # RFC 9110 7.8: Upgrade is a list, and the handshake switches for one offering
    # websocket among others, so the request's URL is ws as for `Upgrade: websocket`.
    assert make(b"/", {"Host": "a.com", "Upgrade": "h2c, WebSocket"}).scheme == "ws"
    assert make(b"/", {"Host": "a.com", "Upgrade": "h2c, websockets"}).scheme == "http"


def test_server_name_setting_overrides_host_and_scheme() -> None:
    request = make(b"/x", {"Host": "other.com"}, app=app_with(SERVER_NAME="https://srv.com:99/x"))
    assert request.host == "srv.com:99"
    assert request.scheme == "https"
    assert request.server_port == 99
    assert request.url == "https://srv.com:99/x"


# ------------------------------------------------------------------ peers and proxies


def test_peer_address_without_proxies() -> None:
    request = make(b"/", {"X-Forwarded-For": "1.2.3.4"})
    assert request.ip == "127.0.0.1"
    assert request.port == 40000
    assert request.socket == ("127.0.0.1", 40000)
    assert Request(b"/", Header(), "1.1", "GET", None, None).socket == (None, None)
    assert request.remote_addr == ""
    assert request.client_ip == "127.0.0.1"
    assert request.forwarded == {}


def test_proxies_count_reads_x_forwarded() -> None:
    request = make(
        b"/",
        {
            "X-Forwarded-For": "1.2.3.4, 5.6.7.8",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "ex.com",
            "X-Forwarded-Port": "444",
            "X-Forwarded-Path": "/pre",
        },
        app=app_with(PROXIES_COUNT=1),
    )
    assert request.remote_addr == "5.6.7.8"
    assert request.client_ip == "5.6.7.8"
    assert request.scheme == "https"
    assert request.host == "ex.com"
    assert request.server_port == 444
    assert request.server_path == "/pre"
    assert request.url == "https://ex.com/"


@pytest.mark.parametrize(
    ("proto", "port"),
    [
        ("https, http", 443),
        ("http, https", 443),
        ("wss, http", 443),
        ("ws", 80),
        ("http", 80),
        ("http, http", 443),
        ("ftp", 443),
        ("h2c", 443),
    ],
)
def test_default_port_of_a_proxy_chain_proto(proto: str, port: int) -> None:
    """Only a plain ``http``/``ws`` proto defaults to port 80; anything else a proxy reports
    (``https, http`` from a chain, ``ftp``) to 443, as in Sanic."""
    request = make(
        b"/",
        {"X-Forwarded-For": "1.2.3.4", "X-Forwarded-Proto": proto},
        app=app_with(PROXIES_COUNT=1),
    )
    assert request.scheme == proto
    assert request.server_port == port


@pytest.mark.parametrize(
    ("host", "server_name", "port"),
    [
        ("[::1]:8000", "[::1]", 8000),
        ("example.com.", "example.com.", 80),
        ("EXAMPLE.com", "example.com", 80),
        ("example.com:abc", "", 80),
        ("::1", "", 80),
        ("[::1", "", 80),
        ("b\u00fccher.example", "", 80),
        ("x:8080:1", "", 80),
        ("", "", 80),
    ],
)
def test_host_forms_match_sanic(host: str, server_name: str, port: int) -> None:
    request = make(b"/", {"Host": host})
    assert (request.server_name, request.server_port) == (server_name, port)
    assert request.host == host


def test_host_names_sanic_refuses_are_kept() -> None:
    """Kept on purpose: ``a_b.example`` and ``[::ffff:1.2.3.4]`` are valid URI hosts.

    RFC 3986 3.2.2 allows ``_`` in a reg-name (container and service names use it) and the
    dotted IPv4 tail in an IPv6 literal; real Sanic 25.12 gives ``server_name`` ``""`` for both.
    """
    assert make(b"/", {"Host": "a_b.example"}).server_name == "a_b.example"
    mapped = make(b"/", {"Host": "[::ffff:1.2.3.4]:81"})
    assert (mapped.server_name, mapped.server_port) == ("[::ffff:1.2.3.4]", 81)


@pytest.mark.parametrize(
    ("host", "server_name"), [("example.com:", "example.com"), ("[::1]:", "[::1]")]
)
def test_an_empty_port_is_the_default_port(host: str, server_name: str) -> None:
    # RFC 3986 3.2.3 and 6.2.3, RFC 9110 4.2.3: "example.com:" is example.com on the
    # scheme's default port; real Sanic 25.12 gives ``server_name`` ``""``.
    request = make(b"/", {"Host": host})
    assert (request.host, request.server_name, request.server_port) == (host, server_name, 80)


def test_forwarded_secret() -> None:
    request = make(
        b"/",
        {"Forwarded": "for=1.2.3.4;by=s3;host=Ex.COM;proto=https"},
        app=app_with(FORWARDED_SECRET="s3"),
    )
    assert request.remote_addr == "1.2.3.4"
    assert request.host == "ex.com"
    assert request.scheme == "https"


def test_works_without_an_app_config() -> None:
    request = make(b"/", {"X-Request-ID": "abc"}, app=object())
    assert request.id == "abc"
    assert request.forwarded == {}


# ------------------------------------------------------------------ headers


def test_headers_content_type_and_accept() -> None:
    request = make(
        b"/", [("Accept", "text/html;q=0.5, application/json"), ("X-A", "1"), ("x-a", "2")]
    )
    assert request.headers.getall("x-a") == ["1", "2"]
    assert request.content_type == "application/octet-stream"
    assert request.accept.match("text/html", "application/json") == "application/json"
    assert make(b"/", {"Content-Type": "text/plain"}).content_type == "text/plain"


def test_accept_on_two_field_lines_is_one_list() -> None:
    # RFC 9110 5.3: several lines of a list-based field are one list, in order (Sanic
    # 25.12 reads only the first line: text/html here).
    request = make(b"/", [("Accept", "text/html;q=0.1"), ("Accept", "application/json")])
    assert [str(m) for m in request.accept] == ["application/json", "text/html;q=0.1"]
    assert request.accept.match("text/html", "application/json") == "application/json"


@pytest.mark.parametrize(
    ("header", "token", "auth_type"),
    [
        ("Bearer tok", "tok", "Bearer"),
        ("Token abc", "abc", "Token"),
        ("Basic dXNlcjpwYXNz", "Basic dXNlcjpwYXNz", "Basic"),
        ("Digest abc", "Digest abc", None),
        ("Bearer\ttok", "tok", "Bearer"),
        ("Bearer  tok", "tok", "Bearer"),
        # RFC 9110 11.1: the scheme is case-insensitive (Sanic 25.12 matches it case-
        # sensitively, so its token is the whole value and auth_type None; kept on purpose)
        ("bearer tok", "tok", "Bearer"),
        ("TOKEN abc", "abc", "Token"),
    ],
)
def test_token_and_credentials(header: str, token: str, auth_type: str | None) -> None:
    request = make(b"/", {"Authorization": header})
    assert request.token == token
    assert request.credentials is not None
    assert request.credentials.auth_type == auth_type


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer", ""),
        ("", ""),
        ("Basic", "Basic"),
    ],
)
def test_a_scheme_without_credentials_is_no_credentials(header: str, token: str) -> None:
    """As with Sanic 25.12: ``Bearer`` alone (or an empty header) gives ``credentials`` None."""
    request = make(b"/", {"Authorization": header})
    assert request.token == token
    assert request.credentials is None


def test_basic_credentials_are_read_whatever_the_case_of_the_scheme() -> None:
    """RFC 9110 11.1: ``basic`` is the Basic scheme (Sanic 25.12 does not read it: no
    username, the token is the whole value)."""
    credentials = make(b"/", {"Authorization": "basic dXNlcjpwYXNz"}).credentials
    assert credentials is not None
    assert (credentials.auth_type, credentials.username, credentials.password) == (
        "Basic",
        "user",
        "pass",
    )


def test_a_scheme_name_must_end_where_the_credentials_start() -> None:
    """``Bearertok`` is not the Bearer scheme (RFC 9110 11.4: the scheme is a whole token).

    Kept on purpose: real Sanic 25.12 matches the scheme as a prefix, so ``Bearertok`` gives
    ``token == "tok"`` and ``Tokens x`` would give ``"s x"``.
    """
    assert make(b"/", {"Authorization": "Bearertok"}).token == "Bearertok"
    assert make(b"/", {"Authorization": "Tokens abc"}).token == "Tokens abc"


def test_the_scheme_name_is_the_first_word_and_basic_is_base64() -> None:
    """RFC 9110 11.4: credentials start with the scheme; RFC 7617 2 and RFC 4648: Basic
    credentials are base64, whose alphabet has no ``@``.

    Kept on purpose: real Sanic 25.12 finds a scheme name anywhere in the value
    (``]Basic YTpi`` is Basic ``a:b``, ``Token*a b`` the token ``*a b``) and decodes
    ``Basic @YTpi`` as ``a:b``, skipping the stray character.
    """
    odd = make(b"/", {"Authorization": "]Basic  YTpi"}).credentials
    assert odd is not None and (odd.auth_type, odd.token) == (None, "]Basic  YTpi")
    assert make(b"/", {"Authorization": "Token*a b"}).token == "Token*a b"
    assert make(b"/", {"Authorization": "Basic @YTpi"}).credentials is None
    assert make(b"/", {"Authorization": "Basic YTpi"}).credentials.username == "a"


def test_basic_credentials_username_password() -> None:
    """A colon in the password is kept (RFC 7617 2: the user-id ends at the first colon).

    Kept on purpose: real Sanic 25.12 gives ``credentials`` None for ``user:p:q``.
    """
    creds = make(b"/", {"Authorization": "Basic dXNlcjpwOnE="}).credentials  # user:p:q
    assert creds is not None
    assert (creds.username, creds.password) == ("user", "p:q")
    bearer = make(b"/", {"Authorization": "Bearer x"}).credentials
    with pytest.raises(AttributeError, match="Basic Auth only"):
        bearer.username  # noqa: B018
    assert make(b"/", {"Authorization": "Basic !!!"}).credentials is None
    assert make(b"/").credentials is None and make(b"/").token is None


def test_cookies() -> None:
    """Several ``Cookie`` fields are read as one, joined with ``"; "``.

    Kept on purpose: real Sanic 25.12 reads only the first ``Cookie`` field and loses the
    others. HTTP/2 sends each cookie in its own field and a gateway to HTTP/1.1 must join
    them this way (RFC 9113 8.2.3), so a server that sees several should do the same.
    """
    request = make(b"/", [("Cookie", "a=1; a=2"), ("Cookie", "__Host-z=3")])
    assert request.cookies.get("a") == "1"
    assert request.cookies.getlist("a") == ["1", "2"]
    assert request.cookies.get("z") == "3"
    assert make(b"/").cookies == {}


def test_request_id_from_header_or_generated() -> None:
    uid = uuid.uuid4()
    assert make(b"/", {"X-Request-ID": str(uid)}).id == uid
    assert make(b"/", {"X-Request-ID": "42"}).id == 42
    assert make(b"/", {"X-Trace": "t"}, app=app_with(REQUEST_ID_HEADER="X-Trace")).id == "t"
    generated = make(b"/")
    assert isinstance(generated.id, uuid.UUID)
    assert generated.id is generated.id


def test_generated_request_id_text_is_read_as_uuid_or_int() -> None:
    # As Sanic: a generate_id() override returning text gives the same types as the
    # header does: a UUID or an int when the text is one (it stayed a str before).
    for generated, expected in (("42", 42), ("00000000-0000-0000-0000-0000000000aa",
                                             uuid.UUID(int=0xAA)), ("gen-id", "gen-id")):

        class Custom(Request):
            @classmethod
            def generate_id(cls, *_: Any) -> str:
                return generated  # noqa: B023 (used before the loop moves on)

        request = Custom(b"/", Header({}), "1.1", "GET", None, None)
        assert request.id == expected
        assert type(request.id) is type(expected)


def test_generate_id_runs_for_a_client_given_id_too() -> None:
    # As Sanic: a sequential generate_id() override counts every request that reads its
    # id, those whose client sent X-Request-ID included (their id stays the client's), so
    # the next generated id is 3, not 2.
    counter = iter(range(1, 10))

    class Counting(Request):
        @classmethod
        def generate_id(cls, *_: Any) -> int:
            return next(counter)

    def counted(headers: dict[str, str]) -> Any:
        return Counting(b"/", Header(headers), "1.1", "GET", None, None).id

    assert [counted({}), counted({"X-Request-ID": "client-7"}), counted({})] == [
        1, "client-7", 3]


def test_request_id_header_set_empty_reads_no_header() -> None:
    # As Sanic: REQUEST_ID_HEADER = "" looks for no header, so the id is generated even
    # when the client sends X-Request-ID (it was read from X-Request-ID regardless).
    # Sanic answers 500 to every request under None; Hurtle takes None as "" (kept).
    for name in ("", None):
        request = make(b"/", {"X-Request-ID": "abc"}, app=app_with(REQUEST_ID_HEADER=name))
        assert isinstance(request.id, uuid.UUID)


def test_ctx_is_lazy_and_per_request() -> None:
    one, two = make(b"/"), make(b"/")
    one.ctx.user = "u"
    assert one.ctx.user == "u"
    assert not hasattr(two.ctx, "user")


def test_method_classes() -> None:
    assert make(method="GET").is_safe and make(method="GET").is_cacheable
    assert make(method="PUT").is_idempotent and not make(method="PUT").is_safe
    assert not make(method="POST").is_idempotent


def test_request_has_slots_but_subclasses_may_add_attributes() -> None:
    request = make()
    with pytest.raises(AttributeError):
        request.anything = 1  # type: ignore[attr-defined]

    class MyRequest(Request):
        pass

    mine = MyRequest(b"/", Header(), "1.1", "GET", None, None)
    mine.anything = 1  # type: ignore[attr-defined]
    assert mine.anything == 1  # type: ignore[attr-defined]


# ------------------------------------------------------------------ body


def test_json() -> None:
    assert make(body=b'{"a": 1}').json == {"a": 1}
    assert make(body=b"").json is None
    with pytest.raises(BadRequest, match="Failed when parsing body as json"):
        make(body=b"{bad").json  # noqa: B018


def test_custom_loads() -> None:
    request = make(body=b"[1]")
    assert request.load_json(loads=lambda raw: ("custom", raw)) == ("custom", b"[1]")

    class Custom(Request):
        _loads = staticmethod(lambda raw: "class-wide")

    custom = Custom(b"/", Header(), "1.1", "POST", None, None)
    custom.body = b"{}"
    assert custom.json == "class-wide"


def test_urlencoded_form() -> None:
    request = make(
        body=b"a=1&a=2&b=&c=%C3%A9+x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    assert request.form == {"a": ["1", "2"], "c": ["é x"]}
    assert request.form.get("a") == "1"
    assert request.files == {}
    assert request.get_form(keep_blank_values=True)["b"] == [""]


def test_urlencoded_form_charset() -> None:
    request = make(
        body=b"a=%E4",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=latin-1"},
    )
    assert request.form == {"a": ["ä"]}


@pytest.mark.parametrize("charset", ["bogus", "rot13"])
def test_an_unknown_form_charset_is_read_as_utf8_escapes_included(
    charset: str, caplog: pytest.LogCaptureFixture
) -> None:
    """As Sanic reads every urlencoded form; the escapes were decoded with the unknown
    name, which lost the whole form (an error and its traceback in the log)."""
    request = make(
        body=b"a=%C3%A9&b=1",
        headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}"},
    )
    assert request.form == {"a": ["é"], "b": ["1"]}
    assert "Failed when parsing form" not in caplog.text


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-32", "utf-7", "cp037"])
def test_a_form_charset_that_does_not_read_ascii_as_ascii_is_read_as_utf8(
    charset: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An urlencoded body is ASCII whatever its charset; decoded with UTF-16 (or UTF-7,
    or an EBCDIC code page) its ``a=b`` became other characters and the form was empty.
    Read as UTF-8, as Sanic reads every urlencoded form."""
    request = make(
        body=b"a=%C3%A9&b=1+2",
        headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}"},
    )
    assert request.form == {"a": ["é"], "b": ["1 2"]}
    assert "Failed when parsing form" not in caplog.text


def test_a_form_charset_that_reads_ascii_as_ascii_is_kept() -> None:
    request = make(
        body=b"a=%82%A0&b=%E9",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=shift_jis"},
    )
    assert request.form["a"] == ["あ"]


@pytest.mark.parametrize("charset", ["punycode", "PunyCode", "idna"])
def test_a_form_charset_with_quadratic_decoding_is_read_as_utf8(charset: str) -> None:
    """punycode and idna take time growing with the square of the input (a few MB hold
    a worker for minutes), so a form naming them is read as UTF-8, like an unknown
    charset."""
    request = make(
        body=b"a=%C3%A9&b=xn--aa-bb",
        headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}"},
    )
    assert request.form == {"a": ["é"], "b": ["xn--aa-bb"]}


@pytest.mark.parametrize("charset", ["undefined", "unicode_escape", "raw-unicode-escape"])
def test_a_form_charset_that_is_no_text_charset_is_read_as_utf8(
    charset: str, caplog: pytest.LogCaptureFixture
) -> None:
    """``undefined`` fails on every body (the form was lost, with an error and traceback
    in the log) and the escape codecs read backslashes as Python escapes: a form naming
    them is read as UTF-8, as Sanic reads every urlencoded form."""
    request = make(
        body=b"a=%C3%A9&b=\\x&c=1",
        headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}"},
    )
    assert request.form == {"a": ["é"], "b": ["\\x"], "c": ["1"]}
    assert "Failed when parsing form" not in caplog.text


def test_multipart_form_and_files() -> None:
    body = (
        b'--XX\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n'
        b'--XX\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\nhello\r\n--XX--\r\n"
    )
    request = make(body=body, headers={"Content-Type": "multipart/form-data; boundary=XX"})
    assert request.form == {"k": ["v"]}
    upload = request.files.get("f")
    assert (upload.type, upload.body, upload.name) == ("text/plain", b"hello", "x.txt")
    assert request.files.getlist("f") == [upload]


@pytest.mark.parametrize(
    ("content_type", "form"),
    [
        ("multipart/form-data; boundary=a:b", {}),
        ("multipart/form-data; boundary=a b", {}),
        ('multipart/form-data; boundary="a:b"', {"k": ["v"]}),
        ("multipart/form-data; boundary=a:b ; charset=utf-8", {}),
    ],
)
def test_an_unquoted_boundary_cut_short_parses_no_form(content_type: str, form: dict) -> None:
    # RFC 2046 5.1.1: a boundary with ":" or " " must be quoted; as Sanic, an unquoted one
    # that a character outside token cuts short gives no form (not one read with "a").
    body = b'--a:b\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n--a:b--\r\n'
    body = body.replace(b"a:b", content_type.partition("=")[2].split(" ;")[0].strip('"').encode())
    assert make(body=body, headers={"Content-Type": content_type}).form == form


def test_other_bodies_have_an_empty_form() -> None:
    request = make(body=b'{"a":1}', headers={"Content-Type": "application/json"})
    assert request.form == {} and request.files == {}


async def test_receive_body_reads_the_whole_stream() -> None:
    request = make(method="POST")
    request.stream = FakeStream([b"hello ", b"world"])
    await request.receive_body()
    assert request.body == b"hello world"
    await request.receive_body()
    assert request.body == b"hello world"
    assert make().body == b""


# ------------------------------------------------------------------ responding


async def test_respond_binds_a_response_once() -> None:
    request = make()
    stream = FakeStream()
    request.stream = stream
    response = await request.respond(status=201, headers={"X": "1"}, content_type="text/x")
    assert isinstance(response, HTTPResponse)
    assert response.stream is stream and request.responded
    assert (response.status, response.headers["X"], response.content_type) == (201, "1", "text/x")
    await response.send("a")
    await response.send(b"b", False)
    await response.eof()
    assert stream.sent == [(b"a", False), (b"b", False), (b"", True)]
    with pytest.raises(ServerError, match="Second respond call is not allowed"):
        await request.respond()


@pytest.mark.parametrize("given_response", ["text", b"bytes", {"a": 1}])
async def test_respond_with_what_is_not_a_response_says_what_to_pass(given_response) -> None:
    # Sanic answers a 500 for this once the handler returns: the same ServerError, at once.
    request = make()
    stream = FakeStream()
    request.stream = stream
    with pytest.raises(ServerError, match=r"takes a response object, such as .*; not "):
        await request.respond(given_response)
    assert not request.responded and stream.response is None
    assert (await request.respond(text("x"))).body == b"x"  # a response may follow


async def test_respond_with_a_given_response_and_reset() -> None:
    request = make()
    request.stream = FakeStream()
    given_response = text("x")
    assert await request.respond(given_response) is given_response
    request.reset_response()
    assert not request.responded
    assert await request.respond(text("y")) is not given_response


async def test_a_reset_response_no_longer_writes_to_the_connection() -> None:
    # As Sanic: the response forgotten by reset_response() is cut from the stream, so its
    # send() raises instead of writing into the next response's body.
    request = make()
    stream = FakeStream()
    request.stream = stream
    first = await request.respond(content_type="text/plain")
    request.reset_response()
    second = await request.respond(content_type="text/html")
    await second.send("y")
    with pytest.raises(SanicException, match="No stream is connected to the response"):
        await first.send("x")
    assert stream.sent == [(b"y", False)]


@pytest.mark.parametrize("stage", ["RESPONSE", "IDLE"])
async def test_a_response_sent_or_ended_cannot_be_reset(stage: str) -> None:
    # As Sanic: once the head went out (still sending, or ended by eof()) reset_response()
    # raises, with Sanic's message; Hurtle let an ended response be reset.
    from hurtle_http.stages import Stage

    request = make()
    stream = FakeStream()
    request.stream = stream
    await request.respond()
    stream.stage = Stage[stage]  # type: ignore[attr-defined]
    with pytest.raises(
        ServerError, match=r"^Cannot reset response because previous response was sent\.$"
    ):
        request.reset_response()
    stream.stage = Stage.HANDLER  # type: ignore[attr-defined]
    request.reset_response()
    assert not request.responded


def test_a_request_built_by_hand_is_not_the_current_one() -> None:
    # As Sanic: only the request being served is current; outside a cycle it is an error.
    import contextvars

    def outside() -> None:
        make()
        with pytest.raises(SanicException, match="No current request"):
            Request.get_current()

    contextvars.Context().run(outside)


def test_route_properties() -> None:
    request = make()
    assert request.name is None and request.uri_template is None and request.match_info == {}
    request.route = SimpleNamespace(name="app.user", path="user/<id:int>")
    request.match_info = {"id": 5}
    assert request.name == request.endpoint == "app.user"
    assert request.uri_template == "/user/<id:int>"
    assert request.match_info == {"id": 5}


def test_url_for_delegates_to_the_app() -> None:
    calls: list[tuple[str, dict]] = []

    def url_for(name: str, **kwargs: Any) -> str:
        calls.append((name, kwargs))
        return "built"

    app = SimpleNamespace(config=HttpConfig(), url_for=url_for)
    request = make(b"/", {"Host": "h.com:81"}, app=app)
    assert request.url_for("view", x=1) == "built"
    assert calls == [
        ("view", {"_external": True, "_scheme": "http", "_server": "h.com:81", "x": 1})
    ]


def test_url_for_with_a_server_name_url_lets_the_app_choose_scheme_and_host() -> None:
    # As Sanic: SERVER_NAME with a scheme is the public address, whatever the Host says
    # (the app then picks ws/wss for websocket routes).
    calls: list[tuple[str, dict]] = []

    def url_for(name: str, **kwargs: Any) -> str:
        calls.append((name, kwargs))
        return "built"

    config = SimpleNamespace(SERVER_NAME="https://srv.io")
    request = make(b"/", {"Host": "h.com:81"}, app=SimpleNamespace(config=config, url_for=url_for))
    assert request.url_for("view", x=1) == "built"
    assert calls == [("view", {"_external": True, "x": 1})]


def test_stream_id_is_http3_only_and_scope_asgi_only() -> None:
    with pytest.raises(ServerError, match="HTTP/3"):
        make().stream_id  # noqa: B018
    with pytest.raises(NotImplementedError, match="ASGI"):
        make().scope  # noqa: B018


def test_head_lines() -> None:
    request = Request(
        b"/", Header(), "1.1", "GET", None, None, head=b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
    )
    assert request.request_line == b"GET / HTTP/1.1"
    assert request.raw_headers == b"Host: a\r\n\r\n"


def test_head_lines_rebuilt_when_no_head_bytes_were_kept() -> None:
    # The HTTP core parses the head in place: request_line and raw_headers still answer
    # (Sanic's values, up to the spacing after each colon).
    headers = Header([("Host", "a"), ("X-Foo", "bar"), ("x-foo", "baz")])
    request = Request(b"/p?q=1", headers, "1.1", "POST", None, None)
    assert request.request_line == b"POST /p?q=1 HTTP/1.1"
    assert request.raw_headers == b"Host: a\r\nX-Foo: bar\r\nx-foo: baz"


def test_head_is_the_request_line_and_fields_even_when_no_bytes_were_kept() -> None:
    # Sanic's request.head: the head as sent, without its final blank line (sanic-ext's
    # automatic TRACE answers echo it).
    headers = Header([("Host", "a"), ("X-Foo", "bar")])
    request = Request(b"/p?q=1", headers, "1.1", "GET", None, None)
    assert request.head == b"GET /p?q=1 HTTP/1.1\r\nHost: a\r\nX-Foo: bar"
    kept = Request(b"/", Header(), "1.1", "GET", None, None, head=b"GET / HTTP/1.1\r\nHost: b")
    assert kept.head == b"GET / HTTP/1.1\r\nHost: b"
    kept.head = b"GET /x HTTP/1.1"
    assert kept.request_line == b"GET /x HTTP/1.1"


def test_ctx_is_made_by_make_context_once_stock_or_overridden() -> None:
    request = make()
    assert type(request.ctx).__name__ == "SimpleNamespace"
    assert request.ctx is request.ctx

    class Custom(Request):
        __slots__ = ()

        @staticmethod
        def make_context() -> Any:
            return {"made": "here"}

    class ByClass(Request):
        __slots__ = ()

        @classmethod
        def make_context(cls) -> Any:
            return cls.__name__

    custom = Custom(b"/", Header(), "1.1", "GET", None, None)
    assert custom.ctx == {"made": "here"} and custom.ctx is custom.ctx
    assert ByClass(b"/", Header(), "1.1", "GET", None, None).ctx == "ByClass"


def test_ctx_cannot_be_replaced_as_in_sanic() -> None:
    # Old tutorials replace it in a request middleware (`request.ctx = {}`): under Sanic
    # 25.12 that is an AttributeError (so a 500); the namespace takes attributes instead.
    request = make()
    with pytest.raises(AttributeError, match="property 'ctx' of 'Request' object has no setter"):
        request.ctx = {"user": "dict"}
    request.ctx.user = "attr"
    assert type(request.ctx).__name__ == "SimpleNamespace" and request.ctx.user == "attr"


def test_the_generic_form_can_be_subclassed_for_a_custom_context() -> None:
    class Ctx:
        flavour = "mint"

    class MintRequest(Request[Any, Ctx]):
        @staticmethod
        def make_context() -> Ctx:
            return Ctx()

    request = MintRequest(b"/", Header(), "1.1", "GET", None, None)
    assert isinstance(request, Request)
    assert request.ctx.flavour == "mint"


def test_the_request_class_takes_app_and_context_type_parameters() -> None:
    import typing

    class Ctx:
        pass

    alias = Request[int, Ctx]
    assert typing.get_origin(alias) is Request
    assert typing.get_args(alias) == (int, Ctx)
    assert [p.__name__ for p in Request.__parameters__] == ["sanic_type", "ctx_type"]
    assert type(alias(b"/", Header(), "1.1", "GET", None, None)) is Request


def test_a_websocket_request_names_its_scheme_ws_or_wss_from_server_name() -> None:
    from types import SimpleNamespace

    app = SimpleNamespace(config=SimpleNamespace(SERVER_NAME="https://example.com"))
    upgrade = Header({"upgrade": "websocket", "host": "x"})
    assert Request(b"/ws", upgrade, "1.1", "GET", None, app).scheme == "wss"
    plain = Header({"host": "x"})
    assert Request(b"/", plain, "1.1", "GET", None, app).scheme == "https"
    app.config.SERVER_NAME = "http://example.com"
    assert Request(b"/ws", upgrade, "1.1", "GET", None, app).url == "ws://example.com/ws"


def test_a_websocket_offered_on_a_second_upgrade_line_is_a_ws_url() -> None:
    # RFC 9110 5.3: two Upgrade lines are one list; the handshake answers 101 to
    # "Upgrade: h2c" then "Upgrade: websocket", so the handler's URL is ws:// too.
    from types import SimpleNamespace

    app = SimpleNamespace(config=SimpleNamespace(SERVER_NAME=None))
    lines = Header([("host", "x"), ("upgrade", "h2c"), ("upgrade", "websocket")])
    request = Request(b"/ws", lines, "1.1", "GET", None, app)
    assert request.scheme == "ws"
    assert request.url == "ws://x/ws"


@pytest.mark.parametrize(
    "headers",
    [{"Foo-Bar": "x"}, [("foo-bar", "x")], (("FOO-BAR", "x"),)],
)
def test_headers_given_by_hand_become_a_header_multidict(headers: Any) -> None:
    request = Request(b"/", headers, "1.1", "GET", None, None)
    assert isinstance(request.headers, Header)
    assert request.headers.foo_bar == "x"
    assert request.headers.getall("foo-bar") == ["x"]
    assert request.headers.not_there == ""
    with pytest.raises(AttributeError, match="'Header' object has no attribute '_x'"):
        _ = request.headers._x


def test_a_header_multidict_is_kept_as_given() -> None:
    headers = Header({"a": "b"})
    assert Request(b"/", headers, "1.1", "GET", None, None).headers is headers


@pytest.mark.parametrize("target", [b"example.com:443", b"a/b", b"", b"http://[::1"])
def test_a_target_that_is_no_url_is_refused_when_built(target: bytes) -> None:
    message = f"Bad URL: {target.decode()}"
    with pytest.raises(BadRequest, match=message.replace("[", r"\[")):
        Request(target, Header(), "1.1", "GET", None, None)


@pytest.mark.parametrize("headers", [None, {"a": "b"}, Header()])
def test_a_target_beyond_ascii_is_refused_when_built(headers: Any) -> None:
    # As Sanic: a Request built by hand with ``/é`` is a Bad URL (not a path, nor a
    # TypeError about headers=None).
    with pytest.raises(BadRequest, match="Bad URL: /é"):
        Request("/é".encode(), headers, "1.1", "GET", None, None)


@pytest.mark.parametrize(
    ("target", "path"), [(b"*", "*"), (b"http://h.example/p?q=1", "/p"), (b"/x", "/x")]
)
def test_other_target_forms_are_accepted(target: bytes, path: str) -> None:
    assert Request(target, Header(), "1.1", "GET", None, None).path == path


class _ReadyStream(FakeStream):
    """A stream that has the whole body (``take_body``) or not yet (None)."""

    def __init__(self, whole: bytes | None) -> None:
        super().__init__([whole] if whole is not None else [])
        self.whole = whole

    def take_body(self) -> bytes | None:
        whole, self.whole = self.whole, None
        return whole


def test_take_ready_body_takes_a_body_already_here_and_says_when_to_await() -> None:
    request = make(method="POST")
    assert request.take_ready_body() is False  # no stream
    request.stream = _ReadyStream(b"hello")
    assert request.take_ready_body() is True and request.body == b"hello"
    request.stream = _ReadyStream(None)
    assert request.take_ready_body() is False and request.body == b"hello"

    class Overrides(Request):
        async def receive_body(self) -> None:
            self.body = b"own"

    own = Overrides(b"/", Header(), "1.1", "POST", None, None)
    own.stream = _ReadyStream(b"hello")
    assert own.take_ready_body() is False and own.body == b""  # receive_body() is for it


# ------------------------------------------------------------------ attributes before use


def test_parsed_parts_read_as_their_default_until_assigned_and_again_after_del() -> None:
    # Sanic's Request has these attributes from the start (plugins test them for None).
    request = Request(b"/", Header(), "1.1", "GET", None, None)
    assert (request.parsed_json, request.parsed_form) == (None, None)
    assert (request.responded, request.stream, request.route, request.conn_info) == (
        False, None, None, None,
    )
    request.parsed_json = {"a": 1}
    request.responded = True
    assert request.parsed_json == {"a": 1} and request.responded is True
    del request.parsed_json
    assert request.parsed_json is None
    assert request.json is None  # no body: computed, then kept
    assert hasattr(request, "parsed_token") and request.token is None


def test_the_query_caches_are_empty_defaultdicts_of_their_own_until_filled() -> None:
    # As Sanic's: a plugin may read request.parsed_args[key] for a key not parsed yet
    # (an empty RequestParameters) before any request.args; they were None here.
    first = Request(b"/x?a=1&a=2", Header(), "1.1", "GET", None, None)
    other = Request(b"/y", Header(), "1.1", "GET", None, None)
    assert first.parsed_args == {} and first.parsed_not_grouped_args == {}
    key = (False, False, "utf-8", "replace")
    assert first.parsed_args[key] == {} and first.parsed_not_grouped_args[key] == []
    del first.parsed_args[key], first.parsed_not_grouped_args[key]
    assert first.args == {"a": ["1", "2"]} and first.query_args == [("a", "1"), ("a", "2")]
    assert dict(first.parsed_args) == {key: {"a": ["1", "2"]}}
    assert dict(first.parsed_not_grouped_args) == {key: [("a", "1"), ("a", "2")]}
    assert other.parsed_args == {} and other.parsed_args is not first.parsed_args


def test_an_unknown_request_attribute_is_an_attribute_error_naming_it() -> None:
    request = Request(b"/", Header(), "1.1", "GET", None, None)
    with pytest.raises(AttributeError, match="'Request' object has no attribute 'nope'"):
        request.nope  # noqa: B018


def test_a_subclass_with_its_own_attributes_keeps_the_defaults() -> None:
    class Custom(Request):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.extra = "kept"  # a subclass without __slots__ has a __dict__

    request = Custom(b"/x?a=1", Header(), "1.1", "GET", None, None)
    assert request.extra == "kept" and request.parsed_args == {}
    assert request.args == {"a": ["1"]} and request.parsed_args != {}
