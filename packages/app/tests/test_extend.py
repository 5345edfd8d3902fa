"""Loading Sanic Extensions: once, only when installed, AUTO_EXTEND respected."""

from __future__ import annotations

import sys
import types
from types import SimpleNamespace
from typing import Any

import pytest

from hurtle_app.extend import INSTALL_HINT, auto_extend, setup_ext

from .conftest import served


class FakeApp:
    def __init__(self, auto: bool = True) -> None:
        self._ext: Any = None
        self.config = SimpleNamespace(AUTO_EXTEND=auto)


@pytest.fixture
def fake_sanic_ext(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    created: list[Any] = []

    class Extend:
        def __init__(self, app: Any, **kwargs: Any) -> None:
            self.app, self.kwargs = app, kwargs
            created.append(self)

    module = types.ModuleType("sanic_ext")
    module.Extend = Extend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sanic_ext", module)
    return created


def test_without_sanic_ext_nothing_happens_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sanic_ext", None)
    app = FakeApp()
    assert setup_ext(app) is None and app._ext is None
    with pytest.raises(RuntimeError, match="pip install sanic-ext"):
        setup_ext(app, fail=True)
    assert "sanic-ext" in INSTALL_HINT


def test_extensions_are_created_once(fake_sanic_ext: list[Any]) -> None:
    app = FakeApp()
    first = setup_ext(app, built_in_extensions=False)
    assert first is app._ext and first.kwargs == {"built_in_extensions": False}
    assert setup_ext(app) is first
    assert len(fake_sanic_ext) == 1


def test_auto_extend_follows_the_setting(fake_sanic_ext: list[Any]) -> None:
    assert auto_extend(FakeApp(auto=False)) is None
    app = FakeApp(auto=True)
    assert auto_extend(app) is app._ext is not None


async def test_routes_added_at_start_up_do_not_list_the_extensions_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sanic-ext's HTTP extension resets the router in a ``before_server_start`` listener,
    adds its automatic routes and finalizes again; the app composes those on its next
    request. As in Sanic, the "Sanic Extensions:" lines are logged once per start, not a
    second time at that first request."""
    import asyncio

    from hurtle_app import Sanic
    from hurtle_http.response import text

    displayed: list[str] = []

    class Extend:
        def __init__(self, app: Any, **kwargs: Any) -> None:
            @app.before_server_start
            def _add_routes(app: Any) -> None:
                app.router.reset()
                app.add_route(lambda request: text("auto"), "/auto", name="auto")
                app.finalize()

        def _display(self) -> None:
            displayed.append("Sanic Extensions:")

    module = types.ModuleType("sanic_ext")
    module.Extend = Extend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sanic_ext", module)
    Sanic._app_registry.clear()
    app = Sanic("ExtOnce", configure_logging=False)

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("index")

    async with served(app) as port:
        answers = []
        for path in ("/", "/auto"):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".encode())
            answers.append(await asyncio.wait_for(reader.read(), timeout=5))
            writer.close()
    assert answers[0].startswith(b"HTTP/1.1 200 ") and answers[0].endswith(b"index")
    assert answers[1].startswith(b"HTTP/1.1 200 ") and answers[1].endswith(b"auto")
    assert displayed == ["Sanic Extensions:"]
