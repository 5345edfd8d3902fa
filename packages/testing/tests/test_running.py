"""Plumbing of the socket clients: sync runner, test mode, sockets, option splitting."""

from __future__ import annotations

import asyncio
import socket
import threading

import httpx
import pytest

from sanic_testing.client import SanicTestClient
from sanic_testing.running import (
    LoopRunner,
    bind_free_socket,
    cookies_as_header,
    enable_test_mode,
    format_host,
    run_sync,
    split_client_options,
)


async def _answer() -> int:
    await asyncio.sleep(0)
    return 42


def test_run_sync_without_a_running_loop() -> None:
    assert run_sync(_answer) == 42


async def test_run_sync_inside_a_running_loop_uses_a_helper_thread() -> None:
    assert run_sync(_answer) == 42


async def test_loop_runner_inside_a_running_loop() -> None:
    runner = LoopRunner()
    try:
        assert runner.run(_answer()) == 42
        assert runner.loop is not asyncio.get_running_loop()
    finally:
        runner.close()
    assert runner.loop.is_closed()


def test_loop_runner_leaves_a_given_loop_open() -> None:
    loop = asyncio.new_event_loop()
    try:
        runner = LoopRunner(loop)
        assert runner.run(_answer()) == 42
        runner.close()
        assert not loop.is_closed()
    finally:
        loop.close()


def test_enable_test_mode_sets_the_declaring_class() -> None:
    class Base:
        test_mode = False

    class Child(Base):
        pass

    enable_test_mode(Child())
    assert Base.test_mode is True
    assert "test_mode" not in vars(Child)


def test_format_host_brackets_ipv6() -> None:
    assert format_host("::1") == "[::1]"
    assert format_host("[::1]") == "[::1]"
    assert format_host("127.0.0.1") == "127.0.0.1"


def test_bind_free_socket_picks_a_port() -> None:
    sock = bind_free_socket("127.0.0.1", None)
    try:
        assert sock.getsockname()[1] > 0
        assert sock.family == socket.AF_INET
    finally:
        sock.close()


def test_bind_free_socket_reports_an_unbindable_address() -> None:
    with pytest.raises(OSError):
        bind_free_socket("256.0.0.1", None)


def test_split_client_options() -> None:
    kwargs = {"verify": False, "http2": False, "params": {"a": "1"}, "json": {}}
    assert split_client_options(kwargs) == {"verify": False, "http2": False}
    assert kwargs == {"params": {"a": "1"}, "json": {}}


URL = "http://127.0.0.1:8000/path"


def test_cookies_become_a_cookie_header() -> None:
    kwargs = {"cookies": {"a": "1", "b": "2"}, "headers": {"x": "y"}}
    cookies_as_header(kwargs, URL)
    assert kwargs["cookies"] == {}  # (httpx still sees cookies=, and warns as it does)
    headers = kwargs["headers"]
    assert isinstance(headers, httpx.Headers)
    assert headers["cookie"] == "a=1; b=2"
    assert headers["x"] == "y"
    untouched = {"params": {}}
    cookies_as_header(untouched, URL)
    assert untouched == {"params": {}}


def test_a_cookie_header_given_wins_over_cookies() -> None:
    # as httpx's cookie jar: the cookies are not added to an explicit Cookie header
    kwargs = {"cookies": {"a": "1"}, "headers": {"Cookie": "z=0"}}
    cookies_as_header(kwargs, URL)
    assert httpx.Headers(kwargs["headers"])["cookie"] == "z=0"


def test_a_none_cookie_is_sent_as_its_bare_name() -> None:
    # sanic-session users pass response.cookies.get(name), None when no cookie was set
    kwargs = {"cookies": {"a": None, "b": "x"}}
    cookies_as_header(kwargs, URL)
    assert kwargs["headers"]["cookie"] == "a; b=x"


def test_a_cookie_value_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(TypeError):  # (the message is the standard library's, per Python)
        cookies_as_header({"cookies": {"a": 1}}, URL)


def _response_cookies(*set_cookies: str) -> httpx.Cookies:
    headers = [("set-cookie", value) for value in set_cookies]
    return httpx.Response(200, headers=headers, request=httpx.Request("GET", URL)).cookies


def test_a_secure_cookie_goes_over_https_only() -> None:
    cookies = _response_cookies("plain=1; Path=/", "safe=2; Secure; Path=/")
    over_http = {"cookies": cookies}
    cookies_as_header(over_http, URL)
    assert over_http["headers"]["cookie"] == "plain=1"
    over_https = {"cookies": cookies}
    cookies_as_header(over_https, "https://127.0.0.1:8000/path")
    assert over_https["headers"]["cookie"] == "plain=1; safe=2"


def test_a_cookie_for_another_path_is_not_sent() -> None:
    kwargs = {"cookies": _response_cookies("here=1; Path=/path", "there=2; Path=/other")}
    cookies_as_header(kwargs, URL)
    assert kwargs["headers"]["cookie"] == "here=1"
    nothing = {"cookies": _response_cookies("there=2; Path=/other"), "headers": {"x": "y"}}
    cookies_as_header(nothing, URL)
    assert "cookie" not in httpx.Headers(nothing["headers"])


def test_the_thread_keeps_a_current_loop_after_a_sync_request(app) -> None:
    # As Sanic's test client: once a request returns, asyncio.get_event_loop() still answers
    # (the closed loop the server ran on) instead of raising "no current event loop".
    SanicTestClient(app).get("/")
    loop = asyncio.get_event_loop()
    assert loop.is_closed()
    assert not loop.is_running()


def test_run_sync_leaves_its_closed_loop_current() -> None:
    seen: list[asyncio.AbstractEventLoop] = []

    async def remember() -> None:
        seen.append(asyncio.get_running_loop())

    run_sync(remember)
    assert asyncio.get_event_loop() is seen[0]
    assert seen[0].is_closed()


def test_sync_client_runs_the_app_on_uvloop(app, reply) -> None:
    # As Sanic's test client, which runs the app as app.run does (uvloop when installed).
    uvloop = pytest.importorskip("uvloop")
    seen: list[asyncio.AbstractEventLoop] = []

    async def which_loop(request):
        seen.append(asyncio.get_running_loop())
        await reply(request, "ok")

    app.add_route(which_loop, "/which-loop")
    _, response = SanicTestClient(app).get("/which-loop")
    assert response.status == 200
    assert isinstance(seen[0], uvloop.Loop)



@pytest.mark.parametrize("setting", [1, 0, None, "false"])
def test_sync_client_runs_on_asyncios_loop_unless_use_uvloop_is_true(app, reply, monkeypatch,
                                                                     setting) -> None:
    # As Sanic's test client (and app.run): a USE_UVLOOP other than True or the default,
    # truthy or not, means asyncio's loop. An earlier test may have installed uvloop's
    # policy, which would make asyncio's new loops uvloop's: start from asyncio's.
    uvloop = pytest.importorskip("uvloop")
    monkeypatch.setattr(asyncio.events, "_event_loop_policy", None)
    app.config.USE_UVLOOP = setting
    seen: list[asyncio.AbstractEventLoop] = []

    async def which_loop(request):
        seen.append(asyncio.get_running_loop())
        await reply(request, "ok")

    app.add_route(which_loop, "/which-loop")
    _, response = SanicTestClient(app).get("/which-loop")
    assert response.status == 200
    assert not isinstance(seen[0], uvloop.Loop)

def test_sync_client_answers_while_the_monotonic_clock_is_frozen(app, monkeypatch) -> None:
    # Time-freezing tools (freezegun) patch time.monotonic; on Sanic a test request still
    # completes then, since the server's loop keeps its own clock.
    pytest.importorskip("uvloop")
    import time

    results: list[int] = []

    def request() -> None:
        results.append(SanicTestClient(app).get("/")[1].status)

    frozen = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: frozen)
    worker = threading.Thread(target=request, daemon=True)
    worker.start()
    worker.join(20)  # threading keeps its own reference to the real clock
    monkeypatch.undo()
    assert results == [200]

