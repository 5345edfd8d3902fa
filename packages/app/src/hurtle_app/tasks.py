"""Background tasks of an app: added any time, started with the server, cancelled at stop."""

from __future__ import annotations

import asyncio
import inspect
import logging
import sys
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from hurtle_app.signals import REPORT_EVENT
from hurtle_http.exceptions import SanicException

error_logger = logging.getLogger("sanic.error")


class TaskRegistry:
    """``add_task``/``get_task``/``cancel_task``/``purge_tasks`` for one app."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop: asyncio.AbstractEventLoop | None = None
        self._tasks: dict[str, asyncio.Future[Any]] = {}
        # Unnamed tasks are not listed in ``app.tasks`` (as in Sanic) but still end at stop.
        self._anonymous: set[asyncio.Future[Any]] = set()
        self._delayed: list[tuple[Any, str | None, bool]] = []
        # True from the start of ``before_server_start``: its listeners may name tasks.
        self.starting = False
        # The loop the after_server_stop listeners run on (app.loop there, as Sanic's).
        self.stopping_on: asyncio.AbstractEventLoop | None = None
        self._dispatcher_added = False
        # Unnamed tasks cancelled by ``shutdown``: Sanic leaves those running (they are
        # dropped with the loop), so their cancellation is not reported.
        self._quiet: set[asyncio.Future[Any]] = set()

    async def _call(self, task: Any, warn: bool = False) -> Any:
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
            try:
                return await result
            except asyncio.CancelledError:
                if warn and asyncio.current_task() not in self._quiet:
                    _warn_cancelled(result)
                raise
        return result

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
            if not self._dispatcher_added:
                # As Sanic: the tasks added before the run are started by an
                # after_server_start listener registered with the first of them, so they
                # take their first step where it stands among that event's listeners.
                self._dispatcher_added = True
                self.app.after_server_start(self.app.dispatch_delayed_tasks)
            self._delayed.append((task, name, register))
            return None
        return self._start(self.loop, task, name, register)

    def _start(
        self, loop: asyncio.AbstractEventLoop, task: Any, name: str | None, register: bool
    ) -> asyncio.Future[Any]:
        # As Sanic, a task logs a warning naming its coroutine when it is cancelled
        # (cancel_task, the stop, or anything else), also one added before the run.
        if isinstance(task, asyncio.Future):
            # A task or a bare future is kept as given (as Sanic: ``add_task(fut)`` is
            # ``fut``, so ``set_result`` on what it returns still works).
            started = task
        elif inspect.isawaitable(task):
            coro = task if asyncio.iscoroutine(task) else _as_coroutine(task)
            started = loop.create_task(coro, name=name)
            started.add_done_callback(self._cancel_warner(task))
        else:
            started = loop.create_task(self._call(task, warn=True), name=name)
        if register and name:
            self._tasks[name] = started
        elif not started.done():
            self._anonymous.add(started)
            started.add_done_callback(self._anonymous.discard)
        if REPORT_EVENT in getattr(self.app, "_signal_events", ()):
            started.add_done_callback(self._report)
        return started

    def _cancel_warner(self, awaited: Any) -> Callable[[asyncio.Future[Any]], None]:
        """A done callback logging Sanic's warning when the task ends cancelled (not when
        it is an unnamed task ended by the stop)."""

        def warn(task: asyncio.Future[Any]) -> None:
            if task.cancelled() and task not in self._quiet:
                _warn_cancelled(awaited)

        return warn

    def _report(self, task: asyncio.Future[Any]) -> None:
        """Hand a task's exception to ``app.report_exception`` handlers."""
        if self.loop is None:
            return
        error = unretrieved_exception(task)
        if error is None:
            return
        self.loop.create_task(
            self.app.dispatch(
                REPORT_EVENT,
                context={"exception": error},
                fail_not_found=False,
            )
        )

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Bind to the running loop: tasks added from now on start at once."""
        self.loop = loop
        self.starting = False

    async def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Bind to the running loop and start every task added before it ran, each given
        a turn of the loop before the next starts (as Sanic: a start-up task that awaits
        once is through before the next one begins)."""
        self.bind(loop)
        delayed, self._delayed = self._delayed, []
        for task, name, register in delayed:
            self._start(loop, task, name, register)
            await asyncio.sleep(0)

    async def prepare(self, task: Any) -> Any:
        """Run ``task`` (a coroutine, an awaitable, or a callable taking the app or
        nothing) to its end and return its result."""
        if inspect.isawaitable(task):
            return await task
        return await self._call(task)

    def get(self, name: str, *, raise_exception: bool = True) -> asyncio.Future[Any] | None:
        """The task registered under ``name``.

        A missing name raises inside the ``KeyError`` handler, so the logged
        traceback carries the ``KeyError`` as its context, as Sanic's does."""
        try:
            return self._tasks[name]
        except KeyError:
            if raise_exception:
                # Implicit context on purpose (no `from`): Sanic's log reads the same.
                raise SanicException(f'Registered task named "{name}" not found.')  # noqa: B904
            return None

    async def cancel(
        self, name: str, msg: str | None = None, *, raise_exception: bool = True
    ) -> None:
        """Cancel the task named ``name`` and wait for it to finish.

        As in Sanic, an error the task ended with (before or while being cancelled) is
        raised here; its cancellation is not, nor a websocket's ``ConnectionClosed``
        (where Sanic's task would have been cancelled: see ``_websocket_closed``).
        """
        task = self.get(name, raise_exception=raise_exception)
        if task is None:
            return
        if not task.done():
            task.cancel(msg)
        try:
            await task
        except asyncio.CancelledError:
            pass
        except Exception as error:
            if not _websocket_closed(error):
                raise

    def purge(self) -> None:
        """Forget every task that has finished."""
        for name in [name for name, task in self._tasks.items() if task.done()]:
            del self._tasks[name]

    def cancel_all(self, timeout: float) -> None:
        """Cancel every running task; when the loop they run on is not running (and
        not closed), run it until they end, for up to ``timeout`` seconds."""
        running = self._cancel_running()
        loop = self.loop
        if running and loop is not None and not loop.is_running() and not loop.is_closed():
            loop.run_until_complete(asyncio.wait(running, timeout=max(timeout, 0) or None))
        self._ended(running)

    async def shutdown(self, timeout: float | None = None, *, quiet: bool = True) -> None:
        """Cancel every running task and wait (up to ``timeout``) for them to end.

        ``quiet``: the unnamed ones end without the cancellation warning (Sanic's server
        leaves them running). Under ASGI Sanic's tasks are all cancelled when the server's
        loop ends, each with the warning: ``quiet=False`` then.
        """
        # A task added just before (in a before_server_stop listener) takes its first
        # step before it is cancelled, as when a server stops: cancelled unstarted, its
        # body (and its ``finally``) would never run. With none running, as in Sanic, the
        # stop takes no turn of the loop (a script that stopped the loop on Ctrl-C and then
        # runs after_stop() with run_until_complete would see it cut short).
        if self.has_running():
            await asyncio.sleep(0)
        running = self._cancel_running(quiet)
        if running:
            await asyncio.wait(running, timeout=timeout)
            self._report_unfinished(running, timeout)
        self._ended(running)
        self.loop = None

    def has_running(self) -> bool:
        """Whether a task of the app (named or not) has not ended."""
        return any(not task.done() for task in self._tasks.values()) or any(
            not task.done() for task in self._anonymous
        )

    def _report_unfinished(self, cancelled: list[asyncio.Future[Any]], timeout: Any) -> None:
        """Say which tasks still run ``timeout`` seconds after the stop cancelled them (they
        await in their cleanup, or swallow the cancellation): the stop goes on without
        them, and the rest of their cleanup may never run. (Sanic's stop waits for them,
        and never ends if one never does.)"""
        names = {id(task): name for name, task in self._tasks.items()}
        for task in cancelled:
            if not task.done():
                name = names.get(id(task))
                if name is None:
                    get_name = getattr(task, "get_name", None)
                    name = get_name() if get_name is not None else repr(task)
                error_logger.warning(
                    "Task %s did not end within %s s of its cancellation at the stop; "
                    "the stop goes on without it.",
                    name,
                    timeout,
                )

    def _cancel_running(self, quiet: bool = True) -> list[asyncio.Future[Any]]:
        """Cancel every task still running, named or not, and list them. The unnamed ones
        are quiet (unless ``quiet`` is false): Sanic's stop leaves them running, so their
        end is not reported."""
        anonymous = [task for task in self._anonymous if not task.done()]
        if quiet:
            self._quiet.update(anonymous)
        running = [task for task in self._tasks.values() if not task.done()] + anonymous
        for task in running:
            task.cancel()
        return running

    def _ended(self, cancelled: list[asyncio.Future[Any]]) -> None:
        """After a stop's cancellation: forget the finished tasks."""
        self._quiet.difference_update(task for task in cancelled if task.done())
        self.purge()

    # Read as a mapping of name -> task, as Sanic's registry (a dict) is read.
    def __iter__(self) -> Iterator[str]:
        return iter(list(self._tasks))

    def __len__(self) -> int:
        return len(self._tasks)

    def __contains__(self, name: object) -> bool:
        return name in self._tasks

    def __getitem__(self, name: str) -> asyncio.Future[Any]:
        return self._tasks[name]

    def keys(self) -> list[str]:
        """The names of the registered tasks."""
        return list(self._tasks)

    def values(self) -> list[asyncio.Future[Any]]:
        """The registered (named) tasks."""
        return list(self._tasks.values())

    def items(self) -> list[tuple[str, asyncio.Future[Any]]]:
        """``(name, task)`` for each registered task."""
        return list(self._tasks.items())


def _websocket_closed(error: BaseException) -> bool:
    """Whether ``error`` is the websockets library's ``ConnectionClosed``.

    A task waiting in a websocket's ``recv()`` when the client leaves is cancelled in
    Sanic; Hurtle's ``recv()`` raises ``ConnectionClosed`` there (the library's behaviour,
    kept). ``cancel_task`` treats that end as the cancellation Sanic's task would have had,
    so the guide's clean-up (``await app.cancel_task(name)`` then ``purge_tasks()`` in the
    handler's ``finally``) runs to its end instead of leaving a task per connection.
    (Looked up, not imported: no websocket has run if the library is not loaded.)
    """
    module = sys.modules.get("websockets.exceptions")
    closed = getattr(module, "ConnectionClosed", None)
    return closed is not None and isinstance(error, closed)


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


def unretrieved_exception(future: asyncio.Future[Any]) -> BaseException | None:
    """The exception a done future ended with, read without retrieving it.

    As in Sanic, reporting a failed task or signal dispatch to ``report_exception``
    handlers does not count as retrieving its exception: asyncio still logs ``Task
    exception was never retrieved`` for one nobody awaits. ``exception()`` would mark it
    retrieved, so the future's own slot is read (asyncio's tasks and futures, which
    uvloop also uses, have it), else ``exception()``.
    """
    if future.cancelled():
        return None
    if hasattr(future, "_exception"):
        return future._exception  # type: ignore[no-any-return]
    return future.exception()


async def _as_coroutine(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


TaskFactory = Callable[..., Awaitable[Any]]

__all__ = ["TaskFactory", "TaskRegistry", "unretrieved_exception"]


def _warn_cancelled(awaited: Any) -> None:
    error_logger.warning(f"Task {awaited} was cancelled before it completed.")

