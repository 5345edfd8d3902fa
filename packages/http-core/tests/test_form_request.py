"""What a handler reads of a request body through ``Request``: ``json``, ``load_json``,
``form`` and ``files`` and how their cached values interact (as in Sanic 25.12)."""

from __future__ import annotations

import logging
import traceback

import pytest

from hurtle_http.exceptions import BadRequest
from hurtle_http.headers import Header
from hurtle_http.parameters import RequestParameters
from hurtle_http.request import Request

MULTIPART = "multipart/form-data; boundary=XX"
ONE_FILE = (
    b'--XX\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n\r\nq\r\n--XX--\r\n'
)


def make(body: bytes, content_type: str | None = None) -> Request:
    headers = Header({"content-type": content_type} if content_type else {})
    request = Request(b"/", headers, "1.1", "POST", None, None)
    request.body = body
    return request


def test_a_failed_load_json_on_an_empty_body_keeps_what_was_parsed_before() -> None:
    request = make(b"", "application/json")
    # A custom loads may accept an empty body; a later default load_json() answers None
    # (json.loads refuses b"") and leaves that result as request.json.
    assert request.load_json(loads=lambda raw: {"empty": raw}) == {"empty": b""}
    assert request.load_json() is None
    assert request.json == {"empty": b""}


def test_bad_json_keeps_the_decoder_error_in_the_traceback() -> None:
    with pytest.raises(BadRequest) as info:
        make(b'{"a": ', "application/json").json  # noqa: B018
    assert isinstance(info.value.__context__, ValueError)  # json or ujson, whichever loads
    text = "".join(traceback.format_exception(info.value))
    assert "JSONDecodeError" in text and "Failed when parsing body as json" in text


def test_files_do_not_parse_again_over_a_form_the_app_set() -> None:
    # As with Sanic: files come from parsing the form; a form set by the app (middleware
    # that reads another body format into it) is not replaced by reading request.files.
    request = make(ONE_FILE, MULTIPART)
    request.parsed_form = RequestParameters({"mine": ["1"]})
    assert request.files is None
    assert request.form == {"mine": ["1"]}


def test_files_parse_the_form_when_neither_was_read() -> None:
    request = make(ONE_FILE, MULTIPART)
    assert request.files["f"][0].body == b"q"  # type: ignore[index]
    assert request.form == {}


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", "a=1"),
        ("application/x-www-form-urlencoded", None),
        (MULTIPART, ONE_FILE.decode()),
        (MULTIPART, memoryview(ONE_FILE)),
    ],
)
def test_a_body_the_app_set_to_no_bytes_gives_an_empty_form_and_a_logged_error(
    content_type: str, body: object, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: the handler gets an empty form (not a 500), and the log says why.
    request = make(b"", content_type)
    request.body = body  # type: ignore[assignment]
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        assert request.form == {} and request.files == {}
    [record] = [r for r in caplog.records if r.name == "sanic.error"]
    assert record.getMessage() == "Failed when parsing form"
    assert record.exc_info is not None and record.exc_info[0] in (AttributeError, TypeError)
