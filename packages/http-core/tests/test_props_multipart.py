"""Property: a ``multipart/form-data`` body encoded as RFC 7578 and RFC 2046 5.1.1 say reads
back through ``request.form`` and ``request.files`` as what was encoded.

The encoder here is the oracle: a boundary of 1 to 70 ``bchars`` (not ending in a space;
quoted in the ``Content-Type`` when it is no token), an optional preamble and epilogue,
parts in order with ``name`` and ``filename`` quoted as browsers quote them (``"`` as
``%22``, a line break as ``%0D%0A``, 7578 4.2), a file's name as ``filename*=UTF-8''...``
(RFC 5987) when it is not ASCII, and content
holding line breaks, dashes and text that looks like the boundary without being a
delimiter (a delimiter is CRLF, ``--``, the boundary). Duplicate names keep their order.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.headers import Header
from hurtle_http.request import Request

# RFC 2046 5.1.1: bcharsnospace := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," /
# "-" / "." / "/" / ":" / "=" / "?"; bchars adds space (not last).
BCHARS_NOSPACE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?"
TCHAR = set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

boundaries = st.tuples(
    st.text(BCHARS_NOSPACE + " ", max_size=69), st.sampled_from(BCHARS_NOSPACE)
).map("".join)
# Names: any text but "%" (a name holding "%22" reads as '"') and CR (browsers send every
# line break as %0D%0A, read as LF), and nothing empty (a part without a name is skipped).
names = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="%\r\x00"),
    min_size=1,
    max_size=6,
)
filenames = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="%\\/"),
    min_size=1,
    max_size=6,
)
content_bits = st.sampled_from(["a", "é", "\r\n", "\r", "\n", "--", "-", " ", '"', "\r\n--"])


@st.composite
def contents(draw: st.DrawFn, boundary: str) -> str:
    bits = draw(
        st.lists(st.one_of(content_bits, st.just(boundary), st.just(boundary[:-1])), max_size=8)
    )
    # The one thing content cannot hold (2046 5.1.1: the sender picks a boundary that is
    # not in it): a delimiter, also where the content starts (after the head's CRLF).
    text = "\r\n" + "".join(bits)
    return text.replace("\r\n--" + boundary, "\r\n-+" + boundary)[2:]


@st.composite
def forms(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str | None]]]:
    boundary = draw(boundaries)
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        name = draw(names)
        if draw(st.booleans()):
            parts.append((name, draw(contents(boundary)), None))
        else:
            parts.append((name, draw(contents(boundary)), draw(filenames)))
    return boundary, parts


def encode(
    boundary: str, parts: list[tuple[str, str, str | None]], preamble: str, epilogue: str
) -> bytes:
    out = preamble.encode()
    if preamble:
        out += b"\r\n"
    for name, content, filename in parts:
        # A backslash as its quoted-pair (RFC 9110 5.6.4), which the parser decodes: sent
        # alone, a name of two backslashes read back as one (found by this test once).
        escaped = name.replace("\\", "\\\\").replace('"', "%22").replace("\n", "%0D%0A")
        disposition = f'form-data; name="{escaped}"'
        if filename is not None:
            if filename.isascii():
                quoted = filename.replace("\\", "\\\\").replace('"', "%22")
                disposition += '; filename="' + quoted + '"'
            else:
                disposition += "; filename*=UTF-8''" + quote(filename, safe="")
        out += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if filename is not None:
            out += b"Content-Type: application/octet-stream\r\n"
        out += b"\r\n" + content.encode() + b"\r\n"
    out += f"--{boundary}--".encode()
    if epilogue:
        out += b"\r\n" + epilogue.encode()
    return out


@settings(max_examples=200, deadline=None)
@given(forms(), st.sampled_from(["", "preamble --x"]), st.sampled_from(["", "bye\r\n--"]))
@example(("xy", [("a", "1\r\n--x", None), ("a", "-\r\n--x-y\r\n-xy", "f.txt")]), "", "")
@example(("a b", [('"n"', "\r\n", None)]), "", "")
@example(("0", [("0", "", None), ("0", "", "0"), ("0", "", "\uf900")]), "", "")
@example(("0", [("0", "", None), ("\\\\", "", "0"), ("a\\", "", "b\\\\")]), "", "")
def test_a_form_reads_back_as_it_was_encoded(
    form: tuple[str, list[tuple[str, str, str | None]]], preamble: str, epilogue: str
) -> None:
    boundary, parts = form
    if not parts:
        return
    param = boundary if set(boundary) <= TCHAR else f'"{boundary}"'
    body = encode(boundary, parts, preamble, epilogue)
    headers = Header({"content-type": f"multipart/form-data; boundary={param}"})
    request = Request(b"/", headers, "1.1", "POST", None, None)
    request.body = body
    fields: dict[str, list[str]] = {}
    files: dict[str, list[tuple[str, bytes]]] = {}
    for name, content, filename in parts:
        if filename is None:
            fields.setdefault(name, []).append(content)
        else:
            # File names are given in NFC, as Sanic gives them (U+F900 reads as U+8C48).
            nfc = unicodedata.normalize("NFC", filename)
            files.setdefault(name, []).append((nfc, content.encode()))
    assert {k: request.form.getlist(k) for k in request.form} == fields
    got_files = {k: [(f.name, f.body) for f in request.files.getlist(k)] for k in request.files}
    assert got_files == files
