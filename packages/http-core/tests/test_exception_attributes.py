"""``SanicException`` attributes: class defaults and what the constructor overrides."""

from __future__ import annotations

from typing import Any

from hurtle_http.exceptions import NotFound, SanicException


class _Quiet(SanicException):
    quiet = True


class _Loud(SanicException):
    quiet = False


def test_an_explicit_quiet_wins_over_the_class_default() -> None:
    assert _Quiet().quiet is True
    assert _Quiet(quiet=False).quiet is False
    assert _Loud().quiet is False
    assert _Loud(quiet=True).quiet is True


class _Computed(SanicException):
    status_code = 418

    @property
    def message(self) -> str:  # type: ignore[override]
        extra: Any = self.extra or {}
        return f"made of {extra.get('part')}"


def test_a_message_property_is_used_and_left_alone() -> None:
    error = _Computed(extra={"part": "tea"})
    assert error.message == "made of tea"
    assert str(error) == "made of tea"
    assert error.status_code == 418


def test_a_class_without_headers_gives_instances_without_headers() -> None:
    # As Sanic: ``headers = None`` on the class is kept (it was a TypeError building one).
    class NoHeaders(NotFound):
        headers = None  # type: ignore[assignment]

    error = NoHeaders("gone")
    assert error.headers is None
    assert (error.status_code, str(error)) == (404, "gone")
    assert NoHeaders("gone", headers={"x-a": "1"}).headers == {"x-a": "1"}


def test_quiet_and_status_come_from_sanics_classes_in_a_mixed_subclass() -> None:
    # As Sanic: ServerError has no quiet of its own (a NotFound after it makes a subclass
    # quiet); InvalidRangeType has its own 416 and quiet (found before a second base's).
    from hurtle_http.exceptions import InvalidRangeType, ServerError

    class Mixed(ServerError, NotFound):
        pass

    class Ranged(InvalidRangeType, ServerError):
        pass

    assert Mixed("x").quiet is True and Mixed("x").status_code == 500
    assert (Ranged("x").status_code, Ranged("x").quiet) == (416, True)


class _NoStatus(SanicException):
    status_code = None  # type: ignore[assignment]


class _ZeroStatus(NotFound):
    status_code = 0


def test_a_false_class_status_code_is_kept_on_the_instance() -> None:
    # As Sanic: the constructor falls back to the class's status_code, and keeps a false
    # one (it was replaced by 500); only the keyword falls back to the class's.
    assert _NoStatus("m").status_code is None
    assert _ZeroStatus("m").status_code == 0
    assert _NoStatus("m", status_code=418).status_code == 418
    assert SanicException("m", status_code=None).status_code == 500
    assert SanicException("m", status_code=0).status_code == 500


def test_the_plain_error_page_of_an_exception_without_a_status_is_a_500() -> None:
    # The HTTP core's own page (no app): a class declaring no status answers 500.
    from hurtle_http.server import render_plain_error

    assert render_plain_error(_NoStatus("m"))[0] == 500
    assert render_plain_error(_ZeroStatus("m"))[0] == 500


def test_the_callers_headers_are_kept_as_given() -> None:
    # As Sanic: the same dict (a field added to it before the raise is sent), and a list
    # of pairs stays a list, so a repeated field is not folded into one.
    given = {"x-a": "1"}
    error = SanicException("m", 400, headers=given)
    given["x-late"] = "2"
    assert error.headers is given
    pairs = [("x-a", "1"), ("x-a", "2")]
    assert SanicException("m", 400, headers=pairs).headers == pairs


def test_a_field_added_to_one_instance_is_not_added_to_the_class() -> None:
    # Sanic hands every instance made without headers the class's own dict, so a field
    # one handler adds is sent with every later error; here each instance has a copy.
    class WithHeaders(NotFound):
        headers = {"x-cls": "1"}

    first = NotFound("a")
    first.headers["x-one"] = "1"
    mine = WithHeaders("b")
    mine.headers["x-two"] = "2"
    assert NotFound("c").headers == {}
    assert WithHeaders("d").headers == {"x-cls": "1"}
    assert SanicException.headers == {}


def test_the_status_subclasses_add_their_field_to_pairs_too() -> None:
    # Sanic refuses a list of pairs here (``{**headers}``: TypeError); Hurtle takes it.
    from hurtle_http.exceptions import MethodNotAllowed, Unauthorized

    assert MethodNotAllowed("m", "PUT", ["GET"], headers=[("x-a", "1")]).headers == {
        "x-a": "1",
        "Allow": "GET",
    }
    assert Unauthorized("m", scheme="Basic", headers=[("x-a", "1")]).headers == {
        "x-a": "1",
        "WWW-Authenticate": "Basic",
    }
