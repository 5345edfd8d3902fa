"""Static files: files and folders, traversal refused, ranges, index, directory view."""

from __future__ import annotations

from pathlib import Path

import pytest

from hurtle_app import Sanic


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("hello world\n")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "index.html").write_text("<p>i</p>\n")
    (tmp_path.parent / "secret.txt").write_text("secret")
    return tmp_path


async def test_folder_serves_its_files(app: Sanic, call, site: Path) -> None:
    app.static("/s", site)
    sent = await call("GET", "/s/a.txt")
    assert (sent.status, sent.text) == (200, "hello world\n")
    assert sent.headers["content-type"].startswith("text/plain")


async def test_single_file(app: Sanic, call, site: Path) -> None:
    app.static("/the_best.txt", site / "a.txt", name="best")
    assert (await call("GET", "/the_best.txt")).text == "hello world\n"


@pytest.mark.parametrize(
    "target", ["/s/../secret.txt", "/s/%2e%2e/secret.txt", "/s/d/../../secret.txt", "/s/nope.txt"]
)
async def test_outside_the_root_or_missing_is_404(
    app: Sanic, call, site: Path, target: str
) -> None:
    app.static("/s", site)
    sent = await call("GET", target)
    assert sent.status == 404
    assert "secret" not in sent.text


async def test_folder_without_index_is_404(app: Sanic, call, site: Path) -> None:
    app.static("/s", site)
    assert (await call("GET", "/s/d/")).status == 404


async def test_index_file_is_served_for_a_folder(app: Sanic, call, site: Path) -> None:
    app.static("/i", site, index="index.html")
    assert (await call("GET", "/i/d/")).text == "<p>i</p>\n"


async def test_directory_view_lists_files(app: Sanic, call, site: Path) -> None:
    app.static("/v", site, directory_view=True)
    sent = await call("GET", "/v/")
    assert sent.status == 200
    assert "a.txt" in sent.text and "d/" in sent.text


async def test_directory_view_of_a_subfolder_redirects_to_its_slash_form(
    app: Sanic, call, site: Path
) -> None:
    # The listing's links are relative, so a folder is listed only at its "/" URL (as Sanic).
    (site / "d" / "index.html").unlink()
    app.static("/v", site, directory_view=True)
    sent = await call("GET", "/v/d?x=1")
    assert (sent.status, sent.headers["location"]) == (302, "/v/d/")
    assert (await call("GET", "/v/d/")).status == 200


async def test_a_subfolder_with_an_index_is_served_without_a_redirect(
    app: Sanic, call, site: Path
) -> None:
    app.static("/v", site, directory_view=True, index="index.html")
    sent = await call("GET", "/v/d")
    assert (sent.status, sent.text) == (200, "<p>i</p>\n")


async def test_content_range(app: Sanic, call, site: Path) -> None:
    app.static("/r", site, use_content_range=True)
    sent = await call("GET", "/r/a.txt", headers={"range": "bytes=0-4"})
    assert (sent.status, sent.text) == (206, "hello")
    assert sent.headers["content-range"] == "bytes 0-4/12"


async def test_bad_range_unit_is_416(app: Sanic, call, site: Path) -> None:
    app.static("/r", site, use_content_range=True)
    sent = await call("GET", "/r/a.txt", headers={"range": "pages=1-2"})
    assert sent.status == 416


async def test_if_modified_since_gives_304(app: Sanic, call, site: Path) -> None:
    app.static("/s", site)
    first = await call("GET", "/s/a.txt")
    again = await call(
        "GET", "/s/a.txt", headers={"if-modified-since": first.headers["last-modified"]}
    )
    assert again.status == 304


async def test_large_files_are_streamed(app: Sanic, call, site: Path) -> None:
    app.static("/big", site, stream_large_files=5)
    sent = await call("GET", "/big/a.txt")
    assert sent.text == "hello world\n"
    assert "content-length" not in sent.headers


async def test_head_gives_type_and_date_without_a_body(app: Sanic, call, site: Path) -> None:
    app.static("/s", site)
    sent = await call("HEAD", "/s/a.txt")
    assert sent.status == 200
    assert sent.headers["content-type"] == "text/plain; charset=utf-8"
    assert "last-modified" in sent.headers
    assert sent.body == b""


async def test_a_streamed_file_is_labelled_and_validated_like_a_read_one(
    app: Sanic, call, site: Path
) -> None:
    # Sanic: Last-Modified, a text type with its charset, and 304 for If-Modified-Since.
    app.static("/s", site, stream_large_files=4)
    sent = await call("GET", "/s/a.txt")
    assert (sent.status, sent.text) == (200, "hello world\n")
    assert sent.headers["content-type"] == "text/plain; charset=utf-8"
    assert "last-modified" in sent.headers
    later = await call(
        "GET", "/s/a.txt", headers={"if-modified-since": "Thu, 01 Jan 2099 00:00:00 GMT"}
    )
    assert (later.status, later.body) == (304, b"")


async def test_a_dot_dot_through_a_missing_folder_is_404(app: Sanic, call, site: Path) -> None:
    # As the file system resolves it (and Sanic): "nope/.." needs a folder "nope".
    app.static("/s", site)
    assert (await call("GET", "/s/nope/../a.txt")).status == 404
    assert (await call("GET", "/s/d/../a.txt")).text == "hello world\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("bytes=0-1,4-5", "'1,4-5' is invalid for Content Range"),
        ("bytes=a-3", "'a' is invalid for Content Range"),
        ("bytes=3-a", "'a' is invalid for Content Range"),
        ("bytes=5-2", "Invalid for Content Range parameters"),
        ("bytes=-0", "Invalid for Content Range parameters"),
        ("bytes=11-", "Invalid for Content Range parameters"),
    ],
)
def test_a_bad_range_is_416_with_sanics_message(value: str, message: str) -> None:
    # The message names the part that is not a number, as Sanic's does.
    from types import SimpleNamespace

    from hurtle_app import ContentRangeHandler
    from hurtle_http.exceptions import RangeNotSatisfiable

    request = SimpleNamespace(headers={"range": value})
    with pytest.raises(RangeNotSatisfiable) as caught:
        ContentRangeHandler(request, SimpleNamespace(st_size=11))
    assert (caught.value.status_code, str(caught.value)) == (416, message)
    assert caught.value.headers["Content-Range"] == "bytes */11"


@pytest.mark.parametrize("ranges", [False, True])
async def test_head_states_the_length_a_get_would_send(
    app: Sanic, call, site: Path, ranges: bool
) -> None:
    # RFC 9110 8.6: a HEAD answer's Content-Length MUST be the GET's (Sanic sends 0
    # unless use_content_range is on; with it, the size and Accept-Ranges as here).
    app.static("/s", site, use_content_range=ranges)
    sent = await call("HEAD", "/s/a.txt")
    assert (sent.status, sent.body) == (200, b"")
    assert sent.headers["content-length"] == "12"
    assert ("accept-ranges" in sent.headers) is ranges


async def test_a_streamed_file_with_ranges_on_states_its_length(
    app: Sanic, call, site: Path
) -> None:
    app.static("/s", site, stream_large_files=4, use_content_range=True)
    sent = await call("GET", "/s/a.txt")
    assert (sent.text, sent.headers["content-length"]) == ("hello world\n", "12")
    assert "transfer-encoding" not in sent.headers
    part = await call("GET", "/s/a.txt", headers={"range": "bytes=0-4"})
    assert (part.status, part.text, part.headers["content-range"]) == (206, "hello", "bytes 0-4/12")


@pytest.mark.parametrize("method", ["GET", "HEAD"])
async def test_static_types_as_sanic(app: Sanic, call, site: Path, method: str) -> None:
    # A name without a known type is application/octet-stream (file() says text/plain),
    # and a configured text type gets the UTF-8 charset like a guessed one.
    (site / "noext").write_text("x")
    app.static("/s", site)
    app.static("/typed", site, content_type="text/x-forced", name="typed")
    plain = await call(method, "/s/noext")
    assert plain.headers["content-type"] == "application/octet-stream"
    typed = await call(method, "/typed/a.txt")
    assert typed.headers["content-type"] == "text/x-forced; charset=utf-8"
