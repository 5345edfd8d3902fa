"""Choosing a certificate by the client's server name (SNI)."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

import pytest
import trustme

from hurtle_http.sni import cert_names, name_matches, sni_context


def test_wildcards_match_exactly_one_label() -> None:
    names = {"example.test", "*.wild.test"}
    assert name_matches("EXAMPLE.test.", names)
    assert name_matches("a.wild.test", names)
    assert not name_matches("a.b.wild.test", names)
    assert not name_matches("wild.test", names)
    assert not name_matches("other.test", names)


@pytest.fixture
def issued(tmp_path: Path) -> tuple[trustme.CA, dict[str, tuple[ssl.SSLContext, set[str]]]]:
    authority = trustme.CA()
    made = {}
    for label, hosts in (("a", ["localhost"]), ("b", ["example.test", "*.wild.test"])):
        leaf = authority.issue_cert(*hosts)
        cert = tmp_path / f"{label}.pem"
        leaf.cert_chain_pems[0].write_to_path(str(cert))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        leaf.configure_cert(context)
        made[label] = (context, cert_names(cert))
    return authority, made


def handshake(server: ssl.SSLContext, authority: trustme.CA, name: str | None) -> str:
    """The server certificate's first name, as a client asking for ``name`` sees it."""
    client = ssl.create_default_context()
    authority.configure_trust(client)
    client.check_hostname = False
    pipes = [ssl.MemoryBIO() for _ in range(4)]
    c = client.wrap_bio(pipes[0], pipes[1], server_hostname=name)
    s = server.wrap_bio(pipes[2], pipes[3], server_side=True)
    for _ in range(10):  # a TLS 1.3 handshake needs a few round trips
        for side in (c, s):
            try:
                side.do_handshake()
            except ssl.SSLWantReadError:
                pass
        pipes[2].write(pipes[1].read())
        pipes[0].write(pipes[3].read())
    cert = c.getpeercert()
    return next(value for kind, value in cert["subjectAltName"] if kind == "DNS")


def test_cert_names_read_the_subject_alt_names(issued) -> None:
    _, made = issued
    assert made["a"][1] == {"localhost"}
    assert made["b"][1] == {"example.test", "*.wild.test"}


def test_the_matching_certificate_is_served_and_the_first_is_the_default(issued) -> None:
    authority, made = issued
    server = sni_context([made["a"], made["b"]])
    assert handshake(server, authority, "example.test") == "example.test"
    assert handshake(server, authority, "x.wild.test") == "example.test"
    assert handshake(server, authority, "localhost") == "localhost"
    assert handshake(server, authority, "unknown.test") == "localhost"


def test_strict_host_refuses_unknown_names_with_a_warning(issued, caplog) -> None:
    authority, made = issued
    server = sni_context([made["a"], made["b"]], strict=True)
    with caplog.at_level(logging.WARNING, logger="sanic.root"):
        assert handshake(server, authority, "example.test") == "example.test"
        assert not caplog.records
        with pytest.raises(ssl.SSLError):  # the server aborts the handshake
            handshake(server, authority, "unknown.test")
        with pytest.raises(ssl.SSLError):
            handshake(server, authority, None)
    # As Sanic: each refusal is a warning that says why (an operator sees misdirected
    # clients), starting with the same words.
    assert [r.levelname for r in caplog.records] == ["WARNING", "WARNING"]
    assert [r.getMessage() for r in caplog.records] == [
        "Rejecting TLS connection: No certificate found matching hostname 'unknown.test'",
        "Rejecting TLS connection: The client provided no SNI to match for certificate.",
    ]
