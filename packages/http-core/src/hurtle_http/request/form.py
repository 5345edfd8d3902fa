"""Request bodies as forms: ``File`` and ``parse_multipart_form`` (RFC 7578)."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import parse_qs, parse_qsl, unquote

from hurtle_http.headers import parse_content_header
from hurtle_http.parameters import RequestParameters
from hurtle_http.request.charset import form_charset

_logger = logging.getLogger("sanic.root")


class File(NamedTuple):
    """An uploaded file: ``type`` (its media type), ``body`` (bytes), ``name`` (file name)."""

    type: str
    body: bytes
    name: str


# Stream-safe text (UAX #15 section 13) has at most 30 non-starters in a row. Longer runs
# are what makes normalizing slow: CPython puts each run in canonical order with an
# insertion sort, so its cost grows with the square of the run (a 180 KB file name of
# alternating combining marks took 7 s of CPU, 1 MB would take minutes).
_LONG_RUN = re.compile(rb"[^\x00]{31}")
# Starters (combining class 0) whose canonical decomposition is all non-starters, read
# as one (U+0301) when counting a run.
_DECOMPOSE_TO_MARKS = dict.fromkeys((0x0F73, 0x0F75, 0x0F81), 0x0301)


def _nfc(name: str) -> str:
    """``name`` in NFC, or as given when it is not stream-safe (see ``_LONG_RUN``)."""
    if name.isascii():
        return name
    if len(name) > 30:
        classes = bytes(map(unicodedata.combining, name.translate(_DECOMPOSE_TO_MARKS)))
        if _LONG_RUN.search(classes):
            return name
    return unicodedata.normalize("NFC", name)


# The most distinct charset names one form looks up. A lookup of a name that is no codec
# takes tens of microseconds (the encodings package tries an import) and stays in its
# cache for good: a 7 MB body of parts each naming another charset took 6.6 s and left
# 100,000 entries behind. Past this many, a new name reads as unknown (as UTF-8).
_MAX_CHARSETS = 16


class _Charsets:
    """The codecs of the charsets one form names, each name looked up once."""

    __slots__ = ("_codecs",)

    def __init__(self) -> None:
        self._codecs: dict[str, str | None] = {}

    def codec(self, charset: str) -> str | None:
        """``form_charset(charset)`` when ``charset`` names a codec, else ``None``."""
        try:
            return self._codecs[charset]
        except KeyError:
            pass
        if len(self._codecs) >= _MAX_CHARSETS:
            return None
        try:
            codecs.lookup(charset)
        except LookupError:
            found = None
        else:
            found = form_charset(charset)
        self._codecs[charset] = found
        return found


def _decode_filename(options: dict, charsets: _Charsets | None = None) -> str | None:
    # As Sanic: the name is given in NFC (a decomposed "a" + U+0308 reads as "ä"), unless
    # it is not stream-safe: then as sent, in time linear in its length (Sanic: quadratic).
    name = _raw_filename(options, charsets or _Charsets())
    return None if name is None else _nfc(name)


def _raw_filename(options: dict, charsets: _Charsets) -> str | None:
    # RFC 7578 §4.2 / RFC 5987: filename*=charset'lang'percent-encoded wins over filename,
    # unless it is malformed or empty and a filename is given (RFC 6266 4.3 prefers a
    # filename* the recipient can read; Sanic always takes filename).
    extended = options.get("filename*")
    plain = options.get("filename")
    if isinstance(extended, str):
        name = _extended_value(extended, plain is None, charsets)
        if name or plain is None:
            return name
    return None if plain is None else str(plain)


def _extended_value(value: str, lenient: bool, charsets: _Charsets) -> str | None:
    """An RFC 5987 ext-value decoded; ``None`` when malformed, unless ``lenient``: then no
    ``charset'lang'`` prefix means percent-encoded UTF-8 (as Sanic reads a lone
    ``filename*``) and an unknown charset means UTF-8."""
    charset, sep, rest = value.partition("'")
    if sep:
        _lang, sep, encoded = rest.partition("'")
    if not sep or not charset:
        if not lenient:
            return None
        charset, encoded = (charset or "utf-8", encoded) if sep else ("utf-8", value)
    # form_charset: never a codec whose decoding time grows with the square of the input.
    codec = charsets.codec(charset)
    if codec is None:
        if not lenient:
            return None
        codec = "utf-8"
    return unquote(encoded, encoding=codec, errors="replace")


# A long urlencoded text is parsed this many characters (to the next "&") at a time.
_QS_SLICE = 1 << 16


def parse_urlencoded(
    text: str, keep_blank_values: bool = False, encoding: str = "utf-8", errors: str = "replace"
) -> dict[str, list[str]]:
    """``urllib.parse.parse_qs(text, ...)``, with its memory bounded by the result.

    ``parse_qs`` first splits the whole text at every "&": a 100 MB body of "&" (or of
    fields it drops, such as "ab&") is a list of 50 million strings, 25 times the body in
    memory, before a single field is kept. Read a slice at a time (cut at an "&", so no
    field is cut) the fields and their order are the same, and the transient list is the
    slice's.
    """
    if len(text) <= _QS_SLICE:
        return parse_qs(text, keep_blank_values=keep_blank_values, encoding=encoding, errors=errors)
    fields: dict[str, list[str]] = {}
    for name, value in _pairs(text, keep_blank_values, encoding, errors):
        values = fields.get(name)
        if values is None:
            fields[name] = [value]
        else:
            values.append(value)
    return fields


def parse_urlencoded_pairs(
    text: str, keep_blank_values: bool = False, encoding: str = "utf-8", errors: str = "replace"
) -> list[tuple[str, str]]:
    """``urllib.parse.parse_qsl(text, ...)``, read a slice at a time (see ``parse_urlencoded``)."""
    if len(text) <= _QS_SLICE:
        return parse_qsl(
            text, keep_blank_values=keep_blank_values, encoding=encoding, errors=errors
        )
    return list(_pairs(text, keep_blank_values, encoding, errors))


def _pairs(
    text: str, keep_blank_values: bool, encoding: str, errors: str
) -> Iterator[tuple[str, str]]:
    pos = 0
    size = len(text)
    while pos < size:
        end = text.find("&", pos + _QS_SLICE)
        if end == -1:
            end = size
        yield from parse_qsl(
            text[pos:end], keep_blank_values=keep_blank_values, encoding=encoding, errors=errors
        )
        pos = end + 1


def _between_delimiters(body: bytes, boundary: bytes) -> Iterator[bytes]:
    """What lies between one delimiter (a CRLF and ``boundary``, or ``boundary`` at the
    very start) and the next, one piece at a time.

    The same pieces as ``(b"\\r\\n" + body).split(b"\\r\\n" + boundary)[1:-1]`` (the first
    piece is the preamble, the last either the close delimiter's tail or a part that never
    ended), without holding a copy of the body and a list of every piece: 30 MB of empty
    parts made 4 million pieces, 171 MB, before the first part was read.
    """
    delimiter = b"\r\n" + boundary
    if body.startswith(boundary):
        pos = len(boundary)
    else:
        first = body.find(delimiter)
        if first == -1:
            return
        pos = first + len(delimiter)
    while True:
        end = body.find(delimiter, pos)
        if end == -1:
            return
        yield body[pos:end]
        pos = end + len(delimiter)


def parse_multipart_form(
    body: bytes, boundary: bytes
) -> tuple[RequestParameters, RequestParameters]:
    """Split a ``multipart/form-data`` body into ``(fields, files)``.

    ``boundary`` is the ``boundary`` parameter of the ``Content-Type`` as bytes (the
    delimiter lines in the body are ``b"--" + boundary``), as Sanic's function takes it.
    One given with those dashes already, as the delimiter itself, is read as such when the
    body does not hold the longer delimiter.
    """
    delimiter = b"--" + boundary
    if (
        boundary.startswith(b"--")
        and not body.startswith(delimiter)
        and b"\r\n" + delimiter not in body
        and (body.startswith(boundary) or b"\r\n" + boundary in body)
    ):
        delimiter = boundary
    return _parse_multipart(body, delimiter)


def _parse_multipart(
    body: bytes, boundary: bytes
) -> tuple[RequestParameters, RequestParameters]:
    """``parse_multipart_form`` given the delimiter as it appears in the body (``--`` and
    the boundary parameter).

    Parts with a file name become ``File`` entries of ``files``; the others are decoded
    (with the part's ``charset``, else the value of a ``_charset_`` field, else UTF-8)
    into ``fields``. Malformed parts are
    skipped, as Sanic skips them: a part without a name (or with ``name=""``) and a last
    part cut short (no delimiter after it). This never raises on arbitrary bytes.
    """
    fields = RequestParameters()
    files = RequestParameters()
    texts: list[tuple[str, bytes, str | None]] = []
    default: str | None = None  # the "_charset_" field's value
    charsets = _Charsets()
    if boundary.startswith(b"--") and not body.startswith(boundary):
        bare = boundary[2:]
        if body.startswith(bare) and b"\r\n" + boundary not in body:
            # As Sanic: a body whose delimiter lines are the boundary parameter alone
            # (the client put the leading dashes in the parameter) is still read.
            boundary = bare
    for chunk in _between_delimiters(body, boundary):
        if chunk.startswith(b"--"):
            break  # the close delimiter
        # A delimiter line may carry transport padding before its CRLF (RFC 2046 §5.1.1).
        eol = chunk.find(b"\r\n")
        if eol == -1:
            continue
        part = chunk[eol + 2 :]
        if part.startswith(b"\r\n"):
            # An empty head (RFC 2046 5.1.1): all that follows is content, even text that
            # reads like a head; the part has no name, so it is skipped below, as Sanic.
            raw_head, content = b"", part[2:]
        elif (head_end := part.find(b"\r\n\r\n")) != -1:
            raw_head, content = part[:head_end], part[head_end + 4 :]
        elif part.endswith(b"\r\n"):
            # The head's last CRLF is also the delimiter's: an empty part, as Sanic.
            raw_head, content = part[:-2], b""
        else:
            continue
        name: str | None = None
        filename: str | None = None
        content_type = "text/plain"
        charset: str | None = None
        if b"\r\n " in raw_head or b"\r\n\t" in raw_head:
            # A folded field line (RFC 5322 2.2.3, which MIME part heads follow): unfolded
            # by removing the CRLF (Sanic drops such a field, and so the part).
            raw_head = re.sub(rb"\r\n(?=[ \t])", b"", raw_head)
        for line in raw_head.split(b"\r\n"):
            key, sep, value = line.decode("utf-8", "replace").partition(":")
            if not sep:
                continue
            key = key.strip().lower()
            if key == "content-disposition":
                _disposition, options = parse_content_header(value)
                raw_name = options.get("name")
                name = None if raw_name is None else str(raw_name)
                filename = _decode_filename(options, charsets)
            elif key == "content-type":
                # File.type is the media type alone, lower-cased, as in Sanic.
                content_type, options = parse_content_header(value)
                if "charset" in options:
                    # (an unknown charset reads as UTF-8; an empty one as none named)
                    charset = str(options["charset"]) and (
                        charsets.codec(str(options["charset"])) or "utf-8"
                    )
        if not name:
            _logger.debug(
                "Form-data field does not have a 'name' parameter in the Content-Disposition "
                "header"
            )
            continue
        if filename is not None:
            files.setdefault(name, []).append(File(type=content_type, body=content, name=filename))
        else:
            texts.append((name, content, charset))
            if name == "_charset_" and default is None:
                named = content.decode("ascii", "replace").strip() or "utf-8"
                default = charsets.codec(named) or "utf-8"
    for name, content, charset in texts:
        # RFC 7578 4.6: a "_charset_" field names the charset of the parts that name none.
        try:
            text = content.decode(charset or default or "utf-8", "replace")
        except LookupError:
            text = content.decode("utf-8", "replace")
        fields.setdefault(name, []).append(text)
    return fields, files


__all__ = ["File", "parse_multipart_form", "parse_urlencoded", "parse_urlencoded_pairs"]
