"""RequestRecorder: catches the Request objects the app builds, then restores the app."""

from __future__ import annotations

from typing import Any

from sanic_testing.capture import RequestRecorder, recording_sink


class _Request:
    """A stand-in request class (the recorder only needs a class to subclass)."""

    def __init__(self, path: str) -> None:
        self.path = path


class _App:
    def __init__(self) -> None:
        self.request_class: Any = _Request


def test_install_swaps_in_a_recording_subclass_and_uninstall_restores() -> None:
    app = _App()
    recorder = RequestRecorder(app)
    with recorder.installed():
        assert app.request_class is not _Request
        assert issubclass(app.request_class, _Request)
        assert app.request_class.__name__ == "_Request"
        app.request_class("/a")
        app.request_class("/b")
    assert app.request_class is _Request
    assert recorder.take().path == "/a"  # the first request of the call
    assert recorder.take() is None


def test_nested_installs_restore_only_at_the_outermost() -> None:
    app = _App()
    recorder = RequestRecorder(app)
    recorder.install()
    recorder.install()
    recorder.uninstall()
    assert app.request_class is not _Request
    recorder.uninstall()
    assert app.request_class is _Request
    recorder.uninstall()  # extra uninstall is harmless
    assert app.request_class is _Request


def test_clients_of_one_app_share_a_recorder() -> None:
    app = _App()
    assert RequestRecorder.for_app(app) is RequestRecorder.for_app(app)
    assert RequestRecorder.for_app(_App()) is not RequestRecorder.for_app(app)


def test_a_sink_collects_requests_of_its_context_only() -> None:
    app = _App()
    recorder = RequestRecorder(app)
    with recorder.installed():
        with recording_sink() as sink:
            app.request_class("/in-sink")
        app.request_class("/outside")
    assert [r.path for r in sink] == ["/in-sink"]
    assert [r.path for r in recorder.requests] == ["/outside"]


class _SlottedRequest:
    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path


def test_recorded_requests_are_instances_of_the_apps_own_class() -> None:
    """Handlers and middleware see ``type(request) is app's class``, as under Sanic."""
    for cls in (_Request, _SlottedRequest):
        app = _App()
        app.request_class = cls
        recorder = RequestRecorder(app)
        with recorder.installed():
            built = app.request_class("/x")
        assert type(built) is cls
        assert recorder.take() is built
