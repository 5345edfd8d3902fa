"""``DirectoryHandler.handle(request, path)``: what a subclass is given and may pass on."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from hurtle_app import Blueprint, DirectoryHandler, Sanic
from hurtle_http.response import text


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "x.txt").write_text("x")
    (root / "ix").mkdir()
    (root / "ix" / "index.html").write_text("<p>ix</p>")
    (tmp_path / "outside.txt").write_text("secret")
    return root


class Seen(DirectoryHandler):
    async def handle(self, request, path):
        if request.args.get("echo"):
            return text(path)
        if request.args.get("to"):
            return await super().handle(request, request.args.get("to"))
        return await super().handle(request, path)


async def test_a_subclass_is_given_the_request_path(app: Sanic, call, site: Path) -> None:
    # As Sanic: the URL path as requested, so a handler written for Sanic finds the folder
    # the way it expects (it was given the part under the route: "sub/").
    app.static("/dh", site, directory_handler=Seen("/dh", site, directory_view=True))
    assert (await call("GET", "/dh/sub/?echo=1")).text == "/dh/sub/"
    assert (await call("GET", "/dh/?echo=1")).text == "/dh/"


async def test_super_handle_with_the_request_path_lists_and_serves(
    app: Sanic, call, site: Path
) -> None:
    app.static(
        "/dh", site, directory_handler=Seen("/dh", site, directory_view=True, index="index.html")
    )
    listing = await call("GET", "/dh/sub/")
    assert listing.status == 200
    assert "<h1>/dh/sub/</h1>" in listing.text and 'href="x.txt"' in listing.text
    assert (await call("GET", "/dh/ix/")).text == "<p>ix</p>"
    moved = await call("GET", "/dh/sub")
    assert (moved.status, moved.headers["location"]) == (302, "/dh/sub/")


async def test_a_path_a_subclass_sends_out_of_the_root_is_404(app: Sanic, call, site: Path) -> None:
    # Sanic lists the folder a subclass's path leads to, the root's parent included; a
    # listing here never leaves the served root (nor follows a link out of it unasked).
    (site / "out").symlink_to(site.parent, target_is_directory=True)
    app.static("/dh", site, directory_handler=Seen("/dh", site, directory_view=True))
    for to in ("/dh/../", "/dh/%2e%2e/", "/dh/out/", "/dh/sub/x.txt", "/dh/nope/"):
        assert (await call("GET", f"/dh/?to={to}")).status == 404, to
    listed = await call("GET", "/dh/?to=/dh/sub/")
    assert listed.status == 200 and "<h1>/dh/sub/</h1>" in listed.text


async def test_a_blueprint_listing_is_titled_with_its_full_path(
    app: Sanic, call, site: Path
) -> None:
    # Its heading was the path declared on the blueprint ("/v/"); Sanic answers 500.
    bp = Blueprint("bp", url_prefix="/bp")
    bp.static("/v", site, directory_view=True)
    app.blueprint(bp)
    sent = await call("GET", "/bp/v/sub/")
    assert sent.status == 200
    assert "<h1>/bp/v/sub/</h1>" in sent.text


async def test_a_listing_row_gives_name_size_in_bytes_then_date(
    app: Sanic, call, site: Path
) -> None:
    # As Sanic's listing: the columns in that order, the size a plain count of bytes (it
    # read "2,000" before the date).
    (site / "big.bin").write_bytes(b"x" * 2000)
    os.utime(site / "big.bin", (1_700_000_000, 1_700_000_000))
    app.static("/v", site, directory_view=True)
    sent = await call("GET", "/v/")
    assert re.search(r"big\.bin</a></td><td>2000</td><td>2023-11-14 22:13:20</td>", sent.text), (
        sent.text
    )


async def test_a_folders_row_gives_its_own_size_on_disk(app: Sanic, call, site: Path) -> None:
    # As Sanic's listing: a folder's size column shows the folder's own st_size (4096
    # on most Linux file systems); it was empty.
    app.static("/v", site, directory_view=True)
    sent = await call("GET", "/v/")
    size = (site / "sub").stat().st_size
    assert re.search(rf'href="sub/">sub/</a></td><td>{size}</td>', sent.text), sent.text


class NoDotfiles(DirectoryHandler):
    def _iter_files(self, location):
        return (f for f in super()._iter_files(location) if not f["file_name"].startswith("."))


async def test_a_subclass_filters_the_listing_through_iter_files(
    app: Sanic, call, site: Path
) -> None:
    # Sanic's listing takes its rows from _iter_files(location), sorted and filtered by
    # the symlink rules; a subclass written for Sanic hides entries by overriding it (it
    # had no effect here: the hidden files were listed).
    (site / ".env").write_text("SECRET=1")
    (site / "sub" / ".git").mkdir()
    app.static("/v", site, directory_handler=NoDotfiles("/v", site, directory_view=True))
    top = (await call("GET", "/v/")).text
    assert 'href="ix/"' in top and 'href="sub/"' in top and ".env" not in top
    assert "x.txt" in (sub := (await call("GET", "/v/sub/")).text) and ".git" not in sub
    rows = [f["file_name"] for f in DirectoryHandler("/v", site)._iter_files(site)]
    assert rows == ["ix/", "sub/", ".env"]


class Custom(DirectoryHandler):
    def _prepare_file(self, path):
        info = super()._prepare_file(path)
        return None if info is None or info["file_name"].startswith("ix") else info

    def _index(self, location, path, debug):
        if location.name == "sub":
            return text(f"custom {path} {sorted(p.name for p in location.iterdir())}")
        return super()._index(location, path, debug)


async def test_a_subclass_overrides_prepare_file_and_index(app: Sanic, call, site: Path) -> None:
    # Sanic's other listing hooks: _prepare_file(path) gives one row (None leaves it out)
    # and _index(location, path, debug) answers with the listing; overriding them did
    # nothing here.
    app.static("/v", site, directory_handler=Custom("/v", site, directory_view=True))
    top = (await call("GET", "/v/")).text
    assert 'href="sub/"' in top and "ix/" not in top
    assert (await call("GET", "/v/sub/")).text == "custom /v/sub/ ['x.txt']"
    row = DirectoryHandler("/v", site)._prepare_file(site / "sub" / "x.txt")
    assert row is not None and (row["priority"], row["file_name"], row["file_size"]) == (
        0,
        "x.txt",
        1,  # an int, as Sanic's (a subclass may do sums on it)
    )
    assert DirectoryHandler("/v", site)._prepare_file(site / "nope") is None
