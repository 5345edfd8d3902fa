"""Static files under hostile requests: what a client can put in the path, and what an
untrusted upload folder can hold, never turns into a 500 or an unsafe page."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest

from hurtle_app import Sanic
from hurtle_app.static import is_within


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text("hello\n")
    return root


@pytest.mark.parametrize(
    "target", ["/s/a.txt%00", "/s/a.txt%00.png", "/s/%00", "/s/%00/", "/s/d%00/a.txt"]
)
async def test_a_nul_in_the_path_is_404(app: Sanic, call, site: Path, target: str) -> None:
    # No file name holds a NUL; Sanic lets the ValueError from the OS call become a 500.
    app.static("/s", site)
    app.static("/v", site, directory_view=True, name="v")
    assert (await call("GET", target)).status == 404
    assert (await call("GET", "/v" + target[2:])).status == 404


async def test_a_path_of_thousands_of_segments_is_answered(
    app: Sanic, call, site: Path
) -> None:
    # Whether a resolved path lies under the root is one comparison of its parts: testing
    # each parent took time growing with the square of the depth.
    app.static("/s", site)
    assert (await call("GET", "/s/" + "a/" * 3_000 + "a.txt")).status == 404
    assert (await call("GET", "/s/" + "./" * 3_000 + "a.txt")).text == "hello\n"
    deep = site / ("d/" * 300_000)  # (checking each parent: minutes)
    assert is_within(deep, site) and is_within(site, site)
    assert not is_within(deep, site / "e") and not is_within(site, deep)


@pytest.mark.parametrize("target", ["/s/loop", "/s/loop/x", "/s/ping"])
async def test_a_symlink_loop_is_404(app: Sanic, call, site: Path, target: str) -> None:
    # Sanic answers these with a 500 (the resolver's RuntimeError).
    os.symlink("loop", site / "loop")
    os.symlink("pong", site / "ping")
    os.symlink("ping", site / "pong")
    app.static("/s", site)
    assert (await call("GET", target)).status == 404


async def test_a_listing_links_names_percent_encoded(app: Sanic, call, site: Path) -> None:
    # A file named like a URL scheme would otherwise be a javascript: link in the page.
    (site / "javascript:alert(1)").write_text("x")
    (site / "a#b?.txt").write_text("y")
    (site / '<b>"q".txt').write_text("z")
    app.static("/v", site, directory_view=True)
    page = (await call("GET", "/v/")).text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "javascript%3Aalert%281%29" in hrefs
    assert "a%23b%3F.txt" in hrefs
    assert "%3Cb%3E%22q%22.txt" in hrefs
    assert "<b>" not in page and "&lt;b&gt;&quot;q&quot;.txt" in page
    # Each link leads to its file.
    assert (await call("GET", "/v/javascript%3Aalert%281%29")).text == "x"
    assert (await call("GET", "/v/a%23b%3F.txt")).text == "y"


@pytest.fixture
def latin1_names(site: Path) -> Path:
    """A file and a folder whose names on disk are bytes that are not UTF-8."""
    (Path(os.fsdecode(os.fsencode(site) + b"/\xff\xfe.txt"))).write_bytes(b"bytes")
    os.mkdir(os.fsencode(site) + b"/d\xff")
    return site


async def test_a_name_that_is_not_utf8_is_listed_and_served(
    app: Sanic, call, latin1_names: Path
) -> None:
    # Sanic's listing is a 500 once such a file is in the folder.
    app.static("/v", latin1_names, directory_view=True)
    listing = await call("GET", "/v/")
    assert listing.status == 200
    assert 'href="%FF%FE.txt"' in listing.text and "\ufffd\ufffd.txt" in listing.text
    assert (await call("GET", "/v/%FF%FE.txt")).text == "bytes"
    sub = await call("GET", "/v/d%FF/")
    assert sub.status == 200 and "/v/d\ufffd/" in sub.text


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("//d", "/d/"),
        ("///d", "/d/"),
        ("//d/", "/d/"),
        ("/.//d", "/./d/"),
        ("/d", "/d/"),
        ("//", "/"),
        ("/v//", "/v/"),
    ],
)
async def test_a_listing_redirect_folds_slashes(
    app: Sanic, call, site: Path, target: str, location: str
) -> None:
    # "//d" redirected to "//d/" would send a browser to the host "d" (an open redirect);
    # Sanic folds the slashes too.
    (site / "d").mkdir()
    app.static("/v", site, directory_view=True, name="v")
    app.static("/", site, directory_view=True)
    sent = await call("GET", target)
    assert (sent.status, sent.headers["location"]) == (302, location)
    assert (await call("GET", location)).status == 200


async def test_a_range_under_an_if_range_that_does_not_match_gets_the_whole_file(
    app: Sanic, call, site: Path
) -> None:
    # RFC 9110 13.1.5: a server MUST ignore the Range when the If-Range validator does
    # not match (Sanic answers 206 whatever it says).
    app.static("/r", site, use_content_range=True)
    app.static("/b", site, use_content_range=True, stream_large_files=1, name="b")
    for prefix in ("/r", "/b"):
        whole = await call("GET", f"{prefix}/a.txt")
        modified = whole.headers["last-modified"]
        exact = await call(
            "GET", f"{prefix}/a.txt", headers={"range": "bytes=0-1", "if-range": modified}
        )
        assert (exact.status, exact.body) == (206, b"he")
        for stale in ('"an-etag"', 'W/"x"', "Thu, 01 Jan 1970 00:00:00 GMT", "garbage"):
            sent = await call(
                "GET", f"{prefix}/a.txt", headers={"range": "bytes=0-1", "if-range": stale}
            )
            assert (sent.status, sent.body) == (200, b"hello\n")
            assert "content-range" not in sent.headers


@pytest.mark.parametrize("value", ["bytes=0-0", "bytes=-1", "bytes=0-", "bytes=1-"])
async def test_any_range_of_an_empty_file_is_416(app: Sanic, call, site: Path, value: str) -> None:
    # RFC 9110 14.1.1: no range of an empty representation is satisfiable (Sanic: an
    # empty 206 "bytes 0-0/0" for bytes=0-0, a 500 for bytes=-1).
    (site / "empty.txt").write_bytes(b"")
    app.static("/r", site, use_content_range=True)
    sent = await call("GET", "/r/empty.txt", headers={"range": value})
    assert (sent.status, sent.headers["content-range"]) == (416, "bytes */0")


@pytest.mark.parametrize(
    ("target", "relative_url"),
    [
        ("/s/../x.txt", "../x.txt"),
        ("/s/%2e%2e/x.txt", "%2e%2e/x.txt"),
        ("/s/..%2fx.txt", "..%2fx.txt"),
        ("/s/d/../a.txt", "d/../a.txt"),
        ("/s/out.txt", "out.txt"),  # a symlink out of the root
    ],
)
async def test_a_path_out_of_the_root_is_404_and_logged(
    app: Sanic, call, site: Path, caplog: pytest.LogCaptureFixture, target: str,
    relative_url: str,
) -> None:
    # As Sanic: an error on sanic.error naming the served folder and the path asked for,
    # so attempts to read files beside the served folder show in the log.
    (site.parent / "x.txt").write_text("secret\n")
    (site / "out.txt").symlink_to(site.parent / "x.txt")
    (site / "d").mkdir()
    app.static("/s", site)
    with caplog.at_level("ERROR", logger="sanic.error"):
        assert (await call("GET", target)).status == 404
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("sanic.error", "ERROR", f"File not found: path={site}, relative_url={relative_url}")
    ]


async def test_a_missing_file_is_404_without_an_error_logged(
    app: Sanic, call, site: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app.static("/s", site)
    with caplog.at_level("DEBUG", logger="sanic.error"):
        assert (await call("GET", "/s/nope.txt")).status == 404
        assert (await call("GET", "/s/./a.txt")).status == 200
    assert [r for r in caplog.records if r.name == "sanic.error"] == []


async def test_an_index_file_linking_out_of_the_root_follows_the_symlink_rule(
    app: Sanic, call, site: Path, tmp_path: Path
) -> None:
    # /s/index.html is refused (a symlink out of the root); /s/ served that same file as
    # the folder's index (Sanic serves it whatever the follow flags say).
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET\n")
    (site / "sub").mkdir()
    os.symlink(secret, site / "index.html")
    os.symlink(secret, site / "sub" / "index.html")
    app.static("/s", site, index="index.html")
    app.static("/v", site, index="index.html", directory_view=True, name="v")
    app.static("/up", site, index=["../secret.txt"], name="up")
    app.static("/f", site, index="index.html", follow_external_symlink_files=True, name="f")
    for target in ("/s/", "/s/sub/", "/s/index.html", "/up/"):
        answer = await call("GET", target)
        assert (answer.status, "SECRET" in answer.text) == (404, False), target
    listing = await call("GET", "/v/")
    # the folder is listed instead (without the link, as any link out of the root)
    assert listing.status == 200 and "SECRET" not in listing.text
    assert "a.txt" in listing.text and "index.html" not in listing.text
    # the setting that allows a file link out of the root allows it as an index too
    assert (await call("GET", "/f/")).text == "SECRET\n"
    assert (await call("GET", "/f/sub/")).text == "SECRET\n"


def release(fifo: Path) -> None:
    """Had a reader been left waiting in open() (the bug), a writer opening lets it go, so
    no worker thread stays blocked (and the event loop can close) after the test."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # no reader waiting: nothing to release


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("options", [{}, {"stream_large_files": True, "use_content_range": True}])
async def test_a_fifo_under_the_root_is_404(
    app: Sanic, call, site: Path, method: str, options: dict
) -> None:
    # Opening a named pipe waits for a writer that never comes: the request hung and a
    # worker thread stayed blocked (Sanic does the same). Only regular files are served.
    os.mkfifo(site / "fifo")
    app.static("/s", site, **options)
    try:
        answer = await asyncio.wait_for(call(method, "/s/fifo"), 10)
    finally:
        release(site / "fifo")
    assert answer.status == 404
    assert (await call("GET", "/s/a.txt")).text == "hello\n"


async def test_a_device_behind_a_followed_link_is_404(app: Sanic, call, site: Path) -> None:
    # follow_external_symlink_files lets a link lead out of the root to a file, never to
    # a device (a link to /dev/zero would be read without end).
    os.symlink("/dev/null", site / "null")
    app.static("/s", site, follow_external_symlink_files=True)
    assert (await call("GET", "/s/null")).status == 404
    assert (await call("HEAD", "/s/null")).status == 404
