"""``WorkerProcess`` (one named OS process, restartable) and ``Worker`` (a group of them).

Processes are started with the manager's ``multiprocessing`` context (``spawn`` by
default), so targets and their kwargs must be picklable; sockets and pipe connections in
the kwargs are handed to the child as duplicated file descriptors.
"""

from __future__ import annotations

import inspect
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from multiprocessing.process import BaseProcess
from typing import Any

from hurtle_worker.colors import process_line
from hurtle_worker.constants import (
    IDENT_ENV,
    PROCESS_PREFIX,
    WORKER_NAME_ENV,
    ProcessState,
    RestartOrder,
)

logger = logging.getLogger("sanic.root")
# As Sanic: in a colour terminal the process name stands out (the PID in blue).
_STARTING = process_line("Starting a process")
_TERMINATING = process_line("Terminating a process", with_pid=True)

#: Seconds a stopping process gets after SIGINT before it is killed.
DEFAULT_TERMINATE_TIMEOUT = 20.0


#: The order of a process' keys in the shared state, as Sanic shows them.
_STATE_ORDER = ("server", "state", "pid", "start_at", "starts", "serving", "restart_at")


def get_now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(tz=timezone.utc)


def set_parent_death_signal() -> None:
    """Ask Linux to SIGTERM this process when its parent dies (no orphans left serving)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return


def process_bootstrap(
    target: Callable[..., Any], name: str, kwargs: Mapping[str, Any], parent_pid: int,
    parent_death_signal: bool, label: str = "", start_method: str = "",
    booted: Any = None,
) -> None:
    """The entry point of every child: name it, tie it to its parent, call the target.

    ``booted`` (an event, for processes that send no ack) is set once the child handles
    SIGINT as its target expects, after its imports: see ``WorkerProcess.stop_signal``.
    """
    os.environ[WORKER_NAME_ENV] = name
    if start_method == "forkserver":
        _release_fork_server()
    if label:
        # Set here too: a ``forkserver`` child inherits the fork server's environment,
        # which is that of the first process started, not the one it was started with.
        os.environ[IDENT_ENV] = label
    # A forked child inherits the manager's handlers; a child starts with the defaults.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if booted is not None:
        booted.set()
    if parent_death_signal:
        set_parent_death_signal()
        if not _parent_alive(parent_pid):  # it died before prctl took effect
            return
    target(**kwargs)


def _release_fork_server() -> None:
    """Close this child's copy of the fork server's "alive" pipe.

    Every ``forkserver`` child receives the write end of the pipe by which the fork server
    learns that the manager has died (end of file: it exits). Held by the children, the
    pipe never ends, so after a SIGKILLed manager the fork server, the children's parent,
    lives on and their parent-death signal never comes: orphan workers keep serving.
    """
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if fd is None:
        return
    try:
        os.close(fd)
    except OSError:
        pass
    # A process this child starts with forkserver gets a fork server of its own.
    server._forkserver_alive_fd = None  # type: ignore[union-attr]


def _boot_event(start_method: str | None) -> Any:
    """An event of the child's start method (a semaphore made for one method cannot be
    handed to a child of another); None where none can be made (no shared memory)."""
    try:
        return multiprocessing.get_context(start_method).Event()
    except (OSError, ValueError):  # pragma: no cover - no /dev/shm, unknown method
        return None


def _parent_alive(parent_pid: int) -> bool:
    """Whether the manager's process still runs. Under ``forkserver`` a child's OS parent
    is the fork server, not the manager, so a different ``getppid()`` proves nothing."""
    if os.getppid() == parent_pid:
        return True
    try:
        os.kill(parent_pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a reused pid owned by someone else
        return False
    return True


def _takes_config(target: Callable[..., Any]) -> bool:
    """Whether ``target`` accepts a ``config`` keyword (by name or through ``**kwargs``)."""
    try:
        parameters = inspect.signature(target).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(
        p.name == "config" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters
    )


class _Retiring:
    """An old OS process being replaced: stop it (now or after the new one acks), reap it."""

    __slots__ = ("process", "wait_for_ack", "start_after_exit", "deadline", "starting")

    def __init__(self, process: Any, *, wait_for_ack: bool, start_after_exit: bool,
                 starting: bool = False) -> None:
        self.process = process
        self.wait_for_ack = wait_for_ack
        self.start_after_exit = start_after_exit
        self.deadline: float | None = None
        #: A server worker replaced before it acknowledged start-up (see ``_stop_retiring``).
        self.starting = starting

    def interrupt(self) -> None:
        """Ask the old process to stop, if it runs: SIGINT, or SIGTERM while it was still
        starting (see ``WorkerProcess._stop_retiring``)."""
        if self.process.is_alive():
            interrupt(self.process, signal.SIGTERM if self.starting else signal.SIGINT)


def interrupt(proc: Any, signum: int = signal.SIGINT) -> None:
    """Ask an OS process to stop with SIGINT, as Sanic does: Python raises
    ``KeyboardInterrupt`` in a custom process (its ``finally``/``except`` clean-up runs;
    SIGTERM's default action would end it on the spot); server workers stop gracefully."""
    # Python 3.14's multiprocessing processes have an interrupt() of their own, which
    # always sends SIGINT: a real process gets ``signum`` from os.kill below.
    if not isinstance(proc, BaseProcess):
        send = getattr(proc, "interrupt", None)
        if send is not None:  # a stand-in process (tests)
            send()
            return
    pid = proc.pid
    if pid is None or not proc.is_alive():
        return
    try:
        os.kill(pid, signum)
    except ProcessLookupError:  # ended meanwhile
        return


def _explain_pickling(name: str, process: Any, exc: BaseException) -> None:
    """Say why a process could not start when what it was given cannot be pickled."""
    method = getattr(process, "_start_method", None) or "spawn"
    logger.error(
        "Process %s could not be started: %s. A process receives its target and arguments "
        "(for server workers, also the values of app.shared_ctx) pickled, under the %r "
        "start method: give it a function defined at module level and picklable values.",
        name, exc, method,
    )


def describe_exit(exitcode: int | None) -> str:
    """A human phrase for an exit code: ``killed by SIGKILL``, ``exited with code 1``."""
    if exitcode is None:
        return "is still running"
    if exitcode < 0:
        try:
            return f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"was killed by signal {-exitcode}"
    return f"exited with code {exitcode}"


def _ident_label(name: str, prefix: str = PROCESS_PREFIX) -> str:
    """A managed process's log prefix, as Sanic: the name it was managed under
    (``Sanic-Logger-0`` -> ``Logger``, sanic-ext's background logger)."""
    base = name.removeprefix(prefix)
    head, dash, index = base.rpartition("-")
    return head if dash and index.isdigit() else base


class WorkerProcess:
    """One named process: start, stop, restart (in either order), and its shared state."""

    #: As Sanic's class attributes: a server worker's group is ``<SERVER_LABEL>-<n>``
    #: (``Server-0``) and its log lines start ``<SERVER_IDENTIFIER> <n>`` (``Srv 0``); both
    #: are read when the manager adds a server worker, so a subclass or an assignment
    #: before the run renames them. ``THRESHOLD``: Sanic's tick count for acknowledgements.
    THRESHOLD = 300
    SERVER_LABEL = "Server"
    SERVER_IDENTIFIER = "Srv"

    def __init__(
        self,
        factory: Callable[..., Any],
        name: str,
        target: Callable[..., Any],
        kwargs: dict[str, Any],
        worker_state: Any,
        restartable: bool = False,
        *,
        server: bool = False,
    ) -> None:
        self.factory = factory
        self.name = name
        self.target = target
        self.kwargs = kwargs
        self.worker_state = worker_state
        self.restartable = restartable
        #: A server worker (acknowledges start-up); known from the first entry written,
        #: so a worker added by ``scale`` is never listed as another kind of process.
        self.server = server
        self.ack_expected = server
        #: Short label for log lines (``Srv 0``), given to the child as SANIC_WORKER_IDENTIFIER.
        self.ident_label = _ident_label(name)
        self.terminate_timeout = DEFAULT_TERMINATE_TIMEOUT
        self.process: Any = None
        #: Set by the current child once it reached its target (processes without ack).
        self.booted: Any = None
        self.state = ProcessState.NONE
        self.starts = 0
        self.restarts = 0
        self.acked_once = False
        self.ack_warned = False
        #: The running process said it stops on purpose (``app.stop(terminate=False)``).
        self.retired = False
        self.started_monotonic: float | None = None
        self.stopping = False
        self.stop_deadline: float | None = None
        self.respawn_at: float | None = None
        self.crash_times: deque[float] = deque()
        self.last_exit: str | None = None
        #: The OS pid of the latest process started (kept once the manager has reaped it).
        self.last_pid: int | None = None
        self.retiring: list[_Retiring] = []
        self._lock = threading.RLock()
        # Never started: NONE, as Sanic (and what app.m.workers shows); a restart by name
        # starts it (manage(..., auto_start=False)).
        self.announce()

    def __repr__(self) -> str:
        return f"<WorkerProcess {self.name} pid={self.pid} state={self.state.name}>"

    # -- state ------------------------------------------------------------------------------
    def announce(self) -> None:
        """Publish the entry of a process not started yet as Sanic shows it (in
        ``app.m.workers`` and the inspector): ``{"server": ..., "state": "NONE"}``."""
        try:
            self.worker_state[self.name] = {
                "server": self.server, "state": ProcessState.NONE.name,
            }
        except (OSError, EOFError, BrokenPipeError):  # the state server is gone (shutdown)
            return

    def set_state(self, state: ProcessState, force: bool = False) -> None:
        """Record ``state`` here and in the shared worker state.

        As Sanic's, a state earlier in the life cycle than the current one (``STARTING``
        after ``ACKED``) is refused with an ``Exception`` unless ``force`` is given; the
        manager's own calls force it (a respawn starts the cycle again).
        """
        if state < self.state and not force:
            raise Exception(
                f"Cannot set the state of {self.name} back from {self.state.name} to "
                f"{state.name}; pass force=True to do it anyway."
            )
        self.state = state
        try:
            entry = dict(self.worker_state.get(self.name) or {})
        except (OSError, EOFError, BrokenPipeError):  # the state server is gone (shutdown)
            return
        if self.pid is None:
            # No process runs under this name (one not started yet, or the old one let
            # go for a restart): as Sanic, only the state changes, and the entry keeps
            # the last pid, starts and start_at it had (none before a first start).
            entry.update(server=self.server, state=state.name)
        else:
            entry.update(server=self.server, state=state.name, pid=self.pid,
                         starts=self.starts)
            if "start_at" not in entry:
                entry["start_at"] = get_now()
            elif state is ProcessState.STARTED and self.starts > 1:
                # As Sanic: ``start_at`` is the first start, ``restart_at`` the latest.
                entry["restart_at"] = get_now()
        if self.restarts:
            # Respawns after a crash (Sanic has none): the key shows once there was one,
            # so a worker that never crashed holds Sanic's keys only.
            entry["restarts"] = self.restarts
        if self.last_exit is not None:
            entry["last_exit"] = self.last_exit
        # As Sanic: ``serving`` appears once the worker says it serves (set_serving).
        # A stopping worker still serves (drains) until it says otherwise: its
        # before_server_stop listeners see TERMINATED (or RESTARTING) with serving True.
        # STARTING leaves it too: during a zero-downtime restart the old worker serves
        # on while its replacement is being started (the new process's STARTED resets it).
        if "serving" in entry and state not in (
            ProcessState.ACKED, ProcessState.TERMINATED, ProcessState.RESTARTING,
            ProcessState.STARTING,
        ):
            entry["serving"] = False
        # Sanic's keys first, in Sanic's order (what app.m.state and the inspector show).
        ordered = {k: entry.pop(k) for k in _STATE_ORDER if k in entry}
        entry = {**ordered, **entry}
        try:
            self.worker_state[self.name] = entry
        except (OSError, EOFError, BrokenPipeError):
            return

    # -- process ----------------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        """The OS process id of the current process (None before start)."""
        return self.process.pid if self.process is not None else None

    @property
    def exitcode(self) -> int | None:
        """The exit code of the current process (None while it runs)."""
        return self.process.exitcode if self.process is not None else None

    def is_alive(self) -> bool:
        """Whether the current process runs."""
        return self.process is not None and self.process.is_alive()

    def spawn(self) -> None:
        """Create (not start) a new OS process for this name."""
        start_method = getattr(self.factory, "_start_method", None)
        # A process that sends no ack tells this way that its imports are done.
        self.booted = None if self.ack_expected else _boot_event(start_method)
        self.process = self.factory(
            name=self.name,
            target=process_bootstrap,
            kwargs={
                "target": self.target,
                "name": self.name,
                "kwargs": self.kwargs,
                "parent_pid": os.getpid(),
                "parent_death_signal": threading.current_thread() is threading.main_thread(),
                "label": self.ident_label,
                "start_method": start_method
                or multiprocessing.get_start_method(allow_none=True) or "",
                "booted": self.booted,
            },
            daemon=False,
        )

    def start(self) -> None:
        """Spawn and start a new OS process for this name."""
        with self._lock:
            logger.debug(_STARTING, self.name)
            self.set_state(ProcessState.STARTING, force=True)
            self.spawn()
            # The child reads these while importing the main module again, before the
            # target runs, so they go in the environment it is started with.
            saved = {key: os.environ.get(key) for key in (WORKER_NAME_ENV, IDENT_ENV)}
            os.environ[WORKER_NAME_ENV] = self.name
            os.environ[IDENT_ENV] = self.ident_label
            try:
                self.process.start()
            except (TypeError, AttributeError, pickle.PicklingError) as exc:
                if "pickle" in str(exc).lower():
                    _explain_pickling(self.name, self.process, exc)
                raise
            finally:
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
            self.starts += 1
            self.last_pid = self.process.pid
            self.stopping = False
            self.stop_deadline = None
            self.ack_warned = False
            self.retired = False
            self.started_monotonic = time.monotonic()
            self.set_state(ProcessState.STARTED, force=True)

    def ack(self, pid: int | None) -> bool:
        """The process ``pid`` said it is ready; True when it is the current one."""
        if pid is not None and pid != self.pid:
            return False
        self.acked_once = True
        self.set_state(ProcessState.ACKED, force=True)
        return True

    def join(self, timeout: float | None = None) -> None:
        """Wait for the current process to end."""
        if self.process is not None and self.process.pid is not None:
            self.process.join(timeout)

    def terminate(self) -> None:
        """Ask the current process to stop (SIGINT); it is killed if it does not."""
        with self._lock:
            self.stopping = True
            self.stop_deadline = time.monotonic() + self.terminate_timeout
            signum = self.stop_signal()
            # Recorded first, as Sanic: a worker's stop listeners read TERMINATED in
            # app.m.state, whichever worker the signal reaches first.
            self.set_state(ProcessState.TERMINATED, force=True)
            if self.is_alive():
                logger.debug(_TERMINATING, self.name, self.pid)
                interrupt(self.process, signum)

    def stop_signal(self) -> int:
        """SIGINT, or SIGTERM for a process still starting: a server worker that has not
        acknowledged start-up yet, or another process still importing its main module
        (under ``spawn``), where SIGINT printed a ``KeyboardInterrupt`` traceback from the
        middle of its imports (see ``_stop_retiring``)."""
        if self.ack_expected:
            starting = self.state is not ProcessState.ACKED
        else:
            starting = self.booted is not None and not self.booted.is_set()
        return signal.SIGTERM if starting else signal.SIGINT

    def kill(self) -> None:
        """Kill the current and any retiring process at once (SIGKILL)."""
        for proc in [self.process, *(r.process for r in self.retiring)]:
            if proc is not None and proc.is_alive():
                logger.info("Killing %s [%s]", self.name, proc.pid)
                proc.kill()

    def exit(self) -> None:
        """Reap the finished current process and record how it ended."""
        if self.process is None or self.process.pid is None:
            return
        self.process.join(0)
        code = self.process.exitcode
        if code is not None:
            self.set_state(ProcessState.COMPLETED if code == 0 else ProcessState.FAILED, force=True)

    def restart(self, restart_order: RestartOrder = RestartOrder.SHUTDOWN_FIRST,
                **kwargs: Any) -> None:
        """Replace the process: stop the old one first, or start the new one first.

        With ``STARTUP_FIRST`` the old process keeps serving until the new one has
        acknowledged start-up, then it is stopped gracefully. The manager's monitor loop
        drives the rest (``tick``).
        """
        with self._lock:
            order = RestartOrder(restart_order)
            if _takes_config(self.target):
                # As Sanic: what a restart was asked with (``reloaded_files`` from the
                # reloader) reaches the new process as upper-case config values, here
                # ``app.config.RELOADED_FILES`` in a server worker; a target without a
                # ``config`` parameter (or ``**kwargs``) gets nothing.
                self.kwargs["config"] = {key.upper(): value for key, value in kwargs.items()}
            old = self.process
            self.respawn_at = None
            self.crash_times.clear()  # an asked-for restart starts a fresh back-off
            if old is None or not old.is_alive():
                if any(r.start_after_exit for r in self.retiring):
                    # A restart already waits for the old process to exit and starts the
                    # new one then; starting one now too would leave a process untracked.
                    logger.debug("Restart already under way: %s", self.name)
                    return
                if self.last_pid is not None:  # one that has ended (a process that returned)
                    logger.debug("Restarting a process: %s [%s]", self.name, self.last_pid)
                self.start()
                return
            # The debug lines are Sanic's, in its order for either restart order.
            logger.debug("Restarting a process: %s [%s]", self.name, old.pid)
            starting = self.stop_signal() == signal.SIGTERM
            if order is RestartOrder.SHUTDOWN_FIRST:
                self.process = None
                retiring = _Retiring(old, wait_for_ack=False, start_after_exit=True,
                                     starting=starting)
                logger.debug("Begin restart termination: %s [%s]", self.name, old.pid)
                # Recorded before the signal, as at shutdown: the old worker's stop
                # listeners read RESTARTING (and serving True while it drains).
                self.set_state(ProcessState.RESTARTING, force=True)
                self._stop_retiring(retiring)
                self.retiring.append(retiring)
            else:
                self.retiring.append(
                    _Retiring(old, wait_for_ack=self.ack_expected, start_after_exit=False,
                              starting=starting)
                )
                self.start()
                logger.debug("Begin restart termination: %s [%s]", self.name, old.pid)
                if self.ack_expected:
                    logger.debug("Waiting for process to be acked: %s [%s]", self.name,
                                 self.pid)
                else:
                    self._stop_retiring(self.retiring[-1])

    def _stop_retiring(self, retiring: _Retiring) -> None:
        retiring.wait_for_ack = False
        retiring.deadline = time.monotonic() + self.terminate_timeout
        # A server worker replaced while still starting (restarts in a row, an editor
        # saving twice under auto-reload) may not have reached its own signal handling:
        # SIGTERM ends it quietly there, where SIGINT printed a KeyboardInterrupt
        # traceback from the middle of its imports. Once it handles signals, both stop
        # it gracefully.
        retiring.interrupt()

    def tick(self, now: float) -> None:
        """Advance restarts in progress: stop old processes once replaced, reap them."""
        with self._lock:
            for retiring in list(self.retiring):
                if retiring.wait_for_ack:
                    # Only a replacement that is up retires the old process; one that died
                    # starting leaves the old one serving while the manager respawns it.
                    if self.state is ProcessState.ACKED and self.is_alive():
                        logger.debug("Process acked. Terminating: %s [%s]", self.name,
                                     retiring.process.pid)
                        self._stop_retiring(retiring)
                    continue
                proc = retiring.process
                if proc.is_alive():
                    if retiring.deadline is not None and now > retiring.deadline:
                        logger.warning(
                            "Process %s [%s] did not stop in time; killing it",
                            self.name, proc.pid,
                        )
                        proc.kill()
                    continue
                proc.join(0)
                self.retiring.remove(retiring)
                if retiring.start_after_exit and not self.is_alive():
                    self.start()

    def has_work(self) -> bool:
        """Whether anything about this name is still running or pending."""
        if self.retiring or self.respawn_at is not None:
            return True
        proc = self.process
        if proc is None:
            return False
        # A process that already exited but whose exit the manager has not handled yet
        # (one respawned in this very cycle can die before the next) is still work.
        return proc.is_alive() or not self.stopping


class Worker:
    """A named group of identical processes (``Sanic-<ident>-<n>``)."""

    #: The first part of its processes' names, as Sanic's class attribute: set before the
    #: run (``Worker.WORKER_PREFIX = "MyApp"``), the processes are ``MyApp-Server-0-0``...
    #: (the main process stays ``Sanic-Main``).
    WORKER_PREFIX = "Sanic"

    def __init__(
        self,
        ident: str,
        serve: Callable[..., Any],
        server_settings: dict[str, Any],
        context: Any,
        worker_state: Any,
        num: int = 1,
        restartable: bool = False,
        tracked: bool = True,
        auto_start: bool = True,
        transient: bool = False,
        server: bool = False,
        name: str = "",
    ) -> None:
        self.ident = ident
        #: The group's key in ``WorkerManager.all_workers`` and in its process names
        #: (``Sanic-<name>-<n>``): ``Server-0`` for a server worker (whose ``ident`` is
        #: ``Srv 0``, as in Sanic), the ident itself for a managed process.
        self.name = name or ident
        self.serve = serve
        self.server_settings = server_settings
        self.context = context
        self.worker_state = worker_state
        self.num = num
        self.restartable = restartable
        self.tracked = tracked
        self.auto_start = auto_start
        self.transient = transient
        self.server = server
        self.processes: list[WorkerProcess] = []
        self._index = 0
        for _ in range(num):
            self.create_process()

    def __repr__(self) -> str:
        return f"<Worker {self.name} processes={len(self.processes)}>"

    def create_process(self) -> WorkerProcess:
        """Add one more process to the group (not started)."""
        process = WorkerProcess(
            factory=self.context.Process,
            name=f"{self.WORKER_PREFIX}-{self.name}-{self._index}",
            target=self.serve,
            kwargs={**self.server_settings},
            worker_state=self.worker_state,
            restartable=self.restartable,
            server=self.server,
        )
        self._index += 1
        if self.server:
            process.ident_label = (
                f"{WorkerProcess.SERVER_IDENTIFIER} {self.name.rpartition('-')[2]}"
            )
        else:
            process.ident_label = _ident_label(process.name, f"{self.WORKER_PREFIX}-")
        self.processes.append(process)
        return process

    def has_alive_processes(self) -> bool:
        """Whether any process of the group runs."""
        return any(p.is_alive() for p in self.processes)


__all__ = [
    "Worker",
    "WorkerProcess",
    "describe_exit",
    "get_now",
    "process_bootstrap",
    "set_parent_death_signal",
]
