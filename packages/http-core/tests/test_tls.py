"""TLS as a client sees it: the settings of a context built from ``ssl=`` (protocol
versions, TLS 1.2 suites, ALPN), and what ``conn_info.cert`` reports, over real handshakes
on loopback with certificates from a throwaway ``trustme`` CA."""

from __future__ import annotations

import asyncio
import json
import ssl
from pathlib import Path
from typing import Any

import pytest
import trustme

from hurtle_http import json as json_response
from hurtle_http.server import HandlerApp, load_ssl, start_server


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def files(ca: trustme.CA, tmp_path: Path) -> dict[str, str]:
    leaf = ca.issue_cert("localhost", "site.test", "127.0.0.1")
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    leaf.cert_chain_pems[0].write_to_path(str(cert))
    leaf.private_key_pem.write_to_path(str(key))
    return {"cert": str(cert), "key": str(key)}


async def conn_cert(request: Any) -> Any:
    return json_response(request.conn_info.cert)


async def handshake(
    ssl_arg: Any, ca: trustme.CA, *, tls12_ciphers: str | None = None, alpn: bool = False,
    request: bool = False,
) -> tuple[str | None, Any]:
    """(ALPN protocol chosen, JSON body of ``GET /`` or None) for one TLS connection."""
    client = ssl.create_default_context()
    ca.configure_trust(client)
    if tls12_ciphers:
        client.maximum_version = ssl.TLSVersion.TLSv1_2
        client.set_ciphers(tls12_ciphers)
    if alpn:
        client.set_alpn_protocols(["h2", "http/1.1"])
    handle = await start_server(HandlerApp(conn_cert), port=0, ssl=ssl_arg)
    try:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", handle.port, ssl=client, server_hostname="localhost"
        )
        chosen = writer.get_extra_info("ssl_object").selected_alpn_protocol()
        body = None
        if request:
            writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            body = json.loads((await reader.read()).partition(b"\r\n\r\n")[2])
        writer.close()
        return chosen, body
    finally:
        await handle.close()


async def test_alpn_offers_http_1_1(ca: trustme.CA, files: dict[str, str]) -> None:
    """A client offering h2 and http/1.1 is told http/1.1 (as Sanic), not left to guess."""
    assert (await handshake(files, ca, alpn=True))[0] == "http/1.1"


async def test_tls12_takes_only_forward_secret_aead_suites(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    """As Sanic: a TLS 1.2 client limited to CBC suites is refused, an AEAD one is served."""
    assert (await handshake(files, ca, tls12_ciphers="ECDHE-ECDSA-AES128-GCM-SHA256"))[0] is None
    with pytest.raises((ssl.SSLError, ConnectionError)):
        await handshake(files, ca, tls12_ciphers="ECDHE-ECDSA-AES128-SHA256")


async def test_conn_info_cert_shows_subject_names_and_files_never_the_password(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    """``conn_info.cert``: the subject's fields, the certificate's names in its order (IP
    addresses too), the extra options, then the files; the key's password is left out."""
    _, body = await handshake({**files, "password": None, "label": "x"}, ca, request=True)
    assert list(body) == [
        "organizationName", "organizationalUnitName", "label", "names", "cert", "key"
    ]
    assert body["names"] == ["localhost", "site.test", "127.0.0.1"]
    assert (body["cert"], body["key"], body["label"]) == (files["cert"], files["key"], "x")


async def test_conn_info_cert_with_names_given_has_no_subject(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    _, body = await handshake({**files, "names": ["other.test"]}, ca, request=True)
    assert body == {"names": ["other.test"], **files}


def test_a_context_given_is_served_as_is(files: dict[str, str]) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    assert load_ssl(context) is context
    assert not hasattr(load_ssl(context), "sanic")
