"""The stage machine table."""

from __future__ import annotations

import pytest

from hurtle_http.exceptions import ServerError
from hurtle_http.stages import BEGIN, END, ERROR, HEAD, RESPOND, TRANSITIONS, Stage, advance


def test_normal_cycle_returns_to_idle() -> None:
    stage = Stage.IDLE
    for event in (BEGIN, HEAD, RESPOND, END):
        stage = advance(stage, event)
    assert stage is Stage.IDLE


def test_one_shot_response_goes_from_handler_to_idle() -> None:
    assert advance(Stage.HANDLER, END) is Stage.IDLE


def test_errors_are_answered_from_the_handler_stage() -> None:
    assert advance(Stage.REQUEST, ERROR) is Stage.HANDLER


@pytest.mark.parametrize(
    ("stage", "event"),
    [(Stage.IDLE, RESPOND), (Stage.RESPONSE, RESPOND), (Stage.IDLE, END), (Stage.FAILED, END)],
)
def test_missing_transition_is_a_protocol_error(stage: Stage, event: str) -> None:
    assert (stage, event) not in TRANSITIONS
    with pytest.raises(ServerError, match="cannot"):
        advance(stage, event)


def test_stage_names_match_sanic() -> None:
    assert [s.name for s in Stage] == ["IDLE", "REQUEST", "HANDLER", "RESPONSE", "FAILED"]


def test_stage_values_and_printed_form_are_sanics() -> None:
    # Seed 000 documents sanic.http.Stage; Sanic 25.12 numbers it 0, 1, 3, 4, 100 and
    # prints a member as ``Stage.HANDLER`` (an IntEnum printed ``2``, numbered 0 to 4).
    assert [(s.name, s.value) for s in Stage] == [
        ("IDLE", 0),
        ("REQUEST", 1),
        ("HANDLER", 3),
        ("RESPONSE", 4),
        ("FAILED", 100),
    ]
    assert str(Stage.HANDLER) == f"{Stage.HANDLER}" == "Stage.HANDLER"
    assert repr(Stage.FAILED) == "<Stage.FAILED: 100>"


def test_a_stage_is_no_int_as_in_sanic() -> None:
    # Sanic 25.12's Stage is a plain Enum: it equals no int, has no order and no int().
    assert Stage.IDLE != 0
    assert Stage.HANDLER != 3
    assert bool(Stage.IDLE) is True
    assert {Stage.IDLE: "x"}.get(0) is None  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        int(Stage.HANDLER)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        assert Stage.HANDLER < Stage.RESPONSE  # type: ignore[operator]
    assert Stage(3) is Stage.HANDLER
    assert {Stage.HANDLER: 1}[Stage.HANDLER] == 1
