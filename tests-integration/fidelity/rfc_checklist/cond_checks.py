"""RFC 9110 checks of conditional requests (section 13), byte ranges (section 14) and
validators (8.8) on files served by app.static, file() and file_stream() (against
app_cond.py, whose file holds "hello world" modified Wed, 01 Jan 2020 00:00:00 GMT).

usage: python cond_checks.py PORT [filter]; see run.sh."""

import os
import re
import sys
from email.utils import parsedate_to_datetime

sys.path.insert(0, os.path.dirname(__file__))
from checklib import H, check, st

BODY = b"hello world"
LM = "Wed, 01 Jan 2020 00:00:00 GMT"
PAST = "Sat, 01 Jan 2000 00:00:00 GMT"
FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"
LATER = "Thu, 02 Jan 2020 00:00:00 GMT"


def req(m, p, *fields, body=b""):
    extra = "".join(f"{f}\r\n" for f in fields)
    if body:
        extra += f"Content-Length: {len(body)}\r\n"
    return f"{m} {p} HTTP/1.1\r\nHost: x\r\n{extra}\r\n".encode() + body


def status_is(code, body=None):
    def pred(rs, c, o):
        if st(rs) != code:
            return False
        return body is None or rs[0][2] == body

    return pred


def whole(rs, c, o):
    return st(rs) == 200 and rs[0][2] == BODY and not H(rs, "content-range")


def part(first, last, head=False):
    """A 206 of bytes first-last whose Content-Range and Content-Length agree with it."""

    def pred(rs, c, o):
        want = BODY[first : last + 1]
        return (
            st(rs) == 206
            and H(rs, "content-range") == [f"bytes {first}-{last}/{len(BODY)}"]
            and H(rs, "content-length") in ([str(len(want))], [] if not head else None)
            and rs[0][2] == (b"" if head else want)
        )

    return pred


def not_modified(keep=()):
    """A 304: no content, Content-Length absent or the 200's, Date, and each of ``keep``."""

    def pred(rs, c, o):
        return (
            st(rs) == 304
            and rs[0][2] == b""
            and H(rs, "content-length") in ([], [str(len(BODY))])
            and len(H(rs, "date")) == 1
            and all(H(rs, k) for k in keep)
            and o.count(b"HTTP/1.1") == 1
        )

    return pred


def whole_or_multipart(ranges):
    """Several ranges: the whole 200, or a valid multipart/byteranges 206 (14.6)."""

    def pred(rs, c, o):
        if whole(rs, c, o):
            return True
        if st(rs) != 206 or H(rs, "content-range"):
            return False
        m = re.match(r"multipart/byteranges;\s*boundary=\"?([^\";]+)", H(rs, "content-type")[0])
        if not m:
            return False
        parts = rs[0][2].split(b"--" + m.group(1).encode())
        got = []
        for p in parts[1:-1]:
            head, _, data = p.partition(b"\r\n\r\n")
            cr = re.search(rb"content-range: bytes (\d+)-(\d+)/11", head, re.I)
            got.append(data[:-2] == BODY[int(cr.group(1)) : int(cr.group(2)) + 1])
        return len(got) >= 1 and all(got)

    return pred


def unsatisfiable(rs, c, o):
    return st(rs) == 416 and H(rs, "content-range") == [f"bytes */{len(BODY)}"]


# --- 13.1.1 If-Match: strong comparison, "*", 412 -------------------------------------
check("If-Match same strong tag", "9110 13.1.1", req("GET", "/strong", 'If-Match: "v1"'), whole)
check(
    "If-Match other tag 412", "9110 13.1.1", req("GET", "/strong", 'If-Match: "x"'), status_is(412)
)
check(
    "If-Match list holding the tag",
    "9110 13.1.1",
    req("GET", "/strong", 'If-Match: "a", "v1"'),
    whole,
)
check(
    "If-Match over two field lines",
    "9110 5.3",
    req("GET", "/strong", 'If-Match: "a"', 'If-Match: "v1"'),
    whole,
)
check(
    "If-Match W/ tag: strong comparison fails 412",
    "9110 13.1.1",
    req("GET", "/strong", 'If-Match: W/"v1"'),
    status_is(412),
)
check(
    "If-Match on a weak ETag: 412",
    "9110 13.1.1",
    req("GET", "/weak", 'If-Match: W/"v1"'),
    status_is(412),
)
check("If-Match * on a file 200", "9110 13.1.1", req("GET", "/strong", "If-Match: *"), whole)
check("If-Match * on static 200", "9110 13.1.1", req("GET", "/s/a.txt", "If-Match: *"), whole)
check(
    "If-Match tag on static without ETag 412",
    "9110 13.1.1",
    req("GET", "/s/a.txt", 'If-Match: "x"'),
    status_is(412),
)
check(
    "If-Match other tag on PUT 412",
    "9110 13.1.1",
    req("PUT", "/strong", 'If-Match: "x"', body=b"z"),
    status_is(412),
)
check(
    "If-Match tag on file() without ETag 412",
    "9110 13.1.1",
    req("GET", "/file", 'If-Match: "x"'),
    status_is(412),
)

# --- 13.1.2 If-None-Match: weak comparison, "*", lists, 304 vs 412 ---------------------
check(
    "If-None-Match same tag GET 304",
    "9110 13.1.2",
    req("GET", "/strong", 'If-None-Match: "v1"'),
    not_modified(("etag",)),
)
check(
    "If-None-Match W/ of a strong tag 304 (weak comparison)",
    "9110 13.1.2",
    req("GET", "/strong", 'If-None-Match: W/"v1"'),
    not_modified(("etag",)),
)
check(
    "If-None-Match strong of a weak tag 304",
    "9110 13.1.2",
    req("GET", "/weak", 'If-None-Match: "v1"'),
    not_modified(("etag",)),
)
check(
    "If-None-Match list holding the tag 304",
    "9110 13.1.2",
    req("GET", "/strong", 'If-None-Match: "a", W/"v1"'),
    not_modified(),
)
check(
    "If-None-Match list without the tag 200",
    "9110 13.1.2",
    req("GET", "/strong", 'If-None-Match: "a", "b"'),
    whole,
)
check(
    "If-None-Match HEAD 304",
    "9110 13.1.2",
    req("HEAD", "/strong", 'If-None-Match: "v1"'),
    lambda rs, c, o: st(rs) == 304 and rs[0][2] == b"",
    head=True,
)
check(
    "If-None-Match POST 412",
    "9110 13.1.2",
    req("POST", "/strong", 'If-None-Match: "v1"', body=b"z"),
    status_is(412),
)
check(
    "If-None-Match DELETE 412",
    "9110 13.1.2",
    req("DELETE", "/strong", 'If-None-Match: "v1"'),
    status_is(412),
)
check(
    "If-None-Match * GET file 304",
    "9110 13.1.2",
    req("GET", "/strong", "If-None-Match: *"),
    not_modified(),
)
check(
    "If-None-Match * PUT file 412",
    "9110 13.1.2",
    req("PUT", "/strong", "If-None-Match: *", body=b"z"),
    status_is(412),
)
check(
    "If-None-Match * GET static 304",
    "9110 13.1.2",
    req("GET", "/s/a.txt", "If-None-Match: *"),
    not_modified(),
)
check(
    "If-None-Match tag on static without ETag 200",
    "9110 13.1.2",
    req("GET", "/s/a.txt", 'If-None-Match: "x"'),
    whole,
)
check(
    "If-None-Match * on file() without ETag 304",
    "9110 13.1.2",
    req("GET", "/file", "If-None-Match: *"),
    not_modified(),
)

# --- 13.1.3 If-Modified-Since ---------------------------------------------------------
check(
    "If-Modified-Since = Last-Modified 304",
    "9110 13.1.3",
    req("GET", "/s/a.txt", f"If-Modified-Since: {LM}"),
    not_modified(),
)
check(
    "If-Modified-Since before Last-Modified 200",
    "9110 13.1.3",
    req("GET", "/s/a.txt", f"If-Modified-Since: {PAST}"),
    whole,
)
check(
    "If-Modified-Since ignored with If-None-Match (static)",
    "9110 13.1.3",
    req("GET", "/s/a.txt", 'If-None-Match: "x"', f"If-Modified-Since: {LATER}"),
    whole,
)
check(
    "If-Modified-Since ignored with If-None-Match (file)",
    "9110 13.1.3",
    req("GET", "/strong", 'If-None-Match: "x"', f"If-Modified-Since: {LATER}"),
    whole,
)
check(
    "If-Modified-Since ignored for POST",
    "9110 13.1.3",
    req("POST", "/strong", f"If-Modified-Since: {LATER}", body=b"z"),
    whole,
)
check(
    "If-Modified-Since ignored for PUT (file() no ETag)",
    "9110 13.1.3",
    req("PUT", "/file", f"If-Modified-Since: {LATER}", body=b"z"),
    whole,
)
check(
    "If-Modified-Since invalid date ignored",
    "9110 13.1.3",
    req("GET", "/s/a.txt", "If-Modified-Since: yesterday"),
    whole,
)
check(
    "If-Modified-Since two dates (a list) ignored",
    "9110 13.1.3",
    req("GET", "/s/a.txt", f"If-Modified-Since: {LATER}, {LATER}"),
    whole,
)
check(
    "If-Modified-Since asctime format 304",
    "9110 5.6.7",
    req("GET", "/s/a.txt", "If-Modified-Since: Thu Jan  2 00:00:00 2020"),
    not_modified(),
)
check(
    "If-Modified-Since rfc850 format 304",
    "9110 5.6.7",
    req("GET", "/s/a.txt", "If-Modified-Since: Thursday, 02-Jan-20 00:00:00 GMT"),
    not_modified(),
)
check(
    "If-Modified-Since HEAD 304",
    "9110 13.1.3",
    req("HEAD", "/s/a.txt", f"If-Modified-Since: {LATER}"),
    lambda rs, c, o: st(rs) == 304,
    head=True,
)

# --- 13.1.4 If-Unmodified-Since ---------------------------------------------------------
check(
    "If-Unmodified-Since before Last-Modified 412 (static)",
    "9110 13.1.4",
    req("GET", "/s/a.txt", f"If-Unmodified-Since: {PAST}"),
    status_is(412),
)
check(
    "If-Unmodified-Since before Last-Modified 412 (file)",
    "9110 13.1.4",
    req("GET", "/file", f"If-Unmodified-Since: {PAST}"),
    status_is(412),
)
check(
    "If-Unmodified-Since later 200",
    "9110 13.1.4",
    req("GET", "/s/a.txt", f"If-Unmodified-Since: {LATER}"),
    whole,
)
check(
    "If-Unmodified-Since invalid ignored",
    "9110 13.1.4",
    req("GET", "/s/a.txt", "If-Unmodified-Since: soon"),
    whole,
)
check(
    "If-Unmodified-Since ignored with If-Match",
    "9110 13.1.4",
    req("GET", "/strong", 'If-Match: "v1"', f"If-Unmodified-Since: {PAST}"),
    whole,
)

# --- 13.2.2 precedence -------------------------------------------------------------------
check(
    "If-Match false beats If-None-Match true: 412",
    "9110 13.2.2",
    req("GET", "/strong", 'If-Match: "x"', 'If-None-Match: "v1"'),
    status_is(412),
)
check(
    "If-Unmodified-Since false beats If-None-Match: 412",
    "9110 13.2.2",
    req("GET", "/strong", f"If-Unmodified-Since: {PAST}", 'If-None-Match: "v1"'),
    status_is(412),
)
check(
    "If-Match true then If-None-Match true: 304",
    "9110 13.2.2",
    req("GET", "/strong", 'If-Match: "v1"', 'If-None-Match: "v1"'),
    not_modified(),
)
check(
    "If-None-Match true beats If-Range/Range: 304",
    "9110 13.2.2",
    req("GET", "/s/a.txt", "If-None-Match: *", "Range: bytes=0-3"),
    not_modified(),
)
check(
    "If-Unmodified-Since false beats Range: 412",
    "9110 13.2.2",
    req("GET", "/s/a.txt", f"If-Unmodified-Since: {PAST}", "Range: bytes=0-3"),
    status_is(412),
)

# --- 15.4.5 what a 304 carries ---------------------------------------------------------
check(
    "304 keeps ETag, Cache-Control, Expires, Date",
    "9110 15.4.5",
    req("GET", "/strong", 'If-None-Match: "v1"'),
    not_modified(("etag", "cache-control", "expires", "date")),
)
check(
    "304 keeps Vary and Content-Location",
    "9110 15.4.5",
    req("GET", "/fields", 'If-None-Match: "v1"'),
    not_modified(("vary", "content-location", "etag")),
)
check(
    "304 static keeps Cache-Control",
    "9110 15.4.5",
    req("GET", "/s/a.txt", f"If-Modified-Since: {LM}"),
    not_modified(("cache-control",)),
)
check(
    "304 sends the ETag of the 200",
    "9110 15.4.5",
    req("GET", "/weak", 'If-None-Match: "v1"'),
    lambda rs, c, o: st(rs) == 304 and H(rs, "etag") == ['W/"v1"'],
)

# --- 13.1.5 If-Range ---------------------------------------------------------------------
check(
    "If-Range = Last-Modified: 206",
    "9110 13.1.5",
    req("GET", "/s/a.txt", f"If-Range: {LM}", "Range: bytes=0-4"),
    part(0, 4),
)
check(
    "If-Range other date: whole 200",
    "9110 13.1.5",
    req("GET", "/s/a.txt", f"If-Range: {LATER}", "Range: bytes=0-4"),
    whole,
)
check(
    "If-Range entity-tag on static without ETag: whole 200",
    "9110 13.1.5",
    req("GET", "/s/a.txt", 'If-Range: "x"', "Range: bytes=0-4"),
    whole,
)
check(
    "If-Range weak tag: whole 200",
    "9110 13.1.5",
    req("GET", "/s/a.txt", 'If-Range: W/"x"', "Range: bytes=0-4"),
    whole,
)
check(
    "If-Range invalid date: whole 200",
    "9110 13.1.5",
    req("GET", "/s/a.txt", "If-Range: yesterday", "Range: bytes=0-4"),
    whole,
)
check(
    "If-Range without Range ignored: 200",
    "9110 13.1.5",
    req("GET", "/s/a.txt", f"If-Range: {LATER}"),
    whole,
)
check(
    "If-Range mismatch with an unsatisfiable Range: whole 200",
    "9110 13.1.5",
    req("GET", "/s/a.txt", f"If-Range: {LATER}", "Range: bytes=50-60"),
    whole,
)
check(
    "If-Range other date on file(_range): whole 200",
    "9110 13.1.5",
    req("GET", "/frange", f"If-Range: {LATER}", "Range: bytes=0-4"),
    whole,
)

check(
    "If-Range = the ETag of file(_range): 206",
    "9110 13.1.5",
    req("GET", "/etrange", 'If-Range: "v1"', "Range: bytes=0-4"),
    part(0, 4),
)
check(
    "If-Range another ETag on file(_range): whole 200",
    "9110 13.1.5",
    req("GET", "/etrange", 'If-Range: "v2"', "Range: bytes=0-4"),
    whole,
)

# --- 14 ranges ---------------------------------------------------------------------------
for path in ("/s/a.txt", "/frange", "/fsrange"):
    check(
        f"suffix bytes=-3 {path}", "9110 14.1.2", req("GET", path, "Range: bytes=-3"), part(8, 10)
    )
    check(f"open bytes=6- {path}", "9110 14.1.2", req("GET", path, "Range: bytes=6-"), part(6, 10))
    check(
        f"suffix longer than the file {path}",
        "9110 14.1.2",
        req("GET", path, "Range: bytes=-100"),
        part(0, 10),
    )
    check(
        f"last-pos past the end clamped {path}",
        "9110 14.1.2",
        req("GET", path, "Range: bytes=5-100"),
        part(5, 10),
    )
    check(
        f"first-pos = length: 416 */11 {path}",
        "9110 14.1.2",
        req("GET", path, "Range: bytes=11-"),
        unsatisfiable,
    )
    check(
        f"suffix -0: 416 {path}", "9110 14.1.2", req("GET", path, "Range: bytes=-0"), unsatisfiable
    )
    check(
        f"whitespace around the range {path}",
        "9110 14.2",
        req("GET", path, "Range: bytes= 0-4 "),
        lambda rs, c, o: part(0, 4)(rs, c, o) or whole(rs, c, o),
    )
check(
    "several ranges: whole 200 or multipart",
    "9110 14.6",
    req("GET", "/s/a.txt", "Range: bytes=0-1,4-5"),
    whole_or_multipart(2),
)
check(
    "overlapping ranges: whole 200 or multipart",
    "9110 14.6",
    req("GET", "/s/a.txt", "Range: bytes=0-5,3-8"),
    whole_or_multipart(2),
)
check(
    "ranges with one satisfiable: not 416",
    "9110 15.5.17",
    req("GET", "/s/a.txt", "Range: bytes=50-60,0-1"),
    whole_or_multipart(1),
)
check(
    "all ranges unsatisfiable: 416 or whole 200",
    "9110 15.5.17",
    req("GET", "/s/a.txt", "Range: bytes=50-60,70-80"),
    lambda rs, c, o: unsatisfiable(rs, c, o) or whole(rs, c, o),
)
check(
    "unit items=: ignored, 200 (static)",
    "9110 14.2",
    req("GET", "/s/a.txt", "Range: items=0-3"),
    whole,
)
check(
    "unit BYTES (case-insensitive) 206",
    "9110 14.1",
    req("GET", "/s/a.txt", "Range: BYTES=0-3"),
    part(0, 3),
)
check(
    "Range on plain static (no ranges): 200",
    "9110 14.2",
    req("GET", "/p/a.txt", "Range: bytes=0-3"),
    whole,
)
check(
    "Range on POST ignored",
    "9110 14.2",
    req("POST", "/frange", "Range: bytes=0-3", body=b"z"),
    whole,
)
check(
    "Range on HEAD of file(_range) ignored",
    "9110 14.2",
    req("HEAD", "/frange", "Range: bytes=0-3"),
    lambda rs, c, o: st(rs) == 200 and not H(rs, "content-range"),
    head=True,
)
check(
    "Accept-Ranges bytes on a ranged static 200",
    "9110 14.3",
    req("GET", "/s/a.txt"),
    lambda rs, c, o: st(rs) == 200 and H(rs, "accept-ranges") in ([], ["bytes"]),
)
check(
    "Accept-Ranges not bytes where ranges are ignored",
    "9110 14.3",
    req("GET", "/p/a.txt"),
    lambda rs, c, o: H(rs, "accept-ranges") in ([], ["none"]),
)
check(
    "416 carries no part of the file",
    "9110 15.5.17",
    req("GET", "/s/a.txt", "Range: bytes=50-"),
    lambda rs, c, o: st(rs) == 416 and b"hello" not in rs[0][2],
)


# --- the same on a static file streamed (stream_large_files) ------------------------------
check(
    "streamed static: If-None-Match * 304",
    "9110 13.1.2",
    req("GET", "/l/a.txt", "If-None-Match: *"),
    not_modified(),
)
check(
    "streamed static: If-Modified-Since 304",
    "9110 13.1.3",
    req("GET", "/l/a.txt", f"If-Modified-Since: {LM}"),
    not_modified(),
)
check(
    "streamed static: If-Unmodified-Since past 412",
    "9110 13.1.4",
    req("GET", "/l/a.txt", f"If-Unmodified-Since: {PAST}"),
    status_is(412),
)
check(
    "streamed static: If-Match tag 412",
    "9110 13.1.1",
    req("GET", "/l/a.txt", 'If-Match: "x"'),
    status_is(412),
)
check(
    "streamed static: If-Range other date whole 200",
    "9110 13.1.5",
    req("GET", "/l/a.txt", f"If-Range: {LATER}", "Range: bytes=0-4"),
    whole,
)
check(
    "streamed static: If-Range = Last-Modified 206",
    "9110 13.1.5",
    req("GET", "/l/a.txt", f"If-Range: {LM}", "Range: bytes=0-4"),
    part(0, 4),
)
check(
    "streamed static: suffix bytes=-3",
    "9110 14.1.2",
    req("GET", "/l/a.txt", "Range: bytes=-3"),
    part(8, 10),
)
check(
    "streamed static: 416 */11",
    "9110 14.1.2",
    req("GET", "/l/a.txt", "Range: bytes=11-"),
    unsatisfiable,
)
check(
    "streamed static: several ranges",
    "9110 14.6",
    req("GET", "/l/a.txt", "Range: bytes=0-1,4-5"),
    whole_or_multipart(2),
)
check(
    "streamed static: items= unit ignored",
    "9110 14.2",
    req("GET", "/l/a.txt", "Range: items=0-3"),
    whole,
)


# --- 8.8 validators ------------------------------------------------------------------------
def validators_ok(rs, c, o):
    lm = H(rs, "last-modified")
    date = H(rs, "date")
    if lm != [LM] or len(date) != 1:
        return False
    return parsedate_to_datetime(lm[0]) <= parsedate_to_datetime(date[0])


check(
    "Last-Modified IMF-fixdate, not after Date (static)",
    "9110 8.8.2",
    req("GET", "/s/a.txt"),
    validators_ok,
)
check(
    "Last-Modified IMF-fixdate, not after Date (file)",
    "9110 8.8.2",
    req("GET", "/file"),
    validators_ok,
)
check(
    "ETag syntax (quoted, W/)",
    "9110 8.8.3",
    req("GET", "/weak"),
    lambda rs, c, o: all(re.fullmatch(r'(W/)?"[^"]*"', v) for v in H(rs, "etag")),
)
for path in ("/s/a.txt", "/strong"):
    check(
        f"206 carries the 200's validators {path}",
        "9110 15.3.7",
        req("GET", path, "Range: bytes=0-3")
        if path == "/s/a.txt"
        else req("GET", "/frange", "Range: bytes=0-3"),
        lambda rs, c, o: st(rs) == 206 and H(rs, "last-modified") == [LM],
    )
check(
    "304 carries Last-Modified of the 200 or none",
    "9110 15.4.5",
    req("GET", "/s/a.txt", f"If-Modified-Since: {LM}"),
    lambda rs, c, o: st(rs) == 304 and H(rs, "last-modified") in ([], [LM]),
)
check(
    "412 has no part of the file",
    "9110 15.5.13",
    req("GET", "/strong", 'If-Match: "x"'),
    lambda rs, c, o: st(rs) == 412 and b"hello world" not in rs[0][2],
)

# --- 15.5.6 / 9.1 / 9.3.7 ----------------------------------------------------------------
check(
    "405 on static carries Allow with GET, HEAD",
    "9110 15.5.6",
    req("POST", "/s/a.txt", body=b"z"),
    lambda rs, c, o: (
        st(rs) == 405
        and {"GET", "HEAD"} <= {m.strip() for m in ",".join(H(rs, "allow")).split(",")}
    ),
)
check(
    "405 on a file route carries Allow",
    "9110 15.5.6",
    req("PATCH", "/fields", body=b"z"),
    lambda rs, c, o: st(rs) == 405 and bool(H(rs, "allow")),
)
check(
    "OPTIONS on a file route: 2xx or 405 + Allow",
    "9110 9.3.7",
    req("OPTIONS", "/fields"),
    lambda rs, c, o: st(rs) in (200, 204) or bool(H(rs, "allow")),
)
check(
    "unknown method: 501 (SHOULD) or 405 + Allow",
    "9110 9.1",
    req("FROB", "/fields"),
    lambda rs, c, o: st(rs) == 501 or (st(rs) == 405 and bool(H(rs, "allow"))),
)
