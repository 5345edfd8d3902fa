"""``sanic.worker.manager.WorkerManager``: Sanic's manager, as ``app.manager`` is."""

from __future__ import annotations

import multiprocessing

import pytest

from sanic.worker.manager import WorkerManager


def _serve(**_: object) -> None:
    return None


@pytest.mark.parametrize("number", [0, -1])
def test_a_manager_needs_a_server_worker(number: int) -> None:
    with pytest.raises(RuntimeError, match="^Cannot serve with no workers$"):
        WorkerManager(number, _serve, {}, None, (None, None), {})


def test_a_manager_with_servers_names_them_as_sanic() -> None:
    context = multiprocessing.get_context("spawn")
    reader, writer = context.Pipe(duplex=False)
    manager = WorkerManager(2, _serve, {}, context, (writer, reader), {})
    assert [w.name for w in manager.workers] == ["Server-0", "Server-1"]
    assert sorted(manager.worker_state) == ["Sanic-Main", "Sanic-Server-0-0", "Sanic-Server-1-0"]
    manager.cleanup()
