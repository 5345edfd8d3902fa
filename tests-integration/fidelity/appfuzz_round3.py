"""Third-round additions to ``appfuzz.py``'s random apps (README, "Random apps, third round").

``gen_extras3`` appends app routes on ``/zz`` and ``gen_extra_requests3`` writes requests
aimed at them; both draw from their own ``random.Random`` so a seed's first- and
second-round apps and requests stay the same.

What is covered: request bodies (urlencoded and multipart forms with repeated keys, files
with odd filenames, JSON valid and invalid, ``request.load_json(loads=...)``, empty bodies
with ``Content-Length: 0``, chunked bodies), ``stream=True`` routes reading
``request.stream``, handlers answering with ``await request.respond()`` and ``send``
(headers, content type, status), cookies set with attributes and deleted (``add_cookie``,
``delete_cookie``), ``file``/``file_stream`` of a temporary file with ``filename=`` and
``mime_type=`` and ``Range``/``If-None-Match``/``If-Modified-Since`` request headers, and
``Expect: 100-continue``. ``normal3`` compares a few more headers than the first rounds.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

PREFIX = "/zz"
EXTRA_HEADERS = ("set-cookie", "content-disposition", "content-range", "accept-ranges",
                 "x-interim", "x-s", "cache-control", "last-modified", "etag",
                 "transfer-encoding")

ECHOES = {
    "form": "{'form': {k: request.form.getlist(k) for k in (request.form or {})},"
            " 'files': {k: [[f.name, f.type, f.body.decode('latin-1')]"
            " for f in request.files.getlist(k)] for k in (request.files or {})},"
            " 'ct': request.content_type}",
    "json": "{'json': request.json}",
    "loads": "{'custom': request.load_json(loads=_r3loads)}",
    "getform": "{'f': dict(request.get_form(keep_blank_values=True)),"
               " 'raw': request.get_form(keep_blank_values=True).getlist('a'),"
               " 'files': {k: [f.name for f in v] for k, v in (request.files or {}).items()}}",
    "body": "{'body': request.body.decode('latin-1'), 'len': len(request.body),"
            " 'cl': request.headers.get('content-length'),"
            " 'te': request.headers.get('transfer-encoding'), 'args': request.args}",
}
COOKIE_CALLS = [
    "r.add_cookie('k', 'v')",
    "r.add_cookie('k', 'v w', path='/p', max_age=10, secure=True, httponly=True)",
    "r.add_cookie('k', 'v', domain='example.com', samesite='Strict')",
    "r.add_cookie('k', 'v', samesite=None, secure=False)",
    "r.add_cookie('k', 'v', samesite='None', secure=True, partitioned=True)",
    "r.add_cookie('s', '1', host_prefix=True)",
    "r.add_cookie('s', '1', secure_prefix=True)",
    "r.add_cookie('c', 'a;b\"c')",
    "r.add_cookie('k', 'v', comment='note', max_age=0)",
    "r.add_cookie('k', '1'); r.add_cookie('k', '2', path='/x')",
    "r.delete_cookie('gone')",
    "r.delete_cookie('gone', path='/p', domain='example.com')",
    "r.delete_cookie('s', host_prefix=True)",
    "r.add_cookie('k', 'v'); r.delete_cookie('k')",
    "r.cookies['legacy'] = 'x'",
    "r.cookies.add_cookie('k', 'v', expires=_r3when)",
]
DOWNLOAD_NAMES = ["down.bin", "a b.txt", "ü.txt", 'q"x.csv', ""]
FILE_NAMES = ["data.txt", "report.pdf", "noext", "arch.tar.gz", "page.html", "ü name.json"]


def gen_extras3(seed: int) -> tuple[list[str], dict[str, Any]]:
    """Source lines to append to the app and a description of its /zz routes."""
    rnd = random.Random(seed * 7907 + 11)
    fname = rnd.choice(FILE_NAMES)
    L: list[str] = [
        "import atexit as _r3atexit, datetime as _r3dt, json as _r3json, os as _r3os",
        "import shutil as _r3shutil, tempfile as _r3tempfile",
        "from sanic.response import file as _r3file, file_stream as _r3file_stream",
        "_R3DIR = _r3tempfile.mkdtemp(prefix='appfuzz3')",
        "_r3atexit.register(_r3shutil.rmtree, _R3DIR, True)",
        f"_R3FILE = _r3os.path.join(_R3DIR, {fname!r})",
        "with open(_R3FILE, 'wb') as _fh:",
        "    _fh.write(bytes(range(48, 123)) * 20)",
        "_r3os.utime(_R3FILE, (1700000000, 1700000000))",
        "_r3when = _r3dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=_r3dt.timezone.utc)",
        "from sanic.handlers import ContentRangeHandler as _R3CRH",
        "from sanic.exceptions import HeaderNotFound as _R3HNF",
        "async def _r3range(request):",
        "    try:",
        "        return _R3CRH(request, _r3os.stat(_R3FILE))",
        "    except _R3HNF:",
        "        return None",
        "def _r3loads(s):",
        rnd.choice(["    return {'custom': _r3json.loads(s, parse_float=str)}",
                    "    return {'len': len(s), 'type': type(s).__name__}",
                    "    raise ValueError('no json here')"]),
    ]
    routes: list[dict[str, Any]] = []

    def add(kind: str, deco_kw: list[str], body: list[str], methods: list[str]) -> None:
        i = len(routes)
        path = f"{PREFIX}/{kind}{i}"
        L.append(f"@app.route({path!r}{''.join(', ' + k for k in deco_kw)})")
        L.append(f"async def zz{i}(request):")
        L.extend("    " + b for b in body)
        routes.append({"path": path, "kind": kind, "methods": methods})

    for _ in range(rnd.randint(4, 8)):
        kind = rnd.choice(["echo", "echo", "echo", "stream", "respond", "cookie", "file", "file"])
        if kind == "echo":
            what = rnd.choice(list(ECHOES))
            methods = rnd.choice([["POST"], ["POST", "PUT"], ["GET", "POST"]])
            add(f"e{what}", [f"methods={methods!r}"], [f"return json({ECHOES[what]})"], methods)
        elif kind == "stream":
            reader = rnd.choice([
                ["body = b''", "while True:", "    c = await request.stream.read()",
                 "    if c is None:", "        break", "    body += c"],
                ["body = b''", "async for c in request.stream:", "    body += c"],
                ["await request.receive_body()", "body = request.body"],
                ["body = b'unread'"],
                ["c = await request.stream.read()", "body = c or b''"],
            ])
            methods = rnd.choice([["POST"], ["POST", "PUT"]])
            add("s", [f"methods={methods!r}", "stream=True"],
                reader + ["return text(f'{len(body)} {body[:60]!r} ' + str(request.body[:60]) + str(len(request.body)))"],
                methods)
        elif kind == "respond":
            kw = []
            if rnd.random() < 0.5:
                kw.append(f"status={rnd.choice([200, 201, 202, 206, 400, 418, 500])}")
            if rnd.random() < 0.5:
                kw.append(f"content_type={rnd.choice(['text/csv', 'application/json', 'text/plain; charset=latin-1'])!r}")
            if rnd.random() < 0.5:
                kw.append("headers={'x-s': 'yes', 'content-type': 'text/x-from-headers'}")
            body = [f"r = await request.respond({', '.join(kw)})"]
            if rnd.random() < 0.15:
                body = [f"r = await request.respond(text('whole', status=201){', ' if kw else ''}"
                        f"{', '.join(kw)})"]
            for _k in range(rnd.randint(0, 3)):
                body.append(f"await r.send({rnd.choice(['part', b'bytes', '', 'ü'])!r})")
            body.append(rnd.choice(["await r.eof()", "await r.send('end', end_stream=True)",
                                    "return r", "pass", "await r.send(end_stream=True)",
                                    "raise E.ServerError('late')", "return text('other')",
                                    "await r.eof(); await r.send('after')",
                                    "r.headers['x-s'] = 'late'",
                                    "await request.respond(status=202)"]))
            methods = rnd.choice([["GET"], ["GET", "POST"]])
            add("r", [f"methods={methods!r}"] if methods != ["GET"] else [], body, methods)
        elif kind == "cookie":
            calls = [rnd.choice(COOKIE_CALLS) for _ in range(rnd.randint(1, 2))]
            maker = rnd.choice(["text('ck')", "json({'ck': 1})", "empty()", "redirect('/a')"])
            add("c", [], [f"r = {maker}", *calls, "return r"], ["GET"])
        else:
            args = ["_R3FILE"]
            if rnd.random() < 0.5:
                args.append(f"filename={rnd.choice(DOWNLOAD_NAMES)!r}")
            if rnd.random() < 0.4:
                args.append(f"mime_type={rnd.choice(['application/x-foo', 'text/plain', 'text/html; charset=utf-8'])!r}")
            if rnd.random() < 0.2:
                args.append("status=203")
            if rnd.random() < 0.2:
                args.append("headers={'x-s': 'f'}")
            stream = rnd.random() < 0.4
            if stream:
                if rnd.random() < 0.5:
                    args.append(f"chunk_size={rnd.choice([7, 100, 4096])}")
                call = f"await _r3file_stream({', '.join(args)})"
            else:
                if rnd.random() < 0.2:
                    args.append("max_age=60")
                if rnd.random() < 0.2:
                    args.append("no_store=True")
                if rnd.random() < 0.2:
                    args.append("validate_when_requested=False")
                if rnd.random() < 0.4:
                    args.append("request_headers=request.headers")
                if rnd.random() < 0.2:
                    args.append(rnd.choice(["last_modified=None", "last_modified=_r3when"]))
                if rnd.random() < 0.3:
                    args.append("_range=await _r3range(request)")
                call = f"await _r3file({', '.join(args)})"
            methods = rnd.choice([["GET"], ["GET", "HEAD"]])
            add("f", [f"methods={methods!r}"] if methods != ["GET"] else [],
                [f"return {call}"], methods)
    return L, {"routes": routes, "prefix": PREFIX}


BOUNDARY = "zzBoundary42"


def _multipart(rnd: random.Random) -> tuple[str, str]:
    parts = []
    for _ in range(rnd.randint(0, 4)):
        name = rnd.choice(["a", "a", "b", "f", "f", "é"])
        if rnd.random() < 0.5:
            fn = rnd.choice(["x.txt", "", "dir/../y.txt", "ü.txt", 'q\\"uote.txt', "C:\\w\\z.txt",
                             "a b.txt", "*UTF-8''%C3%BC.txt"])
            disp = (f"form-data; name=\"{name}\"; filename*=UTF-8''%C3%BC.txt" if fn.startswith("*")
                    else f"form-data; name=\"{name}\"; filename=\"{fn}\"")
            ctype = rnd.choice(["text/plain", "application/octet-stream", None,
                                "text/plain; charset=utf-8"])
            head = f"Content-Disposition: {disp}\r\n"
            if ctype:
                head += f"Content-Type: {ctype}\r\n"
            parts.append(head + "\r\n" + rnd.choice(["file body", "", "line1\r\nline2", "ü"]))
        else:
            parts.append(f"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                         + rnd.choice(["v1", "", "ü", "two words"]))
    body = "".join(f"--{BOUNDARY}\r\n{p}\r\n" for p in parts) + f"--{BOUNDARY}--\r\n"
    return f"multipart/form-data; boundary={BOUNDARY}", body


def gen_extra_requests3(desc: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 6007 + 5)
    reqs = []
    for _ in range(count):
        r = rnd.choice(desc["routes"])
        roll = rnd.random()
        if roll < 0.75:
            method = rnd.choice(r["methods"])
        elif roll < 0.9:
            method = rnd.choice(["HEAD", "OPTIONS"])
        else:
            method = rnd.choice(["GET", "POST", "PUT"])
        path = r["path"]
        if rnd.random() < 0.15:
            path += rnd.choice(["?a=1&a=2", "?q=%20"])
        head = [f"{method} {path} HTTP/1.1", "Host: x", "Connection: close"]
        ct, body = None, None
        if method in ("POST", "PUT") or rnd.random() < 0.1:
            b = rnd.random()
            if b < 0.3:
                ct = rnd.choice(["application/x-www-form-urlencoded",
                                 "application/x-www-form-urlencoded; charset=utf-8"])
                body = rnd.choice(["a=1&a=2&b=&c=%20x+y&d", "x=%ZZ", "a=1;b=2", "é=ü", "",
                                   "a=1&&a=3&=v", "k=v" * 3])
            elif b < 0.55:
                ct, body = _multipart(rnd)
                if rnd.random() < 0.1:
                    ct = "multipart/form-data"  # no boundary
            elif b < 0.8:
                ct = rnd.choice(["application/json", "application/json; charset=utf-8",
                                 "text/plain", "application/vnd.api+json", None])
                body = rnd.choice(['{"a": [1, 2.5, null]}', "[1,2]", "{bad", "", '"str"',
                                   "1e400", "NaN", '{"a":1}{"b":2}', '{"ü": "é"}', " 3 "])
            else:
                ct = rnd.choice([None, "application/octet-stream", "text/plain"])
                body = rnd.choice(["", "raw bytes", "x" * 300, "y" * 70000])
        if ct:
            head.append(f"Content-Type: {ct}")
        if r["kind"] == "f" or rnd.random() < 0.1:
            if rnd.random() < 0.5:
                head.append("Range: " + rnd.choice(
                    ["bytes=0-9", "bytes=10-", "bytes=-5", "bytes=5000-6000", "bytes=3-2",
                     "bytes=0-1,5-6", "items=0-1"]))
            if rnd.random() < 0.3:
                head.append("If-None-Match: " + rnd.choice(['*', '"abc"', 'W/"x"']))
            if rnd.random() < 0.3:
                head.append("If-Modified-Since: " + rnd.choice(
                    ["Tue, 14 Nov 2023 22:13:20 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
                     "Sun, 06 Nov 2050 08:49:37 GMT", "garbage"]))
        if body is not None and rnd.random() < 0.2:
            head.append("Expect: 100-continue")
        payload = ""
        if body is not None:
            data = body.encode("utf-8")
            if rnd.random() < 0.2 and data:
                head.append("Transfer-Encoding: chunked")
                cut = rnd.randint(0, len(body))
                chunks = [c for c in (body[:cut], body[cut:]) if c]
                ext = rnd.choice(["", ";ext=1"])
                payload = "".join(f"{len(c.encode('utf-8')):x}{ext}\r\n{c}\r\n"
                                  for c in chunks) + "0\r\n" + rnd.choice(["", "X-T: 1\r\n"]) + "\r\n"
            else:
                head.append(f"Content-Length: {len(data)}")
                payload = body
        if method != "HEAD" and rnd.random() < 0.2:
            # kept alive, a second request on the same connection (after the body,
            # whether the route read it or not)
            head.remove("Connection: close")
            follow = rnd.choice(desc["routes"])["path"]
            payload += f"GET {follow} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        elif "Transfer-Encoding: chunked" not in head and rnd.random() < 0.1:
            head[0] = head[0].replace(" HTTP/1.1", " HTTP/1.0")  # (streamed answers unframed)
        reqs.append("\r\n".join(head) + "\r\n\r\n" + payload)
    return reqs


def split_first(data: bytes) -> tuple[bytes, bytes]:
    """The first response of data (by its framing) and what follows it."""
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        return data, b""
    lines = head.split(b"\r\n")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        fields[name.strip().lower()] = value.strip()
    try:
        status = int(lines[0].split(b" ", 2)[1])
    except (IndexError, ValueError):
        return data, b""
    if status in (204, 304) or 100 <= status < 200:
        return head + sep, rest
    if fields.get(b"transfer-encoding", b"").lower() == b"chunked":
        at = 0
        while True:
            end = rest.find(b"\r\n", at)
            if end < 0:
                return data, b""
            try:
                size = int(rest[at:end].split(b";")[0], 16)
            except ValueError:
                return data, b""
            at = end + 2
            if size == 0:
                trailer_end = rest.find(b"\r\n\r\n", at - 2)
                if trailer_end < 0:
                    return data, b""
                at = trailer_end + 4
                return head + sep + rest[:at], rest[at:]
            at += size + 2
    if b"content-length" in fields:
        n = int(fields[b"content-length"])
        return head + sep + rest[:n], rest[n:]
    return data, b""


def strip_interim(data: bytes) -> tuple[bytes, str]:
    """Leading interim (1xx, not 101) answers taken off, and their codes."""
    codes = []
    while data.startswith(b"HTTP/1.1 1") and not data.startswith(b"HTTP/1.1 101"):
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            break
        codes.append(head[9:12].decode("latin-1"))
        data = rest
    return data, ",".join(codes)


def normal3(answer: dict[str, Any], base: dict[str, Any],
            normal: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    """What is compared of a third-round answer: ``appfuzz.normal``'s (``base``) and a few
    headers, and the answer to a second request on the connection (``next``)."""
    if base.get("status") is None:
        return base
    out = dict(base)
    if "next" in answer:
        out["next"] = normal3(answer["next"], normal(answer["next"]), normal)
    for name in EXTRA_HEADERS:
        if name in answer["headers"]:
            out[name] = answer["headers"][name]
    return out
