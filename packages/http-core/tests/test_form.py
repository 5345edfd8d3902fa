"""multipart/form-data parsing (File, parse_multipart_form)."""

import logging
import unicodedata
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.request import File, parse_multipart_form

PARAM = b"B0undary"  # the Content-Type's boundary parameter
BOUNDARY = b"--" + PARAM  # the delimiter lines in the body


def _part(headers: list[str], content: bytes) -> bytes:
    head = "\r\n".join(headers).encode("utf-8")
    return BOUNDARY + b"\r\n" + head + b"\r\n\r\n" + content + b"\r\n"


def test_fields_and_files() -> None:
    body = (
        _part(['Content-Disposition: form-data; name="a"'], b"v1")
        + _part(['Content-Disposition: form-data; name="a"'], b"v2")
        + _part(
            [
                'Content-Disposition: form-data; name="f"; filename="x.txt"',
                "Content-Type: text/csv",
            ],
            b"1,2\r\n3,4",
        )
        + _part(
            ["content-disposition: form-data; name=\"g\"; filename*=utf-8''%C3%A4.bin"],
            b"\x00\x01",
        )
        + _part(
            [
                'Content-Disposition: form-data; name="c"',
                "Content-Type: text/plain; charset=latin-1",
            ],
            b"\xe4",
        )
        + _part(['Content-Disposition: form-data; name="e"'], b"")
        + BOUNDARY
        + b"--\r\n"
    )
    fields, files = parse_multipart_form(body, PARAM)
    assert fields == {"a": ["v1", "v2"], "c": ["ä"], "e": [""]}
    assert fields.get("a") == "v1"
    assert files.get("f") == File(type="text/csv", body=b"1,2\r\n3,4", name="x.txt")
    assert files.get("g") == File(type="text/plain", body=b"\x00\x01", name="ä.bin")


@pytest.mark.parametrize("charset", ["punycode", "idna"])
def test_a_part_charset_with_quadratic_decoding_is_read_as_utf8(charset: str) -> None:
    """punycode and idna decode in time growing with the square of the input: a part
    (or a ``filename*``) naming them is read as UTF-8, as one naming an unknown charset."""
    body = (
        _part(
            [
                'Content-Disposition: form-data; name="a"',
                f"Content-Type: text/plain; charset={charset}",
            ],
            "é xn--aa-bb".encode(),
        )
        + _part([f"Content-Disposition: form-data; name=f; filename*={charset}''%C3%A9"], b"x")
        + BOUNDARY
        + b"--\r\n"
    )
    fields, files = parse_multipart_form(body, PARAM)
    assert fields == {"a": ["é xn--aa-bb"]}
    assert files.get("f").name == "é"


@pytest.mark.parametrize("charset", ["undefined", "unicode-escape"])
def test_a_part_charset_that_is_no_text_charset_is_read_as_utf8(charset: str) -> None:
    """A part naming ``undefined`` (which fails on every input) or an escape codec is
    read as UTF-8, as one naming an unknown charset, and the other fields are kept."""
    body = (
        _part(
            [
                'Content-Disposition: form-data; name="a"',
                f"Content-Type: text/plain; charset={charset}",
            ],
            "é \\x".encode(),
        )
        + _part(['Content-Disposition: form-data; name="b"'], b"2")
        + BOUNDARY
        + b"--\r\n"
    )
    fields, _files = parse_multipart_form(body, PARAM)
    assert fields == {"a": ["é \\x"], "b": ["2"]}


def test_file_is_a_named_tuple() -> None:
    upload = File(type="a/b", body=b"x", name="n")
    kind, body, name = upload
    assert (kind, body, name) == ("a/b", b"x", "n")


def test_garbage_and_nameless_parts_are_skipped() -> None:
    assert parse_multipart_form(b"garbage", PARAM) == ({}, {})
    body = _part(["Content-Disposition: form-data"], b"x") + BOUNDARY + b"--"
    assert parse_multipart_form(body, PARAM) == ({}, {})


END = BOUNDARY + b"--\r\n"


def _fields_files(body: bytes) -> tuple[dict, dict]:
    fields, files = parse_multipart_form(body, PARAM)
    return dict(fields), {k: [(f.name, f.type, f.body) for f in v] for k, v in files.items()}


@pytest.mark.parametrize(
    ("body", "fields", "files"),
    [
        # A part that is cut short (no delimiter after it) is dropped, the others kept.
        (
            _part(["Content-Disposition: form-data; name=a"], b"1")
            + _part(["Content-Disposition: form-data; name=b"], b"2"),
            {"a": ["1"]},
            {},
        ),
        (
            _part(["Content-Disposition: form-data; name=a"], b"1") + BOUNDARY + b"\r\n"
            b"Content-Disposition: form-data; name=b\r\n\r\n2",
            {"a": ["1"]},
            {},
        ),
        # A close delimiter without its trailing "--" still ends the last part.
        (_part(["Content-Disposition: form-data; name=a"], b"1") + BOUNDARY, {"a": ["1"]}, {}),
        # An empty name is no name, for fields and files alike.
        (
            _part(['Content-Disposition: form-data; name=""'], b"v")
            + _part(['Content-Disposition: form-data; name=""; filename="x"'], b"v")
            + END,
            {},
            {},
        ),
        # The disposition type is not checked; "name = x" (spaces around "=") is no name.
        (
            _part(['Content-Disposition: attachment; name="a"'], b"v")
            + _part(['Content-Disposition: inline; name="f"; filename="x"'], b"v")
            + _part(['Content-Disposition: FORM-DATA; NAME="b"'], b"w")
            + _part(['Content-Disposition: form-data ; name = "c"'], b"w")
            + END,
            {"a": ["v"], "b": ["w"]},
            {"f": [("x", "text/plain", b"v")]},
        ),
        # filename*= without charset'lang' is percent-encoded UTF-8.
        (
            _part(['Content-Disposition: form-data; name="f"; filename*=%E2%82%AC'], b"v") + END,
            {},
            {"f": [("\u20ac", "text/plain", b"v")]},
        ),
        # Backslashes of a raw Windows path are kept; an escaped quote is a quote.
        (
            _part(['Content-Disposition: form-data; name="f"; filename="C:\\dir\\x.txt"'], b"v")
            + END,
            {},
            {"f": [("C:\\dir\\x.txt", "text/plain", b"v")]},
        ),
    ],
)
def test_multipart_edge_cases_match_sanic(body: bytes, fields: dict, files: dict) -> None:
    assert _fields_files(body) == (fields, files)


@pytest.mark.parametrize(
    ("part_type", "expected"),
    [
        ("text/plain; charset=utf-8", "text/plain"),
        ("Image/PNG; x=y", "image/png"),
        ("  image/png  ", "image/png"),
        ("image/png;", "image/png"),
        ('multipart/mixed; boundary="inner"', "multipart/mixed"),
        ("", ""),
    ],
)
def test_file_type_is_the_media_type_without_parameters(part_type: str, expected: str) -> None:
    body = _part(["Content-Disposition: form-data; name=f; filename=x", f"Content-Type: {part_type}"], b"1")
    _fields, files = _fields_files(body + END)
    assert files == {"f": [("x", expected, b"1")]}


def test_multipart_parts_sanic_would_lose_are_kept() -> None:
    """Kept on purpose where real Sanic 25.12 loses data or mis-parses (RFC-correct here).

    - ``filename="a\\"b.txt"``: Sanic stops at the escaped quote (``a\\``); a quoted-string
      may escape ``"`` (RFC 9110 5.6.4), so the name is ``a"b.txt``.
    - ``filename`` and ``filename*`` together: ``filename*`` wins (RFC 6266 4.3); Sanic
      takes ``filename``.
    - A part that is not valid in its charset, or names an unknown charset: Sanic drops the
      whole form; here that field is decoded with replacement characters (or as UTF-8) and
      the other parts are kept.
    - Transport padding after a delimiter (RFC 2046 5.1.1): Sanic drops the whole form.
    """
    body = (
        _part(['Content-Disposition: form-data; name="f"; filename="a\\"b.txt"'], b"1")
        + _part(
            ["Content-Disposition: form-data; name=g; filename=x; filename*=UTF-8''y%C3%A9"], b"2"
        )
        + _part(
            ["Content-Disposition: form-data; name=a", "Content-Type: text/plain; charset=bogus"],
            b"ok",
        )
        + _part(["Content-Disposition: form-data; name=b"], b"\xe9")
        + BOUNDARY
        + b"  \r\nContent-Disposition: form-data; name=c\r\n\r\n3\r\n"
        + END
    )
    fields, files = _fields_files(body)
    assert fields == {"a": ["ok"], "b": ["\ufffd"], "c": ["3"]}
    assert files == {"f": [('a"b.txt', "text/plain", b"1")], "g": [("y\u00e9", "text/plain", b"2")]}


def test_multipart_framing_read_as_rfc_2046_says() -> None:
    """Kept on purpose where real Sanic 25.12 reads otherwise (RFC 2046 5.1.1):

    - After the close delimiter comes the epilogue, ignored: Sanic reads parts there.
    - A line that starts with the delimiter is one ("an exact match of the entire
      candidate line is not required"): the part after ``--B0undaryX`` is read; Sanic
      loses it.
    - A part head line without a colon is skipped with the rest of the part read, and
      one with a space before its colon is read as the field it names; Sanic drops the
      whole form in both cases.
    - The boundary string elsewhere than right after a line break and ``--`` is content;
      Sanic splits parts at any occurrence of it.
    """
    body = (
        _part(["Content-Disposition: form-data; name=a"], b"1")
        + BOUNDARY
        + b"X\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n"
        + _part(["Content-Disposition: form-data; name=c", "NoColonHere"], b"3")
        + _part(["Content-Disposition : form-data; name=d"], b"4\r\n-%B0undary\r\nx--B0undary")
        + END
        + _part(["Content-Disposition: form-data; name=e"], b"5")
        + END
    )
    d = "4\r\n-%B0undary\r\nx--B0undary"
    assert _fields_files(body) == ({"a": ["1"], "b": ["2"], "c": ["3"], "d": [d]}, {})


@pytest.mark.parametrize(
    ("disposition", "filename"),
    [
        ("filename=f; filename*=UTF-8''", "f"),  # empty
        ("filename=f; filename*=''x", "f"),  # no charset
        ('filename=f; filename*=""', "f"),
        ("filename=f; filename*=x", "f"),  # no charset'lang' prefix
        ("filename=f; filename*=bogus''x", "f"),  # unknown charset
        ("filename=f; filename*=UTF-8''%20", " "),
        ("filename=\"\"; filename*=UTF-8''x", "x"),
        ("filename*=UTF-8''", ""),
        ("filename*=''x", "x"),
    ],
)
def test_a_filename_star_that_cannot_be_read_leaves_the_filename(
    disposition: str, filename: str
) -> None:
    # RFC 6266 4.3: filename* is preferred when the recipient can read it; else (malformed,
    # unknown charset, empty) the plain filename is the name, as Sanic always takes it.
    body = _part([f"Content-Disposition: form-data; name=a; {disposition}"], b"v") + END
    assert _fields_files(body)[1] == {"a": [(filename, "text/plain", b"v")]}


def test_browser_escaped_names_and_filenames() -> None:
    # What browsers send for <input type=file name='q"\'> and a file named 'a"b.txt':
    # '"' as %22, the backslash raw.
    body = (
        _part(['Content-Disposition: form-data; name="q%22\\"; filename="a%22b.txt"'], b"1")
        + _part(['Content-Disposition: form-data; name="line%0D%0Abreak"'], b"v")
        + END
    )
    fields, files = _fields_files(body)
    assert fields == {"line\nbreak": ["v"]}
    assert files == {'q"\\': [('a"b.txt', "text/plain", b"1")]}


# Without '%': browsers send a '"' in a name as %22 (decoded when parsed), so a name
# holding "%22" itself cannot round-trip.
_field_names = st.text(
    alphabet=st.characters(blacklist_characters='"\\\r\n%', blacklist_categories=("Cs",)),
    min_size=1,
    max_size=10,
)


@given(
    st.dictionaries(_field_names, st.text(max_size=30).filter(lambda s: "\r" not in s), max_size=4),
    st.dictionaries(_field_names, st.binary(max_size=60), max_size=3),
)
def test_multipart_round_trip(fields: dict[str, str], files: dict[str, bytes]) -> None:
    boundary = b"--hypothesis-boundary-7f3a"
    body = b""
    for name, value in fields.items():
        body += boundary + b"\r\n"
        body += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        body += value.encode() + b"\r\n"
    for name, content in files.items():
        body += boundary + b"\r\n"
        body += f'Content-Disposition: form-data; name="{name}"; filename="f.bin"\r\n'.encode()
        body += b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n"
    body += boundary + b"--\r\n"
    parsed_fields, parsed_files = parse_multipart_form(body, boundary[2:])
    assert parsed_fields == {k: [v] for k, v in fields.items()}
    assert {k: v[0].body for k, v in parsed_files.items()} == files


@given(st.binary(max_size=300))
def test_parse_multipart_never_raises(body: bytes) -> None:
    fields, files = parse_multipart_form(body, PARAM)
    assert isinstance(fields, dict) and isinstance(files, dict)


def test_delimiters_written_as_the_bare_boundary_parameter_are_read() -> None:
    """A client that put the dashes in ``boundary=------x`` and wrote ``------x`` lines."""
    body = (
        b'------x\r\nContent-Disposition: form-data; name="f"; filename="a.json"\r\n'
        b"Content-Type: application/json\r\n\r\n\r\n"
        b'------x\r\nContent-Disposition: form-data; name="f"; filename="b.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n\r\n------x--"
    )
    _fields, files = parse_multipart_form(body, b"------x")
    assert [(f.name, f.type) for f in files.getlist("f")] == [
        ("a.json", "application/json"),
        ("b.pdf", "application/pdf"),
    ]


def test_a_delimiter_right_after_the_head_is_an_empty_part() -> None:
    body = (
        b'--x\r\nContent-Disposition: form-data; name="f"; filename="e.json"\r\n'
        b"Content-Type: application/json\r\n\r\n--x--"
    )
    _fields, files = parse_multipart_form(body, b"x")
    assert files.get("f") == File(type="application/json", body=b"", name="e.json")


def test_file_names_are_given_in_nfc() -> None:
    body = (
        b"--x\r\nContent-Disposition: form-data; name=\"f\"; filename*=\"utf-8''a%CC%88.txt\""
        b"\r\n\r\nhi\r\n--x--"
    )
    _fields, files = parse_multipart_form(body, b"x")
    assert files.get("f").name == "\u00e4.txt"


@pytest.mark.parametrize("marks", ["\u0308\u0301\u0323", "\u0f73"])
def test_a_file_name_with_endless_combining_marks_is_given_as_sent(marks: str) -> None:
    """Putting a run of combining marks in canonical order takes time growing with the
    square of the run, so a name with more than 30 in a row (not stream-safe text, UAX
    #15) is not normalized: a 100,000-mark name is answered, as sent. Shorter runs still
    are (Sanic normalizes every name, which takes minutes for a 1 MB one)."""
    endless = "a" + marks * (100_000 // len(marks))
    short = "a" + "\u0301\u0323" * 15  # 30 marks: reordered, U+0323 first
    body = (
        _part([f"Content-Disposition: form-data; name=f; filename*=utf-8''{quote(endless)}"], b"x")
        + _part([f"Content-Disposition: form-data; name=g; filename*=utf-8''{quote(short)}"], b"y")
        + BOUNDARY
        + b"--\r\n"
    )
    _fields, files = parse_multipart_form(body, PARAM)
    assert files.get("f").name == endless
    assert files.get("g").name == unicodedata.normalize("NFC", short) != short


def test_a_part_without_a_name_is_logged_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    body = b'--x\r\nContent-Disposition: form-data; filename="a"\r\n\r\nhi\r\n--x--'
    with caplog.at_level(logging.DEBUG, logger="sanic.root"):
        fields, files = parse_multipart_form(body, b"x")
    assert not fields and not files
    assert caplog.messages == [
        "Form-data field does not have a 'name' parameter in the Content-Disposition header"
    ]


def test_a_multipart_body_without_boundary_logs_a_parse_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from hurtle_http.headers import Header
    from hurtle_http.request import Request

    request = Request(
        b"/", Header({"content-type": "multipart/form-data"}), "1.1", "POST", None, None
    )
    request.body = b"a=1"
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        assert not request.form
    assert caplog.record_tuples == [("sanic.error", logging.ERROR, "Failed when parsing form")]


@pytest.mark.parametrize("fold", ["\r\n ", "\r\n\t", "\r\n   "])
def test_a_folded_part_field_is_unfolded(fold: str) -> None:
    # RFC 5322 2.2.3 (MIME part heads): a CRLF before whitespace continues the field.
    # Sanic drops the folded field, and with it the part.
    body = (
        _part(
            [
                f'Content-Disposition: form-data;{fold}name="a"',
                f"Content-Type: text/plain;{fold}charset=latin-1",
            ],
            b"\xe9",
        )
        + BOUNDARY
        + b"--\r\n"
    )
    fields, files = parse_multipart_form(body, PARAM)
    assert fields.getlist("a") == ["\u00e9"] and not files


def test_a_charset_field_names_the_charset_of_the_other_parts() -> None:
    # RFC 7578 4.6: "_charset_" gives the charset of text parts that name none, wherever
    # it stands; a part's own charset still wins. Sanic decodes them as UTF-8, so the
    # Latin-1 "é" dropped the whole form.
    body = (
        _part(['Content-Disposition: form-data; name="a"'], b"\xe9")
        + _part(['Content-Disposition: form-data; name="_charset_"'], b"iso-8859-1")
        + _part(
            ['Content-Disposition: form-data; name="b"', "Content-Type: text/plain; charset=utf-8"],
            "é".encode(),
        )
        + BOUNDARY
        + b"--\r\n"
    )
    fields, _files = parse_multipart_form(body, PARAM)
    assert fields.getlist("a") == ["é"] and fields.getlist("b") == ["é"]
    assert fields.getlist("_charset_") == ["iso-8859-1"]


def test_the_boundary_is_the_parameter_as_sanic_takes_it() -> None:
    # Sanic's parse_multipart_form(body, boundary) takes the Content-Type's parameter
    # (the body's lines are "--" + it), with or without a preamble; the delimiter itself
    # (with its dashes) is still understood.
    body = _part(['Content-Disposition: form-data; name="a"'], b"v") + BOUNDARY + b"--\r\n"
    assert parse_multipart_form(body, PARAM) == ({"a": ["v"]}, {})
    assert parse_multipart_form(b"preamble\r\n" + body, PARAM) == ({"a": ["v"]}, {})
    assert parse_multipart_form(body, BOUNDARY) == ({"a": ["v"]}, {})
    # A parameter that starts with dashes itself (browsers' "----WebKitFormBoundary...").
    dashed = b"----WebKit"
    body = (
        b"--" + dashed + b'\r\nContent-Disposition: form-data; name="w"\r\n\r\nx\r\n'
        + b"--" + dashed + b"--\r\n"
    )
    assert parse_multipart_form(body, dashed) == ({"w": ["x"]}, {})


# The Content-Disposition name each client really writes (recorded by
# tests-integration/fidelity/leftovers14/multipart_names.py; browsers as requests, per the
# WHATWG form encoding: '"' as %22, a backslash raw), and the name the app must see.
_CLIENT_NAMES = [
    # requests (urllib3) and browsers
    (rb'"a\"', "a\\"),
    (rb'"a%22b"', 'a"b'),
    (rb'"a\%22b"', 'a\\"b'),
    # httpx: a backslash doubled, '"' as %22
    (rb'"a\\"', "a\\"),
    (rb'"a\\%22b"', 'a\\"b'),
    # aiohttp: RFC 9110 quoted-pairs for both
    (rb'"a\"b"', 'a"b'),
    (rb'"a\\\"b"', 'a\\"b'),
]


@pytest.mark.parametrize(("written", "name"), _CLIENT_NAMES)
def test_field_names_as_each_client_writes_them(written: bytes, name: str) -> None:
    body = (
        b"--B\r\nContent-Disposition: form-data; name=" + written + b"\r\n\r\nv\r\n"
        b"--B\r\nContent-Disposition: form-data; name=" + written
        + b'; filename="f.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--\r\n'
    )
    fields, files = parse_multipart_form(body, b"B")
    assert dict(fields) == {name: ["v"]}
    assert list(files) == [name] and files[name][0].name == "f.txt"


@pytest.mark.parametrize("disposition", ['name="a"', 'name="a"; filename="x.txt"'])
def test_a_part_with_an_empty_head_keeps_a_head_shaped_content_as_content(
    disposition: str,
) -> None:
    # A CRLF right after the delimiter line ends an empty head (RFC 2046 5.1.1: the part's
    # header fields are optional); what follows is content, even when it reads like a
    # head. The part has no name, so it is skipped, as Sanic skips it.
    head_shaped = f"\r\n\r\nContent-Disposition: form-data; {disposition}\r\n\r\n1\r\n"
    body = BOUNDARY + head_shaped.encode() + _part(['Content-Disposition: form-data; name="b"'], b"2") + END
    assert _fields_files(body) == ({"b": ["2"]}, {})


def test_a_part_field_without_a_space_after_its_colon_keeps_its_whole_value() -> None:
    """Kept on purpose: white space after the colon of a part's header field is optional
    (RFC 5322 2.2, RFC 9110 5.6.3); real Sanic 25.12 drops the first character of a value
    without it (``Content-Type:image/png`` gives ``mage/png``)."""
    head = ['Content-Disposition:form-data; name="f"; filename="a"', "Content-Type:image/png"]
    body = _part(head, b"v") + END
    assert _fields_files(body) == ({}, {"f": [("a", "image/png", b"v")]})
