"""Kept differences of the sixth round of random apps (``appfuzz_round6.py``; README,
"Random apps, sixth round").

Each entry of ``KEPT6`` is a label and an "undo" function: given the request's head and
the two normalised answers (Sanic's ``a``, Hurtle's ``b``), it returns copies with that
kept cause taken out, or ``None`` when it does not apply. ``kept_label6`` applies every
one that applies, in turn; when the answers are then the same, the difference is labelled
with the causes used (joined by ``+``). Most of these were listed before (the first list,
the RFC checklists, the third round); the README's section says which are new.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

Answer = dict[str, Any]
Undo = Callable[[str, Answer, Answer, str], "tuple[Answer, Answer] | None"]


def _fields(req: str) -> dict[str, str]:
    out = {}
    for line in req.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        out[name.strip().lower()] = value.strip()
    return out


def _method(req: str) -> str:
    return req.split(" ", 1)[0]


def _target(req: str) -> str:
    return req.split(" ", 2)[1]


def _statics(source: str) -> list[str]:
    return [uri.rstrip("/") for uri in re.findall(r"app\.static\('([^']*)'", source)]


def _is_static(req: str, source: str) -> bool:
    path = _target(req).split("?")[0]
    return any(path == uri or path.startswith(uri + "/") for uri in _statics(source))


def _handler(req: str, source: str) -> str:
    """The source of the route the target names (empty when none)."""
    path = _target(req).split("?")[0].rstrip("/")
    m = re.search(r"@app\.(?:route|get)\('" + re.escape(path) + r"'.*?\n(?=@app|async def sfn|\Z)",
                  source, re.S)
    return m.group(0) if m else ""


def _status(x: Answer) -> int | None:
    return x.get("status")


FOLDERS = {"sub", "deep", ".dotdir", "dir with space", "\u00fcn", "link_outdir", "..", "."}


def _folder(req: str, source: str) -> bool:
    """Whether the target names a folder of the tree (or the static root)."""
    path = _target(req).split("?")[0].split("#")[0]
    return (path.endswith("/") or path.rstrip("/") in _statics(source)
            or unquote(path.rsplit("/", 1)[-1]) in FOLDERS)


def _head_static_fields(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """HEAD of a static file carries the fields its GET would (RFC 9110 9.3.2): the file's
    `content-length`, `cache-control`, `last-modified`; Sanic sends `content-length: 0` and
    leaves out the others (without `use_content_range`, or with `use_modified_since=False`)."""
    if _method(req) != "HEAD" or not _is_static(req, source) or not _status(a) == _status(b) == 200:
        return None
    a = dict(a)
    for key in ("h:content-length", "h:cache-control", "h:last-modified"):
        if key in b and a.get(key) in (None, "0"):
            a[key] = b[key]
    return a, b


def _head_directory(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """HEAD of a static folder: Hurtle answers as its GET (the index's head, the listing's,
    or 404 when there is neither); Sanic sends an empty `200 application/octet-stream`
    (first list, `app.static` on a directory)."""
    if _method(req) != "HEAD" or not _is_static(req, source) or _status(a) != 200:
        return None
    folder = _folder(req, source)
    if (a.get("h:content-type") == "application/octet-stream" or folder) and _status(b) in (302, 404):
        return b, b  # (with `use_content_range` Sanic states the folder's own size)
    if folder and _status(b) == 200 and b.get("h:content-type") != "application/octet-stream":
        return b, b  # (the index's or the listing's head, as GET)
    return None


def _not_modified_fields(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A 304 carries the `Cache-Control`/`Expires` its 200 would (RFC 9110 15.4.5 MUST);
    Sanic's carries neither (RFC checklist, 15.4.5)."""
    if not _status(a) == _status(b) == 304:
        return None
    b = {k: v for k, v in b.items() if k not in ("h:cache-control", "h:expires") or k in a}
    return a, b


def _preconditions(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """Preconditions as RFC 9110 13.2.2 orders them: a false `If-Match` (static files have
    no `ETag`) or `If-Unmodified-Since` is 412; `If-None-Match` (`*`, weak comparison) is
    304 and makes `If-Modified-Since` ignored; an invalid `If-Modified-Since` is ignored;
    a folder that is not served is 404 (or its redirect) whatever the conditions; an
    `If-Range` that does not hold drops the range before the conditions are evaluated (a
    `ContentRangeHandler` built by the handler raises no 416 then). Sanic evaluates
    `If-Modified-Since` only, and first (on a folder's own time too), and its handler's
    416 comes first. First list and RFC checklist, second round."""
    f = _fields(req)
    sa, sb = _status(a), _status(b)
    if sa == sb:
        return None
    ok = (sb == 412 and ("if-match" in f or "if-unmodified-since" in f)
          or sb == 304 and "if-none-match" in f
          or sb == 304 and sa in (206, 416) and ("if-range" in f or _method(req) == "HEAD")
          or sb == 412 and "if-none-match" in f and _method(req) not in ("GET", "HEAD")
          or sa == 304 and ("if-none-match" in f or sb in (302, 404, 412) or _method(req) not in ("GET", "HEAD")
                            or "if-range" in f and sb == 200
                            or sb == 200 and _target(req).endswith("/") and "directory_view=True" in source))
    return (b, b) if ok else None


def _range_kinds(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """Byte ranges as RFC 9110 14 has them: several ranges and other units are ignored (the
    whole 200), `BYTES=` is a byte range (units are case-insensitive), a range that starts
    past the end is 416, a long suffix or an end past the file is clamped, `Range` is
    ignored for HEAD and other methods than GET, and an `If-Range` that does not hold
    sends the whole file. Sanic answers 416, an empty 206, a 500 or an unclamped
    `content-range`, and `file_stream(_range=..., chunk_size=7)` sends whole chunks past
    the range's end (sanic-org/sanic#2507; first list, RFC checklist second round, third
    round, known bugs)."""
    f = _fields(req)
    rng = f.get("range")
    if rng is None:
        return None
    sa, sb = _status(a), _status(b)
    whole = sb is not None and 200 <= sb < 300 and sb != 206  # (a route's status=)
    spec = rng.partition("=")[2]
    ok = False
    if sa == 416 and (whole or sb == 206) and ("," in spec or not rng.startswith("bytes=")):
        ok = True
    elif sa == 416 and (whole or sb == 206) and (_method(req) != "GET" or "if-range" in f):
        ok = True
    elif sa == 206 and sb == 416:
        ok = True  # (a range starting at or past the end)
    elif sa == 304 and sb == 416 and ("if-modified-since" in f or "if-none-match" in f):
        # (rerun5, seed 2745) The same range past the end with a precondition that holds:
        # Hurtle's ContentRangeHandler refuses it in the handler (416, as Sanic's own does
        # for `bytes=9-` of 9 bytes, whatever the precondition); Sanic's lets
        # `bytes=100000-200000` through, so its file() meets the precondition: 304.
        m = re.fullmatch(r"bytes=\s*(\d+)-\d*\s*", rng)
        total = re.fullmatch(r"bytes \*/(\d+)", b.get("h:content-range", ""))
        ok = bool(m and total and int(m.group(1)) >= int(total.group(1)))
    elif sa == 500 and (whole or sb == 206) and re.fullmatch(r"bytes=\s*-\d+\s*|bytes=\d+-\d+", rng):
        ok = True  # (Sanic fails on a suffix longer than the file)
    elif sa in (206, 416) and whole and (_method(req) != "GET" or "if-range" in f):
        ok = True
    elif sa == sb == 206 and a.get("h:content-range") == b.get("h:content-range") and (
            int(a.get("body", "0 ").split(" ")[0]) > int(b.get("body", "0 ").split(" ")[0])):
        ok = "chunk_size" in _handler(req, source)  # (Sanic sends whole chunks past the range)
    elif sa == sb == 206 and a.get("body") == b.get("body") or sa == sb == 206 and re.fullmatch(
            r"bytes=\s*\d+-\d+\s*", rng):
        ca, cb = a.get("h:content-range", ""), b.get("h:content-range", "")
        ok = ca.split("/")[-1] == cb.split("/")[-1] and ca != cb
    elif sa == 416 and _is_static(req, source) and (sb in (302, 404) or a.get(
            "h:content-range", "").endswith("/4096")):
        ok = True  # (Sanic measures a folder's range against the folder's own size)
    return (b, b) if ok else None


def _http10_unframed(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """HTTP/1.0: a streamed answer goes unframed and the connection closes (RFC 9112 7);
    Sanic sends it chunked (third round)."""
    if not req.split("\r\n", 1)[0].endswith(" HTTP/1.0"):
        return None
    a = {k: v for k, v in a.items() if k not in ("h:transfer-encoding", "framing")}
    b = {k: v for k, v in b.items() if k not in ("h:transfer-encoding", "framing")}
    return a, b


def _nul_in_static(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """`%00` in a static path: 404 (Sanic: 500, first list)."""
    if "%00" in _target(req) and _status(a) == 500 and _status(b) in (404, 304, 412):
        return b, b
    return None


def _folder_without_index(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A static folder without an index (and no listing): 404, or the redirect to its
    slash; Sanic 500, reading the folder as a file (first list, static folders; also a
    listed folder under `stream_large_files` smaller than the folder's own size)."""
    if (_method(req) == "GET" and _is_static(req, source) and _status(a) == 500
            and (_status(b) in (302, 404) or _folder(req, source))):
        return b, b
    return None


def _listing_links(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A directory listing links each name percent-encoded (RFC 3986 2.1) and lists names
    without a suffix (`noext`); Sanic writes the raw name in `href` and leaves such names
    out (listed before, static folders)."""
    if not _status(a) == _status(b) == 200 or "directory_view=True" not in source:
        return None
    names = [unquote(x) for x in b.get("body", "").split(" ")]
    if " ".join(sorted(x for x in names if "." in x or x.endswith("/"))) == a.get("body"):
        return dict(a, body=b["body"]), b
    return None


def _head_missing_file(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """HEAD of a file missing from a static folder served with `use_modified_since=False`:
    404 as its GET; Sanic answers `200` with `content-length: 0` (its GET is the 404).
    Sanic's bug, new in this round."""
    if (_method(req) == "HEAD" and _is_static(req, source) and _status(a) == 200
            and a.get("h:content-length") == "0" and _status(b) == 404
            and "use_modified_since=False" in source):
        return b, b
    return None


def _streamed_last_modified(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A static file streamed by `stream_large_files` under `use_modified_since=False`
    carries its `Last-Modified` as the unstreamed one does (RFC 9110 8.8.2.1 SHOULD send
    it); Sanic leaves it out of the streamed answer only. New in this round."""
    if ("h:last-modified" in b and "h:last-modified" not in a and b.get("framing") == "chunked"
            and _is_static(req, source) and "use_modified_since=False" in source
            and "stream_large_files" in source):
        return dict(a, **{"h:last-modified": b["h:last-modified"]}), b
    return None


def _max_age_seconds(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """`file(max_age=3.5)`: `max-age=3` in `Cache-Control`, delta-seconds (RFC 9111
    1.2.2, 5.2.2.1); Sanic writes the float (fixed in "RFC conformance checklist, seventh
    round"). Met again by rerun4's seed 54; the next answer on the connection too."""
    def undo(x: Answer, y: Answer) -> Answer | None:
        ours, theirs = y.get("h:cache-control", ""), x.get("h:cache-control", "")
        m = re.fullmatch(r"(.*max-age=)(-?\d+(?:\.\d+)?)(.*)", theirs)
        if not m or ours == theirs:
            return None
        seconds = max(0, int(float(m.group(2))))
        if ours != f"{m.group(1)}{seconds}{m.group(3)}":
            return None
        return dict(x, **{"h:cache-control": ours})

    a2 = undo(a, b)
    if a2 is None:
        return None
    if isinstance(a.get("next"), dict) and isinstance(b.get("next"), dict):
        a2["next"] = undo(a["next"], b["next"]) or a["next"]
    return a2, b


def _content_type_none(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """`content-type: None`: Sanic's literal field on a `request.respond()` or
    `ResponseStream` without a type; Hurtle sends none (first list)."""
    if a.get("h:content-type") != "None" or "h:content-type" in b:
        return None
    a = {k: v for k, v in a.items() if k != "h:content-type"}
    if isinstance(a.get("next"), dict) and a["next"].get("h:content-type") == "None":
        a["next"] = {k: v for k, v in a["next"].items() if k != "h:content-type"}
    return a, b


def _disposition(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """`filename=` with a non-ASCII character: also given as `filename*=UTF-8''...` (RFC
    6266, RFC 9110 5.6.4); Sanic writes the raw bytes (third round)."""
    if "filename*=UTF-8''" in b.get("h:content-disposition", "") and a.get("h:content-disposition"):
        return dict(a, **{"h:content-disposition": b["h:content-disposition"]}), b
    return None


def _no_continue(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """`Expect: 100-continue` answered without a 100 when the content is empty, the answer is
    an error, or a `stream=True` route never reads its body (RFC 9110 10.1.1; third round);
    the client then sends no body, so Hurtle closes the connection after the answer (RFC
    9110 10.1.1: a server that does not read the content closes). Sanic sends the 100, reads
    the body and keeps the connection."""
    f = _fields(req)
    if "expect" not in f or a.get("interim") != "100" or "interim" in b:
        return None
    handler = _handler(req, source)
    if not (f.get("content-length") == "0" or (_status(b) or 0) >= 400
            or req.split("\r\n", 1)[0].endswith(" HTTP/1.0")
            or "b'unread'" in handler or "b'first '" in handler or "respond(" in handler
            and "request.stream" not in handler):
        return None
    a = {k: v for k, v in a.items() if k != "interim"}
    if b.get("h:connection") == "close":
        for key in ("h:connection", "closed", "next"):
            if key in b:
                a[key] = b[key]
    if b.get("closed") and a.get("h:connection") == "close":
        a["closed"] = b["closed"]  # (Sanic goes on reading the body before it closes)
    return a, b


def _length_overrun(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """`request.respond(headers={'content-length': '3'})` then more bytes sent: Hurtle answers
    500 `Response was bigger than content-length` when nothing went out yet, and ends the
    connection when the 3 bytes went out first; Sanic sends the head and every byte past the
    framing (the client reads them as the next answer; RFC 9112 6.3), or, after 3 bytes
    sent, drops the rest and keeps the connection."""
    handler = _handler(req, source)
    if _status(b) == 500 and "'content-length': '3'" in handler and (
            "extra" in a or a.get("h:content-length") == "3"):
        return b, b
    if ("'content-length': '3'" in handler and isinstance(b.get("next"), dict)
            and b["next"].get("raw") == "<closed>"):
        return dict(a, next=b["next"]), b  # (after the head: Hurtle ends the connection)
    return None


def _head_stream_reuse(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """HEAD of a streamed answer (`file_stream`, `respond()`), the next request sent on the
    connection as soon as the head arrived: Hurtle answers it; Sanic, still running the
    streaming handler, closes the connection without an answer. Sanic's bug, new in this
    round."""
    if (_method(req) == "HEAD" and isinstance(a.get("next"), dict) and a["next"].get("raw") == "<closed>"
            and isinstance(b.get("next"), dict) and _status(b["next"]) is not None):
        return dict(a, next=b["next"]), b
    return None


def _chunk_over_limit(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A chunked body whose one chunk announces more than `REQUEST_MAX_SIZE`, written in
    parts: Hurtle answers 413 once the bytes pass the limit (pinned by the third stress
    round's `test_a_chunk_announcing_more_than_the_limit_is_413_once_the_limit_is_passed`),
    so the client, still writing, reads it; Sanic answers 413 at the chunk-size line and
    closes while the client writes, which resets the connection and loses the answer
    (status `None`). New in this round."""
    if (_status(a) is None and _status(b) == 413 and "REQUEST_MAX_SIZE" in source
            and "transfer-encoding" in _fields(req)):
        return b, b
    return None


def _unread_rest(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A `stream=True` route that reads one part of its body (or none) and answers while the
    rest is still arriving, the connection kept: Hurtle reads the rest and answers the next
    request; Sanic closes the connection (after saying `keep-alive`). New in this round."""
    handler = _handler(req, source)
    if (("b'first '" in handler or "b'unread'" in handler) and isinstance(a.get("next"), dict)
            and a["next"].get("raw") == "<closed>" and isinstance(b.get("next"), dict)
            and _status(b["next"]) is not None):
        return dict(a, next=b["next"]), b
    return None


def _reset_unread(req: str, a: Answer, b: Answer, source: str) -> tuple[Answer, Answer] | None:
    """A `stream=True` route that answers without reading its body, the body still being
    written in parts, `Connection: close`: Hurtle's answer reaches the client; Sanic closes
    with the body unread, the reset loses its answer (status `None`). New in this round."""
    handler = _handler(req, source)
    if (_status(a) is None and _status(b) is not None and "b'unread'" in handler
            and b.get("h:connection") == "close"):
        return b, b
    return None


KEPT6: list[tuple[str, Undo]] = [
    ("content-type: None", _content_type_none),
    ("max-age as delta-seconds (RFC 9111 5.2.2.1)", _max_age_seconds),
    ("HTTP/1.0 unframed", _http10_unframed),
    ("filename*", _disposition),
    ("no 100 (Continue)", _no_continue),
    ("respond() past its content-length", _length_overrun),
    ("%00 in a static path", _nul_in_static),
    ("static folder without an index", _folder_without_index),
    ("listing links", _listing_links),
    ("HEAD of a missing static file", _head_missing_file),
    ("Last-Modified of a streamed static file", _streamed_last_modified),
    ("HEAD of a static folder", _head_directory),
    ("HEAD of a static file: GET's fields", _head_static_fields),
    ("304 fields", _not_modified_fields),
    ("HEAD of a streamed answer, then a request", _head_stream_reuse),
    ("413 for a chunk over the limit", _chunk_over_limit),
    ("unread body, then a reset", _reset_unread),
    ("unread body, then a request", _unread_rest),
    ("preconditions (RFC 9110 13.2.2)", _preconditions),
    ("ranges (RFC 9110 14)", _range_kinds),
]


def kept_label6(req: str, a: Answer, b: Answer, source: str) -> str | None:
    used = []
    for label, undo in KEPT6:
        if a == b:
            break
        out = undo(req, a, b, source)
        if out is not None and out != (a, b):
            a, b = out
            used.append(label)
    return " + ".join(used) if a == b and used else None
