"""Property: ``parse_content_header`` reads a media type built from the RFC 9110 grammar as
the grammar says.

``media-type = type "/" subtype parameters`` (8.3.1), ``parameters = *( OWS ";" OWS
[ parameter ] )``, ``parameter = parameter-name "=" ( token / quoted-string )`` (5.6.6),
with a quoted-string of qdtext and obs-text in which ``"`` and ``\\`` are sent as
quoted-pairs (5.6.4: a sender SHOULD NOT escape anything else). The oracle: type and
subtype lower case (case-insensitive), every parameter under its lower-cased name, its
value as given (case kept). Values hold no ``%``: Hurtle reads the HTML form-data escapes
``%22`` and ``%0D%0A`` in any parameter, a documented choice for multipart heads.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.headers import Header, parse_content_header
from hurtle_http.request import Request

TCHAR = "!#$&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
tokens = st.text(TCHAR, min_size=1, max_size=8)
# qdtext (HTAB, SP, !, #-[, ]-~) and obs-text, plus the two characters sent escaped.
QDTEXT = "\t !" + "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) not in "\\%") + "éÿ"
quoted_values = st.text(QDTEXT + '"\\', max_size=10)
ows = st.sampled_from(["", " ", "\t", "  "])


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def media_types(draw: st.DrawFn) -> tuple[str, str, dict[str, str]]:
    main = f"{draw(tokens)}/{draw(tokens)}"
    names = draw(st.lists(tokens, max_size=4, unique_by=str.lower))
    params: dict[str, str] = {}
    text = main
    for name in names:
        if draw(st.booleans()):
            value = draw(tokens.filter(lambda t: "%" not in t))
            written = quote(value) if draw(st.booleans()) else value
        else:
            value = draw(quoted_values)
            written = quote(value)
        text += f"{draw(ows)};{draw(ows)}{name}={written}"
        params[name.lower()] = value
    if draw(st.booleans()):
        text += f"{draw(ows)};{draw(ows)}"  # an empty parameter is allowed
    return text, main.lower(), params


@settings(max_examples=200, deadline=None)
@given(media_types())
@example(('multipart/form-data; boundary="a\\\\b"', "multipart/form-data", {"boundary": "a\\b"}))
@example(('text/plain; x="a;b=\\"c\\""; y=1', "text/plain", {"x": 'a;b="c"', "y": "1"}))
def test_a_media_type_reads_back_as_built(case: tuple[str, str, dict[str, str]]) -> None:
    text, main, params = case
    assert parse_content_header(text) == (main, params)
    request = Request(b"/", Header({"content-type": text}), "1.1", "POST", None, None)
    assert request.content_type == text
