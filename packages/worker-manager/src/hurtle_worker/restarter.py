"""``Restarter``: choose which processes a restart applies to, and restart them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from hurtle_worker.constants import RestartOrder
from hurtle_worker.process import WorkerProcess

logger = logging.getLogger("sanic.root")


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
            everything = {p.name: p for p in [*transient_processes, *durable_processes]}
            targets = []
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
                else:
                    targets.append(process)
        for process in targets:
            process.restart(restart_order=restart_order, **kwargs)


__all__ = ["Restarter"]
