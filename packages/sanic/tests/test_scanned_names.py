"""Names found missing by ``tests-integration/fidelity/names_scan.py``, at Sanic's import
paths, with Sanic 25.12's values."""

from __future__ import annotations

import typing


def test_directory_page_and_file_info_from_the_directory_handler_module() -> None:
    from sanic.handlers.directory import DirectoryHandler, DirectoryPage, FileInfo

    assert typing.is_typeddict(FileInfo)
    info = FileInfo(icon="📄", file_name="a.txt", file_access="2024-01-01 00:00:00", file_size="1")
    page = DirectoryPage([info], "/", False).render()
    assert '<a href="a.txt">a.txt</a>' in page
    assert DirectoryHandler.__module__ == DirectoryPage.__module__


def test_text_renderer_layout_from_sanic_errorpages() -> None:
    from sanic.errorpages import TextRenderer, dumps
    from sanic.handlers.error import TextRenderer as Same

    assert Same is TextRenderer
    assert (TextRenderer.OUTPUT_TEXT, TextRenderer.SPACER) == (
        "{title}\n{bar}\n{text}\n\n{body}",
        "  ",
    )
    assert dumps([1, "é"]) == '[1,"\\u00e9"]'


def test_no_http3_and_the_cookie_patterns() -> None:
    from sanic.cookies.request import COOKIE_NAME_RESERVED_CHARS, OCTAL_PATTERN, QUOTE_PATTERN
    from sanic.server.runners import HTTP3_AVAILABLE

    assert HTTP3_AVAILABLE is False
    assert OCTAL_PATTERN.pattern == r"\\[0-3][0-7][0-7]"
    assert QUOTE_PATTERN.pattern == r"[\\]."
    assert COOKIE_NAME_RESERVED_CHARS.search("a=b") and not COOKIE_NAME_RESERVED_CHARS.search("ab")


def test_sync_signal_namespaces() -> None:
    from sanic.touchup.schemes.ode import OptionalDispatchEvent

    assert OptionalDispatchEvent.SYNC_SIGNAL_NAMESPACES == "http."


def test_star_imports_bring_them_as_sanics_modules_without___all__() -> None:
    scope: dict[str, object] = {}
    exec("from sanic.handlers.directory import *", scope)
    exec("from sanic.cookies.request import *", scope)
    exec("from sanic.server.runners import *", scope)
    exec("from sanic.errorpages import *", scope)
    names = {"DirectoryPage", "FileInfo", "OCTAL_PATTERN", "QUOTE_PATTERN", "HTTP3_AVAILABLE"}
    assert names | {"COOKIE_NAME_RESERVED_CHARS", "dumps"} <= set(scope)


def test_process_to_context_is_the_tls_one_everywhere() -> None:
    # Sanic binds one function under three modules; its parameter is ``ssldef``. The loader
    # and the startup mixin gave another function (parameter ``ssl``, no list support).
    import ssl

    from sanic.http.tls.context import process_to_context
    from sanic.mixins.startup import process_to_context as in_startup
    from sanic.worker.loader import process_to_context as in_loader

    assert in_loader is process_to_context and in_startup is process_to_context
    context = ssl.create_default_context()
    assert in_loader(ssldef=context) is context
    assert in_loader(ssldef=None) is None


def test_websocket_fail_and_end_connection_at_sanics_path() -> None:
    import inspect

    from sanic.server.websockets.impl import WebsocketImplProtocol

    fail = inspect.signature(WebsocketImplProtocol.fail_connection).parameters
    end = inspect.signature(WebsocketImplProtocol.end_connection).parameters
    assert [(p.name, p.default) for p in list(fail.values())[1:]] == [
        ("code", 1006),
        ("reason", ""),
    ]
    assert [(p.name, p.default) for p in list(end.values())[1:]] == [("code", 1000), ("reason", "")]
    assert not inspect.iscoroutinefunction(WebsocketImplProtocol.fail_connection)
