"""What users of ``app.manager`` are told when they misuse it (Sanic's errors and logs)."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
import targets

from hurtle_worker import WorkerManager


@pytest.fixture
def manager() -> Iterator[WorkerManager]:
    context = multiprocessing.get_context("spawn")
    reader, writer = context.Pipe(duplex=False)
    manager = WorkerManager(2, targets.server, {}, context, (writer, reader), {})
    yield manager
    manager.terminate()
    for process in [*manager.transient_processes, *manager.durable_processes]:
        process.join(10)
    manager.cleanup()


def test_a_second_worker_with_the_same_name_is_refused(manager: WorkerManager) -> None:
    manager.manage("TEST", targets.crash, {})
    with pytest.raises(ValueError, match="^Worker TEST already exists$"):
        manager.manage("TEST", targets.crash, {})


def test_a_transient_worker_must_be_restartable(manager: WorkerManager) -> None:
    message = "^Cannot create a transient worker that is not restartable$"
    with pytest.raises(ValueError, match=message):
        manager.manage("TEST", targets.crash, {}, transient=True, restartable=False)
    assert "TEST" not in manager.transient
    assert manager.manage("OK", targets.crash, {}, transient=True).restartable


def test_scaling_to_the_current_count_says_nothing_changes(
    manager: WorkerManager, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        manager.scale(2)
    assert ("sanic.root", logging.INFO, "No change needed. There are already 2 workers.") \
        in caplog.record_tuples
    assert len(manager.workers) == 2


def test_scaling_to_no_workers_is_refused(manager: WorkerManager) -> None:
    with pytest.raises(ValueError, match=r"^Cannot scale to 0 workers\.$"):
        manager.scale(0)
    assert len(manager.workers) == 2


def test_shutting_down_an_unknown_server_raises_key_error(manager: WorkerManager) -> None:
    with pytest.raises(KeyError):
        manager.shutdown_server("foo")
    assert [w.name for w in manager.workers] == ["Server-0", "Server-1"]
    manager.shutdown_server("Server-1")
    assert [w.name for w in manager.workers] == ["Server-0"]


def test_a_tracked_worker_is_not_removed(
    manager: WorkerManager, caplog: pytest.LogCaptureFixture
) -> None:
    worker = manager.manage("TEST", targets.crash, {})
    assert "Sanic-TEST-0" in manager.worker_state
    manager.remove_worker(worker)
    assert ("sanic.error", logging.ERROR, "Worker TEST is tracked and cannot be removed.") \
        in caplog.record_tuples
    assert "TEST" in manager.durable
    assert "Sanic-TEST-0" in manager.worker_state


def test_an_untracked_worker_is_removed_once_its_processes_ended(
    manager: WorkerManager, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    started = tmp_path / "pid"
    worker = manager.manage("TEST", targets.stubborn, {"path": str(started)}, tracked=False)
    process = worker.processes[0]
    process.start()
    caplog.set_level(logging.INFO)
    manager.remove_worker(worker)
    assert ("sanic.error", logging.ERROR,
            "Worker TEST has alive processes and cannot be removed.") in caplog.record_tuples
    assert "TEST" in manager.durable
    process.kill()
    process.join(10)
    assert not process.is_alive()
    manager.remove_worker(worker)
    assert ("sanic.root", logging.INFO, "Removed worker TEST") in caplog.record_tuples
    assert "TEST" not in manager.durable
    assert "Sanic-TEST-0" not in manager.worker_state
    assert len(manager.transient) == 2


def test_shutdown_server_takes_the_worker_by_the_keyword_name(manager: WorkerManager) -> None:
    # Sanic's parameter is ``name``: ``app.manager.shutdown_server(name=...)`` works alike.
    manager.shutdown_server(name="Server-0")
    assert [w.name for w in manager.workers] == ["Server-1"]
