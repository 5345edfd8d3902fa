"""WorkerMultiplexer: the messages a worker sends and the state it reads."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator
from typing import Any

import pytest

from hurtle_worker import WorkerMultiplexer


@pytest.fixture
def pipe() -> Iterator[tuple[Any, Any]]:
    reader, writer = multiprocessing.Pipe(duplex=False)
    yield reader, writer
    reader.close()
    writer.close()


@pytest.fixture
def named(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SANIC_WORKER_NAME", "Sanic-Server-0-0")
    return "Sanic-Server-0-0"


def test_identity_comes_from_the_environment(pipe, named) -> None:
    m = WorkerMultiplexer(pipe[1], {})
    assert m.name == named
    assert m.pid == os.getpid()


def test_the_worker_logs_its_own_ack(pipe, named, caplog: pytest.LogCaptureFixture) -> None:
    """As Sanic 25.12: "Process ack" is a DEBUG line of the worker (its log prefix says
    which worker), not of the main process."""
    m = WorkerMultiplexer(pipe[1], {})
    with caplog.at_level(logging.DEBUG, logger="sanic.root"):
        m.ack()
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("sanic.root", logging.DEBUG, f"Process ack: {named} [{os.getpid()}]")
    ]


def test_ack_and_restart_messages(pipe, named) -> None:
    reader, writer = pipe
    m = WorkerMultiplexer(writer, {})
    m.ack()
    m.restart()
    m.restart(zero_downtime=True)
    m.reload(all_workers=True)
    m.restart("Sanic-Other-0")
    # As Sanic: a restart asked for here tells the new process no file changed
    # (app.config.RELOADED_FILES is "").
    none = {"reloaded_files": ""}
    assert [reader.recv() for _ in range(5)] == [
        ("ack", named, os.getpid()),
        ("restart", {"names": [named], "order": "SHUTDOWN_FIRST", "kwargs": none}),
        ("restart", {"names": [named], "order": "STARTUP_FIRST", "kwargs": none}),
        ("restart", {"names": None, "order": "SHUTDOWN_FIRST", "kwargs": none}),
        ("restart", {"names": ["Sanic-Other-0"], "order": "SHUTDOWN_FIRST", "kwargs": none}),
    ]


def test_restart_names_several_processes_separated_by_commas(pipe, named) -> None:
    # As Sanic: app.m.restart("Sanic-A-0, Sanic-Server-0-0") restarts both.
    reader, writer = pipe
    WorkerMultiplexer(writer, {}).restart("Sanic-A-0, Sanic-Server-0-0,")
    assert reader.recv() == (
        "restart", {"names": ["Sanic-A-0", "Sanic-Server-0-0"], "order": "SHUTDOWN_FIRST",
                    "kwargs": {"reloaded_files": ""}})


def test_scale_terminate_and_manage_messages(pipe, named) -> None:
    reader, writer = pipe
    m = WorkerMultiplexer(writer, {})
    m.scale(3)
    m.terminate()
    m.manage("Job", print, {"x": 1})
    assert reader.recv() == ("scale", 3)
    assert reader.recv() == ("terminate", {"early": False})
    kind, options = reader.recv()
    assert kind == "manage" and options["name"] == "Job" and options["kwargs"] == {"x": 1}


def test_retire_names_this_process(pipe, named) -> None:
    reader, writer = pipe
    m = WorkerMultiplexer(writer, {})
    m.retire()
    assert reader.recv() == ("retire", m.name, os.getpid())


def test_bad_commands_are_refused(pipe, named) -> None:
    m = WorkerMultiplexer(pipe[1], {})
    with pytest.raises(ValueError, match="^Ambiguous restart with both a named process and "
                                         "all_workers=True$"):
        m.restart("Sanic-Server-1-0", all_workers=True)
    with pytest.raises(ValueError, match=r"^Cannot scale to 0 workers\.$"):
        m.scale(0)


def test_without_a_manager_commands_say_how_to_get_one(named) -> None:
    m = WorkerMultiplexer(None, {})
    with pytest.raises(RuntimeError, match="single_process"):
        m.restart()


def test_state_and_serving_flag(pipe, named) -> None:
    shared: dict[str, Any] = {named: {"pid": os.getpid(), "state": "ACKED"},
                              "Sanic-Main": {"pid": 1}}
    m = WorkerMultiplexer(pipe[1], shared)
    m.set_serving(True)
    assert m.state["serving"] is True
    assert m.state["state"] == "ACKED"
    assert set(m.workers) == {named, "Sanic-Main"}
    m.exit()
    assert m.state["serving"] is False


def test_a_replaced_worker_leaves_its_successors_state_alone(pipe, named) -> None:
    shared: dict[str, Any] = {named: {"pid": os.getpid() + 1, "serving": True}}
    m = WorkerMultiplexer(pipe[1], shared)
    m.set_serving(False)
    assert shared[named]["serving"] is True


def test_a_multiplexer_survives_pickling_for_a_child_process(named) -> None:
    import pickle

    shared = {named: {"pid": os.getpid()}}
    copy = pickle.loads(pickle.dumps(WorkerMultiplexer(None, shared)))
    copy.set_serving(True)
    assert copy.state["pid"] == os.getpid()
    assert copy.state["serving"] is True
    with pytest.raises(RuntimeError):
        copy.ack()


def test_ack_marks_this_workers_state_at_once(pipe, named) -> None:
    shared: dict[str, Any] = {named: {"pid": os.getpid(), "state": "STARTED", "foo": "bar"},
                              "Sanic-Other-0": {"state": "STARTED"}}
    m = WorkerMultiplexer(pipe[1], shared)
    m.ack()
    assert shared[named] == {"pid": os.getpid(), "state": "ACKED", "foo": "bar"}
    assert shared["Sanic-Other-0"] == {"state": "STARTED"}
    assert pipe[0].recv() == ("ack", named, os.getpid())
