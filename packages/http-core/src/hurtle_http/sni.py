"""Several certificates on one listener: choose the one whose names match the client's SNI.

Used for ``ssl=[folder_a, folder_b, ...]`` (``sanic --tls a --tls b``). The first
certificate answers clients that send no server name or an unknown one, unless the list
starts with ``None`` ("strict host", ``--tls-strict-host``): then such handshakes are
refused, each with a warning.
"""

from __future__ import annotations

import logging
import os
import ssl
from collections.abc import Sequence

from hurtle_http.tls import decode_certificate

logger = logging.getLogger("sanic.root")


def cert_vhosts(cert_file: str | os.PathLike[str]) -> list[str]:
    """The names a certificate serves, in its order: subjectAltName DNS names and IP
    addresses (as the TLS library prints them), else the subject's commonName."""
    info = decode_certificate(cert_file)
    names = [value for kind, value in info.get("subjectAltName", ())
             if kind in ("DNS", "IP Address")]
    if not names:
        names = [value for rdn in info.get("subject", ()) for key, value in rdn
                 if key == "commonName"]
    return names


def cert_names(cert_file: str | os.PathLike[str]) -> set[str]:
    """The DNS names (subjectAltName, else the subject's commonName) a PEM certificate is for,
    lower-cased; an empty set when the file cannot be read (it is then only a default)."""
    info = decode_certificate(cert_file)
    names = {value.lower() for kind, value in info.get("subjectAltName", ()) if kind == "DNS"}
    if not names:
        names = {value.lower() for rdn in info.get("subject", ()) for key, value in rdn
                 if key == "commonName"}
    return names


def name_matches(server_name: str, names: set[str]) -> bool:
    """RFC 6125 matching: exact, or ``*.example.com`` for exactly one more label."""
    server_name = server_name.lower().rstrip(".")
    if server_name in names:
        return True
    head, _, rest = server_name.partition(".")
    return bool(head and rest) and f"*.{rest}" in names


def sni_context(entries: Sequence[tuple[ssl.SSLContext, set[str]]], strict: bool = False
                ) -> ssl.SSLContext:
    """One server context that switches to the certificate matching the client's SNI."""
    if not entries:
        raise ValueError("sni_context needs at least one (context, names) entry")
    default = entries[0][0]

    def choose(sslobj: ssl.SSLObject, server_name: str | None, _: ssl.SSLContext) -> int | None:
        sslobj.sanic_server_name = server_name  # type: ignore[attr-defined]  # conn_info
        if server_name:
            for context, names in entries:
                if name_matches(server_name, names):
                    sslobj.context = context
                    return None
        return refuse_server_name(server_name) if strict else None

    default.sni_callback = choose
    return default


def refuse_server_name(server_name: str | None) -> int:
    """Log why a strict-host listener refuses this handshake; the TLS alert to send."""
    # (Sanic's words, which its own selector logs)
    if server_name:
        logger.warning(
            "Rejecting TLS connection: No certificate found matching hostname %r", server_name
        )
    else:
        logger.warning(
            "Rejecting TLS connection: The client provided no SNI to match for certificate."
        )
    return ssl.ALERT_DESCRIPTION_UNRECOGNIZED_NAME


__all__ = [
    "cert_names",
    "cert_vhosts",
    "name_matches",
    "refuse_server_name",
    "sni_context",
]
