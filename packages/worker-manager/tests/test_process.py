"""WorkerProcess and Worker: naming, state records, exit descriptions."""

from __future__ import annotations

import multiprocessing
import signal
import time
from datetime import timezone

import targets

from hurtle_worker import ProcessState, RestartOrder, Worker, WorkerProcess, get_now
from hurtle_worker.process import describe_exit


def test_exit_descriptions() -> None:
    assert describe_exit(-9) == "was killed by SIGKILL"
    assert describe_exit(1) == "exited with code 1"
    assert describe_exit(None) == "is still running"


def test_get_now_is_timezone_aware() -> None:
    assert get_now().tzinfo is timezone.utc


def test_worker_names_and_initial_state() -> None:
    state: dict = {}
    worker = Worker("Server-2", targets.crash, {"code": 1},
                    multiprocessing.get_context("spawn"), state, num=2, server=True)
    names = [p.name for p in worker.processes]
    assert names == ["Sanic-Server-2-0", "Sanic-Server-2-1"]
    assert worker.processes[0].ident_label == "Srv 2"
    # What app.m.workers and the inspector show before a start, as Sanic: two keys.
    assert state["Sanic-Server-2-0"] == {"server": True, "state": "NONE"}
    assert not worker.has_alive_processes()


def test_a_managed_process_logs_under_the_name_it_was_managed_as() -> None:
    # As Sanic: sanic-ext's background logger's lines start "Logger", a custom
    # app.manager.manage("VeryLongName", ...) process's "VeryLongName".
    state: dict = {}
    context = multiprocessing.get_context("spawn")
    labels = [
        Worker(name, targets.crash, {}, context, state).processes[0].ident_label
        for name in ("Logger", "VeryLongName", "Health-Mon")
    ]
    assert labels == ["Logger", "VeryLongName", "Health-Mon"]


def test_a_process_runs_its_target_and_records_completion(tmp_path) -> None:
    state: dict = {}
    out = tmp_path / "pid"
    worker = Worker("Job", targets.write_and_exit, {"path": str(out)},
                    multiprocessing.get_context("spawn"), state)
    process = worker.processes[0]
    process.start()
    assert state["Sanic-Job-0"]["state"] == "STARTED"
    process.join(20)
    process.exit()
    assert int(out.read_text()) == process.pid
    assert process.state is ProcessState.COMPLETED
    assert state["Sanic-Job-0"]["starts"] == 1


def test_restart_of_a_finished_process_starts_it_again(tmp_path) -> None:
    state: dict = {}
    out = tmp_path / "pid"
    worker = Worker("Job", targets.write_and_exit, {"path": str(out)},
                    multiprocessing.get_context("spawn"), state, restartable=True)
    process = worker.processes[0]
    process.start()
    process.join(20)
    first = process.pid
    process.restart(RestartOrder.SHUTDOWN_FIRST)
    process.join(20)
    assert process.pid != first
    assert int(out.read_text()) == process.pid
    assert state["Sanic-Job-0"]["starts"] == 2


class _FakeOSProcess:
    """Stands for a started OS process: alive until terminated."""

    count = 0

    def __init__(self, **_: object) -> None:
        _FakeOSProcess.count += 1
        self.pid = 1000 + _FakeOSProcess.count
        self.alive = False
        self.exitcode = None

    def start(self) -> None:
        self.alive = True

    def is_alive(self) -> bool:
        return self.alive

    def terminate(self) -> None:
        self.alive = False

    interrupt = terminate

    def join(self, timeout: float | None = None) -> None:
        return None


def _restart_debug_lines(caplog, order: RestartOrder) -> list[str]:
    import logging

    from hurtle_worker.process import WorkerProcess

    process = WorkerProcess(_FakeOSProcess, "Sanic-Server-0-0", targets.crash, {}, {},
                            restartable=True)
    process.ack_expected = True
    process.start()
    process.ack(process.pid)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="sanic.root"):
        process.restart(restart_order=order)
        process.ack(process.pid)
        process.tick(0.0)
        process.tick(0.0)
    return [r.getMessage().split(":", 1)[0] for r in caplog.records if r.name == "sanic.root"]


def test_restart_logs_sanics_debug_lines_shutdown_first(caplog) -> None:
    assert _restart_debug_lines(caplog, RestartOrder.SHUTDOWN_FIRST) == [
        "Restarting a process", "Begin restart termination", "Starting a process",
    ]


def test_restart_logs_sanics_debug_lines_startup_first(caplog) -> None:
    assert _restart_debug_lines(caplog, RestartOrder.STARTUP_FIRST) == [
        "Restarting a process", "Starting a process", "Begin restart termination",
        "Waiting for process to be acked", "Process acked. Terminating",
    ]


def test_restarting_a_process_that_has_ended_logs_sanics_debug_lines(caplog) -> None:
    # app.m.restart("Sanic-Job-0") of a custom process that had already returned: Sanic
    # says "Restarting a process: NAME [old pid]" before "Starting a process: NAME";
    # Hurtle said only the second.
    import logging

    from hurtle_worker.process import WorkerProcess

    process = WorkerProcess(_FakeOSProcess, "Sanic-Job-0", targets.crash, {}, {},
                            restartable=True)
    process.start()
    old_pid = process.pid
    process.process.alive = False  # it returned, and the manager reaped it:
    process.set_state(ProcessState.COMPLETED, force=True)
    process.process = None
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="sanic.root"):
        process.restart()
    assert [r.getMessage() for r in caplog.records if r.name == "sanic.root"] == [
        f"Restarting a process: Sanic-Job-0 [{old_pid}]", "Starting a process: Sanic-Job-0"]


def test_state_keys_come_in_sanics_order() -> None:
    from hurtle_worker.process import WorkerProcess

    state: dict = {}
    process = WorkerProcess(_FakeOSProcess, "Sanic-Server-0-0", targets.crash, {}, state,
                            restartable=True)
    process.server = True
    process.start()
    process.ack(process.pid)
    # A worker's own entry (app.m.state) holds Sanic's keys only, before it serves.
    assert list(state["Sanic-Server-0-0"]) == ["server", "state", "pid", "start_at", "starts"]
    state["Sanic-Server-0-0"] = {**state["Sanic-Server-0-0"], "serving": True}  # set_serving
    process.ack(process.pid)
    assert list(state["Sanic-Server-0-0"]) == [
        "server", "state", "pid", "start_at", "starts", "serving"]
    process.restart()
    process.tick(0.0)
    process.ack(process.pid)
    # As app.m.workers and the inspector show it in Sanic 25.12 after app.m.restart().
    assert list(state["Sanic-Server-0-0"])[:7] == [
        "server", "state", "pid", "start_at", "starts", "serving", "restart_at"]


def test_a_second_restart_while_one_is_under_way_starts_one_process() -> None:
    # Two reloads in a row (the inspector's /reload twice, app.m.restart() from two
    # requests): the old process is stopped once and one new process replaces it. A
    # second process started meanwhile was never stopped again: it kept serving after
    # shutdown and the main process waited on it for ever.
    from hurtle_worker.process import WorkerProcess

    created: list[_FakeOSProcess] = []

    def factory(**kwargs: object) -> _FakeOSProcess:
        created.append(_FakeOSProcess(**kwargs))
        return created[-1]

    process = WorkerProcess(factory, "Sanic-Server-0-0", targets.crash, {}, {},
                            restartable=True)
    process.start()
    process.restart(restart_order=RestartOrder.SHUTDOWN_FIRST)
    process.restart(restart_order=RestartOrder.SHUTDOWN_FIRST)
    process.tick(0.0)
    process.tick(0.0)
    assert len(created) == 2
    assert process.process is created[1] and process.is_alive()
    assert not process.retiring


def test_a_stopping_worker_reads_terminated_and_still_serving_when_signalled() -> None:
    # As Sanic: the state says TERMINATED before the worker gets its signal, so every
    # worker's before_server_stop reads it in app.m.state (one signalled before the
    # record was written read ACKED); serving stays True until the worker has drained.
    from hurtle_worker.process import WorkerProcess

    state: dict = {}
    seen: list[dict] = []

    class Recording(_FakeOSProcess):
        def interrupt(self) -> None:
            seen.append(dict(state["Sanic-Server-0-0"]))
            self.alive = False

    process = WorkerProcess(Recording, "Sanic-Server-0-0", targets.crash, {}, state)
    process.server = process.ack_expected = True
    process.start()
    process.ack(process.pid)
    state["Sanic-Server-0-0"] = {**state["Sanic-Server-0-0"], "serving": True}
    process.terminate()
    assert [(entry["state"], entry["serving"]) for entry in seen] == [("TERMINATED", True)]


def test_a_worker_being_restarted_reads_restarting_and_still_serving_when_signalled() -> None:
    # As Sanic, for a restart (app.m.restart(), the inspector's reload): the state says
    # RESTARTING before the old worker gets its signal, with serving still True while it
    # drains. Hurtle signalled first, then wrote RESTARTING with serving False, so a
    # worker's before_server_stop read ACKED, or RESTARTING with serving False.
    from hurtle_worker.process import WorkerProcess

    state: dict = {}
    seen: list[dict] = []

    class Recording(_FakeOSProcess):
        def interrupt(self) -> None:
            seen.append(dict(state["Sanic-Server-0-0"]))

    process = WorkerProcess(Recording, "Sanic-Server-0-0", targets.crash, {}, state,
                            restartable=True)
    process.server = process.ack_expected = True
    process.start()
    process.ack(process.pid)
    state["Sanic-Server-0-0"] = {**state["Sanic-Server-0-0"], "serving": True}
    process.restart(restart_order=RestartOrder.SHUTDOWN_FIRST)
    assert [(entry["state"], entry["serving"]) for entry in seen] == [("RESTARTING", True)]


def test_set_state_refuses_to_go_back_unless_forced() -> None:
    # Seed 003 names WorkerProcess.set_state(state, force=False). As in Sanic 25.12, from a
    # thread of the main process: ACKED -> STARTING raises Exception and keeps ACKED;
    # a later state, the same one, or force=True are taken.
    from hurtle_worker.process import WorkerProcess

    state: dict = {}
    process = WorkerProcess(_FakeOSProcess, "Sanic-Server-0-0", targets.crash, {}, state,
                            restartable=True)
    process.server = True
    process.start()
    process.ack(process.pid)
    assert process.state is ProcessState.ACKED
    try:
        process.set_state(ProcessState.STARTING)
    except Exception as refused:
        assert type(refused) is Exception
        assert "ACKED" in str(refused) and "force=True" in str(refused)
    else:
        raise AssertionError("going back from ACKED was not refused")
    assert process.state is ProcessState.ACKED
    assert state["Sanic-Server-0-0"]["state"] == "ACKED"
    process.set_state(ProcessState.ACKED)
    process.set_state(ProcessState.STARTING, force=True)
    assert state["Sanic-Server-0-0"]["state"] == "STARTING"
    process.set_state(ProcessState.JOINED)
    assert process.state is ProcessState.JOINED
    # The manager's own life cycle (respawn, restart) still goes back to the start.
    process.restart()
    process.tick(0.0)
    process.ack(process.pid)
    assert process.state is ProcessState.ACKED


def test_a_restart_hands_its_values_to_a_target_that_takes_config(tmp_path) -> None:
    # As Sanic: restart(reloaded_files=...) reaches the new process as config values
    # (a server worker's app.config.RELOADED_FILES); a target without a config parameter
    # is started as before, without an argument it does not take.
    state: dict = {}
    context = multiprocessing.get_context("spawn")
    seen, pid = tmp_path / "config", tmp_path / "pid"
    taker = Worker("Taker", targets.write_config, {"path": str(seen)}, context, state,
                   restartable=True).processes[0]
    plain = Worker("Plain", targets.write_and_exit, {"path": str(pid)}, context, state,
                   restartable=True).processes[0]
    for process in (taker, plain):
        process.start()
        process.join(20)
    assert seen.read_text() == "None"
    first = plain.pid
    for process in (taker, plain):
        process.restart(RestartOrder.SHUTDOWN_FIRST, reloaded_files="app.py,views.py")
        process.join(20)
        process.exit()
    assert seen.read_text() == "{'RELOADED_FILES': 'app.py,views.py'}"
    assert int(pid.read_text()) == plain.pid != first
    assert plain.state is ProcessState.COMPLETED


def test_a_server_process_name_is_built_from_the_public_name_parts() -> None:
    # Sanic's class constants, which an app reads to tell a server worker
    # (``app.m.name``) from a process it manages itself.
    state: dict = {}
    worker = Worker("Srv 3", targets.crash, {"code": 1},
                    multiprocessing.get_context("spawn"), state, server=True, name="Server-3")
    process = worker.processes[0]
    prefix = f"{Worker.WORKER_PREFIX}-{WorkerProcess.SERVER_LABEL}-"
    assert process.name.startswith(prefix)
    assert process.name == "Sanic-Server-3-0"
    assert process.ident_label == f"{WorkerProcess.SERVER_IDENTIFIER} 3"
    assert WorkerProcess.THRESHOLD == 300


def test_worker_prefix_and_server_labels_rename_processes_as_sanics_attributes(
    monkeypatch,
) -> None:
    # As Sanic: Worker.WORKER_PREFIX starts every managed process' name (what app.m.name,
    # app.m.workers and the inspector show), and WorkerProcess.SERVER_LABEL /
    # SERVER_IDENTIFIER name the server workers and their log lines.
    from hurtle_worker import WorkerManager

    assert (Worker.WORKER_PREFIX, WorkerProcess.SERVER_LABEL,
            WorkerProcess.SERVER_IDENTIFIER, WorkerProcess.THRESHOLD) == (
        "Sanic", "Server", "Srv", 300)
    monkeypatch.setattr(Worker, "WORKER_PREFIX", "MyApp")
    monkeypatch.setattr(WorkerProcess, "SERVER_LABEL", "Box")
    monkeypatch.setattr(WorkerProcess, "SERVER_IDENTIFIER", "Bx")
    state: dict = {}
    context = multiprocessing.get_context("spawn")
    logger = Worker("Logger", targets.crash, {}, context, state).processes[0]
    assert (logger.name, logger.ident_label) == ("MyApp-Logger-0", "Logger")
    manager = WorkerManager(0, targets.crash, {}, context, (None, None), state)
    server = manager.create_server().processes[0]
    assert (server.name, server.ident_label) == ("MyApp-Box-0-0", "Bx 0")
    assert "MyApp-Box-0-0" in state


def test_interrupt_sends_the_signal_asked_for_to_a_process_with_its_own_interrupt(
    tmp_path,
) -> None:
    # Python 3.14's processes have an interrupt() of their own, which always sends SIGINT:
    # a worker replaced while still importing, to be ended quietly with SIGTERM, got
    # SIGINT there and printed a KeyboardInterrupt traceback.
    from hurtle_worker.process import interrupt

    path = tmp_path / "state"
    proc = targets.SigintOnlyProcess(target=targets.clean_up_on_stop, args=(str(path),))
    proc.start()
    try:
        deadline = time.monotonic() + 30
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        interrupt(proc, signal.SIGTERM)
        proc.join(20)
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join()
    assert path.read_text() == "running"  # not "interrupted": no KeyboardInterrupt
    assert proc.exitcode == -signal.SIGTERM


class _Recording(dict):
    """A worker-state mapping that keeps every entry written, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[str, dict]] = []

    def __setitem__(self, key: str, value: dict) -> None:
        self.writes.append((key, dict(value)))
        super().__setitem__(key, value)


def test_an_entry_keeps_the_old_pid_while_its_process_restarts() -> None:
    # As Sanic, what the inspector and app.m.workers show during a reload: the entry
    # says RESTARTING, then STARTING, with the old process's pid until the new one runs.
    # Hurtle's said "pid": null there (code reading entry["pid"] as an int failed).
    state = _Recording()
    process = WorkerProcess(_FakeOSProcess, "Sanic-Server-0-0", targets.crash, {}, state,
                            restartable=True)
    process.server = process.ack_expected = True
    process.start()
    process.ack(process.pid)
    old = process.pid
    state.writes.clear()
    process.restart()
    process.tick(0.0)
    process.ack(process.pid)
    seen = [(e["state"], e.get("pid"), e.get("starts")) for _, e in state.writes]
    assert seen == [("RESTARTING", old, 1), ("STARTING", old, 1),
                    ("STARTED", process.pid, 2), ("ACKED", process.pid, 2)]


def test_an_entry_says_only_its_state_until_its_first_process_starts() -> None:
    # As Sanic: {"server": ..., "state": "STARTING"} (no "pid": null, no start_at, no
    # "starts": 0) until the process is started.
    state = _Recording()
    process = WorkerProcess(_FakeOSProcess, "Sanic-Server-0-0", targets.crash, {}, state)
    process.server = True
    state.writes.clear()
    process.start()
    first = state.writes[0][1]
    assert first == {"server": True, "state": "STARTING"}
    assert state["Sanic-Server-0-0"]["pid"] == process.pid


def test_a_server_worker_is_never_listed_as_another_kind_of_process() -> None:
    # app.m.scale(3) / the inspector's scale: the new worker's first entry said
    # "server": false for a moment, so a client counting server workers miscounted.
    state = _Recording()
    worker = Worker("Server-2", targets.crash, {}, multiprocessing.get_context("spawn"),
                    state, server=True)
    worker.create_process()
    assert [e["server"] for _, e in state.writes] == [True] * len(state.writes)


def test_a_worker_serving_on_during_a_zero_downtime_restart_is_listed_as_serving() -> None:
    # restart(zero_downtime=True): the old worker serves until its replacement is up.
    # While the replacement was being started the entry said "serving": false (Sanic's
    # says true); the new process's own entry starts as not serving.
    state = _Recording()
    process = WorkerProcess(_FakeOSProcess, "Sanic-Server-0-0", targets.crash, {}, state,
                            restartable=True, server=True)
    process.start()
    process.ack(process.pid)
    state["Sanic-Server-0-0"] = {**state["Sanic-Server-0-0"], "serving": True}  # set_serving
    old = process.pid
    state.writes.clear()
    process.restart(restart_order=RestartOrder.STARTUP_FIRST)
    seen = [(e["state"], e["pid"], e["serving"]) for _, e in state.writes]
    assert seen == [("STARTING", old, True), ("STARTED", process.pid, False)]
