"""The Inspector class: its commands reach the manager as the manager's own messages."""

from __future__ import annotations

import json

import pytest

from hurtle_inspector import Inspector


class Pipe:
    """Stands in for the manager's publisher connection and records what is sent."""

    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.sent.append(message)


class Custom(Inspector):
    def hello(self, name: str = "world") -> str:
        return f"hello {name}"


def make(cls: type[Inspector] = Inspector, api_key: str = "") -> tuple[Inspector, Pipe]:
    pipe = Pipe()
    state = {"Sanic-Server-0-0": {"server": True, "pid": 11, "state": "ACKED"}}
    inspector = cls(pipe, {"app": "A", "workers": 1}, state, "127.0.0.1", 6457, api_key, None,
                    None)
    return inspector, pipe


def call(inspector: Inspector, method: str, path: str, body: dict | None = None,
         headers: dict | None = None) -> tuple[int, dict]:
    raw = json.dumps(body).encode() if body is not None else b""
    reply = inspector.service().handle(method, path, headers or {}, raw)
    return reply.status, json.loads(reply.body)


def test_info_reports_app_and_workers() -> None:
    inspector, _ = make()
    status, payload = call(inspector, "GET", "/")
    assert status == 200
    assert payload["result"]["info"] == {"app": "A", "workers": 1}
    assert payload["result"]["workers"]["Sanic-Server-0-0"]["pid"] == 11


def test_scale_reload_and_shutdown_send_manager_messages() -> None:
    inspector, pipe = make()
    assert call(inspector, "POST", "/scale", {"replicas": 4}) == (
        200, {"meta": {"action": "scale"}, "result": "Scaling to 4"})
    call(inspector, "POST", "/reload", {"zero_downtime": True})
    call(inspector, "POST", "/shutdown")
    kinds = [message[0] for message in pipe.sent]
    assert kinds == ["scale", "restart", "terminate"]
    assert pipe.sent[0] == ("scale", 4)
    assert pipe.sent[1][1]["names"] is None  # every worker


def test_scale_refuses_a_bad_count_with_a_message() -> None:
    inspector, pipe = make()
    with pytest.raises(ValueError, match="whole number"):
        inspector.scale("many")
    with pytest.raises(ValueError, match="at least 1"):
        inspector.scale(0)
    assert pipe.sent == []


def test_subclass_methods_become_commands() -> None:
    inspector, _ = make(Custom)
    assert "hello" in inspector.actions()
    assert call(inspector, "POST", "/hello", {"name": "ann"})[1]["result"] == "hello ann"


def test_api_key_is_required_when_set() -> None:
    inspector, pipe = make(api_key="k")
    reply = inspector.service().handle("POST", "/shutdown", {}, b"")
    assert (reply.status, b"Bad API key" in reply.body) == (401, True)
    assert pipe.sent == []
    status, _ = call(inspector, "POST", "/shutdown", headers={"Authorization": "Bearer k"})
    assert status == 200
    assert pipe.sent[0][0] == "terminate"


def test_without_a_manager_commands_say_why() -> None:
    inspector = Inspector(None, {}, {}, "127.0.0.1", 6457, "", None, None)
    with pytest.raises(RuntimeError, match="no connection to a worker manager"):
        inspector.shutdown()


def test_worker_dates_are_iso_8601_in_the_json() -> None:
    from datetime import datetime, timezone

    started = datetime(2026, 12, 5, 5, 29, 16, 578370, tzinfo=timezone.utc)
    state = {"Sanic-Server-0-0": {"server": True, "pid": 11, "start_at": started}}
    inspector = Inspector(Pipe(), {"app": "A"}, state, "127.0.0.1", 6457, "", None, None)
    _, body = call(inspector, "GET", "/")
    sent = body["result"]["workers"]["Sanic-Server-0-0"]["start_at"]
    assert sent == "2026-12-05T05:29:16.578370+00:00"
    assert datetime.fromisoformat(sent) == started


def test_make_safe_turns_worker_state_datetimes_into_iso_text() -> None:
    # Sanic's static helper; sanic-ext's health endpoint answers
    # json(Inspector._make_safe(dict(app.m.workers))).
    from datetime import datetime, timezone
    from types import MappingProxyType

    started = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    workers = {
        "Sanic-Main": {"pid": 1},
        "Sanic-Server-0-0": {"pid": 2, "start_at": started, "server": True},
        "Sanic-Logger-0": MappingProxyType({"start_at": started}),
    }
    safe = Inspector._make_safe(workers)
    assert safe is workers
    assert json.loads(json.dumps(safe)) == {
        "Sanic-Main": {"pid": 1},
        "Sanic-Server-0-0": {"pid": 2, "start_at": "2026-01-02T03:04:05+00:00", "server": True},
        "Sanic-Logger-0": {"start_at": "2026-01-02T03:04:05+00:00"},
    }
    assert "_make_safe" not in Inspector(None, {}, {}, "h", 1, "", None, None).actions()


def test_scaling_is_logged_by_the_inspector(caplog) -> None:
    inspector, _ = make()
    with caplog.at_level("INFO", logger="sanic.root"):
        call(inspector, "POST", "/scale", {"replicas": 3})
    assert [r.getMessage() for r in caplog.records if r.name == "sanic.root"] == ["Scaling to 3"]


def test_only_authorized_commands_are_announced(caplog) -> None:
    # As Sanic: "Incoming inspector action: ..." is logged for a command that will run,
    # not for one refused with 401 (a wrong or missing API key) nor for a POST to no
    # action (Sanic answers 405 or 404 without a word).
    from hurtle_inspector.inspector import announce_action

    inspector, _ = make(api_key="k")
    service = inspector.service()
    with caplog.at_level("INFO", logger="sanic.root"):
        announce_action(service, "POST", "/reload", {})
        announce_action(service, "POST", "/scale", {"Authorization": "Bearer wrong"})
        announce_action(service, "GET", "/", {"Authorization": "Bearer k"})
        announce_action(service, "POST", "/", {"Authorization": "Bearer k"})  # a 405
        announce_action(service, "POST", "/a/b", {"Authorization": "Bearer k"})  # a 404
        announce_action(service, "POST", "/shutdown", {"Authorization": "Bearer k"})
    assert [r.getMessage() for r in caplog.records if r.name == "sanic.root"] == [
        "Incoming inspector action: shutdown"]


def test_private_state_to_json_gives_worker_datetimes_as_iso_text() -> None:
    # Sanic's name for the state, which custom inspectors (subclasses) call
    from datetime import datetime

    now = datetime(2026, 1, 2, 3, 4, 5)
    worker_state = {"Test": {"now": now, "nested": {"foo": now}}}
    inspector = Inspector(None, {"app": "hello"}, worker_state, "h", 1, "", None, None)
    assert inspector._state_to_json() == {
        "info": {"app": "hello"},
        "workers": {"Test": {"now": now.isoformat(), "nested": {"foo": now.isoformat()}}},
    }
    assert worker_state["Test"]["now"] is now  # the live state is left as it is
    assert "_state_to_json" not in inspector.actions()


def test_a_taken_port_fails_before_the_inspector_says_it_starts(caplog) -> None:
    # Sanic's inspector says "Starting worker" once it has its socket; Hurtle's said it
    # first, so a taken INSPECTOR_PORT logged a start followed by the bind error.
    import logging
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        inspector = Inspector(Pipe(), {}, {}, "127.0.0.1", taken.getsockname()[1], "", None,
                              None)
        with caplog.at_level(logging.INFO, logger="sanic.root"), pytest.raises(OSError):
            inspector.serve()
    finally:
        taken.close()
    assert "Starting worker" not in caplog.text


@pytest.mark.parametrize("cert, key", [("missing.pem", "key.pem"), ("cert.pem", "")])
def test_a_bad_tls_setting_fails_before_the_inspector_says_it_starts(
        caplog, tmp_path, cert: str, key: str) -> None:
    # INSPECTOR_TLS_CERT naming a missing file, or INSPECTOR_TLS_KEY left empty: Sanic's
    # inspector fails with the TLS error alone; Hurtle's said "Starting worker" first.
    import logging

    (tmp_path / "cert.pem").write_text("not read")
    (tmp_path / "key.pem").write_text("not read")
    inspector = Inspector(Pipe(), {}, {}, "127.0.0.1", 0, "", str(tmp_path / key) if key else "",
                          str(tmp_path / cert))
    with caplog.at_level(logging.INFO, logger="sanic.root"), pytest.raises(
            (OSError, ValueError)):
        inspector.serve()
    assert "Starting worker" not in caplog.text



def test_an_empty_host_is_served_and_named_as_loopback(monkeypatch) -> None:
    # INSPECTOR_HOST = "": both bind 127.0.0.1; Hurtle's log said "Serving on :PORT"
    # (the server was given the empty host to name).
    import hurtle_inspector.inspector as module

    served: dict = {}

    def fake_serve(handler, host, port, **kwargs) -> None:
        served.update(host=host, bound=kwargs["sock"].getsockname()[0])
        kwargs["sock"].close()

    monkeypatch.setattr(module, "serve", fake_serve)
    Inspector(Pipe(), {}, {}, "", 0, "", None, None).serve()
    assert served == {"host": "127.0.0.1", "bound": "127.0.0.1"}
