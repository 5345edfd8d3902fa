"""``Reloader``: a process that polls source files and asks for a restart on change."""

from __future__ import annotations

import logging
import os
import signal
import stat
import sys
import sysconfig
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hurtle_worker.constants import RestartOrder
from hurtle_worker.load_errors import user_frames

logger = logging.getLogger("sanic.root")


def _library_roots() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    roots = {paths.get(key) for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    return tuple(sorted(str(Path(r).resolve()) for r in roots if r))


def _failure_files(exc: BaseException) -> set[str]:
    """The source files of the user's code that ``exc`` (raised loading the app) names."""
    names = {frame.filename for frame in user_frames(exc)}
    if isinstance(exc, SyntaxError) and exc.filename:
        names.add(exc.filename)
    return {str(Path(name).resolve()) for name in names if os.path.isfile(name)}


class Reloader:
    """Watch the loaded modules' files and ``reload_dirs``; restart workers on change.

    Runs as a managed process: call it (``reloader()``). ``app_loader`` (anything with
    ``load()``) is loaded first so the watched modules are the app's. Subclasses hook
    ``on_start``, ``before_trigger``, ``after_trigger`` and ``on_stop``.
    """

    #: Seconds between two looks at the files when ``interval`` is 0 (Sanic's default);
    #: set it on the class before the server starts to poll at another pace.
    INTERVAL: float = 1.0

    #: The server's output streams (stdout, stderr). When one is redirected to a file in
    #: a reload dir (``python app.py > server.log``), that file is not watched: the
    #: server writing its log (this reloader's own "Change detected" line among it) is
    #: no change of the code, and taking it for one restarts the workers without end.
    output_fds: tuple[int, ...] = (1, 2)

    def __init__(self, publisher: Any, interval: float, reload_dirs: Iterable[Path | str],
                 app_loader: Any) -> None:
        self._publisher = publisher
        self.interval = interval or self.INTERVAL
        self.reload_dirs = {Path(d).resolve() for d in reload_dirs}
        self.app_loader = app_loader
        self.run = True
        self._roots = _library_roots()
        #: Files of the user's code named by a failure to load the app (see ``_load_app``).
        self.failure_files: set[str] = set()
        #: When the run began (made in the main process, once it had loaded the app).
        self.created = time.time()

    def __call__(self) -> None:
        """Poll until stopped (SIGINT/SIGTERM)."""
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)
        app = self._load_app()
        self.on_start(app)
        mtimes: dict[str, float] = {}
        for filename in self.files():
            self.check_file(filename, mtimes)
        # Loading the app above takes a while: a file saved since the run began may be
        # newer than the code the workers loaded, and is a change even at the first look.
        created = getattr(self, "created", None)
        early = {f for f, mtime in mtimes.items() if created is not None and mtime > created}
        try:
            while self.run:
                changed = {f for f in self.files() if self.check_file(f, mtimes)} | early
                early = set()
                if changed:
                    self.before_trigger(app, changed)
                    self.reload(changed)
                    self.after_trigger(app, changed)
                time.sleep(self.interval)
        finally:
            self.on_stop(app)

    def _load_app(self) -> Any:
        """The app, or None when its code cannot be loaded now: an edit made between the
        main process loading it and this process starting can break it. The reloader
        then watches the files of the failure too, and the fix restarts the workers."""
        if self.app_loader is None:
            return None
        try:
            return self.app_loader.load()
        except Exception as exc:
            self.failure_files.update(_failure_files(exc))
            # The workers show the error itself; this is only why the reloader has no app.
            logger.debug("The reloader could not load the app (%s); it watches for changes "
                         "anyway.", type(exc).__name__)
            return None

    def on_start(self, app: Any) -> None:
        """Called once the app is loaded, before watching."""

    def before_trigger(self, app: Any, changed: set[str]) -> None:
        """Called before a restart is requested."""

    def after_trigger(self, app: Any, changed: set[str]) -> None:
        """Called after a restart was requested."""

    def on_stop(self, app: Any) -> None:
        """Called when the reloader stops."""

    def stop(self, *_: Any) -> None:
        """Stop polling (signal handler)."""
        self.run = False

    def reload(self, reloaded_files: set[str]) -> None:
        """Ask the manager to restart every transient process (the server workers)."""
        logger.info("Change detected in %s; restarting workers", ", ".join(sorted(reloaded_files)))
        # As Sanic: the new workers find the changed files, comma-separated, in
        # ``app.config.RELOADED_FILES``.
        self._publisher.send(("restart", {
            "names": None, "order": RestartOrder.SHUTDOWN_FIRST.value,
            "kwargs": {"reloaded_files": ",".join(sorted(reloaded_files))},
        }))

    @staticmethod
    def check_file(filename: str, mtimes: dict[str, float]) -> bool:
        """Record ``filename``'s mtime; True when it changed since last seen."""
        try:
            mtime = os.stat(filename).st_mtime
        except OSError:
            return False
        old = mtimes.get(filename)
        mtimes[filename] = mtime
        return old is not None and mtime > old

    def files(self) -> Iterator[str]:
        """Every watched path: the app's Python modules, and every file and folder under
        reload_dirs.

        As in Sanic, the folders inside a reload dir are watched too: a file added to,
        removed from or renamed in one changes its mtime, and the workers restart (the
        reload dir itself is not, so a file added at its top does not restart them).
        """
        yield from self.python_files()
        yield from sorted(self.failure_files)
        outputs = self._output_files()
        for directory in self.reload_dirs:
            for path in directory.rglob("*"):
                if "__pycache__" not in path.parts and (path.is_file() or path.is_dir()):
                    if outputs and _identity(path) in outputs:
                        continue
                    yield str(path)

    def _output_files(self) -> set[tuple[int, int]]:
        """(device, inode) of the regular files the server's output goes to."""
        found = set()
        for fd in self.output_fds:
            try:
                info = os.fstat(fd)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.add((info.st_dev, info.st_ino))
        return found

    def python_files(self) -> Iterator[str]:
        """Files of the loaded modules outside the standard library and site-packages."""
        for module in list(sys.modules.values()):
            filename = getattr(module, "__file__", None)
            if not filename or not filename.endswith(".py"):
                continue
            resolved = str(Path(filename).resolve())
            if not resolved.startswith(self._roots):
                yield resolved


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


__all__ = ["Reloader"]
