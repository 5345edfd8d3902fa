"""The event loop a single-process server runs on.

Python 3.14 deprecates asyncio's event loop policies: ``get_event_loop_policy()`` and
``set_event_loop_policy()`` warn there. A server still runs on uvloop (when installed and
``USE_UVLOOP`` is True or left at its default) without touching them, so ``python -W error`` serves.
"""

from __future__ import annotations

import asyncio
import threading
import warnings

import pytest
import uvloop

from hurtle_app import Sanic
from hurtle_app.serving import SingleProcessRunner, wants_uvloop
from hurtle_http import server
from hurtle_http.response import text


def _policies_deprecated(monkeypatch: pytest.MonkeyPatch) -> None:
    # What Python 3.14 does, on any Python: each use of the policy API warns. The test
    # starts from asyncio's default policy (an earlier test may have installed uvloop's).
    monkeypatch.setattr(asyncio.events, "_event_loop_policy", None)

    def deprecated(*args: object) -> None:
        warnings.warn("asyncio's event loop policies are deprecated", DeprecationWarning,
                      stacklevel=2)

    monkeypatch.setattr(server, "POLICIES_DEPRECATED", True, raising=False)
    monkeypatch.setattr(asyncio, "get_event_loop_policy", deprecated)
    monkeypatch.setattr(asyncio, "set_event_loop_policy", deprecated)


def _serve_once(app: Sanic) -> tuple[list[type], list[BaseException]]:
    runner = SingleProcessRunner(app)
    loops: list[type] = []

    @app.after_server_start
    async def record(app: Sanic) -> None:
        loops.append(type(asyncio.get_running_loop()))
        runner.stop()

    failures: list[BaseException] = []

    def serve() -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", DeprecationWarning)
                runner.run("127.0.0.1", 0, register_sys_signals=False)
        except BaseException as exc:  # reported below
            failures.append(exc)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "the server did not stop"
    return loops, failures


def test_a_server_runs_on_uvloop_without_the_deprecated_loop_policies(monkeypatch) -> None:
    # On Python 3.14 app.run(single_process=True) under -W error::DeprecationWarning
    # raised "'asyncio.get_event_loop_policy' is deprecated" before serving.
    _policies_deprecated(monkeypatch)
    app = Sanic("LoopPolicy")
    app.get("/")(lambda request: text("hi"))
    loops, failures = _serve_once(app)
    assert failures == []
    assert loops == [uvloop.Loop]


def test_use_uvloop_false_still_runs_on_asyncios_loop(monkeypatch) -> None:
    _policies_deprecated(monkeypatch)
    app = Sanic("LoopNoUvloop")
    app.config.USE_UVLOOP = False
    app.get("/")(lambda request: text("hi"))
    loops, failures = _serve_once(app)
    assert failures == []
    assert len(loops) == 1 and not issubclass(loops[0], uvloop.Loop)


# As Sanic 25.12 (app.run, its workers and main process, its test client): uvloop only for
# the default and for True itself; every other value, truthy or not, means asyncio's loop
# (1, "yes", "" and None included, and SANIC_USE_UVLOOP=1, which the config reads as 1).
@pytest.mark.parametrize(
    ("setting", "on_uvloop"),
    [(True, True), (False, False), (0, False), (1, False), (None, False),
     ("false", False), ("yes", False), ("", False)],
)
def test_only_true_or_the_default_use_uvloop_runs_on_uvloop(monkeypatch, setting,
                                                            on_uvloop) -> None:
    _policies_deprecated(monkeypatch)
    app = Sanic("LoopSetting")
    app.config.USE_UVLOOP = setting
    app.get("/")(lambda request: text("hi"))
    loops, failures = _serve_once(app)
    assert failures == []
    assert len(loops) == 1 and issubclass(loops[0], uvloop.Loop) is on_uvloop


@pytest.mark.parametrize(
    ("env", "on_uvloop"),
    [("true", True), ("yes", True), ("false", False), ("0", False), ("1", False),
     ("other", False)],
)
def test_sanic_use_uvloop_from_the_environment(monkeypatch, env, on_uvloop) -> None:
    monkeypatch.setenv("SANIC_USE_UVLOOP", env)
    app = Sanic("LoopSettingEnv")
    assert wants_uvloop(app.config) is on_uvloop


def test_an_app_without_the_setting_wants_uvloop() -> None:
    assert wants_uvloop({}) is True
    assert wants_uvloop(Sanic("LoopSettingDefault").config) is True
