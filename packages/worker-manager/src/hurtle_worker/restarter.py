"""``Restarter``: choose which processes a restart applies to, and restart them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from hurtle_worker.constants import ProcessState, RestartOrder
from hurtle_worker.process import WorkerProcess

logger = logging.getLogger("sanic.error")

#: The states in which a durable process may be restarted by name: it has ended.
#: NONE is also a process never started (``manage(..., auto_start=False)``): a restart
#: starts it, as in Sanic, where that is how such a process is started later.
FINAL_STATES = frozenset({ProcessState.NONE, ProcessState.FAILED, ProcessState.COMPLETED})


class Restarter:
    """Restart processes by name, or every transient one when no names are given."""

    def restart(
        self,
        transient_processes: list[WorkerProcess],
        durable_processes: list[WorkerProcess],
        process_names: Iterable[str] | None = None,
        restart_order: RestartOrder = RestartOrder.SHUTDOWN_FIRST,
        **kwargs: Any,
    ) -> None:
        """Restart the named processes (or all transient ones), in ``restart_order``."""
        if process_names is None:
            targets = [p for p in transient_processes if p.restartable]
        else:
            wanted = list(process_names)
            durable_names = {p.name for p in durable_processes}
            everything = {p.name: p for p in [*transient_processes, *durable_processes]}
            targets = []
            failed = []
            for name in wanted:
                process = everything.get(name)
                if process is None:
                    logger.error(
                        "Cannot restart %r: no such process. Known processes: %s",
                        name, ", ".join(sorted(everything)) or "none",
                    )
                elif not process.restartable:
                    logger.error(
                        "Cannot restart %s: it was not registered as restartable "
                        "(manage(..., restartable=True) or transient=True)", name,
                    )
                elif name in durable_names and process.state not in FINAL_STATES:
                    # As Sanic: a durable process is only started again once it has
                    # ended (completed or failed), never replaced while it runs.
                    logger.error(
                        "Cannot restart process %s because it is not in a final state. "
                        "Current state is: %s.", name, process.state.name,
                    )
                else:
                    targets.append(process)
                    continue
                failed.append(name)
            if failed:
                logger.error("Failed to restart processes: %s", ", ".join(failed))
        for process in targets:
            process.restart(restart_order=restart_order, **kwargs)


__all__ = ["FINAL_STATES", "Restarter"]
