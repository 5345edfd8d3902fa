"""Local development certificates for auto_tls."""

from __future__ import annotations

import ssl
import tempfile
from pathlib import Path

import pytest

from hurtle_worker import local_certs
from hurtle_worker.local_certs import LocalCertError, create_local_cert, select_creator


def test_trustme_certificate_is_usable_by_a_server_and_trusted_by_its_own_file(
    tmp_path: Path,
) -> None:
    files = create_local_cert("TRUSTME", tmp_path / "k" / "key.pem", tmp_path / "c" / "cert.pem")
    assert files == {"cert": str(tmp_path / "c" / "cert.pem"),
                     "key": str(tmp_path / "k" / "key.pem")}
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(files["cert"], files["key"])
    client = ssl.create_default_context(cafile=files["cert"])
    assert client.cert_store_stats()["x509_ca"] >= 1


def test_existing_files_are_reused_and_temp_folder_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the fresh folder goes there
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    key.write_text("kept key")
    cert.write_text("kept cert")
    assert create_local_cert("TRUSTME", key, cert) == {"cert": str(cert), "key": str(key)}
    assert cert.read_text() == "kept cert"
    fresh = create_local_cert("trustme")
    assert Path(fresh["cert"]).is_file() and Path(fresh["key"]).is_file()
    assert Path(fresh["cert"]).parent.name.startswith("hurtle-tls-")
    assert Path(fresh["cert"]).parent.parent == tmp_path


def test_creator_selection_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_certs.shutil, "which", lambda name: None)
    assert select_creator("auto") == "TRUSTME"
    with pytest.raises(LocalCertError, match="^Sanic is attempting to use mkcert .*not on the PATH"):
        select_creator("MKCERT")
    monkeypatch.setattr(local_certs, "_has_trustme", lambda: False)
    with pytest.raises(LocalCertError,
                       match="^Sanic could not find package to create a TLS certificate: .*"
                             "pip install trustme"):
        select_creator("AUTO")
    with pytest.raises(LocalCertError,
                       match="^Sanic is attempting to use trustme .*pip install trustme"):
        select_creator("TRUSTME")
    with pytest.raises(LocalCertError, match="not one of"):
        select_creator("openssl")
    monkeypatch.setattr(local_certs.shutil, "which", lambda name: "/usr/bin/mkcert")
    assert select_creator("AUTO") == "MKCERT"
