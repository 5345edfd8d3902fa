"""Chunk-size lines whose extensions have bad whitespace, made plain for llhttp. I/O-free.

RFC 9112 7.1.1: ``chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val
] )``, and RFC 9110 5.6.3: a recipient MUST parse BWS and remove it. llhttp refuses
whitespace after a ";" and around "=" (it takes it before the first ";" only, when told
to), so ``5; name=1`` was a 400. ``ChunkLines`` follows the framing of one chunked body,
read by read, and hands llhttp each such line as its chunk-size alone: a recipient MUST
ignore the extensions it does not understand (7.1.1), and Hurtle understands none.

Nothing else changes: a line that is not that grammar whole (a bare LF, ``0x5``, junk
after the size, a control character) is passed as it came, for llhttp to refuse; the
chunk data and the trailer section are never touched. An incomplete line is held until
its LF comes (so that a line cut by a read is judged whole); one longer than any line
llhttp would take stops the tracking, and its bytes go on as they came.
"""

from __future__ import annotations

import re

_TOKEN = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_QUOTED = rb'"(?:[\t !#-\[\]-~\x80-\xff]|\\[\t -~\x80-\xff])*"'
_BWS = rb"[ \t]*"
# A chunk-size line with at least one extension, RFC 9112 7.1.1 to the letter.
_EXTENDED = re.compile(
    rb"([0-9A-Fa-f]+)(?:" + _BWS + rb";" + _BWS + _TOKEN
    + rb"(?:" + _BWS + rb"=" + _BWS + rb"(?:" + _TOKEN + rb"|" + _QUOTED + rb"))?)+\r\n"
)
_SIZE = re.compile(rb"[0-9A-Fa-f]+")
_QUOTED_STRING = re.compile(_QUOTED)
_SIZE_LINE, _DATA, _DATA_END, _TRAILER = range(4)  # where a body's next byte stands
#: Past this, a line is no chunk line llhttp would take: tracking stops.
LINE_LIMIT = 8192


def _has_bws(extensions: bytes) -> bool:
    """Whether whitespace stands in ``extensions`` outside their quoted strings (where
    llhttp takes it)."""
    if b" " not in extensions and b"\t" not in extensions:
        return False
    bare = _QUOTED_STRING.sub(b'""', extensions) if b'"' in extensions else extensions
    return b" " in bare or b"\t" in bare


class ChunkLines:
    """One chunked body's framing, followed read by read (``feed``), from its first
    chunk-size line; ``lines`` and ``data_bytes`` count the chunk-size lines and chunk
    data read so far, ``first_rewrite`` is where the first rewritten line began in the
    input (``lines_before``, ``data_before``: the counts there), -1 until one is."""

    __slots__ = (
        "_state", "_left", "_held", "done", "lost", "lines", "data_bytes", "fed",
        "first_rewrite", "lines_before", "data_before", "skip",
    )

    def __init__(self) -> None:
        self._state = _SIZE_LINE
        self._left = 0
        self._held = b""
        self.done = False  # the body ended (what follows passes as it came)
        self.lost = False  # a line this does not follow: the rest passes as it came
        self.lines = 0
        self.data_bytes = 0
        self.fed = 0  # input bytes fed before this read
        self.first_rewrite = -1
        self.lines_before = 0
        self.data_before = 0
        self.skip = 0  # bytes of the held line that llhttp has read already

    @property
    def in_size_line(self) -> bool:
        """Whether a chunk-size line is held, begun but not ended."""
        return bool(self._held) and self._state == _SIZE_LINE and self.following

    def held_read(self) -> None:
        """The held line (not a chunk-size line) was read by llhttp already: what comes
        of it is not handed on again."""
        self.skip = len(self._held)

    @property
    def following(self) -> bool:
        """Whether the body is still followed (neither ended nor lost)."""
        return not (self.done or self.lost)

    def feed(self, data: bytes) -> bytes:
        """What llhttp is to read for ``data``: ``data`` itself unless a line in it (or
        the one held from the last read) is rewritten or held."""
        held = self._held
        if not self.following:
            self._held = b""
            return held + data if held else data
        buf = held + data if held else data
        base = self.fed - len(held)  # the input offset of buf[0]
        self.fed += len(data)
        out: list[bytes] = []
        hold = b""
        keep = 0  # buf[keep:pos] goes on as it came
        pos, size = 0, len(buf)
        state, left = self._state, self._left
        lines, data_bytes = self.lines, self.data_bytes
        # PERF: a chunk is one turn of the loop in the common case (its data, the CRLF
        # after it, a size line without extensions): 1 MB in 4 KB chunks and 64 KB reads
        # costs about 0.1 ms more than llhttp alone (the commit message has the figures).
        while pos < size:
            if state == _DATA:
                if left >= size - pos:
                    data_bytes += size - pos
                    left -= size - pos
                    pos = size
                    break
                pos += left
                data_bytes += left
                left = 0
                if buf.startswith(b"\r\n", pos):
                    pos += 2
                    state = _SIZE_LINE
                else:
                    state = _DATA_END
                    continue
            eol = buf.find(b"\n", pos)
            if state == _SIZE_LINE and eol > pos and buf[eol - 1] == 13:
                try:
                    # a size alone (int() also takes what llhttp refuses, which it then does)
                    left = int(buf[pos : eol - 1], 16)
                except ValueError:
                    pass
                else:
                    lines += 1
                    pos = eol + 1
                    state = _DATA if left else _TRAILER
                    continue
            if eol < 0:
                if size - pos > LINE_LIMIT:
                    self.lost = True
                    break
                hold = buf[pos:]
                break
            end = eol + 1
            if buf[eol - 1 : eol] != b"\r":  # a bare LF: llhttp's to refuse
                self.lost = True
                break
            if state == _SIZE_LINE:
                found = _SIZE.match(buf, pos, eol)
                if found is None:
                    self.lost = True
                    break
                # Only what llhttp refuses: whitespace after the first ";" (before it,
                # llhttp takes it), so that the lines before one refused are as it read them.
                semi = buf.find(b";", found.end(), eol)
                extensions = buf[semi:eol] if semi >= 0 else b""
                if _has_bws(extensions) and _EXTENDED.fullmatch(buf, pos, end):
                    out.append(buf[keep:pos])
                    out.append(found.group() + b"\r\n")
                    keep = end
                    if self.first_rewrite < 0:
                        self.first_rewrite = base + pos
                        self.lines_before, self.data_before = lines, data_bytes
                lines += 1
                left = int(found.group(), 16)
                state = _DATA if left else _TRAILER
            elif state == _DATA_END:
                if end - pos != 2:
                    self.lost = True
                    break
                state = _SIZE_LINE
            elif end - pos == 2:  # the blank line that ends the trailer section
                self.done = True
                pos = end
                break
            pos = end
        self.lines, self.data_bytes = lines, data_bytes
        self._state, self._left = state, left
        self._held = hold
        if not out and not held and not hold:
            return data  # nothing rewritten, nothing held: the read itself
        out.append(buf[keep : size - len(hold)])
        plain = b"".join(out)
        if self.skip and len(hold) < size:
            # (the line llhttp had begun ended in this read: only a chunk-size line is
            # ever rewritten, so it is unchanged at the start of ``plain``)
            plain, self.skip = plain[self.skip :], 0
        return plain


__all__ = ["ChunkLines"]
