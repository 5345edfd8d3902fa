"""Property: an ``application/x-www-form-urlencoded`` body encoded as the WHATWG URL standard
encodes a form (the encoding HTML forms and RFC 7578's sibling use) reads back through
``request.form``, in the charset the ``Content-Type`` names.

The oracle is the encoder: each name and value encoded in the charset, percent-escaped
except for the unreserved bytes, a space as ``+``, pairs joined by ``&``. A field with an
empty value is dropped by ``request.form`` (as Sanic; ``get_form(keep_blank_values=True)``
keeps it), so the oracle drops it too.
"""

from __future__ import annotations

from urllib.parse import quote_plus

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.headers import Header
from hurtle_http.request import Request

CHARSETS = ["utf-8", "UTF-8", '"utf-8"', "iso-8859-1", "latin1", "windows-1252", "shift_jis"]
texts = st.text(st.characters(exclude_categories=("Cs",), max_codepoint=0x30FF), max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(CHARSETS),
    st.lists(st.tuples(texts.filter(bool), texts), max_size=5),
    st.booleans(),
    st.booleans(),
)
@example("shift_jis", [("名", "値 +&=")], False, True)
@example("shift_jis", [("0", "¥")], False, True)
def test_a_form_body_reads_back_in_its_charset(
    charset: str, pairs: list[tuple[str, str]], keep_blank: bool, with_param: bool
) -> None:
    codec = charset.strip('"')
    encodable = []
    for name, value in pairs:
        try:
            # (a text the codec cannot give back is no oracle: shift_jis writes "¥" as
            # 0x5C, which reads back as "\\")
            if any(t.encode(codec).decode(codec) != t for t in (name, value)):
                continue
        except UnicodeEncodeError:
            continue
        encodable.append((name, value))
    body = "&".join(
        f"{quote_plus(n, encoding=codec)}={quote_plus(v, encoding=codec)}" for n, v in encodable
    ).encode("ascii")
    if not with_param and codec.lower() != "utf-8":
        return  # without a charset the body is UTF-8
    content_type = "application/x-www-form-urlencoded"
    if with_param:
        content_type += f"; charset={charset}"
    request = Request(b"/", Header({"content-type": content_type}), "1.1", "POST", None, None)
    request.body = body
    form = request.get_form(keep_blank_values=keep_blank)
    expected: dict[str, list[str]] = {}
    for name, value in encodable:
        if value or keep_blank:
            expected.setdefault(name, []).append(value)
    assert {k: form.getlist(k) for k in form} == expected
