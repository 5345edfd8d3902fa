"""Static files: files and folders, traversal refused, ranges, index, directory view."""

from __future__ import annotations

import re
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


async def test_a_path_missing_when_declared_is_a_folder(app: Sanic, call, tmp_path: Path) -> None:
    # As Sanic: only an existing file is served as one file; a folder made after the
    # route was declared (a build step's output) has its files served.
    app.static("/assets", tmp_path / "dist", name="assets")
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "app.js").write_text("js")
    sent = await call("GET", "/assets/app.js")
    assert (sent.status, sent.text) == (200, "js")
    assert [r.path for r in app.router.routes] == ["assets/<__file_uri__:path>"]


async def test_stream_large_files_that_is_no_size_is_refused_when_declared(
    app: Sanic, call, site: Path
) -> None:
    # Sanic takes it and answers a 500 to every request for the file.
    with pytest.raises(ValueError, match=r"stream_large_files is True, False or a size .*'x'"):
        app.static("/f", site / "a.txt", stream_large_files="x")
    app.static("/g", site / "a.txt", stream_large_files="4")  # a size as text is one
    assert (await call("GET", "/g")).text == "hello world\n"


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


async def test_a_path_leaving_the_root_is_logged_as_sanic_logs_it(
    app: Sanic, call, site: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app.static("/s", site)
    with caplog.at_level("ERROR", logger="sanic.error"):
        assert (await call("GET", "/s/%2e%2e/secret.txt")).status == 404
        assert (await call("GET", "/s/nope.txt")).status == 404  # merely missing: quiet
    assert [r.getMessage() for r in caplog.records if r.name == "sanic.error"] == [
        f"File not found: path={site}, relative_url=%2e%2e/secret.txt"
    ]


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
    assert "<h1>/v/</h1>" in sent.text


async def test_the_listing_of_a_root_static_route_is_titled_slash(
    app: Sanic, call, site: Path
) -> None:
    # What `sanic ./folder --simple` shows at "/": its heading was "//".
    app.static("/", site, directory_view=True)
    sent = await call("GET", "/")
    heading = sent.text.partition("<table>")[0]
    assert sent.status == 200
    assert heading.endswith("<h1>/</h1>")
    sub = await call("GET", "/d/")
    assert "<h1>/d/</h1>" in sub.text


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


async def test_an_unknown_range_unit_is_ignored(app: Sanic, call, site: Path) -> None:
    # RFC 9110 14.2: MUST ignore it (Sanic answers 416); see test_static_conditional.py.
    app.static("/r", site, use_content_range=True)
    sent = await call("GET", "/r/a.txt", headers={"range": "pages=1-2"})
    assert (sent.status, sent.text) == (200, "hello world\n")


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


@pytest.mark.parametrize(
    "target", ["/s/nope/../a.txt", "/s/d/../a.txt", "/s/d/..%2Fa.txt", "/s/d/%2E%2E/a.txt"]
)
async def test_a_dot_dot_segment_is_404_even_back_into_the_root(
    app: Sanic, call, site: Path, target: str
) -> None:
    # As Sanic: a ".." segment is refused, also one that would lead back inside.
    app.static("/s", site)
    assert (await call("GET", target)).status == 404


async def test_a_name_with_dots_is_not_a_dot_dot_segment(app: Sanic, call, site: Path) -> None:
    (site / "v..1").mkdir()
    (site / "v..1" / "f.txt").write_text("dots")
    app.static("/s", site)
    assert (await call("GET", "/s/v..1/f.txt")).text == "dots"


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


def test_static_files_and_file_responses_read_ranges_with_one_handler() -> None:
    """``sanic.handlers.ContentRangeHandler`` (what ``app.static`` uses) is the HTTP core's,
    so ``file(..., _range=...)`` in an app without the framework reads a Range the same way."""
    from hurtle_app import ContentRangeHandler
    from hurtle_http.response import ContentRangeHandler as CoreContentRangeHandler

    assert ContentRangeHandler is CoreContentRangeHandler


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


@pytest.mark.parametrize("ranges", [False, True])
@pytest.mark.parametrize("stream", [False, 4])
async def test_head_carries_the_fields_a_get_would(
    app: Sanic, call, site: Path, ranges: bool, stream: bool | int
) -> None:
    # RFC 9110 9.3.2: a HEAD answer SHOULD carry the header fields of the GET answer (the
    # framing fields aside). Sanic leaves out the GET's Cache-Control, so a cache told
    # by HEAD could reuse the file without asking again.
    app.static("/s", site, use_content_range=ranges, stream_large_files=stream)
    got = await call("GET", "/s/a.txt")
    head = await call("HEAD", "/s/a.txt")
    framing = {"content-length", "transfer-encoding", "connection"}

    def fields(sent) -> dict[str, str]:
        # Date by presence: the two answers may fall on either side of a second.
        return {
            k.lower(): "<date>" if k.lower() == "date" else v
            for k, v in sent.headers.items()
            if k.lower() not in framing
        }

    assert (head.status, head.body) == (200, b"")
    assert fields(head) == fields(got)
    assert ("cache-control" in head.headers) is not stream


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


def test_a_bytes_path_is_a_type_error(app: Sanic, site: Path) -> None:
    with pytest.raises(TypeError, match="must be a path-like object or string"):
        app.static("/b", bytes(site / "a.txt"))


@pytest.mark.parametrize("value", [{}, [], 5])
def test_a_path_of_another_type_is_a_value_error_naming_it(app: Sanic, value: object) -> None:
    message = re.escape(f"Static route must be a valid path, not {value}")
    with pytest.raises(ValueError, match=message):
        app.static("/x", value)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["", None])
def test_a_static_route_without_a_name_is_refused_first(
    app: Sanic, site: Path, name: str | None
) -> None:
    # As Sanic: refused before the other checks (here a bad resource_type), and nothing
    # is registered (without the check, a second one collided as RouteExists).
    with pytest.raises(ValueError, match="Could not generate a name for handler"):
        app.static("/n", site, name=name, resource_type="folder")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Could not generate a name for handler"):
        app.static("/n", site, name=name)  # type: ignore[arg-type]
    app.static("/n", site)  # nothing was registered at /n: no RouteExists


def test_resource_type_must_agree_with_the_path(app: Sanic, site: Path) -> None:
    with pytest.raises(TypeError, match="improperly identified as file"):
        app.static("/f", site, resource_type="file")
    with pytest.raises(TypeError, match="improperly identified as directory"):
        app.static("/d", site / "a.txt", resource_type="dir")
    with pytest.raises(ValueError, match="should be set to 'file' or 'dir'"):
        app.static("/u", site, resource_type="folder")
    # A folder that does not exist yet may be declared one.
    app.static("/later", site / "later", resource_type="dir", name="later")


async def test_an_empty_resource_type_is_found_out_from_the_path(
    app: Sanic, call, site: Path
) -> None:
    # As Sanic: "" (say, from an unset setting) means "look at the path", like None; it
    # was refused with "should be set to 'file' or 'dir'".
    app.static("/one", site / "a.txt", resource_type="", name="one")
    app.static("/all", site, resource_type="", name="all")
    assert (await call("GET", "/one")).text == "hello world\n"
    assert (await call("GET", "/all/a.txt")).text == "hello world\n"


def test_a_directory_handler_excludes_view_and_index(app: Sanic, site: Path) -> None:
    from hurtle_app import DirectoryHandler

    handler = DirectoryHandler("/s", site, directory_view=True)
    for extra in ({"directory_view": True}, {"index": "index.html"}):
        with pytest.raises(ValueError, match="pass these arguments to your DirectoryHandler"):
            app.static("/s", site, directory_handler=handler, **extra)


async def test_a_folder_without_index_raises_an_is_a_directory_error(
    app: Sanic, call, site: Path
) -> None:
    # Still a 404 by default (see the fidelity README), but a handler written for Sanic,
    # where it is an IsADirectoryError, sees one.
    from hurtle_http.response import text

    app.static("/s", site)

    @app.exception(IsADirectoryError)
    async def on_folder(request, exception):
        return text("a folder", status=403)

    sent = await call("GET", "/s/d/")
    assert (sent.status, sent.text) == (403, "a folder")


async def test_a_folder_without_index_is_still_404_unhandled(app: Sanic, call, site: Path) -> None:
    from hurtle_http.exceptions import FileNotFound

    app.static("/s", site)
    caught = []

    @app.exception(FileNotFound)
    async def on_missing(request, exception):
        caught.append(isinstance(exception, IsADirectoryError))
        raise exception

    assert (await call("GET", "/s/d/")).status == 404
    assert caught == [True]


@pytest.mark.parametrize("options", [{}, {"use_content_range": True}, {"stream_large_files": 4}])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
async def test_a_file_modified_in_the_future_is_sent_as_modified_now(
    app: Sanic, call, site: Path, options: dict, method: str
) -> None:
    """RFC 9110 8.8.2.1: a Last-Modified later than the response MUST be replaced by the
    time of the response (Sanic sends the file's)."""
    import os
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    from hurtle_http.compat import UTC

    future = datetime(2100, 1, 1, tzinfo=UTC).timestamp()
    os.utime(site / "a.txt", (future, future))
    app.static("/s", site, **options)
    before = datetime.now(UTC).replace(microsecond=0)
    sent = await call(method, "/s/a.txt")
    assert sent.status == 200
    assert before <= parsedate_to_datetime(sent.headers["last-modified"]) <= datetime.now(UTC)


async def test_a_folder_without_its_configured_index_is_a_plain_not_found(
    app: Sanic, call, site: Path
) -> None:
    # As Sanic: with index= set, a folder holding none of the index files raises NotFound
    # itself (an exception handler sees that type, not FileNotFound); without index= it
    # stays Hurtle's DirectoryNotServed (Sanic: a 500, README).
    from hurtle_http.exceptions import NotFound
    from hurtle_http.response import text

    app.static("/i", site, index="zz.html")
    app.static("/n", site, name="n")

    @app.exception(NotFound)
    def seen(request, exception):  # type: ignore[no-untyped-def]
        return text(type(exception).__name__, status=404)

    assert (await call("GET", "/i/")).text == "NotFound"
    assert (await call("GET", "/i/d/")).text == "NotFound"
    assert (await call("GET", "/n/d/")).text == "DirectoryNotServed"


def test_a_static_route_handler_is_named_as_sanics(app: Sanic, site: Path) -> None:
    # What an APM agent or a metrics label keyed on the handler's name reads (and code
    # telling static routes from others by it); it was "static".
    app.static("/s", site, name="s")
    app.static("/one", site / "a.txt", name="one")
    names = {route.name: route.handler.__name__ for route in app.router.routes}
    assert names == {
        "TestApp.s": "_static_request_handler",
        "TestApp.one": "_static_request_handler",
    }


async def test_a_file_not_found_names_the_served_folder_as_sanic(
    app: Sanic, call, site: Path
) -> None:
    # What an error handler reads: Sanic's FileNotFound.path is the folder the route
    # serves and relative_url the path asked; it was the file looked for (for a link out
    # of the root, the outside file it leads to).
    (site / "broken").symlink_to(site / "nowhere")
    (site / "out").symlink_to(site.parent / "secret.txt")
    seen = []

    @app.exception(Exception)
    async def record(request, exception):
        from hurtle_http.response import text

        seen.append((type(exception).__name__, exception.path, exception.relative_url))
        return text("handled", status=404)

    app.static("/s", site)
    for name in ("missing.txt", "broken", "out", "%2e%2e/secret.txt"):
        await call("GET", f"/s/{name}")
    root = site  # pytest gives tmp_path resolved
    assert seen == [
        ("FileNotFound", root, "missing.txt"),
        ("FileNotFound", root, "broken"),
        ("FileNotFound", root, "out"),
        ("FileNotFound", root, "%2e%2e/secret.txt"),
    ]


async def test_response_middleware_finds_a_static_files_type_in_its_headers(
    app: Sanic, call, site: Path
) -> None:
    # As Sanic: a static answer carries Content-Type among its headers, so middleware
    # reading response.headers (a CSP for HTML, compression for text) sees it; it was
    # only in response.content_type. The client still gets it once.
    (site / "big.bin").write_bytes(b"x" * 50)
    app.static("/s", site)
    app.static("/b", site, stream_large_files=10, use_content_range=True, name="b")
    seen = []

    @app.on_response
    async def look(request, response):
        seen.append(response.headers.get("content-type"))

    sent = [
        await call(m, t)
        for m, t in (("GET", "/s/a.txt"), ("HEAD", "/s/a.txt"), ("GET", "/b/big.bin"))
    ]
    assert seen == ["text/plain; charset=utf-8"] * 2 + ["application/octet-stream"]
    assert [s.headers["content-type"] for s in sent] == seen
