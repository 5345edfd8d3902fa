"""``WorkerMultiplexer``: what a child process uses to talk to the worker manager.

An app sees it as ``app.multiplexer`` / ``app.m`` inside a worker: its name, pid and
state, every process' state, and commands (restart, reload, scale, terminate, manage)
that are sent to the manager over the monitor pipe.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from hurtle_worker.colors import process_line
from hurtle_worker.constants import WORKER_NAME_ENV, RestartOrder
from hurtle_worker.state import WorkerState

logger = logging.getLogger("sanic.root")
_ACK = process_line("Process ack", with_pid=True)


class WorkerMultiplexer:
    """The manager's controls, from inside a worker process."""

    def __init__(self, monitor_publisher: Any, worker_state: Any) -> None:
        self._monitor_publisher = monitor_publisher
        self._worker_state = worker_state
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # Picklable, so a process target may hold one (the inspector does).
        return {"publisher": self._monitor_publisher, "worker_state": self._worker_state}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["publisher"], state["worker_state"])  # type: ignore[misc]

    def _send(self, message: tuple[Any, ...]) -> None:
        if self._monitor_publisher is None:
            raise RuntimeError(
                "This process has no connection to a worker manager, so it cannot send "
                f"{message[0]!r}. Run the app with app.run()/Sanic.serve() (not "
                "single_process=True) to use app.m."
            )
        with self._lock:
            self._monitor_publisher.send(message)

    def ack(self) -> None:
        """Tell the manager this worker finished starting; its state reads ACKED at once
        (as in Sanic), not only once the manager has handled the message."""
        # As Sanic: the worker itself logs its ack (a DEBUG line tagged with the worker).
        logger.debug(_ACK, self.name, self.pid)
        self._send(("ack", self.name, self.pid))
        entry = self._own_entry()
        if entry is not None:
            entry["state"] = "ACKED"
            self._worker_state[self.name] = entry

    def restart(self, name: str = "", all_workers: bool = False,
                zero_downtime: bool = False) -> None:
        """Restart this process, the one(s) named in ``name`` (``"A,B"``), or every worker.

        With ``zero_downtime`` the new process starts first and the old one stops once
        the new one is ready.
        """
        if name and all_workers:
            raise ValueError(  # Sanic's words, exactly
                "Ambiguous restart with both a named process and all_workers=True"
            )
        # As Sanic: ``name`` may list several processes, separated by commas.
        named = [part.strip() for part in name.split(",") if part.strip()]
        names = None if all_workers else (named or [self.name])
        order = RestartOrder.STARTUP_FIRST if zero_downtime else RestartOrder.SHUTDOWN_FIRST
        # As Sanic: a restart that no file change caused leaves RELOADED_FILES empty.
        self._send(("restart", {"names": names, "order": order.value,
                                "kwargs": {"reloaded_files": ""}}))

    reload = restart

    def scale(self, num_workers: int) -> None:
        """Run ``num_workers`` server workers."""
        count = int(num_workers)
        if count < 1:
            # Refused here, in the worker: sent on, it would stop the manager (Sanic's does).
            raise ValueError(f"Cannot scale to {count} workers.")  # as the manager's
        self._send(("scale", count))

    def retire(self) -> None:
        """Tell the manager this process stops on purpose and is not to be respawned
        (a worker's ``app.stop(terminate=False)``); the others keep running."""
        self._send(("retire", self.name, self.pid))

    def terminate(self, early: bool = False) -> None:
        """Stop the whole server (every process)."""
        self._send(("terminate", {"early": early}))

    def manage(
        self,
        ident: str,
        func: Callable[..., Any],
        kwargs: dict[str, Any],
        transient: bool = False,
        restartable: bool | None = None,
        tracked: bool = False,
        auto_start: bool = True,
        workers: int = 1,
    ) -> None:
        """Ask the manager to run ``func(**kwargs)`` in new processes (func: picklable)."""
        self._send((
            "manage",
            {"name": ident, "func": func, "kwargs": kwargs, "transient": transient,
             "restartable": restartable, "tracked": tracked, "auto_start": auto_start,
             "workers": workers},
        ))

    def _own_entry(self) -> dict[str, Any] | None:
        entry = self._worker_state.get(self.name)
        if entry is None or entry.get("pid") not in (None, self.pid):
            return None  # a replacement took over this name: leave its state alone
        return dict(entry)

    def set_serving(self, serving: bool) -> None:
        """Record whether this worker accepts requests."""
        entry = self._own_entry()
        if entry is not None:
            entry["serving"] = serving
            self._worker_state[self.name] = entry

    def exit(self) -> None:
        """Record that this worker stopped serving (call on the way out)."""
        try:
            self.set_serving(False)
        except (OSError, EOFError, BrokenPipeError):
            pass

    @property
    def name(self) -> str:
        """This process' name (``Sanic-Server-0-0``)."""
        return os.environ.get(WORKER_NAME_ENV, "")

    @property
    def pid(self) -> int:
        """This process' id."""
        return os.getpid()

    @property
    def state(self) -> WorkerState:
        """This process' entry of the shared state."""
        return WorkerState(self._worker_state, self.name)

    @property
    def workers(self) -> dict[str, Any]:
        """Every process' state (a plain copy)."""
        return self.state.full()


__all__ = ["WorkerMultiplexer"]
