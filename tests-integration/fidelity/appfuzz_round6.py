"""Sixth-round random apps for ``appfuzz.py --round6`` (README, "Random apps, sixth round").

Streaming and files. ``gen_app6`` writes an app of its own (not the earlier rounds'):
a temporary tree (names with spaces, ``%`` in a name, non-ASCII, dot files, a backslash, a
symlink inside and two out of the root, a large file), one to three ``app.static``
routes over it (the root, a folder or one file; random ``use_content_range``,
``stream_large_files``, ``directory_view``, ``index``, ``content_type``, ``name``,
``strict_slashes``, ``resource_type``, ``use_modified_since``), ``file()`` and
``file_stream()`` routes (random ``mime_type``, ``filename``, ``max_age``,
``last_modified``, ``no_store``, ``chunk_size``, ``status``, ``request_headers``, ``_range``
from a ``ContentRangeHandler``), ``stream=True`` upload routes (``request.stream.read()``
loops, ``async for``, ``receive_body()``, a partial read, none), handlers answering with
``request.respond()`` + ``send()``/``eof()`` (returning it, nothing, or something else) and
``ResponseStream`` streaming functions.

``gen_requests6`` writes requests to them: ``Range`` (valid, several, suffix, unsatisfiable,
malformed, other units), ``If-None-Match``/``If-Modified-Since``/``If-Range``/``If-Match``/
``If-Unmodified-Since``, ``HEAD``, bodies by ``Content-Length`` or chunked cut into several
writes, ``Expect: 100-continue`` (the client waits for the 100 before the body), path
traversal (``..``, ``%2e%2e``, encoded slashes, backslashes, symlinks out), and in two of
five a second request on the connection once the first answer is complete (connection
reuse). Each request is sent by ``exchange6`` (marked with ``R6_MARK``); ``normal6``
compares the status, every header but ``Date``, the body's length and digest (error pages
and listings as ``appfuzz.normal`` shortens them), the interim answers, whether the
connection stayed open, and the second answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import re
import time
from typing import Any

R6_MARK = "\r\n\r\n\x00R6\x00"
PREFIX = "/r6"
# Fields whose values differ by nature between two runs (none so far besides `Date`: the
# tree's times are fixed, so `Last-Modified` compares).
IGNORED_HEADERS = {"date"}

TREE_FILES = {
    "a.txt": "b'hello a\\n' * 3",
    "big.bin": "bytes(range(256)) * 40",
    "with space.txt": "b'space\\n'",
    "pct%41.txt": "b'percent\\n'",
    "\u00fc.txt": "b'umlaut\\n'",
    ".hidden": "b'secret dot\\n'",
    ".dotdir/x.txt": "b'in dotdir\\n'",
    "index.html": "b'<p>root index</p>\\n'",
    "sub/index.html": "b'<p>sub index</p>\\n'",
    "sub/c.json": "b'{\"c\": 1}\\n'",
    "sub/deep/d.css": "b'p {}\\n'",
    "dir with space/e.txt": "b'e\\n'",
    "\u00fcn/f.txt": "b'f\\n'",
    "noext": "b'no extension\\n'",
    "b\\s.txt": "b'backslash\\n'",
}
# request targets under a static route over the root (encoded as sent)
STATIC_TARGETS = [
    "a.txt", "big.bin", "with%20space.txt", "pct%2541.txt", "pct%41.txt", "%C3%BC.txt",
    ".hidden", ".dotdir/x.txt", ".dotdir/", "index.html", "sub/", "sub", "sub/index.html",
    "sub/c.json", "sub/deep/d.css", "sub/deep", "sub/deep/", "dir%20with%20space/",
    "dir%20with%20space/e.txt", "%C3%BCn/f.txt", "%C3%BCn/", "noext", "b%5Cs.txt",
    "link_in.txt", "link_out.txt", "link_outdir/secret.txt", "link_outdir/", "", "nope.txt",
    # traversal and odd spellings
    "../secret.txt", "..%2fa.txt", "%2e%2e/%2e%2e/etc/passwd", "%2E%2E/", "sub/../a.txt",
    "sub/%2e%2e/a.txt", "sub%2fc.json", "sub%2Fc.json", "sub\\c.json", "..\\..\\a.txt",
    "sub%5Cc.json", "./a.txt", "/a.txt", "a.txt/", "a.txt%00", "a.txt%20", "A.TXT",
    "sub/./c.json", "%61.txt", "a.txt?x=1", "a.txt#frag", "...", "sub/..", "sub/../..",
    "link_outdir/%2e%2e/secret.txt",
]
FILE_NAMES = ["a.txt", "big.bin", "sub/c.json", "noext", "with space.txt", "\u00fc.txt"]
DOWNLOAD_NAMES = ["down.bin", "a b.txt", "\u00fc.txt", "x.tar.gz", "plain"]
MIME = ["application/x-foo", "text/plain", "text/html; charset=utf-8", "image/png",
        "application/octet-stream"]
RANGES = [
    "bytes=0-9", "bytes=10-", "bytes=-5", "bytes=0-0", "bytes=-1", "bytes=5-2",
    "bytes=0-1,5-6", "bytes=0-5,3-8", "bytes=-100000", "bytes=2-100000", "bytes=100000-",
    "bytes=100000-200000", "bytes=0-", "bytes=", "bytes=abc", "bytes=-", "bytes=1-2-3",
    "items=0-1", "BYTES=0-3", "bytes = 0-3", "bytes=-0", "bytes=0-9, 20-29", "bytes=9-9",
    "0-9", "bytes=10239-", "bytes=10240-", "bytes=24-",
]
DATES = {
    "same": "Tue, 14 Nov 2023 22:13:20 GMT",
    "older": "Thu, 01 Jan 1970 00:00:00 GMT",
    "newer": "Sun, 06 Nov 2050 08:49:37 GMT",
    "rfc850": "Tuesday, 14-Nov-23 22:13:20 GMT",
    "asctime": "Tue Nov 14 22:13:20 2023",
    "bad": "garbage",
}


def gen_app6(seed: int) -> dict[str, Any]:
    """The app's source and a description of its routes."""
    rnd = random.Random(seed * 9151 + 6)
    L = [
        "import hashlib as _h, os as _os, tempfile as _tf, atexit as _ax, shutil as _sh",
        "import datetime as _dt",
        "from sanic import Sanic",
        "from sanic.response import text, json, empty, file, file_stream, ResponseStream",
        "from sanic.handlers import ContentRangeHandler",
        "from sanic.exceptions import HeaderNotFound",
        "from sanic import exceptions as E",
        f"app = Sanic('AppFuzz6_{seed}')",
        "app.config.ACCESS_LOG = False",
        "ROOT = _tf.mkdtemp(prefix='r6root')",
        "OUT = _tf.mkdtemp(prefix='r6out')",
        "_ax.register(_sh.rmtree, ROOT, True)",
        "_ax.register(_sh.rmtree, OUT, True)",
        "def _put(base, name, data):",
        "    p = _os.path.join(base, name)",
        "    _os.makedirs(_os.path.dirname(p), exist_ok=True)",
        "    with open(p, 'wb') as fh:",
        "        fh.write(data)",
        "    return p",
    ]
    for name, data in TREE_FILES.items():
        L.append(f"_put(ROOT, {name!r}, {data})")
    L += [
        "_put(OUT, 'secret.txt', b'outside\\n')",
        "_os.symlink(_os.path.join(ROOT, 'a.txt'), _os.path.join(ROOT, 'link_in.txt'))",
        "_os.symlink(_os.path.join(OUT, 'secret.txt'), _os.path.join(ROOT, 'link_out.txt'))",
        "_os.symlink(OUT, _os.path.join(ROOT, 'link_outdir'))",
        "for _d, _ds, _fs in _os.walk(ROOT):",
        "    for _n in _fs + _ds:",
        "        _os.utime(_os.path.join(_d, _n), (1700000000, 1700000000), follow_symlinks=False)",
        "_os.utime(ROOT, (1700000000, 1700000000))",
        "_os.utime(_os.path.join(OUT, 'secret.txt'), (1700000000, 1700000000))",
        "WHEN = _dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=_dt.timezone.utc)",
        "def _range(request, path):",
        "    try:",
        "        return ContentRangeHandler(request, _os.stat(path))",
        "    except HeaderNotFound:",
        "        return None",
        "def _digest(body):",
        "    return f'{len(body)} {_h.sha1(body).hexdigest()[:12]} {body[:24]!r}'",
        "@app.get('/r6/ping')",
        "async def ping(request):",
        "    return text('pong')",
    ]
    statics: list[dict[str, Any]] = []
    for i in range(rnd.randint(1, 3)):
        target = rnd.choice(["root", "root", "root", "sub", "file", "bigfile"])
        where = {"root": "ROOT", "sub": "_os.path.join(ROOT, 'sub')",
                 "file": "_os.path.join(ROOT, 'a.txt')", "bigfile": "_os.path.join(ROOT, 'big.bin')"}[target]
        uri = f"/r6/s{i}" + rnd.choice(["", "", "/"])
        kw = []
        if rnd.random() < 0.5:
            kw.append(f"use_content_range={rnd.choice([True, False])}")
        if rnd.random() < 0.4:
            kw.append(f"stream_large_files={rnd.choice([True, False, 100, 5000, 20000])}")
        if target in ("root", "sub"):
            if rnd.random() < 0.5:
                kw.append(f"directory_view={rnd.choice([True, False])}")
            if rnd.random() < 0.4:
                kw.append(f"index={rnd.choice(['index.html', ['nope.html', 'index.html'], 'nope.html', 'c.json'])!r}")
        if rnd.random() < 0.25:
            kw.append(f"content_type={rnd.choice(MIME)!r}")
        if rnd.random() < 0.3:
            kw.append(f"strict_slashes={rnd.choice([True, False])}")
        if rnd.random() < 0.25:
            kw.append(f"use_modified_since={rnd.choice([True, False])}")
        if rnd.random() < 0.2:
            right = "dir" if target in ("root", "sub") else "file"
            kw.append(f"resource_type={(right if rnd.random() < 0.85 else rnd.choice(['dir', 'file']))!r}")
        kw.append(f"name={('st' + str(i))!r}")
        if rnd.random() < 0.1:
            kw.append("follow_external_symlink_files=True")
        if rnd.random() < 0.1:
            kw.append("follow_external_symlink_dirs=True")
        L.append(f"app.static({uri!r}, {where}, {', '.join(kw)})")
        statics.append({"uri": uri.rstrip("/"), "target": target})
    routes: list[dict[str, Any]] = []
    for i in range(rnd.randint(3, 7)):
        kind = rnd.choice(["file", "file", "fstream", "upload", "upload", "respond", "rs", "body"])
        path = f"{PREFIX}/{kind}{i}"
        if kind in ("file", "fstream"):
            fname = rnd.choice(FILE_NAMES)
            args = [f"_os.path.join(ROOT, {fname!r})"]
            if rnd.random() < 0.4:
                args.append(f"filename={rnd.choice(DOWNLOAD_NAMES)!r}")
            if rnd.random() < 0.4:
                args.append(f"mime_type={rnd.choice(MIME)!r}")
            if rnd.random() < 0.15:
                args.append(f"status={rnd.choice([201, 203, 299])}")
            if rnd.random() < 0.15:
                args.append("headers={'x-f': 'yes'}")
            if rnd.random() < 0.4:
                args.append(f"_range=_range(request, _os.path.join(ROOT, {fname!r}))")
            if kind == "fstream":
                if rnd.random() < 0.6:
                    # (1-byte chunks of the 10 KiB file outlast the exchange's time limit)
                    small = [1, 7] if fname != "big.bin" else [64]
                    args.append(f"chunk_size={rnd.choice([*small, 100, 4096, 100000])}")
                call = f"await file_stream({', '.join(args)})"
            else:
                if rnd.random() < 0.3:
                    args.append(f"max_age={rnd.choice([0, 60, 3.5])}")
                if rnd.random() < 0.3:
                    args.append(f"no_store={rnd.choice([True, False])}")
                if rnd.random() < 0.3:
                    args.append(rnd.choice(["last_modified=None", "last_modified=WHEN",
                                            "last_modified=1700000000", "last_modified=1.5e9"]))
                if rnd.random() < 0.4:
                    args.append("request_headers=request.headers")
                if rnd.random() < 0.15:
                    args.append("validate_when_requested=False")
                call = f"await file({', '.join(args)})"
            methods = rnd.choice([["GET"], ["GET", "HEAD"], ["GET", "POST"]])
            L.append(f"@app.route({path!r}, methods={methods!r})")
            L.append(f"async def h{i}(request):")
            L.append(f"    return {call}")
        elif kind == "upload":
            reader = rnd.choice([
                ["body = b''", "while True:", "    c = await request.stream.read()",
                 "    if c is None:", "        break", "    body += c"],
                ["body = b''", "async for c in request.stream:", "    body += c"],
                ["await request.receive_body()", "body = request.body"],
                ["c = await request.stream.read()", "body = c or b''",
                 "body = b'first ' + str(len(body) > 0).encode()"],
                ["body = b'unread'"],
                ["body = b''", "async for c in request.stream:", "    body += c",
                 "await request.receive_body()", "body += b'|' + request.body"],
            ])
            methods = rnd.choice([["POST"], ["POST", "PUT"], ["GET", "POST"]])
            L.append(f"@app.route({path!r}, methods={methods!r}, stream=True)")
            L.append(f"async def h{i}(request):")
            L += ["    " + line for line in reader]
            L.append("    return text(_digest(body) + ' ' + str(request.headers.get('transfer-encoding')))")
        elif kind == "body":
            methods = ["POST", "PUT"]
            L.append(f"@app.route({path!r}, methods={methods!r})")
            L.append(f"async def h{i}(request):")
            L.append("    return text(_digest(request.body))")
        elif kind == "respond":
            kw = []
            if rnd.random() < 0.5:
                kw.append(f"status={rnd.choice([200, 201, 206, 404])}")
            if rnd.random() < 0.5:
                kw.append(f"content_type={rnd.choice(['text/csv', 'application/octet-stream'])!r}")
            if rnd.random() < 0.3:
                kw.append("headers={'x-s': 'yes', 'content-length': '3'}" if rnd.random() < 0.3
                          else "headers={'x-s': 'yes'}")
            body = []
            if rnd.random() < 0.3:
                body += ["b = b''", "async for c in request.stream:", "    b += c"]
            body.append(f"r = await request.respond({', '.join(kw)})")
            for _ in range(rnd.randint(0, 4)):
                body.append(f"await r.send({rnd.choice([repr('part'), repr(b'by'), repr(''), repr('x') + ' * 5000', repr('end')])})")
            body.append(rnd.choice(["await r.eof()", "return r", "pass", "await r.send('z', end_stream=True)",
                                    "await r.eof()\n    return r", "return text('after')",
                                    "await r.eof()\n    await r.send('late')",
                                    "raise E.ServerError('mid')"]))
            methods = rnd.choice([["GET"], ["GET", "POST"]])
            stream = "b = b''" in body
            L.append(f"@app.route({path!r}, methods={methods!r}{', stream=True' if stream else ''})")
            L.append(f"async def h{i}(request):")
            L += ["    " + line for line in body]
        else:  # ResponseStream
            parts = [rnd.choice(["'a'", "b'bb'", "''", "'x' * 3000", "'\u00fc'"]) for _ in range(rnd.randint(0, 3))]
            fn = [f"async def sfn{i}(response):"]
            fn += [f"    await response.write({p})" for p in parts] or ["    pass"]
            ending = rnd.choice(["", "", "    await response.eof()", "    raise ValueError('in stream')"])
            if ending:
                fn.append(ending)
            kw = []
            if rnd.random() < 0.4:
                kw.append(f"status={rnd.choice([200, 202, 500])}")
            if rnd.random() < 0.4:
                kw.append(f"content_type={rnd.choice(['text/csv', 'application/json'])!r}")
            if rnd.random() < 0.3:
                kw.append("headers={'x-s': 'rs'}")
            L += fn
            L.append(f"@app.get({path!r})")
            L.append(f"async def h{i}(request):")
            L.append(f"    return ResponseStream({', '.join([f'sfn{i}'] + kw)})")
            methods = ["GET"]
        routes.append({"path": path, "kind": kind, "methods": methods})
    if rnd.random() < 0.3:  # (drawn last: the draws above keep their values)
        L.insert(9, f"app.config.REQUEST_MAX_SIZE = {rnd.choice([50000, 150000])}")
    L = [line for line in L if line != ""]
    return {"source": "\n".join(L) + "\n", "statics": statics, "routes": routes}


def _pick_body(rnd: random.Random) -> bytes:
    n = rnd.choice([0, 1, 5, 100, 3000, 70000, 200000])
    return (bytes(range(97, 123)) * (n // 26 + 1))[:n]


def _cut(data: bytes, rnd: random.Random, parts: int) -> list[bytes]:
    if parts <= 1 or len(data) < 2:
        return [data]
    points = sorted(rnd.sample(range(1, len(data)), min(parts - 1, len(data) - 1)))
    return [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]


def gen_requests6(app: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 7321 + 66)
    reqs = []
    for _ in range(count):
        roll = rnd.random()
        method = "GET"
        kind = "static"
        if roll < 0.45 and app["statics"]:
            st = rnd.choice(app["statics"])
            if st["target"] in ("root", "sub"):
                name = rnd.choice(STATIC_TARGETS)
                if st["target"] == "sub" and rnd.random() < 0.6:
                    name = rnd.choice(["c.json", "index.html", "deep/", "deep/d.css", "", "../a.txt",
                                       "%2e%2e/a.txt", "..%2Fa.txt", "deep/..%5c..%5ca.txt"])
                target = st["uri"] + "/" + name
            else:
                target = st["uri"] + rnd.choice(["", "", "/", "/x", "/%2e%2e/a.txt", "/..", "?v=1"])
            if rnd.random() < 0.2:
                target = target.replace("/r6/", "/r6//", 1) if rnd.random() < 0.3 else target + "/"
        else:
            r = rnd.choice(app["routes"] + [{"path": "/r6/ping", "kind": "ping", "methods": ["GET"]}])
            kind = r["kind"]
            target = r["path"]
            method = rnd.choice(r["methods"])
            if rnd.random() < 0.1:
                target += rnd.choice(["/", "?a=1", "%2F"])
        m = rnd.random()
        if m < 0.2:
            method = "HEAD"
        elif m < 0.25:
            method = rnd.choice(["OPTIONS", "POST", "PUT", "DELETE"])
        head = [f"{method} {target} HTTP/1.1", "Host: x"]
        if kind in ("static", "file", "fstream") or rnd.random() < 0.1:
            if rnd.random() < 0.55:
                head.append("Range: " + rnd.choice(RANGES))
            if rnd.random() < 0.25:
                head.append("If-None-Match: " + rnd.choice(['*', '"abc"', 'W/"x"', '"a", *']))
            if rnd.random() < 0.3:
                head.append("If-Modified-Since: " + DATES[rnd.choice(list(DATES))])
            if rnd.random() < 0.2:
                head.append("If-Range: " + rnd.choice([DATES["same"], DATES["older"], DATES["newer"],
                                                       '"etag"', 'W/"w"', "junk"]))
            if rnd.random() < 0.1:
                head.append("If-Unmodified-Since: " + DATES[rnd.choice(list(DATES))])
            if rnd.random() < 0.08:
                head.append("If-Match: " + rnd.choice(['*', '"abc"']))
        if rnd.random() < 0.1:
            head.append("Accept: " + rnd.choice(["application/json", "text/html", "*/*"]))
        body = b""
        has_body = kind in ("upload", "body") and method in ("POST", "PUT") or (
            method in ("POST", "PUT") and rnd.random() < 0.5)
        chunked = False
        if has_body:
            body = _pick_body(rnd)
            if rnd.random() < 0.35:
                chunked = True
                head.append("Transfer-Encoding: chunked")
                pieces = _cut(body, rnd, rnd.randint(1, 4)) if body else []
                body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces if p) + b"0\r\n\r\n"
            else:
                head.append(f"Content-Length: {len(body)}")
            if rnd.random() < 0.25:
                head.append("Expect: 100-continue")
        version10 = rnd.random() < 0.05 and not chunked
        if version10:
            head[0] = head[0].replace("HTTP/1.1", "HTTP/1.0")
        second = rnd.random() < 0.4 and not version10
        if not second and not version10:
            head.append("Connection: close")
        raw = ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + body
        head_len = len(("\r\n".join(head) + "\r\n\r\n").encode("utf-8"))
        cuts: list[int] = []
        n_parts = rnd.choice([1, 1, 2, 3, 5])
        if n_parts > 1 and len(raw) > 2:
            cuts = sorted(set(rnd.sample(range(1, len(raw)), min(n_parts - 1, len(raw) - 1))))
        script = {
            "raw": raw.decode("latin-1"),
            "cuts": cuts,
            "expect": "\r\nExpect: 100-continue" in "\r\n".join(head),
            "head_len": head_len,
            "second": ("GET /r6/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" if second else None),
        }
        reqs.append("\r\n".join(head) + R6_MARK + json.dumps(script))
    return reqs


# ------------------------------------------------------------------------------ the client

def _first_end(data: bytes, head_only: bool) -> int | None:
    """Where the first final answer in data ends (None: not complete yet, or no framing)."""
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        return None
    head = data[:head_end]
    lines = head.split(b"\r\n")
    try:
        status = int(lines[0].split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        fields[name.strip().lower()] = value.strip()
    at = head_end + 4
    if head_only or status in (204, 304) or status < 200:
        return at
    if fields.get(b"transfer-encoding", b"").lower() == b"chunked":
        while True:
            end = data.find(b"\r\n", at)
            if end < 0:
                return None
            try:
                size = int(data[at:end].split(b";")[0], 16)
            except ValueError:
                return None
            at = end + 2
            if size == 0:
                trailer_end = data.find(b"\r\n\r\n", at - 2)
                return None if trailer_end < 0 else trailer_end + 4
            at += size + 2
            if at > len(data):
                return None
    if b"content-length" in fields:
        try:
            n = int(fields[b"content-length"])
        except ValueError:
            return None
        return at + n if len(data) >= at + n else None
    return None  # read to the close


def _parse(data: bytes, head_only: bool) -> dict[str, Any]:
    if not data:
        return {"status": None}
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    try:
        status = int(lines[0].split(b" ", 2)[1])
    except (IndexError, ValueError):
        return {"status": None, "raw": head[:80].decode("latin-1")}
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        key, text = name.decode("latin-1").strip().lower(), value.decode("latin-1").strip()
        if key in headers:
            text = headers[key] + " || " + text
        headers[key] = text
    framing = "length" if "content-length" in headers else "none"
    if headers.get("transfer-encoding", "").lower() == "chunked":
        framing = "chunked"
        out, rest = b"", body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            try:
                size = int(size_line.split(b";")[0], 16)
            except ValueError:
                out += b"<bad chunk>"
                break
            if size == 0:
                break
            out += rest[:size]
            rest = rest[size + 2:]
        body = out
    return {"status": status, "reason": lines[0].split(b" ", 2)[-1].decode("latin-1"),
            "headers": headers, "body": body.decode("utf-8", "replace"), "bytes": len(body),
            "sha": hashlib.sha1(body).hexdigest()[:12], "framing": framing}


async def exchange6(port: int, raw_req: str, timeout: float) -> dict[str, Any]:
    """Send the request in its parts (the body after a 100 when it expects one), read the
    first answer, then send the second request if the connection is still open."""
    script = json.loads(raw_req.partition(R6_MARK)[2])
    raw = script["raw"].encode("latin-1")
    head_only = raw.startswith(b"HEAD ")
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except (OSError, asyncio.TimeoutError):
        return {"status": None, "raw": "<no connection>"}
    end = time.monotonic() + timeout
    data = b""
    closed = False

    async def read_some(limit: float) -> bool:
        nonlocal data, closed
        try:
            chunk = await asyncio.wait_for(reader.read(65536), max(0.01, min(limit, end - time.monotonic())))
        except asyncio.TimeoutError:
            return False
        except OSError:
            closed = True
            return False
        if not chunk:
            closed = True
            return False
        data += chunk
        return True

    pieces = [raw[a:b] for a, b in zip([0, *script["cuts"]], [*script["cuts"], len(raw)], strict=True)]
    interim: list[str] = []
    sent = 0
    try:
        for piece in pieces:
            if script["expect"] and sent < script["head_len"] <= sent + len(piece):
                # the head ends in this piece: send it, wait for an answer (up to 0.5 s)
                cut = script["head_len"] - sent
                writer.write(piece[:cut])
                await writer.drain()
                wait_end = time.monotonic() + 0.5
                while time.monotonic() < wait_end and b"\r\n\r\n" not in data and not closed:
                    await read_some(wait_end - time.monotonic())
                while data.startswith(b"HTTP/1.1 100") and b"\r\n\r\n" in data:
                    interim.append("100")
                    data = data.partition(b"\r\n\r\n")[2]
                if data or closed:
                    break  # a final answer before the body: the body is not sent
                piece = piece[cut:]
            if piece:
                writer.write(piece)
                await writer.drain()
            sent += len(piece)
            await asyncio.sleep(0.03)
    except OSError:
        pass  # (the server stopped reading: what it answered may still be there to read)
    first_end = None
    while time.monotonic() < end and not closed:
        while data.startswith(b"HTTP/1.1 100") and b"\r\n\r\n" in data:
            interim.append("100")
            data = data.partition(b"\r\n\r\n")[2]
        first_end = _first_end(data, head_only)
        if first_end is not None:
            break
        await read_some(end - time.monotonic())
    if first_end is None:
        first_end = _first_end(data, head_only)
    first, rest = (data, b"") if first_end is None else (data[:first_end], data[first_end:])
    answer = _parse(first, head_only)
    if interim and answer.get("headers") is not None:
        answer["interim"] = ",".join(interim)
    if rest:
        answer["extra"] = rest[:60].decode("latin-1")
    if script["second"] is not None:
        if closed:
            answer["next"] = {"status": None, "raw": "<closed>"}
        else:
            data = b""
            try:
                writer.write(script["second"].encode("latin-1"))
                await writer.drain()
                end = time.monotonic() + timeout
                while time.monotonic() < end and await read_some(end - time.monotonic()):
                    pass
            except OSError:
                pass
            answer["next"] = _parse(data, False) if data else {"status": None, "raw": "<closed>"}
    else:
        # was the connection closed after the answer (given `Connection: close`, or 1.0)?
        if not closed and time.monotonic() < end:
            await read_some(min(0.5, end - time.monotonic()))
        answer["closed"] = closed
    writer.close()
    return answer


# ------------------------------------------------------------------------------ comparing

ROOT_RE = re.compile(r"/tmp/r6(root|out)\w+")


def normal6(answer: dict[str, Any], normal: Any) -> dict[str, Any]:
    """What is compared of a sixth-round answer."""
    if answer.get("status") is None:
        return {"status": None, "raw": answer.get("raw")}
    base = normal(answer)
    out: dict[str, Any] = {"status": answer["status"]}
    headers = answer["headers"]
    for name, value in sorted(headers.items()):
        if name == "allow":  # Sanic's order changes from run to run (kept, README)
            value = ",".join(sorted(v.strip() for v in value.split(",")))
        if name == "expires":  # (now plus max_age: the second may differ by nature)
            value = "<now + max_age>"
        if name not in IGNORED_HEADERS:
            out["h:" + name] = value
    if answer["status"] >= 400 or "<title>Directory Viewer</title>" in answer["body"]:
        out["body"] = ROOT_RE.sub("<tmp>", base.get("body", ""))
        if "content-length" not in base:  # (an HTML page: its styling differs, README)
            out.pop("h:content-length", None)
    else:
        out["body"] = f"{answer['bytes']} {answer['sha']} {answer['body'][:40]!r}"
        out["framing"] = answer["framing"]
    for key in ("interim", "closed", "extra"):
        if key in answer:
            out[key] = answer[key]
    if "next" in answer:
        out["next"] = normal6(answer["next"], normal)
    return out
