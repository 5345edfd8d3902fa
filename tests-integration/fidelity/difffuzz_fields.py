"""Parsed request fields for ``difffuzz.py`` (fifteenth round): ``Accept``, ``Content-Type``
and long or odd query strings, compared by what the request object shows.

``add_routes`` gives the echo app ``/h``: ``request.accept`` (each range's text, type,
subtype, q, params, mime, wildcard flag, in the list's order), ``accept.match`` of several
offers (with and without wildcards), a range's own ``match``, ``content_type``,
``sanic.headers.parse_content_header`` of the field, ``json``, the form's keys and files,
and the raw fields. The query generator ``queryx`` aims at ``/e`` (difffuzz.py's echo:
``args``, ``query_args``, ``get_args`` with keywords).

    .venv/bin/python tests-integration/fidelity/difffuzz.py --variant plain \
        --only accept --only ctype --only queryx --count 600 --seed 1
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable
from typing import Any

OFFERS: list[tuple[tuple[str, ...], bool]] = [
    (("text/html",), True),
    (("application/json", "text/plain"), True),
    (("text/plain", "application/json"), True),
    (("image/png",), True),
    (("image/png",), False),
    (("text/html;level=1",), True),
    (("*/*",), True),
    (("text/*",), False),
    (("application/vnd.api+json", "application/json"), True),
    (("text/html;q=0.5",), True),
    ((), True),
]


def _safe(fn: Callable[[], Any]) -> Any:
    try:
        value = fn()
    except Exception as exc:  # the error type is part of the behaviour
        return f"<{type(exc).__name__}>"
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _safe(lambda v=v: v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe(lambda v=v: v) for v in value]
    return repr(value)


def add_routes(app: Any) -> None:
    from sanic.headers import parse_content_header
    from sanic.response import json as json_response

    def ranges(r: Any) -> Any:
        return [[str(m), m.type, m.subtype, m.q, dict(m.params), m.mime, m.has_wildcard]
                for m in r.accept]

    def matches(r: Any) -> Any:
        out = []
        for mimes, wild in OFFERS:
            m = r.accept.match(*mimes, accept_wildcards=wild)
            out.append([bool(m), str(m.mime), str(m.header) if m.header is not None else None])
        return out

    def first_match(r: Any) -> Any:
        first = r.accept[0]
        return [str(first.match(o)) for o in ("text/html", "*/*", "application/json;x=1")]

    def files(r: Any) -> Any:
        return {k: [(f.name, f.type, len(f.body)) for f in r.files.getlist(k)]
                for k in r.files or {}}

    async def hecho(request: Any) -> Any:
        r = request
        return json_response(
            {
                "accept": _safe(lambda: ranges(r)),
                "accept_str": _safe(lambda: str(r.accept)),
                "matches": _safe(lambda: matches(r)),
                "first_match": _safe(lambda: first_match(r)),
                "html_in": _safe(lambda: "text/html" in r.accept),
                "content_type": _safe(lambda: r.content_type),
                "parsed_ctype": _safe(lambda: parse_content_header(r.content_type)),
                "json": _safe(lambda: r.json),
                "form": _safe(lambda: {k: r.form.getlist(k) for k in (r.form or {})}),
                "files": _safe(lambda: files(r)),
                "fields": _safe(
                    lambda: {h: r.headers.getall(h, []) for h in ("accept", "content-type")}
                ),
                "cookies": _safe(lambda: {k: r.cookies.getlist(k) for k in r.cookies}),
                "cookie_get": _safe(lambda: [_safe(lambda n=n: r.cookies.get(n, "-"))
                                             for n in COOKIE_NAMES]),
                "cookie_attr": _safe(lambda: [_safe(lambda n=n: getattr(r.cookies, n))
                                              for n in ("a", "b", "s")]),
                "cookie_item": _safe(lambda: [_safe(lambda n=n: r.cookies[n])
                                              for n in COOKIE_NAMES]),
                "cookie_len": _safe(lambda: [len(r.cookies), "a" in r.cookies]),
                "get_cookies": _safe(lambda: dict(r.get_cookies())),
            }
        )

    app.add_route(hecho, "/h", methods=["GET", "POST", "PUT"])


# ------------------------------------------------------------------------------ generators

TYPES = ["text/html", "text/plain", "application/json", "image/png", "application/xml",
         "TEXT/HTML", "Text/Html", "text/*", "*/*", "*/json", "*", "application/vnd.api+json",
         "text/html ", " text/html", "text", "text/html/x", "t\u00e9xt/html", "text /html",
         "text/ html", "*/*/*", "application/*+json"]
BAD_TYPES = ["text/", "/html", "/", ""]
PARAMS = [";q=0.5", ";q=0", ";q=1", ";q=1.0", ";q=0.001", ";q=0.0001", ";q=1.5", ";q=-1",
          ";Q=0.5", "; q=0.5", ";q = 0.5", ";q=.5", ";q=1e-1", ";level=1", ";level=2",
          ";charset=utf-8", ';charset="utf-8"', ";a=b;c=d", '; a="b,c"', ";q=0.5;level=1",
          ";level=1;q=0.5", ";q=nan", ";q=inf", ";=1", ";q=0.5 "]
# Sanic refuses the whole field for any of these (kept: Hurtle skips the range), so rarer.
BAD_PARAMS = [";q=abc", ";q=", ';q="0.5"', ";x", ";", ";;", "; "]
SEPS = [", ", ",", " , ", ",,", ", ,", ",\t"]


def accept_value(rnd: random.Random) -> str:
    parts = []
    for _ in range(rnd.randint(0, 5)):
        part = rnd.choice(TYPES if rnd.random() < 0.95 else BAD_TYPES)
        for _ in range(rnd.choices([0, 1, 2], [5, 4, 1])[0]):
            part += rnd.choice(PARAMS if rnd.random() < 0.93 else BAD_PARAMS)
        parts.append(part)
    text = parts[0] if parts else ""
    for p in parts[1:]:
        text += rnd.choice(SEPS) + p
    return text


def _request(method: str, target: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: x"]
    lines += [f"{k}: {v}" for k, v in headers]
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body


def gen_accept(rnd: random.Random) -> bytes:
    """One or two Accept fields of media ranges with q-values, parameters, wildcards,
    odd case and spacing, and malformed ranges."""
    fields = [("Accept", accept_value(rnd)) for _ in range(rnd.choices([0, 1, 2], [1, 8, 2])[0])]
    if rnd.random() < 0.05:
        fields = [("accept", "text/html")] + fields
    return _request("GET", "/h", fields, b"")


CT_BASES = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain", "APPLICATION/JSON", "Application/X-WWW-Form-Urlencoded",
            "multipart/form-data ", " application/json", "application/json;",
            "application/vnd.api+json", "application", "", "application/json, text/plain",
            "multipart/mixed", "application/x-www-form-urlencoded, multipart/form-data"]
CT_PARAMS = ["; charset=utf-8", ";charset=UTF-8", '; charset="utf-8"', "; charset=latin-1",
             "; charset=", "; CHARSET=utf-8", "; charset = utf-8", ";;charset=utf-8",
             "; charset=utf-8; charset=latin-1", "; x", "; x=", '; x="a;b"', '; x="a\\"b"',
             "; boundary=XyZ", '; boundary="XyZ"', "; BOUNDARY=XyZ", "; boundary=XyZ;",
             "; boundary=Other; boundary=XyZ", '; boundary="XyZ"x', "; boundary= XyZ",
             "; boundary=XyZ ", '; filename="a b"', "; q=1", ";", "; charset=utf-8 ;"]
MULTIPART = (b'--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n'
             b'--XyZ\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n'
             b"Content-Type: text/plain\r\n\r\nhi\r\n--XyZ--\r\n")
CT_BODIES = [b'{"a": 1}', b"a=1&b=2", MULTIPART, b"", b"[1]", "a=\u00e9".encode(),
             '"\u00e9"'.encode(), '"\u00e9"'.encode("latin-1"), b"a=1;b=2"]


def gen_ctype(rnd: random.Random) -> bytes:
    """Content-Type fields with parameter forms (charset, boundary, quoted, repeated,
    misspaced), over JSON, urlencoded and multipart bodies; none, one or two fields."""
    values = []
    for _ in range(rnd.choices([0, 1, 2], [1, 10, 1])[0]):
        value = rnd.choice(CT_BASES)
        for _ in range(rnd.choices([0, 1, 2], [3, 5, 2])[0]):
            value += rnd.choice(CT_PARAMS)
        values.append(value)
    body = rnd.choice(CT_BODIES)
    method = rnd.choice(["POST", "POST", "PUT", "GET"])
    return _request(method, "/h", [("Content-Type", v) for v in values], body)


QX_ATOMS = ["a=1", "a=", "=b", "a", "", "b=2", "a=2", "a+b=c+d", "a%26b=c%3Dd", "a=1%262",
            "%3D=%26", "a=b=c", "a==", "+=+", "%20a%20=%20", "a;b=1", "c=1;d=2", "a[]=1",
            "a.b=1", "\u00e9=\u00e8", "%C3%A9=%E9", "a=%", "a=%2", "%zz=1", "k%00=v", "a=%0A",
            "x=" + "y" * 300, "A=1", "a%5B%5D=1"]
QX_SEPS = ["&", "&", "&", "&&", ";", "&;", "&amp;"]


def gen_queryx(rnd: random.Random) -> bytes:
    """Query strings of every odd form (empty pairs, `=` alone, `;` and `&&` separators,
    `+`, escaped `&`/`=`), and very many arguments (up to 800)."""
    n = rnd.choice([rnd.randint(0, 12), rnd.randint(0, 12), rnd.randint(50, 800)])
    if n > 40:
        atoms = [rnd.choice(["a=1", "k%d=v", "a", "=x", "k%d="]) for _ in range(n)]
        atoms = [a.replace("%d", str(i)) for i, a in enumerate(atoms)]
    else:
        atoms = [rnd.choice(QX_ATOMS) for _ in range(n)]
    q = ""
    for i, atom in enumerate(atoms):
        q += (rnd.choice(QX_SEPS) if i else rnd.choice(["", "", "&", "&&", ";"])) + atom
    if rnd.random() < 0.1:
        q += rnd.choice(["&", "&&", ";", "="])
    target = "/e?" + q.encode("utf-8").decode("latin-1")
    return ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").encode(
        "latin-1")


COOKIE_NAMES = ["a", "b", "s", "", "$Version", "__Host-a", "__Secure-s", "A", "a b", "\u00e9"]
COOKIE_PAIRS = [
    "a=1", "a=2", "b=x", "A=3", "__Host-a=h", "__Secure-s=s", "__host-a=l", "__Secure-a=sa",
    "__Host-s=hs", "s=plain", "$Version=1", '$Version="1"', "$Path=/", "$Domain=x",
    'a="q"', 'a="a;b"', 'b="a,b"', 'b="\\""', 'a=""', '"a"=1', "=v", "=", "", " ",
    "a", "b=", "a==1", "a=1=2", "a =1", "a= 1", " a=1 ", "a=1 2", "a\t=1", "a=%3B", "a=%22x%22",
    "\u00e9=1", "b=\u00e9", "a b=1", "a,b=1", "c=1,d=2", "a=" + "v" * 500, "x" * 60 + "=1",
]
COOKIE_SEPS = ["; ", ";", " ; ", ";;", ", ", ",", ";\t", "; ;"]


def gen_cookiex(rnd: random.Random) -> bytes:
    """Cookie fields of odd forms: several fields, `$Version` and friends, quoted values,
    empty names and values, duplicates, prefixed names (`__Host-`, `__Secure-`), commas,
    and very many pairs; the echo shows getlist, get, attributes, items and get_cookies."""
    fields = []
    for _ in range(rnd.choices([1, 2, 3], [8, 3, 1])[0]):
        n = rnd.randint(1, 5) if rnd.random() < 0.9 else rnd.randint(50, 300)
        pairs = [rnd.choice(COOKIE_PAIRS) for _ in range(n)]
        value = pairs[0]
        for pair in pairs[1:]:
            value += rnd.choice(COOKIE_SEPS) + pair
        fields.append(("Cookie", value))
    return _request("GET", "/h", fields, b"")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


AUTH_SCHEMES = ["Bearer", "Token", "Basic", "bearer", "BASIC", "Digest", "Negotiate", "", "Bearer:"]
AUTH_CREDS = [
    "tok", "", " tok", "tok ", "a.b.c", "tok=", "tok==", "a b", "a,b", "a\tb", '"tok"',
    _b64(b"u:p"), _b64(b"u:"), _b64(b":p"), _b64(b"u"), _b64(b"u:p:q"), _b64(b"\xc3\xa9:p"),
    _b64(b"\xe9:p"), _b64(b"u:p")[:-2], _b64(b"u:p").rstrip("="), _b64(b"u:p") + "==",
    "!!!", "dTpw", "dTpw ", "x" * 300, "realm=\"a\", nonce=\"b\"", "\u00e9",
]


def gen_authx(rnd: random.Random) -> bytes:
    """Authorization fields: schemes in odd case and none, credentials with spaces, tabs,
    padding lost or doubled, bad base64, non-UTF-8 user names; one or two fields."""
    fields = []
    for _ in range(rnd.choices([0, 1, 2], [1, 10, 2])[0]):
        scheme, cred = rnd.choice(AUTH_SCHEMES), rnd.choice(AUTH_CREDS)
        value = scheme + rnd.choice([" ", " ", "  ", "\t", ""]) + cred if scheme else cred
        fields.append(("Authorization", value))
    return _request("GET", "/e", fields, b"")


GENERATORS: dict[str, Callable[[random.Random], bytes]] = {
    "accept": gen_accept,
    "ctype": gen_ctype,
    "queryx": gen_queryx,
    "cookiex": gen_cookiex,
    "authx": gen_authx,
}

# ------------------------------------------------------------------------------ causes

def _accept_ranges(raw: bytes) -> list[tuple[str, str, list[str]]]:
    """(type, subtype, parameters) of each range with a '/' in the request's Accept fields."""
    head = raw.partition(b"\r\n\r\n")[0].decode("utf-8", "replace")
    out = []
    for value in re.findall(r"(?im)^accept:(.*)$", head):
        for item in value.split(","):
            mime, *params = item.split(";")
            type_, sep, subtype = mime.strip().partition("/")
            if sep:
                out.append((type_, subtype, params))
    return out


def _sanic_refuses_accept(raw: bytes) -> bool:
    """A range Sanic refuses the whole header for (Hurtle skips that range): an empty type
    or subtype, a parameter without '=', a q that is not a number."""
    for type_, subtype, params in _accept_ranges(raw):
        if not type_ or not subtype:
            return True
        for param in params:
            key, sep, value = param.partition("=")
            if not sep:
                return True
            if key.strip() == "q":
                try:
                    float(value.strip())
                except ValueError:
                    return True
    return False


def _accept_no_qvalue(raw: bytes) -> bool:
    """A q that Sanic reads as a number and that is no qvalue (Leftovers, ninth pass)."""
    for _, _, params in _accept_ranges(raw):
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q" and not re.fullmatch(r"\s*(0(\.[0-9]*)?|1(\.0*)?)\s*", value):
                return True
    return False


def _accept_big_q(raw: bytes) -> bool:
    """A weight named Q: Hurtle's weight, Sanic's other parameter (its q stays 1)."""
    return any(param.partition("=")[0].strip() == "Q"
               for _, _, params in _accept_ranges(raw) for param in params)


def _accept_q0(raw: bytes) -> bool:
    for _, _, params in _accept_ranges(raw):
        for param in params:
            key, _, value = param.partition("=")
            try:
                if key.strip() == "q" and float(value.strip()) == 0:
                    return True
            except ValueError:
                pass
    return False


def _schemes(raw: bytes) -> list[re.Match[str]]:
    """Each Authorization value starting with Basic/Bearer/Token in any case: (the scheme
    as written, the character after it)."""
    head = raw.partition(b"\r\n\r\n")[0].decode("utf-8", "replace")
    values = re.findall(r"(?im)^authorization:[ \t]*(.*?)[ \t]*$", head)
    return [m for v in values if (m := re.match(r"(?i)(basic|bearer|token)(.?)", v))]


AUTH = frozenset({"credentials", "token"})
ACCEPT = frozenset({"accept", "accept_str", "first_match", "html_in", "matches"})
COOKIES = frozenset({"cookies", "cookie_get", "cookie_attr", "cookie_item", "cookie_len",
                     "get_cookies"})
MATCHES = frozenset({"first_match", "html_in", "matches"})
# (generator, label, the fields it explains, does the request show it); each in the README.
KNOWN_CAUSES: list[tuple[str, str, frozenset[str], Callable[[bytes], bool]]] = [
    ("accept", "kept: a malformed Accept range is skipped (Sanic: InvalidHeader for all)",
     ACCEPT, _sanic_refuses_accept),
    ("accept", "kept: media types match in any case (RFC 9110 8.3.1)", MATCHES,
     lambda r: any(t != t.lower() or s != s.lower() for t, s, _ in _accept_ranges(r))),
    ("accept", "kept: a q=0 range never matches (RFC 9110 12.4.2)", MATCHES, _accept_q0),
    ("accept", "kept: a q that is no qvalue (nan, inf, 1.5, -1, .5, 1e-1; RFC 9110 "
     "12.4.2) makes its range malformed, skipped (Sanic: float())", ACCEPT, _accept_no_qvalue),
    ("accept", "kept: a weight named Q is the weight, so the ranges sort by it (RFC 9110 "
     "5.6.6, 12.4.2; Sanic reads only q), listed in 'Leftovers, tenth pass'", ACCEPT,
     _accept_big_q),
    ("accept", "kept: Accept on several field lines is one list (RFC 9110 5.3; Sanic reads "
     "the first line), listed in 'RFC conformance checklist, eighth round'", ACCEPT,
     lambda r: len(re.findall(rb"(?im)^accept:", r.partition(b"\r\n\r\n")[0])) > 1),
    ("cookiex", "kept: several Cookie fields joined (RFC 9113 8.2.3)", COOKIES,
     lambda r: r.lower().count(b"\r\ncookie:") > 1),
    ("cookiex", 'kept: a="" is the empty value', COOKIES, lambda r: b'=""' in r),
    ("cookiex", "kept: a Latin-1 letter in a cookie name (Sanic drops only those)", COOKIES,
     lambda r: b"\xc3\xa9=1" in r),
    ("cookiex", "kept: 431 for a large head (Sanic: 413; RFC 6585 5)",
     frozenset({"status 413->431"}), lambda r: len(r) > 8000),
    ("authx", "kept: auth scheme matched in any case (RFC 9110 11.1)", AUTH,
     lambda r: any(m.group(1) not in ("Basic", "Bearer", "Token")
                   for m in _schemes(r))),
    ("authx", "kept: a scheme is a whole word: Bearertok is no Bearer (RFC 9110 11.4)", AUTH,
     lambda r: any(m.group(2) not in ("", " ", "\t") for m in _schemes(r))),
    ("authx", "kept: Basic password holding ':' (RFC 7617 2)", AUTH, lambda r: b"dTpwOnE=" in r),
    ("ctype", "kept: a urlencoded charset=latin-1 honoured (Sanic: UTF-8 always)",
     frozenset({"form"}), lambda r: re.search(rb"(?i)\r\ncontent-type:[^\r]*latin-1", r)
     is not None),
    ("ctype", 'kept: a quoted-pair in a parameter is read (RFC 9110 5.6.4; Sanic: "a\\")',
     frozenset({"parsed_ctype", "form", "files"}), lambda r: b'\\"' in r),
]
