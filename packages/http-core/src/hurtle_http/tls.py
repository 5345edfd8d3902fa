"""Server TLS contexts as Sanic sets them up, and what ``request.conn_info.cert`` shows.

``server_context`` gives TLS 1.2 or newer, forward-secret AEAD suites only for TLS 1.2
(TLS 1.3 suites are OpenSSL's, all AEAD), and ALPN ``http/1.1``. ``cert_record`` is the
dict kept on the context as ``context.sanic`` (Sanic's attribute), which every connection
served with that certificate reports as ``conn_info.cert``.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from typing import Any

#: Forward-secret AEAD suites for TLS 1.2 (CBC and static-RSA suites are refused).
CIPHERS_TLS12 = (
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES128-GCM-SHA256",
)

#: Keys of an ``ssl=`` dict that name the files; they are not repeated in ``cert_record``.
FILE_KEYS = frozenset({"cert", "key", "certfile", "keyfile", "password"})


def apply_settings(context: ssl.SSLContext) -> ssl.SSLContext:
    """Sanic's protocol settings on ``context``: TLS 1.2 or newer, the suites of
    ``CIPHERS_TLS12`` for TLS 1.2, and ALPN ``http/1.1``; returns ``context``."""
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(":".join(CIPHERS_TLS12))
    context.set_alpn_protocols(["http/1.1"])
    return context


def server_context(
    cert: str | os.PathLike[str] | None = None,
    key: str | os.PathLike[str] | None = None,
    password: str | bytes | None = None,
) -> ssl.SSLContext:
    """A server context with Sanic's settings; the chain ``cert``/``key`` is loaded when
    both are given (``password`` unlocks an encrypted key)."""
    context = apply_settings(ssl.create_default_context(ssl.Purpose.CLIENT_AUTH))
    context.sni_callback = remember_server_name
    if cert and key:
        context.load_cert_chain(os.fspath(cert), os.fspath(key), password)
    return context


def remember_server_name(sslobj: Any, server_name: str | None, _: Any) -> None:
    """SNI callback: keep the name the client asked for (``conn_info.server_name``)."""
    sslobj.sanic_server_name = server_name


def decode_certificate(cert: str | os.PathLike[str]) -> dict[str, Any]:
    """A PEM certificate as the interpreter's TLS module decodes it (``subject``,
    ``subjectAltName``...); {} when it cannot be read."""
    decode = getattr(getattr(ssl, "_ssl", None), "_test_decode_cert", None)
    if decode is None:  # pragma: no cover - every CPython since 3.3 has it
        return {}
    try:
        return decode(os.fspath(cert))
    except (OSError, ssl.SSLError, ValueError):
        return {}


def certificate_subject(info: Mapping[str, Any]) -> dict[str, Any]:
    """The subject fields of a decoded certificate (``commonName``, ``organizationName``...)."""
    return {name: value for rdn in info.get("subject", ()) for name, value in rdn}


def certificate_names(info: Mapping[str, Any]) -> list[str]:
    """The host names a decoded certificate serves, in its order: subjectAltName DNS names
    and IP addresses, else the subject's commonName."""
    names = [value for kind, value in info.get("subjectAltName", ())
             if kind in ("DNS", "IP Address")]
    return names or [v for k, v in certificate_subject(info).items() if k == "commonName"]


def cert_record(
    cert: str | os.PathLike[str], key: str | os.PathLike[str],
    options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What ``conn_info.cert`` shows for this certificate, in Sanic's layout: the subject's
    fields, the other ``ssl=`` options, ``names`` (given, or read from the certificate),
    then the ``cert`` and ``key`` paths. Options given with ``names`` replace the subject.
    The key's password is never shown."""
    extra = {k: v for k, v in (options or {}).items() if k not in FILE_KEYS}
    record: dict[str, Any] = {}
    if "names" not in extra:
        info = decode_certificate(cert)
        record.update(certificate_subject(info))
        record.update(extra)
        record["names"] = certificate_names(info)
    else:
        record.update(extra)
    record["cert"] = os.fspath(cert)
    record["key"] = os.fspath(key)
    return record


__all__ = [
    "CIPHERS_TLS12",
    "apply_settings",
    "cert_record",
    "certificate_names",
    "certificate_subject",
    "decode_certificate",
    "remember_server_name",
    "server_context",
]
