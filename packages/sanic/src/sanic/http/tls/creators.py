"""``sanic.http.tls.creators``: local development certificates (``auto_tls``), by Sanic's
names; the work is ``hurtle_worker.local_certs`` (mkcert or trustme)."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

from hurtle_app.spinner import loading as loading
from hurtle_app.state import Mode
from hurtle_http.exceptions import SanicException
from hurtle_http.response.file import Default
from hurtle_worker.local_certs import LocalCertError, create_local_cert, select_creator
from sanic.constants import DEFAULT_LOCAL_TLS_CERT, DEFAULT_LOCAL_TLS_KEY, LocalCertCreator
from sanic.http.tls.context import CertSimple
from sanic.http.tls.context import SanicSSLContext as SanicSSLContext


class CertCreator:
    """Makes (or reuses) a localhost certificate at ``key``/``cert``."""

    NAME = "AUTO"

    def __init__(self, app: Any, key: Any, cert: Any) -> None:
        self.app = app
        self.key = None if key is None or isinstance(key, Default) else Path(key)
        self.cert = None if cert is None or isinstance(cert, Default) else Path(cert)

    def check_supported(self) -> None:
        """Raise ``SanicException`` saying what to install when this creator cannot run."""
        try:
            select_creator(self.NAME)
        except LocalCertError as exc:
            raise SanicException(str(exc)) from None

    def generate_cert(self, localhost: str) -> ssl.SSLContext:
        """A context for a certificate valid for ``localhost`` (and 127.0.0.1, ::1)."""
        hosts = tuple(dict.fromkeys((localhost, "localhost", "127.0.0.1", "::1")))
        try:
            files = create_local_cert(self.NAME, self.key, self.cert, hosts=hosts)
        except LocalCertError as exc:
            raise SanicException(str(exc)) from None
        return CertSimple(files["cert"], files["key"])

    @staticmethod
    def select(
        app: Any, cert_creator: LocalCertCreator | str, local_tls_key: Any, local_tls_cert: Any
    ) -> CertCreator:
        """The creator for ``cert_creator`` (AUTO: mkcert when installed, else trustme)."""
        try:
            name = select_creator(getattr(cert_creator, "value", cert_creator))
        except LocalCertError as exc:
            raise SanicException(str(exc)) from None
        creator = MkcertCreator if name == "MKCERT" else TrustmeCreator
        return creator(app, local_tls_key, local_tls_cert)


class MkcertCreator(CertCreator):
    """Certificates from the ``mkcert`` tool (its CA is trusted by this machine)."""

    NAME = "MKCERT"


class TrustmeCreator(CertCreator):
    """Certificates from the ``trustme`` package (a throwaway CA)."""

    NAME = "TRUSTME"


def get_ssl_context(app: Any, ssl: ssl.SSLContext | None) -> ssl.SSLContext:
    """``ssl`` if given; else, in debug/dev mode only, a local certificate's context."""
    if ssl:
        return ssl
    if app.state.mode is Mode.PRODUCTION:
        raise SanicException(
            "Cannot run Sanic as an HTTPS server in PRODUCTION mode without passing a TLS "
            "certificate. If you are developing locally, run with dev=True (or debug=True) "
            "and a localhost certificate is made for you; otherwise pass ssl=..."
        )
    creator = CertCreator.select(
        app,
        app.config.LOCAL_CERT_CREATOR,
        app.config.LOCAL_TLS_KEY,
        app.config.LOCAL_TLS_CERT,
    )
    creator.check_supported()
    return creator.generate_cert(app.config.LOCALHOST)


__all__ = [
    "DEFAULT_LOCAL_TLS_CERT",
    "DEFAULT_LOCAL_TLS_KEY",
    "CertCreator",
    "LocalCertCreator",
    "MkcertCreator",
    "TrustmeCreator",
    "get_ssl_context",
]
