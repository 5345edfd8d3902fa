"""``sanic.http.tls.context``: Sanic's names for building TLS server contexts.

Compatibility glue over ``hurtle_http.server.load_ssl`` (one certificate) and
``hurtle_http.sni`` (names in a certificate, SNI matching), for code that builds its
contexts with Sanic's helpers: ``CertSimple(cert, key)``, ``CertSelector([...])``,
``process_to_context(ssl)``.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hurtle_app.log import logger as logger
from hurtle_http import tls as _tls
from hurtle_http.sni import name_matches

#: Forward-secret AEAD suites for TLS 1.2 (TLS 1.3 suites are OpenSSL's defaults).
CIPHERS_TLS12 = list(_tls.CIPHERS_TLS12)


def create_context(
    certfile: str | None = None,
    keyfile: str | None = None,
    password: str | None = None,
    purpose: ssl.Purpose = ssl.Purpose.CLIENT_AUTH,
) -> ssl.SSLContext:
    """A context with TLS 1.2 or newer, modern ciphers and ALPN ``http/1.1``; the chain of
    ``certfile``/``keyfile`` is loaded when both are given."""
    if purpose is ssl.Purpose.CLIENT_AUTH:
        return _tls.server_context(certfile, keyfile, password)
    context = _tls.apply_settings(ssl.create_default_context(purpose=purpose))
    if certfile and keyfile:
        context.load_cert_chain(certfile, keyfile, password)
    return context


class SanicSSLContext(ssl.SSLContext):
    """An ``SSLContext`` that also carries ``sanic``: its files and host names."""

    sanic: dict[str, Any]

    @classmethod
    def create_from_ssl_context(cls, context: ssl.SSLContext) -> SanicSSLContext:
        """Turn ``context`` into this class in place (its settings are kept)."""
        context.__class__ = cls
        return context  # type: ignore[return-value]


class CertSimple(SanicSSLContext):
    """A context for one certificate: ``CertSimple("fullchain.pem", "privkey.pem")``.

    ``password=`` unlocks the key; ``names=`` replaces the host names read from the
    certificate (those a ``CertSelector`` matches the client's SNI against).
    """

    def __new__(cls, cert: str | os.PathLike[str], key: str | os.PathLike[str], **kw: Any) -> Any:
        cert, key = os.fspath(cert), os.fspath(key)
        for label, path in (("certificate", cert), ("private key", key)):
            if not Path(path).is_file():
                raise ValueError(f"TLS {label} not found or permission denied: {path}")
        self = cls.create_from_ssl_context(create_context(cert, key, kw.get("password")))
        self.sanic = _tls.cert_record(cert, key, kw)
        return self

    def __init__(self, cert: Any, key: Any, **kw: Any) -> None:
        """Everything is set up by ``__new__``."""


class CertSelector(ssl.SSLContext):
    """Several certificates on one listener; each handshake gets the one whose names
    match the client's SNI host name (the first one when none does, unless the list
    starts with ``None``: then such handshakes are refused)."""

    sanic_select: list[ssl.SSLContext]
    sanic_fallback: ssl.SSLContext | None

    def __new__(cls, ctxs: Iterable[Any]) -> Any:
        ctxs = list(ctxs)
        contexts = [c for c in (shorthand_to_ctx(ctx) for ctx in ctxs) if c is not None]
        if not any(getattr(c, "sanic", {}).get("names") for c in contexts):
            # As Sanic: a selector none of whose certificates has a name selects nothing.
            raise ValueError("No certificates with SubjectAlternativeNames found.")
        # As Sanic, a selector made by hand (or by process_to_context) logs its names, as
        # an ``ssl=`` list loaded for serving does (sanic.worker.loader).
        vhosts = [name for c in contexts for name in getattr(c, "sanic", {}).get("names", ())]
        logger.info("Certificate vhosts: %s", ", ".join(vhosts))
        self = _tls.apply_settings(super().__new__(cls, ssl.PROTOCOL_TLS_SERVER))
        self.sanic_select = contexts
        self.sanic_fallback = None if ctxs[0] is None else contexts[0]
        self.sni_callback = selector_sni_callback  # type: ignore[assignment]
        return self

    def __init__(self, ctxs: Any) -> None:
        """Everything is set up by ``__new__``."""


def match_hostname(ctx: ssl.SSLContext | CertSelector, hostname: str) -> bool:
    """Whether ``ctx``'s certificate names cover ``hostname`` (RFC 6125 wildcards)."""
    names = {n.lower() for n in getattr(ctx, "sanic", {}).get("names", ())}
    return name_matches(hostname, names)


def find_cert(self: CertSelector, server_name: str) -> ssl.SSLContext:
    """The first context of the selector whose names match ``server_name``, else the
    fallback; a ``ValueError`` saying why when there is none (a strict-host selector)."""
    if server_name:
        found = next((c for c in self.sanic_select if match_hostname(c, server_name)), None)
        if found is not None:
            return found
    if self.sanic_fallback is not None:
        return self.sanic_fallback
    if not server_name:
        raise ValueError("The client provided no SNI to match for certificate.")
    raise ValueError(f"No certificate found matching hostname {server_name!r}")


def selector_sni_callback(
    sslobj: ssl.SSLObject, server_name: str | None, ctx: CertSelector
) -> int | None:
    """Switch the handshake to the certificate for ``server_name`` (or the fallback); a
    TLS alert, with a warning saying why, when a strict-host selector has none."""
    server_name_callback(sslobj, server_name, ctx)
    try:
        sslobj.context = find_cert(ctx, server_name or "")
    except ValueError as e:
        logger.warning(f"Rejecting TLS connection: {e}")
        return ssl.ALERT_DESCRIPTION_UNRECOGNIZED_NAME
    return None


def server_name_callback(
    sslobj: ssl.SSLObject, server_name: str | None, ctx: ssl.SSLContext
) -> None:
    """Remember the SNI host name on the connection (``sslobj.sanic_server_name``)."""
    sslobj.sanic_server_name = server_name  # type: ignore[attr-defined]


def check_cert_dir(p: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The key and certificate files of a certbot-style folder, each readable, or a
    ValueError naming the first that is not."""
    folder = Path(p)
    if folder.is_file():
        # As Sanic: a file given for a folder (`--tls fullchain.pem`, ssl="cert.pem").
        raise ValueError(f"Certificate folder expected but {p} is a file.")
    keyfile, certfile = folder / "privkey.pem", folder / "fullchain.pem"
    for path in (keyfile, certfile):
        if not os.access(path, os.R_OK):
            raise ValueError(f"Certificate not found or permission denied {path}")
    return keyfile, certfile


def load_cert_dir(p: str | os.PathLike[str]) -> ssl.SSLContext:
    """A ``CertSimple`` for a certbot-style folder (``fullchain.pem`` and ``privkey.pem``)."""
    keyfile, certfile = check_cert_dir(p)
    return CertSimple(certfile, keyfile)


def require_cert_and_key(options: dict[str, Any]) -> None:
    """A ``TypeError`` naming the entries an ssl dict lacks, as Sanic raises it (an
    entry given empty is a ``ValueError`` instead)."""
    missing = [
        name
        for name, alias in (("cert", "certfile"), ("key", "keyfile"))
        if name not in options and alias not in options
    ]
    if missing:
        count = (
            "1 required positional argument"
            if len(missing) == 1
            else f"{len(missing)} required positional arguments"
        )
        names = " and ".join(f"'{name}'" for name in missing)
        raise TypeError(f"CertSimple.__new__() missing {count}: {names}")


def shorthand_to_ctx(ctxdef: Any) -> Any:
    """One ``ssl=`` item as a context: a context, a folder path, or a cert/key dict."""
    if ctxdef is None or isinstance(ctxdef, ssl.SSLContext):
        return ctxdef
    if isinstance(ctxdef, str | os.PathLike):
        return load_cert_dir(ctxdef)
    if isinstance(ctxdef, dict):
        options = dict(ctxdef)
        require_cert_and_key(options)
        cert = options.pop("cert", None) or options.pop("certfile", None)
        key = options.pop("key", None) or options.pop("keyfile", None)
        if not cert or not key:
            raise ValueError("SSL dict needs filenames for cert and key.")
        return CertSimple(cert, key, **options)
    raise ValueError(
        f"Invalid ssl argument {type(ctxdef)}. Expecting a list of certdirs, a dict or an "
        "SSLContext."
    )


def process_to_context(ssldef: Any) -> ssl.SSLContext | None:
    """What ``ssl=`` asks for, as a context; a list or tuple becomes a ``CertSelector``."""
    if isinstance(ssldef, list | tuple):
        return CertSelector(ssldef)
    return shorthand_to_ctx(ssldef)


__all__ = [
    "CIPHERS_TLS12",
    "CertSelector",
    "CertSimple",
    "SanicSSLContext",
    "check_cert_dir",
    "create_context",
    "find_cert",
    "load_cert_dir",
    "match_hostname",
    "process_to_context",
    "require_cert_and_key",
    "selector_sni_callback",
    "server_name_callback",
    "shorthand_to_ctx",
]
