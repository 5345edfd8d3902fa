"""The sixth RFC round: RFC 9112 2.2, 2.3, 6-7, 9 and RFC 9110 5.6.1, 6.6.1, 7.6, 8.3,
8.6, 9.3, 10.1.1, 15, each requirement a raw request in ``framing.http``, ``conn.http``,
``semantics.http`` (app ``app_r6.py``) or ``nokeep.http`` (``app_r6_nokeep.py``, the
same app with ``KEEP_ALIVE = False``), sent with sanic-diff to Sanic 25.12 and this
checkout.

    python3 tests-integration/fidelity/rfc_round6/run.py [framing conn semantics nokeep]
    python3 tests-integration/fidelity/rfc_round6/closing.py    # TLS close_notify, resets

Two verdicts per request: (1) Sanic and Hurtle compared without ``date``; a difference
must be named in ``KEPT`` (else ``NOT LABELLED``); (2) the RFC's reading, as a predicate
on each server's answer (``CHECKS``, by the block's name, plus ``every_response`` on all
of them: one IMF-fixdate ``Date`` on 2xx-4xx, no ``Content-Length`` on 1xx/204, none
that differs on 304, no ``Transfer-Encoding`` there or to HTTP/1.0, never both, a server
that closes after a response says ``close`` in it, HEAD answers the GET's fields).
A Hurtle FAIL must be in ``HURTLE_FAILS``, a departure from the RFC kept on purpose.
Exit status 1 for an unlabelled difference or an unexpected Hurtle FAIL. See the
README's "RFC conformance checklist, sixth round".
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import CHECKOUT, SANIC_DIFF, _side  # noqa: E402

APPS = {"nokeep": "app_r6_nokeep.py"}
LISTED_DATE = "listed: Date on every response (RFC 9110 6.6.1; Sanic none)"
LISTED_TE = (
    "listed: a coding the server does not know before chunked is 501 (RFC 9112 6.1 SHOULD; "
    "Sanic 400)"
)
LISTED_10 = (
    "listed: no Transfer-Encoding to HTTP/1.0 (RFC 9112 6.1); a stream is close-delimited "
    "and says close (Sanic: chunked, kept alive)"
)

# (file stem, pattern of the ### name, why the difference is kept)
KEPT: list[tuple[str, str, str]] = [
    ("framing", r"^2\.2 MUST reject or consume a whitespace-preceded",
     "this round: a whitespace-preceded line after the request line is 400 (RFC 9112 2.2 "
     "MUST reject or ignore it; Sanic takes ' X: a' as a field named ' X')"),
    ("framing", r"^2\.2 MUST treat a bare CR in a field value",
     "listed: CR, LF, NUL in a field value are 400 (RFC 9110 5.5, RFC 9112 2.2; Sanic serves)"),
    ("framing", r"^2\.2 MAY take a bare LF",
     "kept: a bare LF line end is 400 (RFC 9112 2.2 MAY accept; llhttp refuses it; Sanic "
     "waits for a CRLF and answers 408)"),
    ("framing", r"^8\.6 (MUST anticipate large|Content-Length 2\^64)",
     "kept: a Content-Length past 2^64 is refused by the parser while the head is read, "
     "before routing, so its 413 page is in the fallback format (text); Sanic routes first and "
     "answers in the format it guesses from the handler (JSON here). A Content-Length over "
     "REQUEST_MAX_SIZE that fits 64 bits gets the route's format in both"),
    ("framing", r"^7\.1 chunk size 2\^64",
     "listed (Misbehaving clients, third round): a chunk announcing more than "
     "REQUEST_MAX_SIZE is 413 once the data passes the limit (httptools reports no chunk "
     "size; Sanic 413 at the size line)"),
    ("framing", r"^7\.1\.2 (trailer fields then|Content-Length in a trailer)",
     "listed: trailer fields read and ignored, framing fields in a trailer 400 (RFC 9110 "
     "6.5.1; Sanic reads the trailer as the next request)"),
    ("framing", r"^7 transfer-coding names are case-insensitive",
     "listed: `Chunked`/`CHUNKED` is chunked (RFC 9112 7: coding names are "
     "case-insensitive; Sanic 400)"),
    ("framing", r"^6\.3 Transfer-Encoding: chunked with trailing whitespace",
     "listed: whitespace after a field value is no part of it (RFC 9110 5.5; Sanic 400)"),
    ("framing", r"^5\.6\.1 empty list elements in Transfer-Encoding: \", chunked\"", LISTED_TE),
    ("framing", r"^6\.1 gzip then chunked", LISTED_TE),
    ("conn", r"^9\.3 HTTP/1\.0 keep-alive then (a stream|file_stream)", LISTED_10),
    ("nokeep", r"^HTTP/1\.0 stream", LISTED_10),
    ("conn", r"^9\.6 Connection: close on HTTP/1\.0 keep-alive HEAD",
     "listed: a HEAD answered by a stream ends with its head, without Transfer-Encoding "
     "to HTTP/1.0 (Sanic: chunked, then closes)"),
    ("conn", r"^9\.6 after a 400 \(malformed",
     "listed: a field name with a space is 400 and closes (RFC 9112 5.1; Sanic takes it)"),
    ("conn", r"^9\.6 after a 505", "listed: 505 for HTTP/2.0 (RFC 9110 15.6.6; Sanic 400)"),
    ("conn", r"^10\.1\.1 Expect 100-continue to a 40[45]",
     "kept: a final status decided from the head goes out without a 100 first, the "
     "connection kept (RFC 9110 10.1.1: the server MUST send one of the two, and keep-alive "
     "says it reads and discards the body; Sanic sends 100, then the 404/405)"),
    ("conn", r"^10\.1\.1 Expect 100-continue, Content-Length 0",
     "kept: no 100 when the framing says there is no content (RFC 9110 10.1.1 MAY omit; "
     "Sanic sends it)"),
    ("conn", r"^10\.1\.1 Expect: 100-continue over the size limit",
     "listed: a 100-continue for a body over the limit is not sent, the 413 alone"),
    ("conn", r"^10\.1\.1 Expect with an empty list element",
     "this round: `Expect: , 100-continue` is 100-continue (RFC 9110 5.6.1.2 MUST ignore "
     "empty list elements; Sanic 417 Unknown Expect)"),
    ("semantics", r"^9\.3\.2 HEAD and GET of stream$",
     "listed: HEAD answered by a stream ends with its head, the next request is served "
     "(RFC 9112 6.3 item 1; Sanic closes after it)"),
    ("semantics", r"^(9\.3\.2 HEAD and GET of (plain|none)|9\.3\.7 OPTIONS answered (200|by "
     r"HTTPResponse))",
     "listed: HTTPResponse without a content type sends none (Sanic `content-type: None`)"),
    ("semantics", r"^9\.3\.2 HEAD and GET of a static file",
     "listed: HEAD of a static file has the GET's Content-Length and Cache-Control "
     "(RFC 9110 9.3.2, 8.6; Sanic 0 and none)"),
    ("semantics", r"^9\.3\.6 CONNECT", "listed: every CONNECT closes the connection"),
    ("semantics", r"^6\.6\.1 Date on a 400 \(no Host\)",
     "listed: HTTP/1.1 without Host is 400 (RFC 9112 3.2 MUST; Sanic serves)"),
    ("semantics", r"^15\.3\.6 a raised", "listed: a 205 carries no content (RFC 9110 15.3.6)"),
    ("semantics", r"^9112 3 MUST 414",
     "this round: a target over REQUEST_MAX_SIZE is 414 (RFC 9112 3 MUST; Sanic 413 "
     "'Request header exceeds the size limit', which Hurtle keeps for a field)"),
]

# Hurtle FAILs of the RFC's reading kept on purpose: (stem, pattern, why).
HURTLE_FAILS: list[tuple[str, str, str]] = [
    ("framing", r"^5\.6\.1 empty list elements in Transfer-Encoding",
     "kept: `, chunked` is 501 and `chunked,` 400 (RFC 9110 5.6.1.2 would read both as "
     "chunked); a framing field read differently by a front proxy is how requests are "
     "smuggled (RFC 9112 11.2), and llhttp refuses `chunked,`; Sanic 400 for both"),
]


def _fields(resp: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in resp["headers"]:
        out.setdefault(k, []).append(v)
    return out


def _statuses(ex: dict) -> list[int]:
    return [r["status"] for r in ex["responses"]]


def _final(ex: dict) -> list[dict]:
    return [r for r in ex["responses"] if r["status"] >= 200]


def _body(resp: dict):
    return resp.get("body_json", resp.get("body_text"))


def _echo(ex: dict, key: str):
    final = _final(ex)
    body = _body(final[0]) if final else None
    return body.get(key) if isinstance(body, dict) else None


def every_response(request: str, ex: dict, now: float) -> list[str]:
    """The RFC statements every answer is held to; what is broken, as text."""
    broken = []
    http10 = all(line.endswith("HTTP/1.0") for line in re.findall(r"^[A-Z]+ \S+ HTTP/\d\.\d",
                 request, re.M))
    heads = re.findall(r"^([A-Z]+) ", request, re.M)
    for resp in ex["responses"]:
        f, st = _fields(resp), resp["status"]
        if resp["version"] != "HTTP/1.1":
            broken.append(f"RFC 9112 2.3: answered in {resp['version']}")
        if 200 <= st < 500:
            dates = f.get("date", [])
            if len(dates) != 1:
                broken.append(f"RFC 9110 6.6.1: {len(dates)} Date fields on a {st}")
            else:
                try:
                    when = parsedate_to_datetime(dates[0]).timestamp()
                    ok = re.fullmatch(r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT",
                                      dates[0]) and abs(when - now) < 600
                except (TypeError, ValueError):
                    ok = False
                if not ok:
                    broken.append(f"RFC 9110 5.6.7/6.6.1: Date {dates[0]!r}")
        if (st < 200 or st == 204) and "content-length" in f:
            broken.append(f"RFC 9110 8.6: Content-Length on a {st}")
        if (st < 200 or st in (204, 304)) and "transfer-encoding" in f:
            broken.append(f"RFC 9112 6.1: Transfer-Encoding on a {st}")
        if "transfer-encoding" in f and "content-length" in f:
            broken.append("RFC 9112 6.1: Content-Length with Transfer-Encoding")
        if http10 and "transfer-encoding" in f:
            broken.append("RFC 9112 6.1: Transfer-Encoding to an HTTP/1.0 request")
        if st == 204 or st == 304 or st < 200:
            if _body(resp) not in ("", None):
                broken.append(f"RFC 9110 15: content in a {st}")
    final = _final(ex)
    if final and ex["connection"] == "closed by server":
        last = _fields(final[-1])
        if "close" not in ",".join(last.get("connection", [])).lower() and not (
            http10 and "keep-alive" not in ",".join(last.get("connection", [])).lower()
        ):
            broken.append("RFC 9112 9.6: closed after a response that did not say close")
    # RFC 9110 9.3.2: a HEAD pipelined before a GET of the same target gets its fields.
    if heads[:2] == ["HEAD", "GET"] and len(final) >= 2:
        strip = {"date", "connection"}
        h = sorted((k, v) for k, v in final[0]["headers"] if k not in strip)
        g = sorted((k, v) for k, v in final[1]["headers"] if k not in strip)
        if h != g or _body(final[0]) not in ("", None):
            broken.append("RFC 9110 9.3.2: HEAD fields differ from GET's (or HEAD has content)")
    return broken


def _one(status: int, **echo):
    def check(ex: dict) -> bool:
        final = _final(ex)
        if not final or final[0]["status"] != status:
            return False
        return all(_echo(ex, k) == v for k, v in echo.items())
    return check


def _status_in(*codes: int):
    return lambda ex: bool(_final(ex)) and _final(ex)[0]["status"] in codes


def _closes_with(status: int):
    return lambda ex: _statuses(ex)[-1:] == [status] and ex["connection"] == "closed by server"


def _continue_then(status: int, body: str):
    return lambda ex: _statuses(ex) == [100, status] and _body(ex["responses"][-1]) == body


ABC = dict(body="abc")
# (stem, pattern of the ### name, predicate on the exchange; None: no RFC verdict)
CHECKS: list[tuple[str, str, object]] = [
    ("framing", r"^2\.2 MUST reject or consume", lambda ex: _status_in(400)(ex) or _echo(ex, "x") == []),
    ("framing", r"^2\.2 MUST treat a bare CR in a field value",
     lambda ex: _status_in(400)(ex) or _echo(ex, "x") == ["a b"]),
    ("framing", r"^2\.2 MUST treat a bare CR ending", _status_in(400)),
    ("framing", r"^2\.2 MAY take a bare LF", None),
    ("framing", r"^8\.6 Content-Length with leading zeros", _one(200, **ABC)),
    ("framing", r"^8\.6 (MUST anticipate large|Content-Length 2\^64)", _status_in(400, 413)),
    ("framing", r"^8\.6 Content-Length: 3, 3", lambda ex: _status_in(400)(ex) or _one(200, **ABC)(ex)),
    ("framing", r"^8\.6 Content-Length: \+3", _closes_with(400)),
    ("framing", r"^8\.6 Content-Length: 3 with a tab", _one(200, **ABC)),
    ("framing", r"^7\.1 chunk size with leading zeros", _one(200, **ABC)),
    ("framing", r"^7\.1 last-chunk of several zeros", _one(200, **ABC)),
    ("framing", r"^7\.1 upper- and lower-case hex", _one(200, body="01234567890123456789a")),
    ("framing", r"^7\.1 MUST anticipate large chunk-size", _status_in(400, 413)),
    ("framing", r"^7\.1 chunk size 2\^64", lambda ex: not _status_in(200)(ex)),
    ("framing", r"^7\.1\.1 ", _one(200, **ABC)),
    ("framing", r"^7\.1\.2 trailer fields then the next",
     lambda ex: _statuses(ex) == [200, 200] and _echo(ex, "x") == []),
    ("framing", r"^7\.1\.2 an empty trailer value", _one(200, **ABC)),
    ("framing", r"^7\.1\.2 Content-Length in a trailer",
     lambda ex: _statuses(ex) in ([400], [200, 200])),
    ("framing", r"^7\.1\.3 ", lambda ex: _statuses(ex) == [200] and _body(_final(ex)[0]) == "4"),
    ("framing", r"^7 transfer-coding names", _one(200, **ABC)),
    ("framing", r"^5\.6\.1 empty list elements in Transfer-Encoding", _one(200, **ABC)),
    ("framing", r"^6\.1 chunked twice", _closes_with(400)),
    ("framing", r"^6\.1 gzip then chunked", _closes_with(501)),
    ("framing", r"^6\.1 identity", _closes_with(400)),
    ("framing", r"^6\.3 Transfer-Encoding: chunked with trailing", _one(200, **ABC)),
    ("framing", r"^6\.3 a body longer than Content-Length",
     lambda ex: _statuses(ex) == [200, 400] and _echo(ex, "body") == "abc"),
    ("framing", r"^6\.3 Content-Length: 0 and the next", lambda ex: _statuses(ex) == [200, 200]),
    ("framing", r"^8\.3\.1 media type case-insensitive: urlencoded",
     _one(200, form={"a": ["1"], "b": ["2"]})),
    ("framing", r"^8\.3\.1 media type with parameters", _one(200, form={"a": ["é"]})),
    ("framing", r"^8\.3\.1 multipart", _one(200, form={"a": ["1"]})),
    ("conn", r"^2\.3 ", lambda ex: [r["version"] for r in ex["responses"]] == ["HTTP/1.1"]),
    ("conn", r"^9\.3 HTTP/1\.0 keep-alive: response says",
     lambda ex: _statuses(ex) == [200, 200]
     and _fields(ex["responses"][0]).get("connection") == ["keep-alive"]),
    ("conn", r"^9\.3 HTTP/1\.0 keep-alive then a stream",
     lambda ex: _statuses(ex)[:2] == [200, 200] and _body(ex["responses"][1]) == "ab"),
    ("conn", r"^9\.3 HTTP/1\.0 keep-alive then file_stream",
     lambda ex: _body(ex["responses"][0]) == "hello file\n"),
    ("conn", r"^9\.3\.2 pipelined text", lambda ex: _statuses(ex) == [200, 200, 404, 200, 200]),
    ("conn", r"^9\.3\.2 pipelined POSTs",
     lambda ex: [(r["status"], _body(r)) for r in ex["responses"]][::2] == [(200, "3"), (200, "2")]
     and _statuses(ex)[1] == 500),
    ("conn", r"^9\.6 after a 400", _closes_with(400)),
    ("conn", r"^9112 3 a 1,200-octet", lambda ex: _statuses(ex) == [200, 200]),
    ("conn", r"^9\.6 after a 505", _closes_with(505)),
    ("conn", r"^9\.6 after a 400 for a final coding other than chunked", _closes_with(400)),
    ("conn", r"^15\.5\.9 a 408 for a head", _closes_with(408)),
    ("conn", r"^15\.5\.9 a 408 while waiting", None),
    ("conn", r"^15\.5\.9 a handler's 408", None),
    ("conn", r"^9\.5 keep-alive timeout", lambda ex: _statuses(ex) == [200]),
    ("conn", r"^10\.1\.1 Expect 100-continue to a 40([45])",
     lambda ex: _statuses(ex)[0] in (100, 404, 405)),
    ("conn", r"^10\.1\.1 Expect 100-continue, body sent", _continue_then(200, "5")),
    ("conn", r"^10\.1\.1 Expect 100-continue to a stream", _continue_then(200, "5")),
    ("conn", r"^10\.1\.1 Expect 100-continue on a GET", lambda ex: _statuses(ex)[-1:] == [200]),
    ("conn", r"^10\.1\.1 Expect 100-continue, Content-Length 0", lambda ex: _statuses(ex)[-1:] == [200]),
    ("conn", r"^10\.1\.1 Expect with an empty list element", _continue_then(200, "5")),
    ("conn", r"^10\.1\.1 Expect: 100-continue, foo",
     lambda ex: _statuses(ex) in ([417], [100, 200])),
    ("conn", r"^10\.1\.1 Expect on two field lines", _continue_then(200, "5")),
    ("conn", r"^10\.1\.1 Expect: 100-continue over the size", lambda ex: _statuses(ex)[-1:] == [413]),
    ("conn", r"^10\.1\.1 Expect 100-continue, chunked", _continue_then(200, "5")),
    ("conn", r"^7\.6\.1 a connection option naming", _one(200, x=["1"])),
    ("conn", r"^7\.6\.1 a handler's", None),
    ("conn", r"^7\.1 an empty send\(\)", lambda ex: [(r["status"], _body(r)) for r in ex["responses"]]
     == [(200, "ab"), (200, "some text")]),
    ("conn", r"^10\.1\.1 Expect 100-continue to a 404 with the body sent anyway",
     lambda ex: _statuses(ex)[-2:] == [404, 200]),
    ("conn", r"^9\.6 Connection: close on HTTP/1\.0 keep-alive HEAD",
     lambda ex: _statuses(ex)[:2] == [200, 200]),
    ("nokeep", r".", lambda ex: all(
        "close" in _fields(r).get("connection", [""])[0] for r in _final(ex))
     and ex["connection"] == "closed by server" and len(_final(ex)) == 1),
    ("semantics", r"^9\.3\.2 HEAD and GET of a missing route", lambda ex: _statuses(ex) == [404, 404]),
    ("semantics", r"^9\.3\.2 HEAD and GET of (\w+)$", lambda ex: len(_final(ex)) == 2),
    ("semantics", r"^9\.3\.2 HEAD and GET of a static", lambda ex: _statuses(ex) == [200, 200]),
    ("semantics", r"^9\.3\.7 OPTIONS answered (200|by HTTPResponse|by text)",
     lambda ex: _statuses(ex) == [200] and _fields(ex["responses"][0]).get("content-length") == ["0"]),
    ("semantics", r"^9\.3\.7 OPTIONS answered by empty", _status_in(204)),
    ("semantics", r"^9\.3\.7 OPTIONS on a GET-only",
     lambda ex: _status_in(405)(ex) and "allow" in _fields(_final(ex)[0])),
    ("semantics", r"^9\.3\.7 OPTIONS \*", None),
    ("semantics", r"^9\.3\.8 TRACE", lambda ex: "secret" not in json.dumps(ex["responses"])),
    ("semantics", r"^9\.3\.6 CONNECT", lambda ex: not _status_in(200)(ex)),
    ("semantics", r"^9\.1 an unknown method", None),
    ("semantics", r"^15\.5\.6 a raised MethodNotAllowed",
     lambda ex: _status_in(405)(ex) and _fields(_final(ex)[0]).get("allow") == ["POST, PUT"]),
    ("semantics", r"^15\.5\.6 SanicException\(status_code=405\)", None),
    ("semantics", r"^15\.5\.17 a raised 416", _status_in(416)),
    ("semantics", r"^15\.5\.17 a raised RangeNotSatisfiable",
     lambda ex: _status_in(416)(ex) and _fields(_final(ex)[0]).get("content-range") == ["bytes */11"]),
    ("semantics", r"^15\.6\.4 a raised 503", _status_in(503)),
    ("semantics", r"^15\.4 redirect",
     lambda ex: _status_in(302)(ex) and _fields(_final(ex)[0]).get("location") == ["/kind/text"]),
    ("semantics", r"^6\.6\.1 Date on a 413", _closes_with(413)),
    ("semantics", r"^9112 3 MUST 414", _closes_with(414)),
    ("semantics", r"^6\.6\.1 Date on a 400", _closes_with(400)),
    ("semantics", r"^6\.6\.1 Date on a 417", _closes_with(417)),
    ("semantics", r"^8\.3 Content-Type of", lambda ex: _fields(_final(ex)[0]).get("content-type")
     == ["text/plain; charset=utf-8"]),
    ("semantics", r"^8\.3 a request Content-Type with charset", _one(200, body='{"a": 1}')),
    ("semantics", r"^15\.3\.5 a raised", lambda ex: _statuses(ex) == [204]),
    ("semantics", r"^15\.4\.5 a raised", lambda ex: _statuses(ex) == [304]),
    ("semantics", r"^15\.3\.6 a raised", lambda ex: _statuses(ex) == [205]
     and _fields(ex["responses"][0]).get("content-length", ["0"]) == ["0"]),
    ("semantics", r"^15\.2 a raised", _status_in(500)),
]


def _find(table, stem: str, name: str):
    for where, pattern, value in table:
        if where == stem and re.search(pattern, name):
            return (value,)
    return None


def run(stem: str) -> int:
    app = APPS.get(stem, "app_r6.py")
    proc = subprocess.run(
        [SANIC_DIFF, "--checkout", str(CHECKOUT), "--json", "--idle", "3", app, f"{stem}.http"],
        cwd=HERE, capture_output=True, text=True, timeout=900,
        env=dict(os.environ, PYTHONHASHSEED="0"),
    )
    now = time.time()
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        print(f"{stem}: no report\n{proc.stderr[-2000:]}")
        return 1
    ignore = {"date"}
    bad = 0
    counts = {"differ": 0, "sanic_pass": 0, "hurtle_pass": 0, "checked": 0}
    for r in report["requests"]:
        name = r["name"]
        differs = _side(r["sanic"], ignore) != _side(r["hurtle"], ignore)
        kept = _find(KEPT, stem, name)
        check = _find(CHECKS, stem, name)
        verdict = {}
        for side in ("sanic", "hurtle"):
            broken = every_response(r["request"], r[side], now)
            if side == "sanic":  # Sanic sends no Date (listed); its other breaks count
                broken = [b for b in broken if "6.6.1" not in b]
            ok = not broken
            if check is None:
                broken.append("no CHECKS entry")
                ok = False
            elif check[0] is not None:
                ok = ok and bool(check[0](r[side]))
            verdict[side] = (ok, broken)
        counts["differ"] += differs
        if check is not None and check[0] is not None:
            counts["checked"] += 1
            counts["sanic_pass"] += verdict["sanic"][0]
            counts["hurtle_pass"] += verdict["hurtle"][0]
        expected_fail = _find(HURTLE_FAILS, stem, name)
        unexpected = (not verdict["hurtle"][0]) and expected_fail is None
        unlabelled = differs and kept is None
        bad += unexpected or unlabelled
        marks = "".join([
            "S:" + ("PASS" if verdict["sanic"][0] else "FAIL"),
            " H:" + ("PASS" if verdict["hurtle"][0] else "FAIL"),
            " differ" if differs else "",
        ])
        print(f"  [{r['index']}] {name}: {marks}")
        if differs:
            print(f"      {kept[0] if kept else 'NOT LABELLED'}")
        for side in ("sanic", "hurtle"):
            for b in verdict[side][1]:
                print(f"      {side}: {b}")
        if not verdict["hurtle"][0] and expected_fail:
            print(f"      hurtle FAIL kept: {expected_fail[0]}")
    print(f"{stem}: {len(report['requests'])} requests, {counts['differ']} differ; "
          f"RFC checks {counts['checked']}: Sanic passes {counts['sanic_pass']}, Hurtle "
          f"{counts['hurtle_pass']}; {bad} not explained")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(max(run(stem) for stem in (sys.argv[1:] or ["framing", "conn", "semantics", "nokeep"])))
