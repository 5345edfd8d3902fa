"""``sanic.http.tls.context``: building TLS contexts with Sanic's helpers, checked by real
handshakes on loopback (certificates from a throwaway ``trustme`` CA)."""

from __future__ import annotations

import asyncio
import logging
import ssl
from pathlib import Path
from typing import Any

import pytest
import trustme

from sanic.application.constants import Mode
from sanic.http.tls import process_to_context as package_level
from sanic.http.tls.context import (
    CertSelector,
    CertSimple,
    load_cert_dir,
    match_hostname,
    process_to_context,
    shorthand_to_ctx,
)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def issue(ca: trustme.CA, folder: Path, *names: str) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    leaf = ca.issue_cert(*names)
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    leaf.cert_chain_pems[0].write_to_path(str(cert))
    leaf.private_key_pem.write_to_path(str(key))
    return {"cert": str(cert), "key": str(key)}


async def served_names(context: ssl.SSLContext, ca: trustme.CA, *hosts: str) -> list[Any]:
    """For each SNI host name, the DNS names of the certificate the server presented."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    client = ssl.create_default_context()
    ca.configure_trust(client)
    client.check_hostname = False
    seen = []
    try:
        for host in hosts:
            _, writer = await asyncio.open_connection(
                "127.0.0.1", port, ssl=client, server_hostname=host
            )
            peer = writer.get_extra_info("peercert")
            seen.append(sorted(v for k, v in peer["subjectAltName"] if k == "DNS"))
            writer.close()
    finally:
        server.close()
        await server.wait_closed()
    return seen


def test_cert_simple_reads_the_certificate_names(ca: trustme.CA, tmp_path: Path) -> None:
    files = issue(ca, tmp_path / "one", "example.test", "www.example.test")
    context = CertSimple(files["cert"], files["key"])
    assert isinstance(context, ssl.SSLContext)
    assert context.sanic["names"] == ["example.test", "www.example.test"]
    assert match_hostname(context, "WWW.example.test")
    assert not match_hostname(context, "other.test")
    with pytest.raises(ValueError, match="not found"):
        CertSimple(tmp_path / "missing.pem", files["key"])


def test_shorthands(ca: trustme.CA, tmp_path: Path) -> None:
    files = issue(ca, tmp_path / "certbot", "certbot.test")
    assert shorthand_to_ctx(None) is None
    plain = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    assert process_to_context(plain) is plain
    assert load_cert_dir(tmp_path / "certbot").sanic["names"] == ["certbot.test"]
    assert process_to_context(files).sanic["key"] == files["key"]
    assert package_level(str(tmp_path / "certbot")).sanic["names"] == ["certbot.test"]
    with pytest.raises(ValueError) as info:
        load_cert_dir(tmp_path / "nowhere")
    assert str(info.value) == (
        f"Certificate not found or permission denied {tmp_path / 'nowhere' / 'privkey.pem'}"
    )
    with pytest.raises(ValueError) as info:
        shorthand_to_ctx(42)
    assert str(info.value) == (
        "Invalid ssl argument <class 'int'>. Expecting a list of certdirs, a dict or an "
        "SSLContext."
    )


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({"cert": "fullchain.pem"}, "1 required positional argument: 'key'"),
        ({"keyfile": "privkey.pem"}, "1 required positional argument: 'cert'"),
        ({"password": "pw"}, "2 required positional arguments: 'cert' and 'key'"),
    ],
)
def test_an_ssl_dict_without_cert_or_key_is_a_type_error_as_in_sanic(
    given: dict[str, str], missing: str
) -> None:
    # `app.run(ssl={"cert": ...})` with no key: code written for Sanic catches TypeError.
    with pytest.raises(TypeError) as info:
        shorthand_to_ctx(given)
    assert str(info.value) == f"CertSimple.__new__() missing {missing}"
    with pytest.raises(ValueError):  # given, but empty: a ValueError, as in Sanic
        shorthand_to_ctx({"cert": "", "key": None})


async def test_cert_selector_answers_each_name_with_its_certificate(
    ca: trustme.CA, tmp_path: Path
) -> None:
    first = issue(ca, tmp_path / "a", "a.test")
    issue(ca, tmp_path / "b", "*.b.test")  # used as a certbot folder below
    selector = process_to_context([first, str(tmp_path / "b")])
    assert isinstance(selector, CertSelector)
    seen = await served_names(selector, ca, "a.test", "x.b.test", "unknown.test")
    assert seen == [["a.test"], ["*.b.test"], ["a.test"]]  # unknown names get the first


def test_find_cert_falls_back_or_says_why_no_certificate_fits(
    ca: trustme.CA, tmp_path: Path
) -> None:
    # Code written for Sanic calls find_cert itself and catches the ValueError.
    from sanic.http.tls.context import find_cert

    a = CertSimple(**issue(ca, tmp_path / "a", "a.test"))
    b = CertSimple(**issue(ca, tmp_path / "b", "*.b.test"))
    loose = CertSelector([a, b])
    assert find_cert(loose, "x.b.test") is b
    assert find_cert(loose, "unknown.test") is a  # the first certificate answers
    assert find_cert(loose, "") is a
    strict = CertSelector([None, a, b])
    assert find_cert(strict, "a.test") is a
    with pytest.raises(ValueError) as info:
        find_cert(strict, "unknown.test")
    assert str(info.value) == "No certificate found matching hostname 'unknown.test'"
    for nothing in ("", None):
        with pytest.raises(ValueError) as info:
            find_cert(strict, nothing)  # type: ignore[arg-type]
        assert str(info.value) == "The client provided no SNI to match for certificate."


def test_selector_sni_callback_records_the_name_it_refuses(
    ca: trustme.CA, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from types import SimpleNamespace

    from sanic.http.tls.context import selector_sni_callback

    a = CertSimple(**issue(ca, tmp_path / "a", "a.test"))
    strict = CertSelector([None, a])
    conn = SimpleNamespace(context=None)
    assert selector_sni_callback(conn, "a.test", strict) is None  # type: ignore[arg-type]
    assert conn.context is a and conn.sanic_server_name == "a.test"
    conn = SimpleNamespace(context=None)
    alert = selector_sni_callback(conn, "other.test", strict)  # type: ignore[arg-type]
    assert alert == ssl.ALERT_DESCRIPTION_UNRECOGNIZED_NAME
    assert conn.context is None and conn.sanic_server_name == "other.test"
    assert "Rejecting TLS connection: No certificate found matching hostname 'other.test'" in (
        caplog.text
    )


def test_a_selector_needs_a_certificate_with_names(ca: trustme.CA, tmp_path: Path) -> None:
    nameless = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    files = issue(ca, tmp_path / "a", "a.test")
    nameless.load_cert_chain(files["cert"], files["key"])
    for given in ([], [None], [nameless], [None, nameless]):
        with pytest.raises(ValueError) as info:
            process_to_context(given)
        assert str(info.value) == "No certificates with SubjectAlternativeNames found."
    assert isinstance(CertSelector([nameless, CertSimple(**files)]), CertSelector)


def test_an_ssl_dict_with_empty_file_names_says_so() -> None:
    with pytest.raises(ValueError) as info:
        shorthand_to_ctx({"cert": "", "key": ""})
    assert str(info.value) == "SSL dict needs filenames for cert and key."


# --- sanic.http.tls.creators (auto_tls) ----------------------------------------------------
async def test_get_ssl_context_makes_a_localhost_certificate_in_debug(
    ca: trustme.CA, tmp_path: Path
) -> None:
    from sanic import Sanic
    from sanic.exceptions import SanicException
    from sanic.http.tls.creators import TrustmeCreator, get_ssl_context

    Sanic._app_registry.clear()
    app = Sanic("AutoTLS")
    given = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    assert get_ssl_context(app, given) is given
    with pytest.raises(SanicException, match="PRODUCTION mode"):
        get_ssl_context(app, None)
    app.state.mode = Mode.DEBUG
    app.config.LOCAL_CERT_CREATOR = "TRUSTME"
    app.config.LOCAL_TLS_KEY = str(tmp_path / "key.pem")
    app.config.LOCAL_TLS_CERT = str(tmp_path / "cert.pem")
    context = get_ssl_context(app, None)
    assert "localhost" in context.sanic["names"]
    assert (tmp_path / "cert.pem").is_file()
    creator = TrustmeCreator(app, tmp_path / "key.pem", tmp_path / "cert.pem")
    creator.check_supported()
    Sanic._app_registry.clear()


def test_a_selector_logs_its_certificates_names(
    ca: trustme.CA, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: made by hand (or by process_to_context) a selector logs the names it
    # serves, once, as an `ssl=` list loaded for serving does; before, it logged nothing.
    a = CertSimple(**issue(ca, tmp_path / "a", "a.test", "*.a.test"))
    b = CertSimple(**issue(ca, tmp_path / "b", "b.test"), names=["other.test"])
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        CertSelector([None, a, b])
    lines = [(r.name, r.levelname, r.getMessage()) for r in caplog.records]
    assert lines == [("sanic.root", "INFO", "Certificate vhosts: a.test, *.a.test, other.test")]
