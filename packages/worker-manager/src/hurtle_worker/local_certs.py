"""Local development TLS certificates (``auto_tls``): made once, in the main process.

The files are written to disk (not kept as an ``SSLContext``) so that every worker
process, started with ``spawn``, can load them: a context cannot be pickled.

Creators, as Sanic names them (``LOCAL_CERT_CREATOR``): ``MKCERT`` runs the ``mkcert``
tool (its local CA is trusted by the machine's browsers), ``TRUSTME`` uses the ``trustme``
package (a throwaway CA that only clients told about it trust), ``AUTO`` takes mkcert when
it is on the PATH, else trustme.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: The names a local certificate is valid for.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class LocalCertError(RuntimeError):
    """No local certificate could be made (no creator installed, or it failed)."""


def _has_trustme() -> bool:
    return importlib.util.find_spec("trustme") is not None


def select_creator(creator: str = "AUTO") -> str:
    """``MKCERT`` or ``TRUSTME``: the creator to use, or an error saying what to install."""
    wanted = str(getattr(creator, "value", creator) or "AUTO").upper()
    if wanted not in ("AUTO", "MKCERT", "TRUSTME"):
        raise LocalCertError(
            f"LOCAL_CERT_CREATOR={creator!r} is not one of AUTO, MKCERT or TRUSTME."
        )
    mkcert = shutil.which("mkcert") is not None
    trustme = _has_trustme()
    if wanted == "MKCERT" and not mkcert:
        raise LocalCertError(
            "Sanic is attempting to use mkcert to generate local TLS certificates, but the "
            "mkcert tool is not on the PATH: install it "
            "(https://github.com/FiloSottile/mkcert), set LOCAL_CERT_CREATOR to TRUSTME "
            "(pip install trustme), or pass your own certificate with ssl=..."
        )
    if wanted == "TRUSTME" and not trustme:
        raise LocalCertError(
            "Sanic is attempting to use trustme to generate local TLS certificates, but "
            "the trustme package is not installed: pip install trustme, set "
            "LOCAL_CERT_CREATOR to MKCERT (https://github.com/FiloSottile/mkcert), or pass "
            "your own certificate with ssl=..."
        )
    if wanted == "AUTO":
        if mkcert:
            return "MKCERT"
        if not trustme:
            raise LocalCertError(
                "Sanic could not find package to create a TLS certificate: install the "
                "mkcert tool (https://github.com/FiloSottile/mkcert) or the trustme package "
                "(pip install trustme), or pass your own certificate with ssl=..."
            )
        return "TRUSTME"
    return wanted


def create_local_cert(
    creator: str = "AUTO",
    key: str | os.PathLike[str] | None = None,
    cert: str | os.PathLike[str] | None = None,
    hosts: Sequence[str] = LOCAL_HOSTS,
) -> dict[str, str]:
    """Make (or reuse) a local certificate; return ``{"cert": path, "key": path}``.

    ``key``/``cert`` are where to keep the files (``LOCAL_TLS_KEY``/``LOCAL_TLS_CERT``);
    when both already exist they are reused. Without them, a fresh temporary folder is used.
    """
    if key is not None and cert is not None:
        key_path, cert_path = Path(key), Path(cert)
        if key_path.is_file() and cert_path.is_file():
            return {"cert": str(cert_path), "key": str(key_path)}
    else:
        folder = Path(tempfile.mkdtemp(prefix="hurtle-tls-"))
        key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.parent.mkdir(parents=True, exist_ok=True)
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    if select_creator(creator) == "MKCERT":
        _mkcert(key_path, cert_path, hosts)
    else:
        _trustme(key_path, cert_path, hosts)
    return {"cert": str(cert_path), "key": str(key_path)}


def _mkcert(key: Path, cert: Path, hosts: Sequence[str]) -> None:
    command = ["mkcert", "-key-file", str(key), "-cert-file", str(cert), *hosts]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", "") or exc
        raise LocalCertError(f"mkcert could not create a certificate: {detail}") from exc


def _trustme(key: Path, cert: Path, hosts: Sequence[str]) -> None:
    import trustme

    authority = trustme.CA()
    issued = authority.issue_cert(*hosts)
    issued.private_key_pem.write_to_path(str(key))
    # The chain (leaf, then the CA) so a client can be pointed at the file itself.
    with cert.open("wb") as out:
        for blob in issued.cert_chain_pems:
            out.write(blob.bytes())
        out.write(authority.cert_pem.bytes())


__all__ = ["LOCAL_HOSTS", "LocalCertError", "create_local_cert", "select_creator"]
