"""WorkerState: a mapping view of one process' entry in the shared state."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_worker import WorkerState
from hurtle_worker.state import RESTRICTED_KEYS


def make() -> tuple[dict[str, Any], WorkerState]:
    shared: dict[str, Any] = {"Sanic-Server-0-0": {"pid": 10, "state": "ACKED"},
                              "Sanic-Main": {"pid": 1}}
    return shared, WorkerState(shared, "Sanic-Server-0-0")


def test_reads_the_current_entry() -> None:
    _, state = make()
    assert state["pid"] == 10
    assert dict(state) == {"pid": 10, "state": "ACKED"}
    assert len(state) == 2
    assert state.get("missing", "x") == "x"
    assert state == {"pid": 10, "state": "ACKED"}
    assert repr(state) == repr({"pid": 10, "state": "ACKED"})


def test_full_shows_every_process() -> None:
    _, state = make()
    assert set(state.full()) == {"Sanic-Server-0-0", "Sanic-Main"}


def test_custom_keys_can_be_set_but_not_the_managers() -> None:
    shared, state = make()
    state["hits"] = 3
    state.update({"cache": "warm"})
    assert shared["Sanic-Server-0-0"]["hits"] == 3
    assert state["cache"] == "warm"
    del state["cache"]
    assert "cache" not in state
    # As Sanic: its restricted keys (health and requests among them) and its message.
    assert {"health", "pid", "requests", "restart_at", "server", "start_at", "starts",
            "state"} <= set(WorkerState.RESTRICTED)
    for key in RESTRICTED_KEYS:
        with pytest.raises(LookupError, match=f"^Cannot set restricted key on WorkerState: {key}"):
            state[key] = 1
        with pytest.raises(LookupError, match=f"^Cannot set restricted key on WorkerState: {key}"):
            state.update({"fine": 1, key: 2})
    assert "fine" not in state
    with pytest.raises(NotImplementedError):
        state.pop()


custom_keys = st.text(min_size=1, max_size=10).filter(lambda k: k not in RESTRICTED_KEYS)


@given(st.dictionaries(custom_keys, st.integers() | st.text(max_size=5), max_size=8))
def test_update_then_read_round_trips(values: dict[str, Any]) -> None:
    shared, state = make()
    state.update(values)
    for key, value in values.items():
        assert state[key] == value
    assert state["pid"] == 10  # the manager's keys are untouched


def test_deleting_a_key_that_is_not_there_does_nothing() -> None:
    # As Sanic: no KeyError (it was one), the entry is left as it was; a manager's key is
    # still refused.
    shared, state = make()
    state["cache"] = "warm"
    del state["cache"]
    del state["cache"]
    del state["never-set"]
    assert shared["Sanic-Server-0-0"] == {"pid": 10, "state": "ACKED"}
    with pytest.raises(LookupError, match="^Cannot set restricted key on WorkerState: pid"):
        del state["pid"]


def test_a_process_without_an_entry_is_a_key_error_naming_it_as_sanic() -> None:
    # As Sanic: a WorkerState for a process the shared state does not hold reads and sets
    # nothing (it did read as empty, and a set created the entry); get() and `in` answer.
    shared: dict[str, Any] = {"Sanic-Server-0-0": {"pid": 10}}
    gone = WorkerState(shared, "Sanic-Server-0-1")
    for attempt in (lambda: gone["pid"], lambda: len(gone), lambda: list(gone),
                    lambda: dict(gone.items()), lambda: repr(gone), lambda: gone == {},
                    lambda: gone.update({"mine": 1}), lambda: gone.__setitem__("mine", 1),
                    lambda: gone.__delitem__("mine")):
        with pytest.raises(KeyError, match="Sanic-Server-0-1"):
            attempt()
    assert gone.get("pid") is None and gone.get("pid", 3) == 3
    assert "pid" not in gone
    assert shared == {"Sanic-Server-0-0": {"pid": 10}}
    assert set(gone.full()) == {"Sanic-Server-0-0"}


@pytest.mark.parametrize("value", [[("x", 1)], [], "ab", 5, None])
@pytest.mark.parametrize("name", ["Srv-0", "Nope"])
def test_update_takes_a_mapping_only_as_sanic(value: Any, name: str) -> None:
    # As Sanic: update() reads value.keys(), so a list of pairs, a string or None is an
    # AttributeError, even for a process without an entry (Hurtle raised TypeError, or
    # KeyError for the missing entry first)
    shared = {"Srv-0": {"pid": 1}}
    with pytest.raises(AttributeError, match="object has no attribute 'keys'"):
        WorkerState(shared, name).update(value)
    assert shared == {"Srv-0": {"pid": 1}}


def test_an_update_with_several_restricted_keys_names_them_all_as_sanic() -> None:
    # Sanic: "Cannot set restricted keys on WorkerState: pid, state" (Hurtle named the
    # first one only)
    shared, state = make()
    with pytest.raises(LookupError, match="^Cannot set restricted keys on WorkerState: pid, state "):
        state.update({"x": 1, "pid": 2, "state": "X"})
    with pytest.raises(LookupError, match="^Cannot set restricted key on WorkerState: pid "):
        state.update({"x": 1, "pid": 2})
    assert "x" not in shared["Sanic-Server-0-0"]
