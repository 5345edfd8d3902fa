"""What ``ssl=`` accepts, as Sanic: messages for mistakes, SNI over a list of
certificates, and what ``request.conn_info`` says about the TLS connection."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

import pytest
import trustme

from sanic import Sanic
from sanic.http.tls.context import CertSelector, CertSimple
from sanic.response import json
from sanic.worker.loader import CertLoader


@pytest.fixture
def cert_dirs(tmp_path: Path) -> tuple[Path, Path]:
    authority = trustme.CA()
    folders = []
    for name, hosts in (("local", ["localhost", "127.0.0.1"]), ("example", ["example.test"])):
        leaf = authority.issue_cert(*hosts)
        folder = tmp_path / name
        folder.mkdir()
        leaf.private_key_pem.write_to_path(str(folder / "privkey.pem"))
        leaf.cert_chain_pems[0].write_to_path(str(folder / "fullchain.pem"))
        folders.append(folder)
    return folders[0], folders[1]


@pytest.mark.parametrize(
    ("ssl", "message"),
    [
        ({"cert": None, "key": None}, "SSL dict needs filenames for cert and key."),
        (False, "Invalid ssl argument <class 'bool'>"),
        ([None], "No certificates with SubjectAlternativeNames found."),
    ],
)
def test_mistakes_are_value_errors_with_sanics_words(ssl, message) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        CertLoader(ssl).load()


@pytest.mark.parametrize("creator", ["nope", 5, "Trustme"])
def test_an_unknown_certificate_creator_is_refused_when_the_loader_is_made(creator) -> None:
    # As Sanic: RuntimeError from CertLoader(...) itself (it failed in load() on the
    # missing cert and key)
    with pytest.raises(RuntimeError, match=f"^Unknown certificate creator: {creator}$"):
        CertLoader({"creator": creator, "cert": "c.pem", "key": "k.pem"})


def test_a_dict_missing_cert_or_key_is_a_type_error_as_in_sanic() -> None:
    # create_server(ssl={"cert": ...}) goes through CertLoader: Sanic's TypeError.
    with pytest.raises(TypeError) as info:
        CertLoader({"cert": "fullchain.pem"}).load()
    assert str(info.value) == "CertSimple.__new__() missing 1 required positional argument: 'key'"


def test_list_entries_must_be_complete_folders(cert_dirs, tmp_path) -> None:
    local, _ = cert_dirs
    with pytest.raises(ValueError, match="folder expected") as file_given:
        CertLoader([str(local / "fullchain.pem")]).load()
    assert str(local / "fullchain.pem") in str(file_given.value)
    with pytest.raises(ValueError, match="not found") as missing:
        CertLoader([str(tmp_path / "nowhere")]).load()
    assert str(tmp_path / "nowhere" / "privkey.pem") in str(missing.value)



def test_a_file_given_for_the_folder_says_so(cert_dirs) -> None:
    # `sanic app --tls certs/fullchain.pem` (or ssl="certs/fullchain.pem"): Sanic's message
    # names the file; it was "not found ... certs/fullchain.pem/privkey.pem".
    local, _ = cert_dirs
    given = str(local / "fullchain.pem")
    with pytest.raises(ValueError, match="Certificate folder expected but ") as raised:
        Sanic("TlsFileForFolder").prepare(ssl=given, port=0)
    assert str(raised.value) == f"Certificate folder expected but {given} is a file."

def test_a_list_logs_its_vhosts_and_conn_info_reports_the_sni_name(cert_dirs, caplog) -> None:
    local, example = cert_dirs
    app = Sanic("TlsLoaderSni")

    @app.get("/")
    async def index(request):
        info = request.conn_info
        return json({"server_name": info.server_name, "cert": info.cert})

    with caplog.at_level(logging.INFO):
        _, response = app.test_client.get(
            "https://localhost:None/", server_kwargs={"ssl": [str(local), str(example)]}
        )
    assert "Certificate vhosts: localhost, 127.0.0.1, example.test" in caplog.text
    assert response.status == 200
    assert response.json["server_name"] == "localhost"
    assert response.json["cert"]["cert"] == str(local / "fullchain.pem")
    assert "password" not in response.json["cert"]


def test_a_custom_certloader_class_decides_on_tls(cert_dirs) -> None:
    local, _ = cert_dirs

    class FromFolder(CertLoader):
        def load(self, app):
            self._ssl_data = str(local)  # TLS even though the server was given no ssl=
            return super().load(app)

    app = Sanic("TlsLoaderCustom", certloader_class=FromFolder)

    @app.get("/")
    async def index(request):
        return json({"scheme": request.scheme})

    _, response = app.test_client.get("https://localhost:None/")
    assert response.json == {"scheme": "https"}


def served_first_name(context, authority: trustme.CA, name: str | None) -> str:
    """The first DNS name of the certificate ``context`` shows a client asking for ``name``
    (an in-memory handshake)."""
    client = ssl.create_default_context()
    authority.configure_trust(client)
    client.check_hostname = False
    pipes = [ssl.MemoryBIO() for _ in range(4)]
    c = client.wrap_bio(pipes[0], pipes[1], server_hostname=name)
    s = context.wrap_bio(pipes[2], pipes[3], server_side=True)
    for _ in range(10):
        for side in (c, s):
            try:
                side.do_handshake()
            except ssl.SSLWantReadError:
                pass
        pipes[2].write(pipes[1].read())
        pipes[0].write(pipes[3].read())
    return next(v for k, v in c.getpeercert()["subjectAltName"] if k == "DNS")


@pytest.fixture
def signed_dirs(tmp_path: Path) -> tuple[trustme.CA, str, str]:
    authority = trustme.CA()
    folders = []
    for name, host in (("one", "one.test"), ("two", "two.test")):
        leaf = authority.issue_cert(host)
        folder = tmp_path / name
        folder.mkdir()
        leaf.private_key_pem.write_to_path(str(folder / "privkey.pem"))
        leaf.cert_chain_pems[0].write_to_path(str(folder / "fullchain.pem"))
        folders.append(str(folder))
    return authority, folders[0], folders[1]


def test_only_a_leading_none_makes_the_list_strict(signed_dirs) -> None:
    """As Sanic: ``[None, a, b]`` refuses unknown names (what --tls-strict-host passes);
    a None elsewhere is skipped and the first certificate is the default."""
    authority, one, two = signed_dirs
    for lenient in ([one, two, None], (one, None, two)):
        context = CertLoader(lenient).load()
        assert served_first_name(context, authority, "two.test") == "two.test"
        assert served_first_name(context, authority, "unknown.test") == "one.test"
        assert served_first_name(context, authority, None) == "one.test"
    strict = CertLoader([None, one, two]).load()
    assert served_first_name(strict, authority, "two.test") == "two.test"
    for name in ("unknown.test", None):
        with pytest.raises(ssl.SSLError):
            served_first_name(strict, authority, name)


def test_cert_selector_starting_with_none_has_no_fallback(signed_dirs) -> None:
    authority, one, two = signed_dirs
    assert CertSelector([one, None, two]).sanic_fallback is not None
    strict = CertSelector(iter([None, one, two]))
    assert strict.sanic_fallback is None
    assert served_first_name(strict, authority, "two.test") == "two.test"
    with pytest.raises(ssl.SSLError):
        served_first_name(strict, authority, "unknown.test")


def test_cert_simple_and_the_loader_report_the_same_cert_info(signed_dirs) -> None:
    """``conn_info.cert`` is the same whichever helper built the context."""
    _, one, _ = signed_dirs
    files = {"cert": f"{one}/fullchain.pem", "key": f"{one}/privkey.pem"}
    simple = CertSimple(**files).sanic
    assert simple == CertLoader(files).load().sanic
    assert simple["names"] == ["one.test"]
    assert simple["organizationName"].startswith("trustme")


def test_a_cert_simple_in_the_list_is_chosen_by_its_names(signed_dirs, caplog) -> None:
    # As Sanic: a CertSimple made by hand is chosen for its own names (it was only a
    # default: a client asking for them got another certificate) and they are logged; a
    # list none of whose certificates has a name is refused, as Sanic refuses it.
    authority, one, two = signed_dirs
    made = CertSimple(f"{two}/fullchain.pem", f"{two}/privkey.pem")
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        context = CertLoader([one, made]).load()
    assert served_first_name(context, authority, "two.test") == "two.test"
    assert served_first_name(context, authority, "unknown.test") == "one.test"
    assert "Certificate vhosts: one.test, two.test" in caplog.messages
    plain = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    plain.load_cert_chain(f"{one}/fullchain.pem", f"{one}/privkey.pem")
    with pytest.raises(ValueError, match="^No certificates with SubjectAlternativeNames found"):
        CertLoader([plain, plain]).load()


def test_the_names_a_dict_gives_choose_its_certificate(signed_dirs, caplog) -> None:
    """As Sanic: ``names`` in an ``ssl=`` dict replace the certificate's own names when a
    client's SNI picks the certificate (``*.two.test`` matches ``x.two.test``, and
    ``two.test`` itself then gets the default), in the vhosts line and in strict lists."""
    authority, one, two = signed_dirs
    first = {"cert": f"{one}/fullchain.pem", "key": f"{one}/privkey.pem", "names": ["only.test"]}
    second = {"cert": f"{two}/fullchain.pem", "key": f"{two}/privkey.pem", "names": ["*.two.test"]}
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        context = CertLoader([first, second]).load()
    assert "Certificate vhosts: only.test, *.two.test" in caplog.messages
    assert served_first_name(context, authority, "x.two.test") == "two.test"
    assert served_first_name(context, authority, "two.test") == "one.test"
    strict = CertLoader([None, first, second]).load()
    assert served_first_name(strict, authority, "only.test") == "one.test"
    assert served_first_name(strict, authority, "x.two.test") == "two.test"
    for name in ("one.test", "two.test"):
        with pytest.raises(ssl.SSLError):
            served_first_name(strict, authority, name)
