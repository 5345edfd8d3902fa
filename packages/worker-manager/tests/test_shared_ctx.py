"""SharedContext: what is made for sharing, warnings as Sanic gives them, read-only once
workers start."""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import threading

import pytest

from hurtle_worker import SharedContext
from hurtle_worker.shared_ctx import is_shareable


def test_multiprocessing_and_ctypes_objects_are_shareable() -> None:
    ctx = multiprocessing.get_context("spawn")
    assert is_shareable(ctx.Queue())
    assert is_shareable(ctx.Value("i", 0))
    assert is_shareable(ctx.Lock())
    assert is_shareable(ctypes.c_int32(1))
    # As Sanic judges it: plain values are copies in each worker, not shared state.
    assert not is_shareable("text") and not is_shareable(3)
    assert not is_shareable([1]) and not is_shareable({})


def test_an_unsafe_value_is_kept_with_a_warning_on_sanic_error(caplog) -> None:
    shared = SharedContext()
    with caplog.at_level(logging.INFO):
        shared.items = []
        shared.queue = multiprocessing.get_context("spawn").Queue()
    assert shared.items == []
    [(logger, level, message)] = caplog.record_tuples
    assert (logger, level) == ("sanic.error", logging.WARNING)
    assert "Unsafe object shared_ctx.items (a list)" in message


def test_a_tuple_is_judged_by_its_items(caplog) -> None:
    spawn = multiprocessing.get_context("spawn")
    shared = SharedContext()
    with caplog.at_level(logging.INFO):
        shared.pipe = spawn.Pipe()
        shared.pair = (spawn.Queue(), ctypes.c_int32(1))
        shared.empty = ()
    assert caplog.record_tuples == []
    with caplog.at_level(logging.INFO):
        shared.mixed = (spawn.Queue(), 1, "two")
        shared.nested = (spawn.Pipe(),)
    messages = [message for _, _, message in caplog.record_tuples]
    assert len(messages) == 3
    assert "Unsafe object shared_ctx.mixed (an int)" in messages[0]
    assert "Unsafe object shared_ctx.mixed (a str)" in messages[1]
    assert "Unsafe object shared_ctx.nested (a tuple)" in messages[2]


def test_a_worker_setting_values_gets_no_warning(caplog, monkeypatch) -> None:
    monkeypatch.setenv("SANIC_WORKER_NAME", "Sanic-Server-0-0")
    shared = SharedContext()
    with caplog.at_level(logging.INFO):
        shared.items = []
    assert caplog.record_tuples == []


def test_locked_context_is_read_only() -> None:
    shared = SharedContext()
    shared.name = "x"
    assert shared.is_locked is False
    shared.lock()
    assert shared.is_locked is True
    # The name set is in the message (as Sanic's), not "item".
    with pytest.raises(RuntimeError, match="^Cannot set other on locked SharedContext object$"):
        shared.other = 1
    assert shared.public() == {"name": "x"}


def test_unpicklable_names_the_values_a_spawned_worker_cannot_receive() -> None:
    ctx = SharedContext()
    ctx.number = 5
    ctx.queue = multiprocessing.get_context("spawn").Queue()  # shared, never judged
    ctx.lock = threading.Lock()
    ctx.pair = (1, lambda: 1)
    found = ctx.unpicklable()
    assert sorted(found) == ["lock", "pair"]
    assert found["lock"].startswith("lock: cannot pickle")
    assert "function" in found["pair"]


def test_unpicklable_names_a_manager_kept_instead_of_its_dict() -> None:
    # A SyncManager is a multiprocessing object but cannot be sent to a worker (pickle
    # refuses its authentication key): the failed start named no shared_ctx value.
    manager = multiprocessing.get_context("spawn").Manager()
    try:
        ctx = SharedContext()
        ctx.mgr = manager
        ctx.table = manager.dict()  # a proxy: sent to each worker
        ctx.value = multiprocessing.get_context("spawn").Value("i", 0)
        found = ctx.unpicklable()
    finally:
        manager.shutdown()
    assert list(found) == ["mgr"]
    assert found["mgr"].startswith("SyncManager: Pickling an AuthenticationString")


def test_a_name_with_a_leading_underscore_is_a_value_like_any_other(caplog) -> None:
    # As Sanic: ``shared_ctx._x`` is judged (and warned about) and reaches the workers.
    shared = SharedContext()
    queue = multiprocessing.get_context("spawn").Queue()
    with caplog.at_level(logging.INFO):
        shared._items = []
        shared._queue = queue
    [(logger, _, message)] = caplog.record_tuples
    assert logger == "sanic.error" and "shared_ctx._items (a list)" in message
    shared.lock()
    assert shared.public() == {"_items": [], "_queue": queue}
