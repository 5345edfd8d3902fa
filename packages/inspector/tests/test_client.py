"""The client speaks the inspector API over real loopback HTTP."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hurtle_inspector.client import InspectorClient, InspectorError
from hurtle_inspector.service import InspectorService


@contextmanager
def serving(service: InspectorService) -> Iterator[int]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            reply = service.handle(self.command, self.path, dict(self.headers), self.rfile.read(length))
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for k, v in reply.headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(reply.body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    with threaded(Handler) as port:
        yield port


@contextmanager
def threaded(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """An HTTP server answering with ``handler`` on a free loopback port, in a thread;
    yields the port, and stops the server after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def service(api_key: str = "") -> InspectorService:
    return InspectorService(
        info=lambda: {"info": {"app": "Demo", "packages": ["a", "b"]},
                      "workers": {"Sanic-Main": {"pid": 7}}},
        actions={"scale": lambda replicas: f"Scaling to {replicas}"},
        api_key=api_key,
    )


def test_info_and_action_round_trip() -> None:
    with serving(service()) as port:
        client = InspectorClient("127.0.0.1", port)
        info = client.info()
        assert info["workers"]["Sanic-Main"]["pid"] == 7
        assert client.do("scale", replicas=2) == "Scaling to 2"


def test_api_key_is_sent_and_wrong_key_is_reported() -> None:
    with serving(service("k")) as port:
        assert InspectorClient("127.0.0.1", port, api_key="k").info()["info"]["app"] == "Demo"
        with pytest.raises(InspectorError, match="401"):
            InspectorClient("127.0.0.1", port, api_key="bad").info()


def test_a_server_that_is_not_an_inspector_is_named_not_a_traceback() -> None:
    # `sanic inspect -p <the app's own port>`: the app answers text, not JSON. Sanic's
    # client (and Hurtle's) ended with a JSONDecodeError traceback.
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *args: object) -> None:
            pass

    with threaded(Handler) as port:
        with pytest.raises(InspectorError, match=r"not as an inspector does \(not JSON\): b'hello'"):
            InspectorClient("127.0.0.1", port, timeout=5).info()


@pytest.mark.parametrize("body", [b"28392", b'{"status":"ok"}', b"[1,2]", b"null"])
def test_a_server_answering_other_json_is_not_taken_for_an_inspector(body: bytes) -> None:
    # `sanic inspect -p <the app's own port>` where the app answers JSON (a number, its
    # own object): the client printed it (or nothing) and exited 0. Sanic's fails (a
    # TypeError traceback, exit 1); this says what answered.
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with threaded(Handler) as port:
        with pytest.raises(InspectorError, match=r"not as an inspector does \(no result\)"):
            InspectorClient("127.0.0.1", port, timeout=5).info()


def test_unreachable_inspector_says_how_to_enable_it() -> None:
    with serving(service()) as port:
        pass  # closed again: nothing listens on port now
    with pytest.raises(InspectorError, match="INSPECTOR=True"):
        InspectorClient("127.0.0.1", port, timeout=2).info()


def test_show_prints_workers_and_raw_prints_json() -> None:
    result = {"info": {"app": "Demo", "packages": ["a", "b"], "extra": {"region": "eu"}},
              "workers": {"W": {"pid": 3}}}
    out = io.StringIO()
    InspectorClient("127.0.0.1", 1).show(result, out)
    assert "app: Demo" in out.getvalue() and "packages: a, b" in out.getvalue()
    assert "region: eu" in out.getvalue() and "extra" not in out.getvalue()
    assert "pid: 3" in out.getvalue()
    raw = io.StringIO()
    InspectorClient("127.0.0.1", 1, raw=True).show(result, raw)
    assert raw.getvalue() == json.dumps(result, separators=(",", ":")) + "\n"  # as Sanic


def test_show_prints_a_message_as_is_and_nothing_for_none() -> None:
    out = io.StringIO()
    client = InspectorClient("127.0.0.1", 1)
    client.show("bar is 99", out)
    client.show(None, out)
    client.show({"ok": True}, out)
    assert out.getvalue() == 'bar is 99\n{"ok":true}\n'
    raw = io.StringIO()
    InspectorClient("127.0.0.1", 1, raw=True).show("bar is 99", raw)
    assert raw.getvalue() == '"bar is 99"\n'


def test_raw_prints_null_for_an_action_that_returns_nothing() -> None:
    # `sanic inspect reload --raw` prints `null` under Sanic (it printed nothing).
    raw = io.StringIO()
    InspectorClient("127.0.0.1", 1, raw=True).show(None, raw)
    assert raw.getvalue() == "null\n"


def test_show_writes_to_the_stdout_of_the_moment(monkeypatch) -> None:
    import sys

    replaced = io.StringIO()
    monkeypatch.setattr(sys, "stdout", replaced)  # as pytest's capsys or a redirect does
    InspectorClient("127.0.0.1", 1).show({"info": {"app": "Now"}, "workers": {}})
    assert "app: Now" in replaced.getvalue()
