"""Background tasks of an app: added any time, started with the server, cancelled at stop."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from hurtle_http.exceptions import SanicException

error_logger = logging.getLogger("sanic.error")


class TaskRegistry:
    """``add_task``/``get_task``/``cancel_task``/``purge_tasks`` for one app."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop: asyncio.AbstractEventLoop | None = None
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        # Unnamed tasks are not listed in ``app.tasks`` (as in Sanic) but still end at stop.
        self._anonymous: set[asyncio.Task[Any]] = set()
        self._delayed: list[tuple[Any, str | None, bool]] = []
        # True from the start of ``before_server_start``: its listeners may name tasks.
        self.starting = False
        # Unnamed tasks cancelled by ``shutdown``: Sanic leaves those running (they are
        # dropped with the loop), so their cancellation is not reported.
        self._quiet: set[asyncio.Task[Any]] = set()

    async def _call(self, task: Any) -> Any:
        """Run a task given as a callable: with the app if it takes an argument.

        As in Sanic, anything can be added; a callable that is not async runs in the task,
        and what cannot run fails there (the task's exception), not in ``add_task``.
        """
        try:
            params = inspect.signature(task).parameters
        except (TypeError, ValueError):
            params = {}
        result = task(self.app) if params else task()
        if inspect.isawaitable(result):
            result = await self._guard(result)
        return result

    async def _guard(self, awaitable: Awaitable[Any]) -> Any:
        """Await a task's work; as Sanic, a cancelled one is reported on ``sanic.error``
        (naming the coroutine) before the cancellation goes on."""
        try:
            return await awaitable
        except asyncio.CancelledError:
            if asyncio.current_task() not in self._quiet:
                error_logger.warning(f"Task {awaitable} was cancelled before it completed.")
            raise

    def add(self, task: Any, *, name: str | None = None, register: bool = True) -> Any:
        """Start ``task`` now if the server runs, else when it starts."""
        if self.loop is None or self.loop.is_closed():
            self.loop = _serving_loop(self.app)
        if self.loop is None and self.starting:
            # ``before_server_start`` runs on the server's loop: as in Sanic, a task added
            # there starts at once and the caller gets it (to await it, for instance).
            try:
                return self._start(asyncio.get_running_loop(), task, name, register)
            except RuntimeError:
                pass
        if self.loop is None:
            if name and not self.starting:
                raise RuntimeError("Cannot name task outside of a running application")
            self._delayed.append((task, name, register))
            return None
        return self._start(self.loop, task, name, register)

    def _start(
        self, loop: asyncio.AbstractEventLoop, task: Any, name: str | None, register: bool
    ) -> asyncio.Task[Any]:
        if isinstance(task, asyncio.Task):
            started = task
        elif inspect.isawaitable(task):
            started = loop.create_task(self._guard(task), name=name)
        else:
            started = loop.create_task(self._call(task), name=name)
        if register and name:
            self._tasks[name] = started
        elif not started.done():
            self._anonymous.add(started)
            started.add_done_callback(self._anonymous.discard)
        if "server.exception.report" in getattr(self.app, "_signal_events", ()):
            started.add_done_callback(self._report)
        return started

    def _report(self, task: asyncio.Task[Any]) -> None:
        """Hand a task's exception to ``app.report_exception`` handlers."""
        if task.cancelled() or task.exception() is None or self.loop is None:
            return
        self.loop.create_task(
            self.app.dispatch(
                "server.exception.report",
                context={"exception": task.exception()},
                fail_not_found=False,
            )
        )

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Bind to the running loop and start every task added before it ran."""
        self.loop = loop
        self.starting = False
        delayed, self._delayed = self._delayed, []
        for task, name, register in delayed:
            self._start(loop, task, name, register)

    def get(self, name: str, *, raise_exception: bool = True) -> asyncio.Task[Any] | None:
        """The task registered under ``name``."""
        task = self._tasks.get(name)
        if task is None and raise_exception:
            raise SanicException(f'Registered task named "{name}" not found.')
        return task

    async def cancel(
        self, name: str, msg: str | None = None, *, raise_exception: bool = True
    ) -> None:
        """Cancel the task named ``name`` and wait for it to finish."""
        task = self.get(name, raise_exception=raise_exception)
        if task is None:
            return
        if not task.done():
            task.cancel(msg)
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:
                pass

    def purge(self) -> None:
        """Forget every task that has finished."""
        for name in [name for name, task in self._tasks.items() if task.done()]:
            del self._tasks[name]

    async def shutdown(self, timeout: float | None = None) -> None:  # noqa: ASYNC109
        """Cancel every running task and wait (up to ``timeout``) for them to end."""
        running = [task for task in self._tasks.values() if not task.done()]
        anonymous = [task for task in self._anonymous if not task.done()]
        self._quiet.update(anonymous)
        running += anonymous
        for task in running:
            task.cancel()
        if running:
            await asyncio.wait(running, timeout=timeout)
        self._quiet.difference_update(task for task in anonymous if task.done())
        self.purge()
        self.loop = None

    def __iter__(self) -> Iterator[asyncio.Task[Any]]:
        return iter(list(self._tasks.values()))

    def __len__(self) -> int:
        return len(self._tasks)


def _serving_loop(app: Any) -> asyncio.AbstractEventLoop | None:
    """The running loop when the app's state says a server serves it (a server the app
    did not start itself, or a test marking it so), else None."""
    from hurtle_app.state import ServerStage

    state = getattr(app, "state", None)
    if state is None or state.stage is ServerStage.STOPPED:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


TaskFactory = Callable[..., Awaitable[Any]]

__all__ = ["TaskFactory", "TaskRegistry"]
