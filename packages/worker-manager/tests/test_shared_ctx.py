"""SharedContext: what may be shared, and read-only once workers start."""

from __future__ import annotations

import logging
import multiprocessing

import pytest

from hurtle_worker import SharedContext
from hurtle_worker.shared_ctx import is_shareable


def test_multiprocessing_objects_and_immutables_are_shareable() -> None:
    ctx = multiprocessing.get_context("spawn")
    assert is_shareable(ctx.Queue())
    assert is_shareable(ctx.Value("i", 0))
    assert is_shareable(ctx.Lock())
    assert is_shareable("text") and is_shareable(3) and is_shareable((1, 2))
    assert not is_shareable([1]) and not is_shareable({})


def test_unsafe_value_is_kept_with_a_warning(caplog) -> None:
    shared = SharedContext()
    with caplog.at_level(logging.WARNING):
        shared.items = []
        shared.count = 1
    assert shared.items == []
    assert "shared_ctx.items holds a list" in caplog.text
    assert "shared_ctx.count" not in caplog.text


def test_locked_context_is_read_only() -> None:
    shared = SharedContext()
    shared.name = "x"
    shared.lock()
    assert shared.is_locked()
    with pytest.raises(RuntimeError, match="main_process_start"):
        shared.other = 1
    assert shared.public() == {"name": "x"}
