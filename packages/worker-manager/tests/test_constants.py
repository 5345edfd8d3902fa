"""ProcessState and RestartOrder keep Sanic's names and values."""

from hurtle_worker import ProcessState, RestartOrder


def test_process_states_in_life_cycle_order() -> None:
    assert [s.name for s in ProcessState] == [
        "NONE", "IDLE", "RESTARTING", "STARTING", "STARTED", "ACKED", "JOINED",
        "TERMINATED", "FAILED", "COMPLETED",
    ]
    assert ProcessState.ACKED == 6


def test_restart_orders_are_their_names() -> None:
    assert RestartOrder("STARTUP_FIRST") is RestartOrder.STARTUP_FIRST
    assert str(RestartOrder.SHUTDOWN_FIRST) == "SHUTDOWN_FIRST"
