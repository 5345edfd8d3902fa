"""Reloader: change detection and the restart request it sends."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from hurtle_worker import Reloader


def test_check_file_reports_changes_after_the_first_sight(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("1")
    mtimes: dict[str, float] = {}
    assert Reloader.check_file(str(path), mtimes) is False
    assert Reloader.check_file(str(path), mtimes) is False
    os.utime(path, (mtimes[str(path)] + 5, mtimes[str(path)] + 5))
    assert Reloader.check_file(str(path), mtimes) is True
    assert Reloader.check_file(str(tmp_path / "gone.py"), mtimes) is False


def test_files_include_reload_dirs_and_app_modules_not_the_stdlib(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("x")
    reloader = Reloader(None, 0.1, [tmp_path / "templates"], None)
    files = set(reloader.files())
    assert str(tmp_path / "templates" / "page.html") in files
    assert str(Path(__file__).resolve()) in files
    assert not any(f.endswith(os.sep + "os.py") for f in files)


def test_a_file_added_to_a_folder_inside_a_reload_dir_is_a_change(tmp_path: Path) -> None:
    # As Sanic: the folders under a reload dir are watched, so a new template in
    # templates/partials/ (or one removed) restarts the workers.
    partials = tmp_path / "templates" / "partials"
    partials.mkdir(parents=True)
    (tmp_path / "templates" / "__pycache__").mkdir()
    reloader = Reloader(None, 0.1, [tmp_path / "templates"], None)
    files = set(reloader.files())
    assert str(partials) in files
    assert str(tmp_path / "templates") not in files  # the reload dir itself, as in Sanic
    assert not any("__pycache__" in f for f in files)
    mtimes: dict[str, float] = {}
    for name in files:
        reloader.check_file(name, mtimes)
    (partials / "footer.html").write_text("x")
    later = mtimes[str(partials)] + 5
    os.utime(partials, (later, later))  # the file system's clock may be coarse
    changed = {name for name in reloader.files() if reloader.check_file(name, mtimes)}
    assert changed == {str(partials)}


def test_the_servers_own_output_file_in_a_reload_dir_is_not_watched(tmp_path: Path) -> None:
    # `python app.py > server.log` with reload_dir="." (the log in the watched folder):
    # each "Change detected" line the reloader logged changed server.log, which it took
    # for another change, so the workers restarted over and over and never served again.
    (tmp_path / "page.html").write_text("x")
    with open(tmp_path / "server.log", "w") as log:
        reloader = Reloader(None, 0.1, [tmp_path], None)
        reloader.output_fds = (log.fileno(),)
        files = set(reloader.files())
    assert str(tmp_path / "page.html") in files
    assert str(tmp_path / "server.log") not in files


def test_reload_asks_for_a_restart_of_every_transient_process() -> None:
    reader, writer = multiprocessing.Pipe(duplex=False)
    Reloader(writer, 0.1, [], None).reload({"views.py", "app.py"})
    # As Sanic: the new workers are told which files changed (app.config.RELOADED_FILES).
    assert reader.recv() == ("restart", {"names": None, "order": "SHUTDOWN_FIRST",
                                         "kwargs": {"reloaded_files": "app.py,views.py"}})


def test_stop_ends_the_polling_loop(tmp_path: Path) -> None:
    calls: list[str] = []

    class Recording(Reloader):
        def on_start(self, app: object) -> None:
            calls.append(f"start {app}")
            self.stop()

        def on_stop(self, app: object) -> None:
            calls.append(f"stop {app}")

    class Loader:
        def load(self) -> str:
            return "app"

    import signal

    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        Recording(None, 0.01, [], Loader())()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    assert calls == ["start app", "stop app"]


def test_an_app_broken_before_the_reloader_starts_is_still_watched(tmp_path: Path) -> None:
    # The module was edited into a syntax error after the main process loaded it and before
    # the reloader process did: the reloader must keep running and watch that file, or the
    # fix would never restart the workers.
    import signal

    broken = tmp_path / "edited_app.py"
    broken.write_text("app = make(\n")
    seen: list[object] = []

    class Loader:
        def load(self) -> object:
            compile(broken.read_text(), str(broken), "exec")
            return "app"

    class Recording(Reloader):
        def on_start(self, app: object) -> None:
            seen.append(app)
            self.stop()

    reloader = Recording(None, 0.01, [], Loader())
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        reloader()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    assert seen == [None]
    assert str(broken.resolve()) in set(reloader.files())


def test_an_edit_made_while_the_reloader_starts_restarts_the_workers(tmp_path: Path) -> None:
    # The reloader process loads the app before its first look at the files (seconds,
    # on a busy machine); an edit saved in between, after the workers had loaded the
    # old code, was taken as the files' first state and never reloaded.
    import signal
    import threading
    import time

    views = tmp_path / "views.py"
    views.write_text("A = 1\n")
    reader, writer = multiprocessing.Pipe(duplex=False)

    class Loader:
        def load(self) -> str:
            later = time.time() + 2
            os.utime(views, (later, later))  # saved while the reloader was loading
            return "app"

    class Once(Reloader):
        def after_trigger(self, app: object, changed: set[str]) -> None:
            self.stop()

    reloader = Once(writer, 0.05, [tmp_path], Loader())
    timer = threading.Timer(3, reloader.stop)  # bounds the test if nothing is seen
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    timer.start()
    try:
        reloader()
    finally:
        timer.cancel()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    assert reader.poll(0)
    assert reader.recv()[1]["kwargs"] == {"reloaded_files": str(views.resolve())}


def test_interval_zero_takes_the_class_interval(monkeypatch) -> None:
    # Sanic 22.12+: Reloader.INTERVAL (1 second) is the pace unless one is given, and a
    # subclass or a patched class attribute changes it
    assert Reloader.INTERVAL == 1.0
    assert Reloader(None, 0, [], None).interval == 1.0
    assert Reloader(None, 0.25, [], None).interval == 0.25

    class Quick(Reloader):
        INTERVAL = 0.1

    assert Quick(None, 0, [], None).interval == 0.1
    monkeypatch.setattr(Reloader, "INTERVAL", 0.3)
    assert Reloader(None, 0, [], None).interval == 0.3
