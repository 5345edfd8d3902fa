"""multipart/form-data parsing (File, parse_multipart_form)."""

from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.request import File, parse_multipart_form

BOUNDARY = b"--B0undary"


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
    fields, files = parse_multipart_form(body, BOUNDARY)
    assert fields == {"a": ["v1", "v2"], "c": ["ä"], "e": [""]}
    assert fields.get("a") == "v1"
    assert files.get("f") == File(type="text/csv", body=b"1,2\r\n3,4", name="x.txt")
    assert files.get("g") == File(type="text/plain", body=b"\x00\x01", name="ä.bin")


def test_file_is_a_named_tuple() -> None:
    upload = File(type="a/b", body=b"x", name="n")
    kind, body, name = upload
    assert (kind, body, name) == ("a/b", b"x", "n")


def test_garbage_and_nameless_parts_are_skipped() -> None:
    assert parse_multipart_form(b"garbage", BOUNDARY) == ({}, {})
    body = _part(["Content-Disposition: form-data"], b"x") + BOUNDARY + b"--"
    assert parse_multipart_form(body, BOUNDARY) == ({}, {})


_field_names = st.text(
    alphabet=st.characters(blacklist_characters='"\\\r\n', blacklist_categories=("Cs",)),
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
    parsed_fields, parsed_files = parse_multipart_form(body, boundary)
    assert parsed_fields == {k: [v] for k, v in fields.items()}
    assert {k: v[0].body for k, v in parsed_files.items()} == files


@given(st.binary(max_size=300))
def test_parse_multipart_never_raises(body: bytes) -> None:
    fields, files = parse_multipart_form(body, BOUNDARY)
    assert isinstance(fields, dict) and isinstance(files, dict)
