"""Names Sanic 25.12 exposes that a plugin or an app can use: the text error page's layout
(``TextRenderer.OUTPUT_TEXT``/``SPACER``), the directory listing's ``DirectoryPage`` and
``FileInfo``, the renderers' ``dumps``, ``OptionalDispatchEvent.SYNC_SIGNAL_NAMESPACES``."""

from __future__ import annotations

import typing
from pathlib import Path

from hurtle_app import Sanic
from hurtle_app.errorpages import BaseRenderer, TextRenderer, dumps
from hurtle_app.static import DirectoryPage, FileInfo
from hurtle_app.touchup import OptionalDispatchEvent
from hurtle_http.exceptions import SanicException

from .test_errorpages import make_request


class Framed(TextRenderer):
    OUTPUT_TEXT = "[{title}]|{bar}|{text}|{body}<END>"
    SPACER = ">>"


def _chained() -> SanicException:
    try:
        try:
            raise ValueError("inner")
        except ValueError as exc:
            raise SanicException("outer", status_code=418, context={"k": 1}) from exc
    except SanicException as exc:
        return exc


def test_text_renderer_layout_values_are_sanics() -> None:
    assert TextRenderer.OUTPUT_TEXT == "{title}\n{bar}\n{text}\n\n{body}"
    assert TextRenderer.SPACER == "  "


def test_a_subclass_layout_and_spacer_shape_the_minimal_page() -> None:
    # What Sanic 25.12 renders for the same subclass, exception and request.
    page = Framed(make_request(), _chained(), False).minimal().body.decode()
    assert page == "[⚠️ 418 — I'm a teapot]|=====================|outer|\nContext\n>>>>k: 1<END>"


def test_a_subclass_spacer_indents_the_full_page() -> None:
    # Rendered while the exception is handled, as the framework does (the full page traces
    # what is being handled).
    exc = _chained()
    try:
        raise exc
    except SanicException:
        page = Framed(make_request(), exc, True).full().body.decode()
    assert page.startswith("[⚠️ 418 — I'm a teapot]|=====================|outer|SanicException")
    assert "\n>>ValueError: inner\n>>>>File " in page
    assert "\n>>SanicException: outer\n>>>>File " in page
    assert page.endswith("\n\nContext\n>>>>k: 1<END>")


def test_the_renderers_dumps_is_public() -> None:
    assert dumps is BaseRenderer.dumps
    assert dumps({"a": "/x", "b": [1, 2]}) == '{"a":"/x","b":[1,2]}'


def test_file_info_is_a_typed_dict_of_four_strings() -> None:
    assert typing.is_typeddict(FileInfo)
    assert typing.get_type_hints(FileInfo) == dict.fromkeys(
        ("icon", "file_name", "file_access", "file_size"), str
    )
    assert FileInfo.__required_keys__ == frozenset(typing.get_type_hints(FileInfo))


def test_directory_page_renders_the_files_given() -> None:
    files = [
        FileInfo(icon="📁", file_name="sub/", file_access="2024-01-02 03:04:05", file_size=""),
        FileInfo(icon="📄", file_name="a&b.txt", file_access="2024-01-02 03:04:05", file_size="6"),
    ]
    page = DirectoryPage(files, "/files/", False)
    assert (page.files, page.url, page.debug) == (files, "/files/", False)
    out = page.render()
    assert isinstance(out, str)
    assert "<title>Directory Viewer</title>" in out and "<h1>/files/</h1>" in out
    assert '<a href="sub/">sub/</a>' in out
    assert '<a href="a%26b.txt">a&amp;b.txt</a>' in out
    assert out.index("sub/") < out.index("a&amp;b.txt")
    assert "2024-01-02 03:04:05" in out and "📁" in out and "📄" in out


async def test_the_directory_listing_is_a_directory_page(
    app: Sanic, call, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "a.txt").write_text("hello")
    (tmp_path / "sub").mkdir()
    monkeypatch.setattr(DirectoryPage, "TITLE", "Files here")
    app.static("/v", tmp_path, directory_view=True)
    sent = await call("GET", "/v/")
    assert sent.status == 200
    assert "<title>Files here</title><h1>/v/</h1>" in sent.text
    assert '📁 <a href="sub/">sub/</a>' in sent.text
    assert '📄 <a href="a.txt">a.txt</a>' in sent.text


def test_optional_dispatch_event_names_its_namespace() -> None:
    assert OptionalDispatchEvent.SYNC_SIGNAL_NAMESPACES == "http."
