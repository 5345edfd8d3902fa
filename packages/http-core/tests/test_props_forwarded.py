"""Property: ``request.forwarded`` reads a ``Forwarded`` field built from the RFC 7239 grammar
as the grammar says, for the element that carries the secret.

The oracle holds the generated pairs themselves: ``forwarded-element = [forwarded-pair]
*( ";" [forwarded-pair] )``, ``forwarded-pair = token "=" value``, ``value = token /
quoted-string`` (a quoted-pair ``\\x`` standing for ``x``), elements joined by ``,``
with optional white space (the ``#`` list rule). Node names (6) are IPv4 addresses,
bracketed IPv6 addresses (quoted, as ``:`` and ``[`` are not token characters), ``unknown``
and obfuscated ``_`` identifiers, each with an optional port or obfuscated port. Values
are then normalised as Hurtle documents it (``fwd_normalize``): ``for``/``by`` lower case
(an obfuscated one as sent, ``unknown`` left out), ``proto``/``host`` lower case, ``port``
a number, ``path`` percent-decoded.
"""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import unquote

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.config import HttpConfig
from hurtle_http.headers import Header
from hurtle_http.request import Request

SECRET = "s3cr3t"
TCHAR = set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

octet = st.integers(0, 255).map(str)
ipv4 = st.tuples(octet, octet, octet, octet).map(".".join)
hextet = st.integers(0, 0xFFFF).map(lambda n: f"{n:x}")
ipv6 = st.one_of(
    st.sampled_from(["::1", "2001:DB8::1", "fe80::a:b", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4"]),
    st.tuples(hextet, hextet).map(lambda t: f"{t[0]}::{t[1]}"),
)
obf = st.text("abcXYZ019._-", min_size=1, max_size=8).map(lambda s: "_" + s)
port = st.one_of(st.integers(0, 65535).map(str), obf)
nodename = st.one_of(ipv4, ipv6.map(lambda a: f"[{a}]"), st.just("unknown"), obf)
node = st.tuples(nodename, st.one_of(st.none(), port)).map(
    lambda t: t[0] if t[1] is None else f"{t[0]}:{t[1]}"
)
values_for = {
    "for": node,
    "by": node,
    "proto": st.sampled_from(["http", "https", "HTTPS", "wss"]),
    "host": st.sampled_from(["example.com", "Example.COM:8080", "[::1]:80", "a.b"]),
    "port": st.integers(0, 65535).map(str),
    "path": st.sampled_from(["/", "/a%20b", "/%E2%82%AC", "/a;b,c", '/q"x']),
    "x-ext": st.text('ab\\" ,;=', max_size=6),
}


@st.composite
def elements(draw: st.DrawFn, with_secret: bool) -> list[tuple[str, str]]:
    keys = draw(st.lists(st.sampled_from(sorted(values_for)), unique=True, max_size=4))
    pairs = [(k, draw(values_for[k])) for k in keys]
    if with_secret:
        where = draw(st.integers(0, len(pairs)))
        pairs.insert(where, ("secret", SECRET))
    return pairs


def encode_value(value: str, quote: bool, escape: list[bool]) -> str:
    if value and not quote and set(value) <= TCHAR:
        return value
    out = []
    for i, char in enumerate(value):
        if char in '"\\' or (escape and escape[i % len(escape)]):
            out.append("\\" + char)
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def normalise(pairs: list[tuple[str, str]]) -> dict[str, object]:
    """The oracle: the element's pairs, normalised as documented."""
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in ("for", "by"):
            if value == "unknown":
                continue
            out[key] = value if value.startswith("_") else value.lower()
        elif key in ("proto", "host"):
            out[key] = value.lower()
        elif key == "port":
            out[key] = int(value)
        elif key == "path":
            out[key] = unquote(value)
        else:
            out[key] = value
    return out


@settings(max_examples=100, deadline=None)
@given(
    st.lists(elements(False), max_size=2),
    elements(True),
    st.lists(elements(False), max_size=1),
    st.booleans(),
    st.lists(st.booleans(), max_size=4),
    st.sampled_from([",", ", ", " , ", ",\t"]),
    st.booleans(),
)
@example([], [("for", "[2001:DB8::1]:_p"), ("secret", SECRET)], [], False, [], ",", False)
def test_the_secret_element_reads_back_as_generated(
    before: list[list[tuple[str, str]]],
    mine: list[tuple[str, str]],
    after: list[list[tuple[str, str]]],
    quote_all: bool,
    escape: list[bool],
    comma: str,
    split_fields: bool,
) -> None:
    def element(pairs: list[tuple[str, str]]) -> str:
        return ";".join(f"{k}={encode_value(v, quote_all, escape)}" for k, v in pairs)

    # Elements after the secret's are ones a client could add after our proxy did: the
    # last element with the secret is the one to trust, and nothing after it holds one.
    texts = [element(e) for e in (*before, mine, *after)]
    if split_fields:
        fields = [("forwarded", t) for t in texts]  # one field per element (RFC 9110 5.3)
    else:
        fields = [("forwarded", comma.join(texts))]
    app = SimpleNamespace(config=HttpConfig(FORWARDED_SECRET=SECRET))
    request = Request(b"/", Header(fields), "1.1", "GET", None, app)
    assert request.forwarded == normalise(mine)


# What a client can put in a Forwarded field before our proxy appends its element: any
# text, balanced or not (an open quote, a trailing backslash, a pair without a value).
client_text = st.lists(
    st.sampled_from(['"', "\\", ",", ";", "=", " ", "for", "secret", SECRET, "by", "x", "[::1]"]),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(client_text, elements(True), st.booleans(), st.lists(st.booleans(), max_size=3))
@example('x="', [("for", "[::1]:80"), ("secret", SECRET)], True, [])
@example('for=_x;secret="', [("for", "1.2.3.4"), ("secret", SECRET)], False, [])
def test_what_a_client_sent_first_never_changes_the_proxys_element(
    client: str, mine: list[tuple[str, str]], quote_all: bool, escape: list[bool]
) -> None:
    # RFC 7239 8.1: a client may send any Forwarded field; the element the trusted proxy
    # appends (in the same field after ",", as proxies do) is read as it was written.
    if SECRET in client:
        return  # a client that knows the secret can pose as the proxy: not checked here
    proxy = ";".join(f"{k}={encode_value(v, quote_all, escape)}" for k, v in mine)
    app = SimpleNamespace(config=HttpConfig(FORWARDED_SECRET=SECRET))
    request = Request(b"/", Header({"forwarded": f"{client}, {proxy}"}), "1.1", "GET", None, app)
    assert request.forwarded == normalise(mine)
