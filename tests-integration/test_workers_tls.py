"""TLS with worker processes: certificate files, folders and ``auto_tls`` reach every
worker; an ``ssl.SSLContext`` (which cannot be sent to a spawned worker) gets a message.

Each test runs its own server subprocess on a free loopback port, stopped by its PID.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest
import trustme
from helpers import free_port, running

APP = """
import os, ssl, sys
from sanic import Sanic
from hurtle_http.response import json

app = Sanic("Tls")

@app.get("/")
async def index(request):
    cert = request.conn_info.cert
    return json({{"scheme": request.scheme, "pid": os.getpid(),
                 "cert": {{k: cert.get(k) for k in ("creator", "localhost")}}}})

if __name__ == "__main__":
    {setup}
    app.run(host="127.0.0.1", port={port}, workers=2, motd=False, {kwargs})
"""


def write_app(tmp_path: Path, port: int, kwargs: str, setup: str = "pass") -> Path:
    script = tmp_path / "tls_app.py"
    script.write_text(textwrap.dedent(APP).format(port=port, kwargs=kwargs, setup=setup))
    return script


def issue(tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
    """A certbot-style folder (fullchain.pem, privkey.pem) and a client that trusts it."""
    authority = trustme.CA()
    leaf = authority.issue_cert("localhost", "127.0.0.1")
    folder = tmp_path / "certs"
    folder.mkdir()
    leaf.private_key_pem.write_to_path(str(folder / "privkey.pem"))
    leaf.cert_chain_pems[0].write_to_path(str(folder / "fullchain.pem"))
    client = ssl.create_default_context()
    authority.configure_trust(client)
    return folder, client


def pids_over_tls(port: int, verify: ssl.SSLContext, want: int = 2) -> set[int]:
    """Ask on fresh connections until ``want`` workers answered (at most 20 s)."""
    pids: set[int] = set()
    deadline = time.monotonic() + 20
    with httpx.Client(verify=verify, timeout=10,
                      limits=httpx.Limits(max_keepalive_connections=0)) as client:
        while len(pids) < want and time.monotonic() < deadline:
            body = client.get(f"https://127.0.0.1:{port}/").json()
            assert body["scheme"] == "https"
            pids.add(body["pid"])
            time.sleep(0.02)
    return pids


def test_certificate_folder_serves_tls_from_every_worker(tmp_path) -> None:
    folder, client = issue(tmp_path)
    port = free_port()
    script = write_app(tmp_path, port, f"ssl={str(folder)!r}")
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        pids = pids_over_tls(port, client)
    assert len(pids) == 2 and proc.pid not in pids


def test_auto_tls_in_debug_makes_a_local_certificate_with_trustme(tmp_path) -> None:
    # auto_tls hands the workers a {"cert": ..., "key": ...} dict of files.
    port = free_port()
    key, cert = tmp_path / "local" / "key.pem", tmp_path / "local" / "cert.pem"
    setup = (f"app.config.LOCAL_CERT_CREATOR = 'trustme'; "
             f"app.config.LOCAL_TLS_KEY = {str(key)!r}; "
             f"app.config.LOCAL_TLS_CERT = {str(cert)!r}")
    script = write_app(tmp_path, port, "debug=True, auto_tls=True", setup)
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        # The certificate file carries its CA, so a client can trust exactly that file.
        pids = pids_over_tls(port, ssl.create_default_context(cafile=str(cert)))
        first_cert = cert.read_bytes()
        verify = ssl.create_default_context(cafile=str(cert))
        info = httpx.get(f"https://127.0.0.1:{port}/", verify=verify, timeout=10).json()
    assert len(pids) == 2
    # conn_info.cert names the creator and the local host name, as Sanic's does.
    assert info["cert"] == {"creator": "trustme", "localhost": "localhost"}
    # Started again, the server reuses the certificate it made (clients keep trusting it).
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        assert pids_over_tls(port, ssl.create_default_context(cafile=str(cert)), want=1)
    assert cert.read_bytes() == first_cert


def run_to_exit(script: Path, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script)], cwd=script.parent,
                          capture_output=True, text=True, timeout=timeout)


def test_auto_tls_in_production_and_a_bare_ssl_context_are_refused_with_the_fix(
    tmp_path,
) -> None:
    script = write_app(tmp_path, free_port(), "auto_tls=True")
    production = run_to_exit(script)
    assert production.returncode == 1
    assert "dev=True or debug=True" in production.stderr
    folder, _ = issue(tmp_path)
    setup = ("ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH); "
             f"ctx.load_cert_chain({str(folder / 'fullchain.pem')!r}, "
             f"{str(folder / 'privkey.pem')!r})")
    script = write_app(tmp_path, free_port(), "ssl=ctx", setup)
    bare = run_to_exit(script)
    assert bare.returncode == 1
    assert "cannot be sent to worker processes" in bare.stderr
    assert "single_process=True" in bare.stderr


def trusting_any_name(authority: trustme.CA) -> ssl.SSLContext:
    """A client that trusts ``authority`` for whatever name its certificate is for."""
    verify = ssl.create_default_context()
    authority.configure_trust(verify)
    verify.check_hostname = False
    return verify


def served_name(port: int, verify: ssl.SSLContext, name: str) -> str:
    """The first DNS name of the certificate the server shows a client asking for ``name``."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        with verify.wrap_socket(raw, server_hostname=name) as tls:
            cert = tls.getpeercert()
    return next(value for kind, value in cert["subjectAltName"] if kind == "DNS")


def test_several_certificates_chosen_by_sni_in_workers_with_strict_host(tmp_path) -> None:
    authority = trustme.CA()
    folders = []
    for label, hosts in (("a", ["localhost"]), ("b", ["example.test"])):
        leaf = authority.issue_cert(*hosts)
        folder = tmp_path / label
        folder.mkdir()
        leaf.private_key_pem.write_to_path(str(folder / "privkey.pem"))
        leaf.cert_chain_pems[0].write_to_path(str(folder / "fullchain.pem"))
        folders.append(str(folder))
    verify = trusting_any_name(authority)
    port = free_port()
    script = write_app(tmp_path, port, f"ssl={[None, *folders]!r}")
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        names = [served_name(port, verify, n) for n in ("localhost", "example.test")]
        with pytest.raises(ssl.SSLError):
            served_name(port, verify, "unknown.test")
    assert names == ["localhost", "example.test"]


def test_a_list_of_bare_contexts_is_refused_before_the_banner(tmp_path) -> None:
    # As Sanic: no SNI name can select any of them, so app.run refuses the list when it
    # prepares (exit 1, one ValueError), not after announcing an https server.
    folder, _ = issue(tmp_path)
    setup = (f"ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH); "
             f"ctx.load_cert_chain({str(folder / 'fullchain.pem')!r}, "
             f"{str(folder / 'privkey.pem')!r})")
    script = tmp_path / "tls_app.py"
    script.write_text(textwrap.dedent(APP).format(port=free_port(), setup=setup, kwargs="")
                      .replace("workers=2, motd=False,", "single_process=True,")
                      .replace(" )", " ssl=[ctx, ctx])"))
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert "ValueError: No certificates with SubjectAlternativeNames found." in done.stderr
    assert "Goin' Fast" not in done.stdout + done.stderr


def test_the_names_given_in_an_ssl_dict_choose_its_certificate_in_workers(tmp_path) -> None:
    # As Sanic: {"cert", "key", "names": [...]} is served to the clients asking for those
    # names, not for the names written in the certificate.
    authority = trustme.CA()
    entries = []
    for label, host, names in (("a", "localhost", ["only.test"]),
                               ("b", "example.test", ["*.example.test"])):
        leaf = authority.issue_cert(host)
        leaf.private_key_pem.write_to_path(str(tmp_path / f"{label}.key"))
        leaf.cert_chain_pems[0].write_to_path(str(tmp_path / f"{label}.pem"))
        entries.append({"cert": str(tmp_path / f"{label}.pem"),
                        "key": str(tmp_path / f"{label}.key"), "names": names})
    verify = trusting_any_name(authority)
    port = free_port()
    script = write_app(tmp_path, port, f"ssl={entries!r}")
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        served = {n: served_name(port, verify, n)
                  for n in ("only.test", "www.example.test", "example.test")}
    assert served == {"only.test": "localhost", "www.example.test": "example.test",
                      "example.test": "localhost"}


@pytest.mark.parametrize("given", ["[]", "()"])
def test_an_empty_ssl_list_is_refused_before_the_banner(tmp_path, given: str) -> None:
    # As Sanic: a list (or tuple) of no certificates selects nothing; it is refused when
    # app.run prepares (exit 1, one ValueError), not in a worker after the https banner.
    done = run_to_exit(write_app(tmp_path, free_port(), f"ssl={given}"))
    assert done.returncode == 1
    assert "ValueError: No certificates with SubjectAlternativeNames found." in done.stderr
    assert "Goin' Fast" not in done.stdout + done.stderr
    assert "Not all workers" not in done.stdout + done.stderr
