"""Property: ``parse_host`` splits a ``host [ ":" port ]`` authority (RFC 3986 3.2.2, 3.2.3)
as the grammar says.

Generated hosts are IPv4 addresses, bracketed IPv6 literals and DNS-style reg-names
(letters, digits, ``.``, ``-``, ``_``: the part of reg-name ``parse_host`` takes, as Sanic's
does); ports are ``*DIGIT`` in ASCII, or empty (the scheme's default). The oracle: the host
lower-cased, the port a number or ``None``; a port that is not ASCII digits (a proxy may
report ``host="a.example:٣"`` in a quoted ``Forwarded`` value) makes the value invalid:
``(None, None)``.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.config import HttpConfig
from hurtle_http.headers import Header, parse_host
from hurtle_http.request import Request

octet = st.integers(0, 255).map(str)
ipv4 = st.tuples(octet, octet, octet, octet).map(".".join)
hextet = st.integers(0, 0xFFFF).map(lambda n: f"{n:x}")
ipv6 = st.one_of(
    st.sampled_from(["::1", "2001:DB8::1", "fe80::a:b", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4"]),
    st.tuples(hextet, hextet).map(lambda t: f"{t[0]}::{t[1]}"),
).map(lambda a: f"[{a}]")
reg_name = st.text("abcXYZ0129.-_", min_size=1, max_size=20)
hosts = st.one_of(ipv4, ipv6, reg_name)
ports = st.one_of(st.none(), st.just(""), st.integers(0, 99999).map(str))
odd_ports = st.sampled_from(
    ["\u0663", "8\u0660", "+80", " 80", "8 0", "80a", "0x50", "\uff18\uff10"]
)


@settings(max_examples=300, deadline=None)
@given(hosts, ports)
def test_an_authority_splits_into_host_and_port(host: str, port: str | None) -> None:
    value = host if port is None else f"{host}:{port}"
    assert parse_host(value) == (host.lower(), int(port) if port else None)


@settings(max_examples=100, deadline=None)
@given(hosts, odd_ports)
@example("a.example", "\u0663")  # an Arabic-Indic 3 was read as port 3 (as Sanic reads it)
def test_a_port_that_is_not_ascii_digits_is_no_authority(host: str, port: str) -> None:
    assert parse_host(f"{host}:{port}") == (None, None)


def test_a_proxy_reported_port_in_other_digits_is_not_the_servers_port() -> None:
    app = SimpleNamespace(config=HttpConfig(FORWARDED_SECRET="s"))
    fields = {"host": "h.test", "forwarded": 'host="a.example:\u0663";proto=http;secret=s'}
    request = Request(b"/", Header(fields), "1.1", "GET", None, app)
    assert request.host == "a.example:\u0663"
    assert (request.server_name, request.server_port) == ("", 80)
