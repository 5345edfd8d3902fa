"""``WorkerManager``: start the processes, watch them, restart, scale and stop them.

Theory of operation: everything happens in the thread that calls ``run()`` (normally the
main thread), in one loop (``monitor``) that waits up to ``poll_interval`` for a message
from a child on the monitor pipe, then looks at every process: acknowledgements that are
late, processes that died (reported, then respawned with exponential back-off, up to
``restart_limit`` times per ``restart_window`` seconds), restarts in progress (old process
stopped once its replacement acknowledged), and processes being removed. Signals only set
a flag that the loop acts on, so no state is changed from a signal handler.

Children talk to the manager with small picklable tuples (see ``WorkerMultiplexer``):
``("ack", name, pid)``, ``("restart", {...})``, ``("scale", n)``, ``("terminate", {})``,
``("manage", {...})``.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from hurtle_worker.constants import MAIN_NAME, ProcessState, RestartOrder
from hurtle_worker.process import Worker, WorkerProcess, describe_exit
from hurtle_worker.restarter import Restarter

logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")


class MonitorCycle(IntEnum):
    """What the monitor loop does after handling a message."""

    BREAK = 1
    CONTINUE = 2


#: A repeated SIGINT/SIGTERM within this many seconds of the first is the same request to
#: stop; a later one (a second Ctrl-C) kills the processes at once.
REPEATED_SIGNAL_GRACE = 0.5

#: At most this many waiting messages are handled before the processes are looked at.
MESSAGES_PER_CYCLE = 64

def _from_sanic_form(message: str) -> Any:
    """A message in Sanic's string form as this manager's tuple (the string when it is not
    one). Code beside the manager sends these to ``app.manager.monitor_publisher``:
    sanic-ext's health monitor sends the name of a worker that stopped reporting.

    ``__TERMINATE__`` (or ``__TERMINATE_EARLY__``), ``__SCALE__:<n>``, and
    ``<names>[:<files>[:<order>]]``: restart the comma-separated process names
    (``__ALL_PROCESSES__``: every transient one) in that ``RestartOrder``, telling them
    the changed ``files`` (``RELOADED_FILES``).
    """
    if message in ("__TERMINATE__", "__TERMINATE_EARLY__"):
        return ("terminate",)
    if message.startswith("__SCALE__:"):
        return ("scale", message.partition(":")[2])
    names, colon, rest = message.partition(":")
    if not names:
        return message
    order = rest.rpartition(":")[2]
    options: dict[str, Any] = {
        "names": None if names == "__ALL_PROCESSES__" else [n for n in names.split(",") if n],
        # The second field: the changed files (RELOADED_FILES), None without a colon.
        "kwargs": {"reloaded_files": rest.partition(":")[0] if colon else None},
    }
    if order in RestartOrder.__members__:
        options["order"] = order
    return ("restart", options)


class WorkerManager:
    """Run and supervise the server workers and any custom processes.

    ``serve`` is the server workers' target: ``serve(**server_settings,
    monitor_publisher=..., worker_state=...)`` runs in each of ``number`` processes.
    """

    THRESHOLD = 300  # legacy: ticks of 0.1 s to wait for acknowledgements (30 s)
    MAIN_NAME = MAIN_NAME

    def __init__(
        self,
        number: int,
        serve: Callable[..., Any],
        server_settings: dict[str, Any],
        context: Any,
        monitor_pubsub: tuple[Any, Any],
        worker_state: Any,
    ) -> None:
        if number < 0:
            raise ValueError(f"Cannot run {number} workers: use 0 or more.")
        self.num_server = number
        self.context = context
        self.transient: dict[str, Worker] = {}
        self.durable: dict[str, Worker] = {}
        self.restarter = Restarter()
        self.monitor_publisher, self.monitor_subscriber = monitor_pubsub
        self.worker_state = worker_state
        self.worker_state[self.MAIN_NAME] = {"pid": self.pid}
        self._serve = serve
        self._server_settings = server_settings
        self._server_index = 0
        self._removing: list[WorkerProcess] = []
        self._shutdown_requested = False
        # When a worker's app.stop() asked for shutdown while other servers still start.
        self._terminate_deadline: float | None = None
        self._startup_failed = False
        self._force_kill = False
        self._first_signal_at: float | None = None
        self._monitoring = False
        self._thread: threading.Thread | None = None
        #: Seconds a server worker has to acknowledge start-up before a warning.
        self.ack_timeout = 30.0
        #: Respawns allowed per process within ``restart_window`` seconds.
        self.restart_limit = 10
        self.restart_window = 60.0
        #: First respawn delay; doubles on each further crash, up to ``backoff_max``.
        self.backoff_base = 0.1
        self.backoff_max = 5.0
        #: Seconds a process gets after SIGINT before SIGKILL.
        self.terminate_timeout = 20.0
        self.poll_interval = 0.1
        #: Stop everything when server workers cannot be kept up. Off under auto-reload,
        #: where the next code change restarts them (and a worker that fails to start
        #: waits for that change instead of being respawned).
        self.stop_on_server_failure = True
        #: 0 after a clean stop, 1 when the manager gave up on its servers.
        self.exit_code = 0
        for _ in range(number):
            self.create_server()

    # -- views --------------------------------------------------------------------------------
    @property
    def workers(self) -> list[Worker]:
        """Every worker group, server workers first, then managed ones (as Sanic)."""
        return [w for _, w in self.all_workers]

    @property
    def _servers(self) -> list[Worker]:
        """The server worker groups (``Server-<n>``), oldest first."""
        return [w for w in self.transient.values() if w.server]

    @property
    def all_workers(self) -> Iterable[tuple[str, Worker]]:
        """Every worker group, by ident."""
        return [*self.transient.items(), *self.durable.items()]

    @property
    def processes(self) -> list[WorkerProcess]:
        """The processes running now (as Sanic: one not started or ended is left out)."""
        return [p for p in self._all_processes if p.is_alive()]

    @property
    def _all_processes(self) -> list[WorkerProcess]:
        """Every process of every group, running or not."""
        return [p for _, w in self.all_workers for p in w.processes]

    @property
    def transient_processes(self) -> list[WorkerProcess]:
        """Processes restarted with every global restart (server workers, reloadable)."""
        return [p for w in self.transient.values() for p in w.processes]

    @property
    def durable_processes(self) -> list[WorkerProcess]:
        """Processes only restarted when named."""
        return [p for w in self.durable.values() for p in w.processes]

    @property
    def pid(self) -> int:
        """The main process id."""
        return os.getpid()

    # -- registration -------------------------------------------------------------------------
    def _new_worker(self, ident: str, func: Callable[..., Any], kwargs: dict[str, Any],
                    **options: Any) -> Worker:
        worker = Worker(ident, func, kwargs, self.context, self.worker_state, **options)
        for process in worker.processes:
            process.terminate_timeout = self.terminate_timeout
        return worker

    def create_server(self) -> Worker:
        """Add one server worker (``Server-<n>``), started by ``start``/``scale``."""
        index = self._server_index
        self._server_index += 1
        settings = {
            **self._server_settings,
            "monitor_publisher": self.monitor_publisher,
            "worker_state": self.worker_state,
        }
        worker = self._new_worker(
            f"{WorkerProcess.SERVER_IDENTIFIER} {index}", self._serve, settings,
            transient=True, restartable=True, server=True,
            name=f"{WorkerProcess.SERVER_LABEL}-{index}",
        )
        self.transient[worker.name] = worker
        return worker

    def manage(
        self,
        name: str,
        func: Callable[..., Any],
        kwargs: dict[str, Any],
        transient: bool = False,
        restartable: bool | None = None,
        tracked: bool = True,
        auto_start: bool = True,
        workers: int = 1,
        ident: str = "",
    ) -> Worker:
        """Run ``func(**kwargs)`` in ``workers`` processes named ``Sanic-<name>-<n>``.

        ``ident`` (Sanic 25.12's spelling) overrides ``name`` when given.
        ``transient`` processes restart with every global restart (e.g. auto-reload);
        ``restartable`` ones can be restarted by name (implied by ``transient``);
        untracked ones are forgotten once they complete.
        """
        ident = ident or name
        if ident in self.transient or ident in self.durable:
            raise ValueError(f"Worker {ident} already exists")
        if restartable is None:
            restartable = transient
        if transient and not restartable:
            # As Sanic: every global restart (auto-reload, app.m.restart()) restarts
            # transient processes, so one that must not restart cannot be transient.
            raise ValueError("Cannot create a transient worker that is not restartable")
        if not callable(func):
            raise TypeError(f"manage({ident!r}, ...) needs a callable, got {func!r}")
        if workers < 0:
            raise ValueError(f"manage({ident!r}, ..., workers={workers}) needs workers >= 0")
        # As Sanic: ``workers=0`` is a group with no process (a count read from the config
        # may turn a job off), and ``kwargs`` must be a mapping (the same TypeError).
        worker = self._new_worker(
            ident, func, {**kwargs}, num=workers,
            restartable=bool(restartable), tracked=tracked,
            auto_start=auto_start, transient=transient,
        )
        (self.transient if transient else self.durable)[ident] = worker
        if self._monitoring and auto_start:
            for process in worker.processes:
                process.start()
        return worker

    def remove_worker(self, worker: Worker) -> None:
        """Forget an untracked worker group whose processes have all stopped.

        A tracked group, or one with a live process, is kept (an error is logged).
        """
        if worker.tracked:
            error_logger.error("Worker %s is tracked and cannot be removed.", worker.name)
            return
        if worker.has_alive_processes():
            error_logger.error(
                "Worker %s has alive processes and cannot be removed.", worker.name
            )
            return
        self.transient.pop(worker.name, None)
        self.durable.pop(worker.name, None)
        for process in worker.processes:
            self._forget(process)
        logger.info("Removed worker %s", worker.name)

    def _forget(self, process: WorkerProcess) -> None:
        """Drop a process's entry from the shared state (``app.m.workers``, inspector)."""
        try:
            self.worker_state.pop(process.name, None)
        except (OSError, EOFError):
            pass

    # -- running ------------------------------------------------------------------------------
    def run(self) -> None:
        """Start every process, supervise until shut down, then clean up."""
        self._install_signals()
        try:
            self.start()
            self.monitor()
        finally:
            self.shutdown()
            self.cleanup()
            self._restore_signals()

    def start(self) -> None:
        """Start every auto-start process."""
        for _, worker in self.all_workers:
            if worker.auto_start:
                for process in worker.processes:
                    if not process.is_alive():
                        process.start()

    def wait_for_ack(self) -> None:
        """Block until every server process acknowledged start-up (or died)."""
        while not self._shutdown_requested:
            pending = [
                p for w in self._servers for p in w.processes
                if p.is_alive() and p.state is not ProcessState.ACKED
            ]
            if not pending:
                return
            self._cycle()

    def monitor(self) -> None:
        """Supervise until shutdown is asked for or nothing is left to run."""
        self._monitoring = True
        try:
            while not self._shutdown_requested:
                if self._cycle() is MonitorCycle.BREAK:
                    break
        finally:
            self._monitoring = False

    def _cycle(self) -> MonitorCycle:
        try:
            wait = self.poll_interval
            # Every message already sent is handled before the processes are looked at:
            # one that says a process stops on purpose comes before its exit is seen.
            for _ in range(MESSAGES_PER_CYCLE):
                if not self.monitor_subscriber.poll(wait):
                    break
                wait = 0
                if self._receive() is MonitorCycle.BREAK:
                    return MonitorCycle.BREAK
        except (EOFError, OSError):
            time.sleep(self.poll_interval)
        if self._shutdown_requested:
            # A signal to the whole process group reaches the children too: those that
            # stop first must not be taken for crashed workers.
            return MonitorCycle.BREAK
        now = time.monotonic()
        self._supervise(now)
        deadline = self._terminate_deadline
        if deadline is not None and (now >= deadline or not self._starting_servers()):
            return self._terminate_on_request()
        if not any(p.has_work() for p in self._all_processes) and not self._removing:
            self._nothing_left()
            return MonitorCycle.BREAK
        return MonitorCycle.CONTINUE

    def _nothing_left(self) -> None:
        """Every process has ended: the run failed if one of them ended failing (the
        reloader and a worker of an auto-reloaded app that could not start, a custom
        process given up on), and the exit status says so."""
        failed = [p.name for p in self._all_processes if p.state is ProcessState.FAILED]
        if failed and not self.exit_code:
            error_logger.error("No process is left running (%s failed); shutting down.",
                               ", ".join(failed))
            self.exit_code = 1

    def _receive(self) -> MonitorCycle:
        """Read and act on one message. One that cannot be read (a class the main process
        cannot import) or acted on (a malformed tuple) is logged and skipped: a child's
        mistake must not end the supervision of every process."""
        try:
            message = self.monitor_subscriber.recv()
        except (EOFError, OSError):
            raise
        except Exception as exc:
            error_logger.error(
                "Ignoring a message to the worker manager that could not be read: %s: %s",
                type(exc).__name__, exc,
            )
            return MonitorCycle.CONTINUE
        try:
            return self._handle_message(message)
        except Exception:
            error_logger.exception(
                "Ignoring a message the worker manager could not act on: %r", message
            )
            return MonitorCycle.CONTINUE

    def _handle_message(self, message: Any) -> MonitorCycle:
        if isinstance(message, str):
            message = _from_sanic_form(message)
        if not isinstance(message, tuple) or not message:
            error_logger.error("Ignoring a malformed message to the worker manager: %r", message)
            return MonitorCycle.CONTINUE
        kind = message[0]
        if kind == "ack":
            _, name, pid = message
            for process in self._all_processes:
                if process.name == name and process.ack(pid):
                    break  # the worker logged its ack itself (as in Sanic)
        elif kind == "restart":
            options = message[1]
            # A process that ended since the last look (a worker whose new code failed,
            # just before the next change) is reported before it is replaced, never
            # replaced silently.
            self._supervise(time.monotonic())
            self.restart(
                process_names=options.get("names"),
                restart_order=RestartOrder(options.get("order", "SHUTDOWN_FIRST")),
                **options.get("kwargs", {}),
            )
        elif kind == "scale":
            try:
                self.scale(int(message[1]))
            except ValueError as exc:
                error_logger.error("Cannot scale: %s", exc)
        elif kind == "retire":
            _, name, pid = message
            for process in self._all_processes:
                if process.name == name and process.pid == pid:
                    process.retired = True
        elif kind == "terminate":
            if self._starting_servers():
                # As Sanic: app.stop() in one worker's after_server_start lets the others
                # finish starting (their listeners run, "Starting worker" is logged) before
                # all stop; they were ended mid-start. Waited for at most ack_timeout.
                if self._terminate_deadline is None:
                    self._terminate_deadline = time.monotonic() + self.ack_timeout
                return MonitorCycle.CONTINUE
            return self._terminate_on_request()
        elif kind == "manage":
            try:
                self.manage(**message[1])
            except (ValueError, TypeError):
                # Sanic's words, and the traceback (the reason on its last line).
                error_logger.exception("Failed to manage worker %s",
                                       message[1].get("name") or message[1].get("ident"))
        else:
            error_logger.error("Unknown message to the worker manager: %r", message)
        return MonitorCycle.CONTINUE

    def _starting_servers(self) -> bool:
        """Whether a server process is alive and has not acknowledged start-up yet."""
        return any(
            p.is_alive() and p.state in (ProcessState.STARTING, ProcessState.STARTED)
            for w in self._servers for p in w.processes
        )

    def _terminate_on_request(self) -> MonitorCycle:
        logger.info("Termination requested by a worker; shutting down.")
        self._terminate_deadline = None
        self._shutdown_requested = True
        return MonitorCycle.BREAK

    # -- supervision --------------------------------------------------------------------------
    def _supervise(self, now: float) -> None:
        for _, worker in list(self.all_workers):
            for process in list(worker.processes):
                process.tick(now)
                self._check_process(worker, process, now)
        for process in list(self._removing):
            if process.is_alive():
                if process.stop_deadline is not None and now > process.stop_deadline:
                    process.kill()
                continue
            process.join(0)
            self._removing.remove(process)
            try:
                self.worker_state.pop(process.name, None)
            except (OSError, EOFError):
                pass

    def _check_process(self, worker: Worker, process: WorkerProcess, now: float) -> None:
        if process.respawn_at is not None:
            if now >= process.respawn_at and not self._shutdown_requested:
                process.respawn_at = None
                logger.info("Respawning %s", process.name)
                try:
                    process.start()
                except OSError as exc:  # out of processes or memory: try again later
                    process.process = None
                    process.last_exit = f"could not be started ({exc})"
                    self._respawn_later(process, "-", now, happened="")
            return
        proc = process.process
        if proc is None or process.stopping:
            return
        if proc.is_alive():
            self._check_ack(process, now)
            return
        proc.join(0)
        code = proc.exitcode
        process.last_exit = describe_exit(code)
        if code == 0 and not process.server:
            logger.debug("Process %s [%s] completed", process.name, proc.pid)
            process.set_state(ProcessState.COMPLETED, force=True)
            process.process = None
            if not worker.tracked:
                self._forget(process)
                worker.processes.remove(process)
                if not worker.processes:
                    self.remove_worker(worker)
            return
        if process.retired and code == 0:
            logger.info("Process %s [%s] stopped on request (app.stop(terminate=False)); "
                        "not respawned.", process.name, proc.pid)
            process.set_state(ProcessState.COMPLETED, force=True)
            process.process = None
            return
        if process.server and not process.acked_once and self.stop_on_server_failure:
            if self._startup_failed:
                # Several workers failing the same start-up: the shutdown is said once.
                error_logger.error("Worker %s [%s] %s before it finished starting.",
                                   process.name, proc.pid, process.last_exit)
            else:
                error_logger.error(
                    "Not all workers acknowledged a successful startup. Shutting down. "
                    "Worker %s [%s] %s before it finished starting; stopping the server. "
                    "See the error above for why it could not start.",
                    process.name, proc.pid, process.last_exit,
                )
            self._startup_failed = True
            process.set_state(ProcessState.FAILED, force=True)
            process.process = None
            self.exit_code = 1
            self._shutdown_requested = True
            return
        if process.server and not self.stop_on_server_failure and \
                process.state is not ProcessState.ACKED:
            # Auto-reload: it could not start (its code does not load, a start-up listener
            # raised). The same code would fail again, so, as Sanic, it waits for the next
            # change instead of being respawned (and showing the same error) over and over.
            error_logger.error(
                "Worker %s [%s] %s before it finished starting; it will start again when a "
                "watched file changes.", process.name, proc.pid, process.last_exit,
            )
            process.set_state(ProcessState.FAILED, force=True)
            process.process = None
            return
        if not (process.server or process.restartable):
            error_logger.error("Process %s [%s] %s", process.name, proc.pid, process.last_exit)
            process.set_state(ProcessState.FAILED, force=True)
            process.process = None
            return
        self._respawn_later(process, proc.pid, now)

    def _respawn_later(self, process: WorkerProcess, pid: int | str, now: float,
                       happened: str = " unexpectedly") -> None:
        if self._shutdown_requested:
            # It died as the stop came (a signal between two looks at the processes):
            # reported, but not said to be respawned, as nothing starts any more.
            process.process = None
            process.set_state(ProcessState.FAILED, force=True)
            error_logger.error("Process %s [%s] %s%s; not respawned: the server is "
                               "shutting down.", process.name, pid, process.last_exit,
                               happened)
            return
        window_start = now - self.restart_window
        while process.crash_times and process.crash_times[0] < window_start:
            process.crash_times.popleft()
        process.process = None
        if len(process.crash_times) >= self.restart_limit:
            error_logger.error(
                "Process %s [%s] %s; it died %d times within %.0fs, giving up on it. "
                "Fix the crash (see the log above), or raise WORKER_RESTART_LIMIT.",
                process.name, pid, process.last_exit, len(process.crash_times),
                self.restart_window,
            )
            process.set_state(ProcessState.FAILED, force=True)
            if not self.stop_on_server_failure:
                logger.info("%s will start again on the next restart (auto-reload).",
                            process.name)
            elif process.server and not any(
                p.is_alive() or any(r.process.is_alive() for r in p.retiring)
                for w in self._servers for p in w.processes
            ):
                error_logger.error("No server worker is left running; shutting down.")
                self.exit_code = 1
                self._shutdown_requested = True
            return
        process.crash_times.append(now)
        delay = min(self.backoff_base * 2 ** (len(process.crash_times) - 1), self.backoff_max)
        process.restarts += 1
        process.respawn_at = now + delay
        process.set_state(ProcessState.FAILED, force=True)
        error_logger.error(
            "Process %s [%s] %s%s; respawning it in %.1fs (restart %d, at most "
            "%d per %.0fs)",
            process.name, pid, process.last_exit, happened, delay, process.restarts,
            self.restart_limit, self.restart_window,
        )

    def _check_ack(self, process: WorkerProcess, now: float) -> None:
        if (
            not process.ack_expected
            or process.ack_warned
            or process.state not in (ProcessState.STARTING, ProcessState.STARTED)
            or process.started_monotonic is None
            or now - process.started_monotonic < self.ack_timeout
        ):
            return
        process.ack_warned = True
        error_logger.warning(
            "Worker %s [%s] has not acknowledged start-up after %.1fs and is still starting. "
            "If your app needs longer to start (slow before_server_start listeners, big "
            "imports), raise app.config.WORKER_ACK_TIMEOUT (or the environment variable "
            "SANIC_WORKER_ACK_TIMEOUT). The server keeps waiting for it.",
            process.name, process.pid, self.ack_timeout,
        )

    # -- commands -----------------------------------------------------------------------------
    def restart(
        self,
        process_names: list[str] | None = None,
        restart_order: RestartOrder = RestartOrder.SHUTDOWN_FIRST,
        **kwargs: Any,
    ) -> None:
        """Restart the named processes, or every transient one."""
        self.restarter.restart(
            transient_processes=self.transient_processes,
            durable_processes=self.durable_processes,
            process_names=process_names,
            restart_order=restart_order,
            **kwargs,
        )

    def scale(self, num_worker: int) -> None:
        """Run ``num_worker`` server workers: start new ones or stop the newest."""
        if num_worker <= 0:
            raise ValueError(f"Cannot scale to {num_worker} workers.")  # Sanic's words
        change = num_worker - len(self._servers)
        if change == 0:
            logger.info("No change needed. There are already %d workers.", num_worker)
            return
        logger.info("Scaling from %d to %d workers", len(self._servers), num_worker)
        if change > 0:
            for _ in range(change):
                worker = self.create_server()
                for process in worker.processes:
                    process.start()
        else:
            for _ in range(-change):
                self.shutdown_server()

    def shutdown_server(self, name: str | None = None) -> None:
        """Stop one server worker (the newest when ``name`` is None) and forget it.

        Raises ``KeyError`` when no server worker is called ``name``.
        """
        servers = self._servers
        if name is None:
            if not servers:
                return
            worker = servers[-1]
        else:
            matches = [w for w in servers if name in (w.name, w.ident)]
            if not matches:
                raise KeyError(name)
            worker = matches[0]
        self.transient.pop(worker.name, None)
        for process in worker.processes:
            process.respawn_at = None
            process.terminate()
            for retiring in process.retiring:
                retiring.interrupt()
            self._removing.append(process)

    def shutdown_signal(self, signum: int, frame: Any) -> None:
        """Signal handler: the first signal stops gracefully, a second one kills."""
        name = signal.Signals(signum).name
        now = time.monotonic()
        first = self._first_signal_at
        if self._shutdown_requested:
            if first is not None and now - first < REPEATED_SIGNAL_GRACE:
                # The same stop arriving twice (a terminal and a supervisor forwarding it,
                # or a signal to the whole process group): not a second Ctrl-C.
                logger.debug("Received %s again right away; still shutting down gracefully.",
                             name)
                return
            logger.info("Shutdown interrupted. Killing.")  # Sanic's words for a second signal
            self._force_kill = True
            return
        logger.info("Received signal %s. Shutting down.", name)
        self._first_signal_at = now
        self._shutdown_requested = True

    def shutdown(self) -> None:
        """Stop every process gracefully (SIGINT), kill stragglers, and wait for all."""
        self._shutdown_requested = True
        self.terminate()
        deadline = time.monotonic() + self.terminate_timeout
        while True:
            alive = self._alive_processes()
            if not alive:
                break
            if self._force_kill or time.monotonic() > deadline:
                self.kill()
                for proc in alive:
                    proc.join(2)
                break
            self._drain(0.05)
        for process in self._all_processes:
            if process.process is not None and process.state is not ProcessState.FAILED:
                process.exit()

    def _alive_processes(self) -> list[Any]:
        procs = []
        for process in [*self._all_processes, *self._removing]:
            procs.extend(r.process for r in process.retiring)
            if process.process is not None:
                procs.append(process.process)
        return [p for p in procs if p.is_alive()]

    def _drain(self, timeout: float) -> None:
        """Read and drop messages so children never block writing to a full pipe."""
        try:
            if self.monitor_subscriber.poll(timeout):
                self.monitor_subscriber.recv()
        except (EOFError, OSError):
            time.sleep(timeout)

    def terminate(self) -> None:
        """Ask every process to stop (SIGINT, as Sanic)."""
        for process in [*self._all_processes, *self._removing]:
            process.respawn_at = None
            for retiring in process.retiring:
                retiring.start_after_exit = False
                retiring.interrupt()
            if process.is_alive():
                process.terminate()

    def kill(self) -> None:
        """Kill every process at once (SIGKILL)."""
        for process in [*self._all_processes, *self._removing]:
            process.kill()

    def join(self) -> None:
        """Wait for every process to end."""
        for proc in self._alive_processes():
            proc.join()

    def cleanup(self) -> None:
        """Reap finished processes and close the monitor pipe."""
        for process in self._all_processes:
            for retiring in process.retiring:
                retiring.process.join(0)
            process.retiring.clear()
        for conn in (self.monitor_publisher, self.monitor_subscriber):
            try:
                conn.close()
            except (OSError, AttributeError):
                pass

    # -- signals ------------------------------------------------------------------------------
    def _install_signals(self) -> None:
        self._previous_handlers: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous_handlers[sig] = signal.signal(sig, self.shutdown_signal)

    def _restore_signals(self) -> None:
        for sig, handler in getattr(self, "_previous_handlers", {}).items():
            signal.signal(sig, handler)


__all__ = ["MonitorCycle", "WorkerManager"]
