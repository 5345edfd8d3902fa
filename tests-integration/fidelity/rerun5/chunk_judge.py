"""Judges the chunkfuzz sanic-diff run (rerun4/run.sh's chunkdiff step) stream by stream: Hurtle's
answers, read back from sanic-diff's output, against chunkfuzz/streams.py's reference decoder
(RFC 9112 7.1, with Hurtle's refusal of BWS after ';'), and names the Sanic side's cause.

    python3 tests-integration/fidelity/rerun5/chunk_judge.py OUT.http OUT.diff

A stream is "right" when Hurtle serves a prefix of what the reference serves (the paths, and
a text body's first line as sanic-diff shows it), in order, and, when it serves less or the
stream holds a malformed request, then refuses (400, or 413 for a chunk size over 64 bits)
and closes. Serving less than the reference is the kept refusal of whitespace after ';' or
around '=' in a chunk extension (the reference decoder reads some of those forms).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "chunkfuzz"))

from streams import reference


def streams(http: str) -> dict[str, bytes]:
    out = {}
    for name, raw in re.findall(r"^### (.*)\n#raw\n(.*)$", http, re.M):
        out[name] = raw.encode("latin-1").decode("unicode_escape").encode("latin-1")
    return out


def sides(block: list[str]) -> tuple[list[str], list[str]] | None:
    changed = [line for line in block if line.startswith(("    +", "    -"))
               and not line.startswith(("    +++ ", "    --- ", "    +date:"))]
    if not changed:
        return None  # alike, or alike but for the Date field Hurtle sends (kept)
    body = [line[4:] for line in block if line.startswith("    ")]
    body = [line for line in body if not line.startswith(("--- ", "+++ ", "@@", "≠"))]
    sanic = [line[1:] for line in body if line[:1] in " -"]
    hurtle = [line[1:] for line in body if line[:1] in " +"]
    return sanic, hurtle


def answers(lines: list[str]) -> tuple[list[tuple[int, str]], bool]:
    out: list[tuple[int, str]] = []
    closed = any("connection: closed by server" in line for line in lines)
    for i, line in enumerate(lines):
        m = re.match(r"HTTP/1\.1 (\d+) ", line)
        if m:
            j = lines.index("", i)
            out.append((int(m.group(1)), lines[j + 1] if j + 1 < len(lines) else ""))
    return out, closed


def same_body(as_served: str, body: bytes) -> bool:
    """Whether sanic-diff's rendering of an answer's body fits ``body``: a binary one by
    its size and SHA-256, a text one as a prefix (sanic-diff prints it line by line, with
    Python's line breaks, and answers() keeps the first line; a CR shows as backslash-r)."""
    if as_served.startswith("<binary body"):
        digest = hashlib.sha256(body).hexdigest()[:16]
        return as_served == f"<binary body, {len(body)} bytes, sha256 {digest}>"
    return body.decode("utf-8", "replace").replace("\r", "\\r").startswith(as_served)


def sanic_cause(data: bytes, name: str) -> str:
    if name.startswith("bad line"):
        return "a malformed chunk line Sanic serves (kept)"
    values = re.findall(rb"\r\ntransfer-encoding: *([^\r]*)", data, re.I)
    if any(v.lower() == b"chunked" and v != b"chunked" for v in values):
        return "Transfer-Encoding in capitals: Sanic's 400 'Bad content-length' (kept)"
    if re.search(rb"\r\n0[^\r]*\r\n[^\r]", data):
        return "trailers: Sanic refuses the request after them (kept)"
    if reference(data)[1]:
        return "a malformed chunk line Sanic serves (kept)"
    return "serves a line Hurtle refuses (whitespace after ';' or around '=', kept)"


def main() -> None:
    data = streams(Path(sys.argv[1]).read_text())
    text = Path(sys.argv[2]).read_text()
    blocks = re.split(r"\n(?=\[\d+\] )", text)
    tally: dict[str, int] = {}
    for block in blocks[1:]:
        lines = block.splitlines()
        name = lines[0].split("] ", 1)[1].split(": #raw")[0]
        got = sides(lines[1:])
        if got is None:
            continue
        _, hurtle = got
        served, closed = answers(hurtle)
        want, bad = reference(data[name])
        ok200 = [a[1] for a in served if a[0] == 200]
        refused = bool(served) and served[-1][0] in (400, 413) and closed
        fits = len(ok200) <= len(want) and all(
            same_body(a, p + b"|" + b) for a, (p, b) in zip(ok200, want, strict=False))
        if not fits:
            verdict = "WRONG"
        elif not bad and len(ok200) == len(want) and closed:
            verdict = "right (all served)"
        elif refused and bad and len(ok200) == len(want):
            verdict = "right (served as framed, then refused and closed)"
        elif refused:
            verdict = "right (served as framed, refused early: 400 and close)"
        else:
            verdict = "WRONG"
        cause = sanic_cause(data[name], name)
        key = f"{verdict}; Sanic: {cause}"
        tally[key] = tally.get(key, 0) + 1
        if verdict == "WRONG":
            print(f"{name}: {verdict}; Sanic: {cause}; hurtle {served!r:.300}")
    for key, n in sorted(tally.items()):
        print(f"{n:4d}  {key}")


if __name__ == "__main__":
    main()
