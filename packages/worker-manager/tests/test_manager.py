"""WorkerManager with real spawned processes running tiny targets."""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import targets

from hurtle_worker import ProcessState, RestartOrder, WorkerManager, WorkerMultiplexer


@pytest.fixture
def parts() -> Iterator[tuple[Any, Any, tuple[Any, Any]]]:
    context = multiprocessing.get_context("spawn")
    sync = multiprocessing.get_context("fork").Manager()
    reader, writer = context.Pipe(duplex=False)
    yield context, sync.dict(), (writer, reader)
    sync.shutdown()


def make(parts: Any, number: int = 0, **settings: Any) -> WorkerManager:
    context, state, pubsub = parts
    manager = WorkerManager(number, targets.server, settings, context, pubsub, state)
    manager.poll_interval = 0.02
    manager.terminate_timeout = 5
    return manager


def run_watched(manager: WorkerManager, until: Callable[[], bool], then: Callable[[], None],
                timeout: float = 20) -> None:
    """``manager.run()``, with ``then`` called from a watcher thread once ``until`` holds
    (or at the timeout); returns when both are done."""

    def watch() -> None:
        # ``then`` runs whatever ``until`` does (raising included): run() must not be left
        # blocking the test forever.
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and not until():
                time.sleep(0.02)
        finally:
            then()

    thread = threading.Thread(target=watch)
    thread.start()
    manager.run()
    thread.join()


def stop(manager: WorkerManager) -> Callable[[], None]:
    return lambda: manager.shutdown_signal(signal.SIGTERM, None)


def commands(parts: Any) -> WorkerMultiplexer:
    """Restart and scale as a worker asks for them: by a message on the monitor pipe, which
    the manager handles in its own loop. (Called from the watcher thread, manager.restart()
    or manager.scale() started processes while run() looked at them: run() could find a
    process created but not started yet, and raise from proc.join(0).)"""
    return WorkerMultiplexer(parts[2][0], parts[1])


def entry(manager: WorkerManager, name: str) -> dict[str, Any]:
    return dict(manager.worker_state.get(name) or {})


def test_custom_process_runs_and_the_manager_ends_when_it_completes(parts, tmp_path) -> None:
    manager = make(parts)
    out = tmp_path / "pid"
    manager.manage("Once", targets.write_and_exit, {"path": str(out)})
    manager.run()
    assert out.read_text().isdigit()
    assert int(out.read_text()) != os.getpid()
    assert entry(manager, "Sanic-Once-0")["state"] == "COMPLETED"
    assert manager.exit_code == 0


def test_killed_server_worker_is_respawned_and_counted(parts, caplog) -> None:
    manager = make(parts, 1)
    name = "Sanic-Server-0-0"
    first: dict[str, int] = {}

    def killed_and_back() -> bool:
        now = entry(manager, name)
        if not first and now.get("state") == "ACKED":
            first["pid"] = now["pid"]
            first["start_at"] = now["start_at"]
            assert "restart_at" not in now
            os.kill(now["pid"], signal.SIGKILL)
            return False
        return bool(first) and now.get("state") == "ACKED" and now["pid"] != first["pid"]

    with caplog.at_level(logging.INFO):
        run_watched(manager, killed_and_back, stop(manager))
    final = entry(manager, name)
    assert final["restarts"] == 1
    assert final["starts"] == 2
    assert final["last_exit"] == "was killed by SIGKILL"
    # Sanic's keys: the first start stays, the respawn is when it restarted.
    assert final["start_at"] == first["start_at"]
    assert final["restart_at"] > first["start_at"]
    assert f"{name} [{first['pid']}] was killed by SIGKILL" in caplog.text


def test_crashing_process_backs_off_then_gives_up(parts, caplog) -> None:
    manager = make(parts)
    manager.restart_limit = 2
    manager.backoff_base = 0.01
    manager.manage("Crashy", targets.crash, {"code": 3}, restartable=True)
    with caplog.at_level(logging.INFO):
        manager.run()  # ends by itself once nothing is left to run
    final = entry(manager, "Sanic-Crashy-0")
    assert final["state"] == "FAILED"
    assert final["starts"] == 3
    assert final["last_exit"] == "exited with code 3"
    assert "giving up on it" in caplog.text
    assert "WORKER_RESTART_LIMIT" in caplog.text
    assert manager.exit_code == 1  # ended because its only process failed


def test_reloaded_server_and_reloader_both_failing_end_the_run_with_1(parts, caplog) -> None:
    # Auto-reload: the worker could not start (it waits for a change) and the process that
    # watches for changes died too. Nothing can bring the server back: exit status 1.
    manager = make(parts, 1, fail_before_ack=True)
    manager.stop_on_server_failure = False
    manager.manage("Reloader", targets.crash, {"code": 1})
    with caplog.at_level(logging.ERROR):
        manager.run()
    assert manager.exit_code == 1
    assert entry(manager, "Sanic-Reloader-0")["state"] == "FAILED"
    assert "No process is left running (" in caplog.text


def test_completed_custom_processes_end_the_run_with_0(parts, tmp_path) -> None:
    manager = make(parts)
    manager.manage("Once", targets.write_and_exit, {"path": str(tmp_path / "a")})
    manager.manage("Twice", targets.write_and_exit, {"path": str(tmp_path / "b")})
    manager.run()
    assert manager.exit_code == 0


def test_server_failing_before_its_first_ack_stops_everything(parts) -> None:
    manager = make(parts, 1, fail_before_ack=True)
    manager.run()
    assert manager.exit_code == 1
    assert entry(manager, "Sanic-Server-0-0")["state"] == "FAILED"


def test_workers_failing_one_start_up_say_shutting_down_once(parts, caplog) -> None:
    manager = make(parts, 2, fail_before_ack=True)
    # Both deaths are to be seen in one pass: the loop waits (a long poll) until both
    # workers have exited, then a message that means nothing wakes it. A fixed 3 s poll
    # assumed both spawned children had died by then, which a busy machine need not do.
    manager.poll_interval = 60.0
    names = ("Sanic-Server-0-0", "Sanic-Server-1-0")

    def both_exited() -> bool:
        pids = [entry(manager, name).get("pid") for name in names]
        return all(pids) and not any(_alive(pid) for pid in pids)

    def wake() -> None:
        parts[2][0].send(("ack", "Sanic-Nobody-0", 0))  # acks no process

    with caplog.at_level(logging.ERROR):
        run_watched(manager, both_exited, wake)
    assert manager.exit_code == 1
    assert caplog.text.count("Not all workers acknowledged a successful startup") == 1
    for name in names:
        assert f"{name} [" in caplog.text  # each failed worker is still named
        assert entry(manager, name)["state"] == "FAILED"


def test_slow_ack_is_reported_with_the_setting_to_raise(parts, caplog) -> None:
    manager = make(parts, 1, delay=1.0)
    manager.ack_timeout = 0.2
    name = "Sanic-Server-0-0"
    with caplog.at_level(logging.WARNING):
        run_watched(
            manager, lambda: entry(manager, name).get("state") == "ACKED", stop(manager)
        )
    assert "WORKER_ACK_TIMEOUT" in caplog.text
    assert entry(manager, name)["starts"] == 1  # waited for it rather than killing it


def test_startup_first_restart_starts_the_new_process_before_stopping_the_old(
    parts, tmp_path
) -> None:
    log = tmp_path / "log"
    manager = make(parts, 1, log=str(log))
    name = "Sanic-Server-0-0"

    def lines() -> list[str]:
        return log.read_text().splitlines() if log.exists() else []

    asked: list[bool] = []

    def restarted() -> bool:
        if not asked and lines():
            asked.append(True)
            commands(parts).restart(name, zero_downtime=True)  # RestartOrder.STARTUP_FIRST
            return False
        return len([line for line in lines() if line.startswith("stopped")]) == 1

    run_watched(manager, restarted, stop(manager))
    events = [line.split()[0] for line in lines()]
    assert events[:3] == ["ready", "ready", "stopped"]
    assert entry(manager, name)["starts"] == 2


def test_shutdown_first_restart_stops_the_old_process_first(parts, tmp_path) -> None:
    log = tmp_path / "log"
    manager = make(parts, 1, log=str(log))

    def lines() -> list[str]:
        return log.read_text().splitlines() if log.exists() else []

    asked: list[bool] = []

    def restarted() -> bool:
        if not asked and lines():
            asked.append(True)
            commands(parts).restart(all_workers=True)  # RestartOrder.SHUTDOWN_FIRST
            return False
        return len([line for line in lines() if line.startswith("ready")]) == 2

    run_watched(manager, restarted, stop(manager))
    assert [line.split()[0] for line in lines()][:3] == ["ready", "stopped", "ready"]


def test_scale_up_and_down(parts) -> None:
    manager = make(parts, 1)
    seen: dict[str, int] = {}

    def acked() -> int:
        return sum(
            1 for name, value in manager.worker_state.items()
            if value.get("server") and value.get("state") == "ACKED"
        )

    def scaled() -> bool:
        count = acked()
        if not seen and count == 1:
            seen["one"] = 1
            commands(parts).scale(3)
        elif "three" not in seen and count == 3:
            seen["three"] = len(manager.workers)
            commands(parts).scale(1)
        elif "three" in seen and count == 1 and len(manager.worker_state) == 2:
            return True
        return False

    run_watched(manager, scaled, stop(manager))
    assert seen["three"] == 3
    assert [w.name for w in manager.workers] == ["Server-0"]


def test_manage_rejects_duplicates_and_bad_counts(parts) -> None:
    manager = make(parts)
    manager.manage("Job", targets.crash, {})
    with pytest.raises(ValueError, match="already exists"):
        manager.manage("Job", targets.crash, {})
    with pytest.raises(ValueError, match="workers >= 0"):
        manager.manage("Other", targets.crash, {}, workers=-1)
    with pytest.raises(TypeError, match="'NoneType' object is not a mapping"):  # as Sanic
        manager.manage("NoKwargs", targets.crash, None)  # type: ignore[arg-type]
    assert [w.name for w in manager.workers] == ["Job"]
    with pytest.raises(ValueError, match=r"^Cannot scale to 0 workers\.$"):
        manager.scale(0)
    manager.cleanup()


def test_manage_with_no_workers_is_an_empty_group_as_in_sanic(parts) -> None:
    # Sanic takes workers=0 (a count read from the config may turn a job off): the group
    # exists and starts nothing. Hurtle raised ValueError, failing the app's start-up.
    manager = make(parts)
    off = manager.manage("Off", targets.crash, {}, workers=0)
    assert off.processes == [] and off in manager.workers
    assert manager.processes == [] and "Sanic-Off-0" not in manager.worker_state
    manager.cleanup()


def test_manage_options_shape_the_worker(parts) -> None:
    manager = make(parts)
    durable = manager.manage("Durable", targets.crash, {}, workers=2)
    transient = manager.manage("Transient", targets.crash, {}, transient=True)
    assert [p.name for p in durable.processes] == ["Sanic-Durable-0", "Sanic-Durable-1"]
    assert not durable.restartable and transient.restartable
    assert manager.durable_processes == durable.processes
    assert manager.transient_processes == transient.processes
    assert {p.state for _, w in manager.all_workers for p in w.processes} == {
        ProcessState.NONE  # never started
    }
    manager.cleanup()


def test_workers_and_processes_views_match_sanic(parts, tmp_path: Path) -> None:
    # Seed 003: ``workers`` is every worker group (servers first, then managed ones) and
    # ``processes`` the processes running now, as Sanic 25.12 answers in main_process_ready
    # (no process started yet) and once serving (one managed with auto_start=False is left
    # out). ``workers`` used to hold the server workers only, ``processes`` every process.
    manager = make(parts, number=1)
    manager.manage("Job", targets.clean_up_on_stop, {"path": str(tmp_path / "job")})
    manager.manage("Later", targets.crash, {}, auto_start=False)
    assert [w.name for w in manager.workers] == ["Server-0", "Job", "Later"]
    # As Sanic: a server worker group's ident is its log label, its name the key.
    assert [w.ident for w in manager.workers] == ["Srv 0", "Job", "Later"]
    assert [name for name, _ in manager.all_workers] == ["Server-0", "Job", "Later"]
    assert manager.processes == []
    seen: dict[str, Any] = {}

    def running() -> bool:
        names = sorted(p.name for p in manager.processes)
        seen["names"] = names
        return names == ["Sanic-Job-0", "Sanic-Server-0-0"]

    run_watched(manager, running, stop(manager))
    assert seen["names"] == ["Sanic-Job-0", "Sanic-Server-0-0"]


def test_manage_takes_sanic_keyword_names(parts) -> None:
    manager = make(parts)
    by_name = manager.manage(name="Named", func=targets.crash, kwargs={})
    by_ident = manager.manage("Ignored", targets.crash, {}, ident="Short")
    assert [p.name for p in by_name.processes] == ["Sanic-Named-0"]
    assert [p.name for p in by_ident.processes] == ["Sanic-Short-0"]
    manager.cleanup()


def test_main_process_is_in_the_state(parts) -> None:
    manager = make(parts)
    assert entry(manager, "Sanic-Main") == {"pid": os.getpid()}
    manager.cleanup()


def test_scale_down_removes_the_stopped_workers_state(parts, tmp_path: Path) -> None:
    manager = make(parts, 2)
    asked: list[bool] = []

    def two_then_one() -> bool:
        states = {k: v for k, v in manager.worker_state.items() if v.get("server")}
        if not asked and len(manager.workers) == 2 and len(states) == 2 \
                and all(v.get("state") == "ACKED" for v in states.values()):
            asked.append(True)
            commands(parts).scale(1)
            return False
        return len(manager.workers) == 1 and len(states) == 1

    run_watched(manager, two_then_one, stop(manager))
    assert "Sanic-Server-1-0" not in manager.worker_state


def test_failed_zero_downtime_replacement_leaves_the_old_worker_serving(
    parts, tmp_path
) -> None:
    context, state, pubsub = parts
    log = tmp_path / "log"
    manager = WorkerManager(
        1, targets.server_once, {"log": str(log), "marker": str(tmp_path / "marker")},
        context, pubsub, state,
    )
    manager.poll_interval = 0.02
    manager.backoff_base = 0.01
    manager.restart_limit = 2
    name = "Sanic-Server-0-0"
    seen: dict[str, Any] = {}

    def gave_up() -> bool:
        text = log.read_text() if log.exists() else ""  # created empty, then written
        if not seen and "\n" in text:
            seen["old"] = int(text.split()[2])  # "ready Sanic-Server-0-0 PID"
            commands(parts).restart(name, zero_downtime=True)  # RestartOrder.STARTUP_FIRST
            return False
        if seen and entry(manager, name).get("state") == "FAILED" \
                and entry(manager, name).get("starts") == 4:
            old = [r.process for p in manager.transient_processes for r in p.retiring]
            seen["old_alive"] = [p.pid for p in old if p.is_alive()]
            return True
        return False

    run_watched(manager, gave_up, stop(manager))
    assert seen["old_alive"] == [seen["old"]]
    assert manager.exit_code == 0  # the old worker still serves: not a dead server
    assert log.read_text().split()[0] == "ready"
    assert "stopped" in log.read_text()  # stopped by the shutdown, not by the restart


def test_without_stop_on_failure_a_failing_server_waits_for_a_restart(parts, caplog) -> None:
    # Auto-reload: a worker whose code cannot start is not respawned (the same code would
    # fail again, with the same error each time); the next change restarts it.
    manager = make(parts, 1, fail_before_ack=True)
    manager.stop_on_server_failure = False
    manager.backoff_base = 0.01
    manager.restart_limit = 5
    manager.run()  # nothing is respawned and nothing stopped: then there is no work
    name = "Sanic-Server-0-0"
    # Nothing is left to restart it (no reloader here): the run ends, and it failed.
    assert manager.exit_code == 1
    assert "No process is left running (Sanic-Server-0-0 failed)" in caplog.text
    assert entry(manager, name)["state"] == "FAILED"
    assert entry(manager, name)["starts"] == 1
    assert "will start again when a watched file changes" in caplog.text
    assert "respawning" not in caplog.text


class _DiesAtOnce:
    """A process that has already exited with code 2 when start() returns (a busy machine
    can deschedule the manager for longer than a failing worker lives)."""

    def __init__(self, name: str, **_: Any) -> None:
        self.name = name
        self.pid: int | None = None
        self.exitcode: int | None = None

    def start(self) -> None:
        self.pid, self.exitcode = 4242, 2

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: float | None = None) -> None:
        return None


def test_a_worker_that_dies_before_the_next_cycle_is_still_respawned(parts, caplog) -> None:
    manager = make(parts)
    manager.backoff_base = 0
    manager.restart_limit = 2
    manager.manage("Quick", targets.crash, {}, restartable=True)
    for process in [*manager.transient_processes, *manager.durable_processes]:
        process.factory = _DiesAtOnce
    manager.run()
    name = "Sanic-Quick-0"
    assert entry(manager, name)["starts"] == 3
    assert entry(manager, name)["state"] == "FAILED"
    assert "giving up on it" in caplog.text


def test_a_process_ignoring_sigterm_is_killed_after_the_timeout(
    parts, tmp_path, caplog
) -> None:
    caplog.set_level(logging.INFO)
    manager = make(parts)
    manager.terminate_timeout = 0.5
    started = tmp_path / "pid"
    manager.manage("Stubborn", targets.stubborn, {"path": str(started)})
    for process in [*manager.transient_processes, *manager.durable_processes]:
        process.terminate_timeout = 0.5
    run_watched(manager, started.exists, stop(manager))
    process = manager.durable_processes[0]
    assert process.exitcode == -signal.SIGKILL
    assert not process.is_alive()
    assert f"Killing Sanic-Stubborn-0 [{process.pid}]" in caplog.text


def test_a_signal_repeated_at_once_is_one_graceful_stop_a_later_one_kills(
    parts, caplog, monkeypatch
) -> None:
    import hurtle_worker.manager as manager_module

    manager = make(parts)
    with caplog.at_level(logging.INFO):
        manager.shutdown_signal(signal.SIGINT, None)
        manager.shutdown_signal(signal.SIGINT, None)  # the same Ctrl-C, forwarded twice
        assert "Received signal SIGINT. Shutting down." in caplog.text
        assert "Shutdown interrupted" not in caplog.text
        monkeypatch.setattr(manager_module, "REPEATED_SIGNAL_GRACE", 0.0)
        manager.shutdown_signal(signal.SIGINT, None)  # a second Ctrl-C, later
        assert "Shutdown interrupted. Killing." in caplog.text


def test_shutdown_interrupts_custom_processes_so_their_clean_up_runs(parts, tmp_path) -> None:
    # As Sanic: processes are asked to stop with SIGINT, so a custom process with default
    # signal handling gets KeyboardInterrupt and its clean-up runs (SIGTERM's default
    # action would end it on the spot, silently).
    manager = make(parts, 1)
    out = tmp_path / "custom"
    manager.manage("Custom", targets.clean_up_on_stop, {"path": str(out)})

    def up() -> bool:
        return entry(manager, "Sanic-Server-0-0").get("state") == "ACKED" and (
            out.exists() and out.read_text() == "running")

    run_watched(manager, up, stop(manager))
    assert out.read_text() == "interrupted"
    assert entry(manager, "Sanic-Custom-0")["state"] == "COMPLETED"


def test_untracked_process_leaves_the_state_once_done_and_unstarted_ones_show_none(
    parts, tmp_path, caplog
) -> None:
    # As Sanic: app.m.workers (and the inspector) forget an untracked process that
    # completed, and show a process not started yet (auto_start=False) as state NONE.
    manager = make(parts, 1)
    out = tmp_path / "pid"
    manager.manage("Quick", targets.write_and_exit, {"path": str(out)}, tracked=False)
    manager.manage("Later", targets.crash, {}, auto_start=False)
    seen: dict[str, Any] = {}

    def quick_gone() -> bool:
        if "Removed worker Quick" not in caplog.text:
            return False
        seen.update(dict(manager.worker_state))
        return True

    with caplog.at_level(logging.INFO):
        run_watched(manager, quick_gone, stop(manager))
    assert out.exists()
    assert "Sanic-Server-0-0" in seen
    assert "Sanic-Quick-0" not in seen
    assert seen["Sanic-Later-0"] == {"server": False, "state": "NONE"}


@pytest.mark.parametrize("method", ["forkserver", "fork"])
def test_processes_run_under_every_start_method(tmp_path, method) -> None:
    # A forkserver child's OS parent is the fork server: it must still run its target
    # (it used to return at once, so every server worker "exited with code 0").
    context = multiprocessing.get_context(method)
    sync = multiprocessing.get_context("fork").Manager()
    reader, writer = context.Pipe(duplex=False)
    try:
        manager = make((context, sync.dict(), (writer, reader)))
        out = tmp_path / "pid"
        manager.manage("Once", targets.write_and_exit, {"path": str(out)})
        # Each process logs with its own label (a forkserver child inherits the fork
        # server's environment, made for the first process started).
        for name in ("First", "Second"):
            manager.manage(name, targets.write_label, {"path": str(tmp_path / name)})
        manager.run()
        assert out.read_text().isdigit()
        assert entry(manager, "Sanic-Once-0")["state"] == "COMPLETED"
        assert [(tmp_path / n).read_text() for n in ("First", "Second")] == ["First", "Second"]
    finally:
        sync.shutdown()


def test_a_process_managed_without_auto_start_starts_when_restarted_by_name(
    parts, tmp_path
) -> None:
    manager = make(parts, 1)
    out = tmp_path / "pid"
    manager.manage("Lazy", targets.write_and_exit, {"path": str(out)}, auto_start=False,
                   restartable=True)
    asked: list[bool] = []

    def started_once_asked() -> bool:
        if not asked and entry(manager, "Sanic-Server-0-0").get("state") == "ACKED":
            assert not out.exists()  # not started with the others
            asked.append(True)
            WorkerMultiplexer(parts[2][0], parts[1]).restart("Sanic-Lazy-0")
        return out.exists()

    run_watched(manager, started_once_asked, stop(manager))
    assert out.read_text().isdigit()
    assert entry(manager, "Sanic-Lazy-0")["starts"] == 1


def test_a_target_that_cannot_be_pickled_is_named_with_the_fix(parts, caplog) -> None:
    manager = make(parts)
    manager.manage("Local", lambda: None, {})
    with caplog.at_level(logging.ERROR), pytest.raises((AttributeError, pickle.PicklingError)):
        manager.run()
    assert "Process Sanic-Local-0 could not be started: " in caplog.text
    assert "'spawn' start method: give it a function defined at module level" in caplog.text


def test_a_server_worker_that_retires_is_not_respawned(parts, caplog) -> None:
    context, state, pubsub = parts
    manager = WorkerManager(1, targets.server_retiring, {}, context, pubsub, state)
    manager.poll_interval = 0.02
    with caplog.at_level(logging.INFO):
        manager.run()  # ends: its only server stopped on purpose
    name = "Sanic-Server-0-0"
    assert entry(manager, name)["state"] == "COMPLETED"
    assert entry(manager, name)["starts"] == 1
    assert manager.exit_code == 0
    assert f"Process {name} [" in caplog.text and "not respawned" in caplog.text
    assert "unexpectedly" not in caplog.text


@pytest.mark.parametrize("order", ["SHUTDOWN_FIRST", "STARTUP_FIRST"])
def test_a_worker_replaced_while_still_starting_ends_quietly(parts, tmp_path, capfd,
                                                              order) -> None:
    context, state, pubsub = parts
    marker = tmp_path / "importing"
    manager = WorkerManager(1, targets.slow_to_import_server, {"marker": str(marker)},
                            context, pubsub, state)
    manager.poll_interval = 0.02
    manager.terminate_timeout = 5
    first: list[int] = []

    def replaced() -> bool:
        # (the file exists a moment before its pid is written)
        if not first and marker.exists() and (pid := marker.read_text()):
            first.append(int(pid))
            WorkerMultiplexer(pubsub[0], state).restart(
                all_workers=True, zero_downtime=order == "STARTUP_FIRST")
        return bool(first) and not _alive(first[0])

    run_watched(manager, replaced, stop(manager))
    err = capfd.readouterr().err
    assert first and not _alive(first[0])
    assert "KeyboardInterrupt" not in err  # SIGINT mid-import printed its traceback


def _alive(pid: int) -> bool:
    """Running and not a zombie. The process may be reaped between any two reads."""
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (ProcessLookupError, FileNotFoundError):
        return False
    return state != "Z"


def test_a_worker_ending_the_run_lets_the_others_finish_starting(parts, tmp_path) -> None:
    # As Sanic: app.stop() in one worker's after_server_start (a "terminate" message) is
    # acted on once every server acknowledged start-up; the others were ended mid-start
    # (their before_server_start listeners and "Starting worker" line never came).
    log = tmp_path / "log"
    context, state, pubsub = parts
    manager = WorkerManager(2, targets.server_stopping_the_run, {"log": str(log)}, context,
                            pubsub, state)
    manager.poll_interval = 0.02
    manager.terminate_timeout = 5
    manager.run()
    assert manager.exit_code == 0
    assert sorted(log.read_text().split("\n")[:2]) == [
        "ready Sanic-Server-0-0", "ready Sanic-Server-1-0"
    ]


def test_a_message_that_cannot_be_read_or_used_is_skipped(parts, caplog) -> None:
    # A child's mistake (a class the main process cannot import, a malformed tuple) used
    # to raise out of the monitor loop and end the supervision of every process.
    manager = make(parts, 1)
    writer = parts[2][0]
    name = "Sanic-Server-0-0"

    def send_bad_then_terminate() -> None:
        writer.send_bytes(b"cno_such_module_for_hurtle_tests\nthing\n.")  # pickle: a global
        writer.send(("ack", name))  # too short
        writer.send(("restart", "not a dict"))
        writer.send(("terminate", {}))

    with caplog.at_level(logging.ERROR):
        run_watched(
            manager, lambda: entry(manager, name).get("state") == "ACKED",
            send_bad_then_terminate,
        )
    assert manager.exit_code == 0
    assert "could not be read: ModuleNotFoundError" in caplog.text
    assert caplog.text.count("could not act on") == 2


def test_a_respawn_that_cannot_start_a_process_is_tried_again(parts, caplog) -> None:
    # fork/spawn failing (EAGAIN: out of processes) raised out of the monitor loop.
    manager = make(parts, 1)
    name = "Sanic-Server-0-0"
    [process] = manager.workers[0].processes
    real_factory = process.factory
    failures: list[int] = []

    def failing_once(**kwargs: Any) -> Any:
        made = real_factory(**kwargs)
        if not failures:
            failures.append(1)

            def refuse() -> None:
                raise BlockingIOError(11, "Resource temporarily unavailable")

            made.start = refuse
        return made

    first: dict[str, int] = {}

    def killed_then_back() -> bool:
        now = entry(manager, name)
        if not first and now.get("state") == "ACKED":
            first["pid"] = now["pid"]
            process.factory = failing_once
            os.kill(now["pid"], signal.SIGKILL)
            return False
        return bool(first) and now.get("state") == "ACKED" and now["pid"] != first["pid"]

    with caplog.at_level(logging.INFO):
        run_watched(manager, killed_then_back, stop(manager))
    assert failures == [1]
    assert entry(manager, name)["pid"] != first["pid"]
    assert "could not be started ([Errno 11] Resource temporarily unavailable)" in caplog.text
    assert manager.exit_code == 0


def test_messages_in_sanics_string_form_are_understood(parts, caplog) -> None:
    # Code beside the manager writes Sanic's strings to app.manager.monitor_publisher:
    # sanic-ext's health monitor sends the name of a worker that stopped reporting.
    manager = make(parts)
    calls: list[Any] = []
    manager.restart = lambda process_names=None, restart_order=None, **kw: calls.append(
        ("restart", process_names, restart_order, kw)
    )
    manager.scale = lambda number: calls.append(("scale", number))
    with caplog.at_level(logging.ERROR):
        for message in ("Sanic-Server-0-0", "A,B:", "A::STARTUP_FIRST",
                        "__ALL_PROCESSES__:a.py,b.py", "__SCALE__:3", ""):
            manager._handle_message(message)
        ended = manager._handle_message("__TERMINATE__")
    # The field after the names is the changed files, the new workers' RELOADED_FILES.
    assert calls == [
        ("restart", ["Sanic-Server-0-0"], RestartOrder.SHUTDOWN_FIRST, {"reloaded_files": None}),
        ("restart", ["A", "B"], RestartOrder.SHUTDOWN_FIRST, {"reloaded_files": ""}),
        ("restart", ["A"], RestartOrder.STARTUP_FIRST, {"reloaded_files": ""}),
        ("restart", None, RestartOrder.SHUTDOWN_FIRST, {"reloaded_files": "a.py,b.py"}),
        ("scale", 3),
    ]
    assert ended.name == "BREAK"
    assert [r.getMessage() for r in caplog.records] == [
        "Ignoring a malformed message to the worker manager: ''"
    ]


def test_a_crash_seen_once_the_stop_was_asked_for_is_not_said_to_respawn(parts, caplog) -> None:
    # A restartable process that crashed as SIGINT came was logged "respawning it in
    # 1.6s" right after "Shutting down.", and nothing was respawned.
    manager = make(parts)
    manager.manage("Crashy", targets.crash, {"code": 3}, restartable=True)
    [process] = manager.transient_processes or manager.durable_processes
    process.last_exit = "exited with code 3"
    manager.shutdown_signal(signal.SIGINT, None)
    with caplog.at_level(logging.INFO):
        manager._respawn_later(process, 4321, time.monotonic())
    assert "respawning" not in caplog.text
    assert ("Process Sanic-Crashy-0 [4321] exited with code 3 unexpectedly; not respawned: "
            "the server is shutting down.") in caplog.text
    assert process.respawn_at is None
    assert entry(manager, "Sanic-Crashy-0")["state"] == "FAILED"


def test_a_refused_manage_from_a_worker_is_logged_in_sanics_words(parts, caplog) -> None:
    # app.m.manage("Late", ...) twice: Sanic logs "Failed to manage worker Late" with the
    # traceback ending in the reason; Hurtle said "Cannot manage process: ..." instead.
    manager = make(parts)
    message = ("manage", {"name": "Late", "func": targets.crash, "kwargs": {}})
    with caplog.at_level(logging.INFO):
        manager._handle_message(message)
        manager._handle_message(message)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "Failed to manage worker Late"
    assert record.exc_info is not None
    assert str(record.exc_info[1]) == "Worker Late already exists"


def test_a_crash_not_yet_seen_when_a_restart_comes_is_still_reported(parts, caplog) -> None:
    # Auto-reload: a worker whose new code failed (exit 2) ended just before the next
    # change asked for a restart. The restart started its replacement at once and the
    # failure was never logged: a silent death. It is reported first, then replaced.
    manager = make(parts, 1, fail_before_ack=True)
    manager.stop_on_server_failure = False
    process = manager.transient_processes[0]
    process.start()
    process.join(20)
    try:
        with caplog.at_level(logging.INFO):
            manager._handle_message(("restart", {"names": None, "order": "SHUTDOWN_FIRST",
                                                 "kwargs": {}}))
        assert "exited with code 2 before it finished starting" in caplog.text
        assert process.starts == 2  # and it was started again
    finally:
        manager.kill()
        process.join(20)
