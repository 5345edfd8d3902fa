"""``sanic.worker.inspector.Inspector``: a custom inspector, built and driven as in Sanic."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sanic import Sanic
from sanic.helpers import Default
from sanic.worker.inspector import Inspector
from sanic_testing import TestManager


class FooInspector(Inspector):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: list[int] = []

    async def foo(self, bar: int) -> str:
        self.seen.append(bar)
        return f"bar is {bar}"


@pytest.fixture(autouse=True)
def registry() -> Iterator[None]:
    Sanic.test_mode = True
    yield
    Sanic._app_registry.clear()
    Sanic.test_mode = False


def make(cls: type[Inspector] = Inspector, api_key: str = "") -> Inspector:
    return cls(None, {"app": "Demo"}, {"Sanic-Main": {"pid": 1}}, "localhost", 9999,
               api_key, Default(), Default())


def test_calling_without_run_builds_the_app_and_returns_the_inspector() -> None:
    inspector = make(FooInspector)
    assert not hasattr(inspector, "app")
    assert inspector(False) is inspector
    assert isinstance(inspector.app, Sanic)
    assert inspector.app.name == "Inspector"
    _, response = TestManager(inspector.app).test_client.get("/")
    assert response.status == 200
    assert response.json == {"meta": {"action": "info"},
                             "result": {"info": {"app": "Demo"},
                                        "workers": {"Sanic-Main": {"pid": 1}}}}


def test_a_custom_async_action_is_awaited() -> None:
    inspector = make(FooInspector)(False)
    _, response = TestManager(inspector.app).test_client.post("/foo", json={"bar": 99})
    assert response.status == 200
    assert response.json == {"meta": {"action": "foo"}, "result": "bar is 99"}
    assert inspector.seen == [99]


def test_the_app_asks_for_the_api_key() -> None:
    inspector = make(api_key="super-secret")(False)
    client = TestManager(inspector.app).test_client
    _, response = client.get("/")
    assert response.status == 401
    _, response = client.get("/", headers={"Authorization": "Bearer super-secret"})
    assert response.status == 200


def test_an_app_names_its_inspector_class() -> None:
    # As Sanic: app.inspector_class is the class the inspector is built from, Inspector by
    # default (it was None until a run picked the default).
    class Custom(Inspector):
        pass

    Sanic._app_registry.pop("InspectorClassDefault", None)
    Sanic._app_registry.pop("InspectorClassCustom", None)
    assert Sanic("InspectorClassDefault").inspector_class is Inspector
    assert Sanic("InspectorClassCustom", inspector_class=Custom).inspector_class is Custom


INTERRUPTED_WHILE_STARTING = """
import os, signal
from sanic import runner
from sanic.helpers import Default
from sanic.worker.inspector import Inspector


class Interrupted(Inspector):
    def _build_app(self, service):
        os.kill(os.getpid(), signal.SIGINT)  # the stop comes while the inspector starts
        return super()._build_app(service)


inspector = Interrupted(None, {"app": "Demo"}, {}, "127.0.0.1", 0, "", Default(), Default())
runner._inspector_process(inspector, False)
print("inspector process ended")
"""


def test_an_inspector_stopped_while_starting_ends_without_a_traceback() -> None:
    # A worker failing its start-up stops the run while the inspector's process may still
    # be building its app; the SIGINT it is sent then printed a KeyboardInterrupt
    # traceback ("Process Sanic-Inspector-0: ... KeyboardInterrupt") among the real error.
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", INTERRUPTED_WHILE_STARTING],
                            capture_output=True, text=True, timeout=60)
    assert "KeyboardInterrupt" not in result.stderr, result.stderr
    assert result.returncode == 0
    assert result.stdout.strip() == "inspector process ended"
