"""Pure helpers users import: sanic.helpers, sanic.headers, sanic.utils, sanic.cookies, constants."""

from _probe import show

import sanic.constants as C
import sanic.headers as H
import sanic.helpers as HP
import sanic.utils as U

show(
    "STATUS_CODES sample",
    lambda: {
        k: HP.STATUS_CODES.get(k)
        for k in (100, 200, 201, 204, 301, 304, 400, 404, 418, 422, 425, 429, 451, 500, 503, 599)
    },
)
show("STATUS_CODES len", lambda: len(HP.STATUS_CODES))
for code in (100, 101, 199, 200, 204, 205, 304, 404, 500):
    show(f"has_message_body({code})", lambda c=code: HP.has_message_body(c))
for h in (
    "content-type",
    "Content-Length",
    "content-encoding",
    "expires",
    "last-modified",
    "allow",
    "x-custom",
    "content-location",
    "extension-header",
):
    show(f"is_entity_header({h})", lambda x=h: HP.is_entity_header(x))
    show(f"is_hop_by_hop_header({h})", lambda x=h: HP.is_hop_by_hop_header(x))
for h in (
    "connection",
    "keep-alive",
    "TE",
    "upgrade",
    "proxy-authorization",
    "trailers",
    "transfer-encoding",
):
    show(f"is_hop_by_hop_header({h})", lambda x=h: HP.is_hop_by_hop_header(x))
show(
    "remove_entity_headers",
    lambda: HP.remove_entity_headers(
        {
            "Content-Type": "x",
            "Content-Location": "l",
            "Expires": "e",
            "X-A": "1",
            "content-length": "3",
        }
    ),
)
show(
    "remove_entity_headers allowed",
    lambda: HP.remove_entity_headers({"Content-Type": "x", "Expires": "e"}, allowed=("expires",)),
)
show("import_string class", lambda: type(HP.import_string("collections.OrderedDict")).__name__)
show("import_string module", lambda: HP.import_string("os.path").__name__)
show("Default repr", lambda: repr(HP._default))
show("Default type", lambda: type(HP._default).__name__)

for v in [
    "y",
    "Yes",
    "YEP",
    "yup",
    "t",
    "TRUE",
    "on",
    "enable",
    "enabled",
    "1",
    "n",
    "no",
    "f",
    "false",
    "off",
    "disable",
    "disabled",
    "0",
    "nope",
    "2",
    "",
    "maybe",
]:
    show(f"str_to_bool({v!r})", lambda x=v: U.str_to_bool(x))

for value in [
    "text/html",
    "text/html; charset=utf-8",
    'form-data; name="upload"; filename="file.txt"',
    'form-data; name="a\\"b"',
    "form-data; name=unquoted; filename=x.txt",
    "  spaced  ;  a = b ",
    "",
    "attachment; filename*=UTF-8''%E2%82%AC.txt",
    "multipart/form-data; boundary=----abc",
    'a; b="c;d"; e=f',
]:
    show(f"parse_content_header({value!r})", lambda x=value: H.parse_content_header(x))

for value in [
    "text/html",
    "text/html, application/json;q=0.9, */*;q=0.1",
    "application/*;q=0.5, text/plain",
    "text/*, text/html, text/html;level=1, */*",
    "",
    "*/*",
    "invalid",
    "text/html;q=abc",
]:
    show(f"parse_accept({value!r})", lambda x=value: [str(m) for m in H.parse_accept(x)])
    show(
        f"parse_accept({value!r}) q",
        lambda x=value: [
            (m.type, m.subtype, m.q if hasattr(m, "q") else None) for m in H.parse_accept(x)
        ],
    )
acc = H.parse_accept("text/html, application/json;q=0.9, */*;q=0.1")
show("accept.match json", lambda: str(acc.match("application/json")))
show("accept.match xml", lambda: str(acc.match("application/xml")))
show("accept.match several", lambda: str(acc.match("image/png", "text/html")))
show("accept.match none", lambda: repr(H.parse_accept("text/html").match("application/json")))
show("accept.match bool", lambda: bool(H.parse_accept("text/html").match("application/json")))
show("MediaType eq", lambda: H.parse_accept("text/html")[0] == "text/html")
show(
    "MediaType attrs",
    lambda: (lambda m: (m.type, m.subtype, m.q, m.params, m.mime, str(m), m.has_wildcard))(
        H.parse_accept("text/*;q=0.5;level=1")[0]
    ),
)
show("MediaType match", lambda: str(H.parse_accept("text/*")[0].match("text/plain")))

for value in [
    "Bearer abc",
    "Basic dXNlcjpwYXNz",
    "Token t",
    "",
    "bearer lower",
    "Basic !!!",
    "Digest a=b",
]:
    show(
        f"parse_credentials({value!r})",
        lambda x=value: (
            (lambda c: (c.auth_type, c.token, c.username, c.password) if c else None)(
                H.parse_credentials(x)
            )
            if hasattr(H, "parse_credentials")
            else "no parse_credentials"
        ),
    )

for host in [
    "example.com",
    "example.com:8080",
    "[::1]:80",
    "[::1]",
    "bad host",
    "",
    "127.0.0.1:0",
    "EXAMPLE.com",
]:
    show(f"parse_host({host!r})", lambda x=host: H.parse_host(x))
for value in ["for=1.2.3.4;proto=https;by=_secret", 'for="[::1]:80"; host=ex.com', "for=unknown"]:
    show(
        f"parse_forwarded({value!r})",
        lambda x=value: H.parse_forwarded(
            H.Header({"forwarded": x}),
            type(
                "C",
                (),
                {
                    "FORWARDED_SECRET": "_secret",
                    "PROXIES_COUNT": 1,
                    "REAL_IP_HEADER": None,
                    "FORWARDED_FOR_HEADER": "x-forwarded-for",
                },
            )(),
        ),
    )
show(
    "fwd_normalize",
    lambda: H.fwd_normalize(
        [
            ("for", "1.2.3.4"),
            ("proto", "HTTPS"),
            ("port", "80"),
            ("host", "EX.com"),
            ("path", "/a%20b"),
        ]
    ),
)
show(
    "fwd_normalize_address",
    lambda: [H.fwd_normalize_address(a) for a in ("1.2.3.4", "::1", "[::1]", "_obf", "unknown")],
)
show(
    "format_http1_response",
    lambda: H.format_http1_response(200, [(b"content-type", b"text/plain"), (b"x", b"y")]),
)
show("format_http1_response 404", lambda: H.format_http1_response(404, []))

show("HTTPMethod members", lambda: [m.value for m in C.HTTPMethod])
show("HTTP_METHODS", lambda: C.HTTP_METHODS)
show("DEFAULT_HTTP_CONTENT_TYPE", lambda: C.DEFAULT_HTTP_CONTENT_TYPE)
show("DEFAULT_LOCAL_TLS_KEY/CERT", lambda: (C.DEFAULT_LOCAL_TLS_KEY, C.DEFAULT_LOCAL_TLS_CERT))
show("SAFE_HTTP_METHODS", lambda: sorted(C.SAFE_HTTP_METHODS))
show("IDEMPOTENT_HTTP_METHODS", lambda: sorted(C.IDEMPOTENT_HTTP_METHODS))
show("CACHEABLE_HTTP_METHODS", lambda: sorted(C.CACHEABLE_HTTP_METHODS))
show("LocalCertCreator", lambda: [(m.name, m.value) for m in C.LocalCertCreator])
show(
    "HTTPMethod str/eq",
    lambda: (
        str(C.HTTPMethod.GET),
        C.HTTPMethod.GET == "GET",
        C.HTTPMethod.GET == "get",
        hash(C.HTTPMethod.GET) == hash("GET"),
    ),
)
