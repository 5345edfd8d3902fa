"""Errors, rendered and handled (third audit): random small apps x requests, Hurtle against
real Sanic 25.12, black box, every answer compared byte for byte (but `date`).

From a seed, ``gen_app`` writes an app whose routes (``/e<i>``, on the app or on one of two
blueprints) each raise one drawn exception at one drawn place: the handler, an app request
or response middleware, a blueprint's ``on_request``/``on_response``, a signal handler the
handler awaits (``app.dispatch(..., inline=True)``), a websocket handler before it sends or
receives, a streaming handler after ``request.respond()`` sent its head. The exception is
any ``sanic.exceptions`` class with drawn constructor arguments (message None/str/bytes/
non-ASCII/empty, ``status_code``, ``quiet``, ``context``, ``extra``, ``headers``, and each
class's own arguments), a plain Python exception, one whose ``__str__`` raises, or a
subclass with class-level ``status_code``/``message``/``quiet``/``headers``. Renderers:
``FALLBACK_ERROR_FORMAT`` (unset/auto/html/json/text), a route's ``error_format=``, DEBUG,
``NOISY_EXCEPTIONS``; handling: ``@app.exception`` with one class, several or a list, base
classes, a blueprint's handler for another blueprint's route, an ``ErrorHandler`` subclass
with ``default()``/``log()``, ``app.error_handler.add``, handlers that return ``None`` or a
non-response, raise again or re-raise.

``gen_requests`` sends each route GET (and HEAD, POST with a JSON body, websocket
upgrades) under drawn ``Accept`` fields. Each app runs under each interpreter through
``appfuzz.py``'s ``--serve`` (one subprocess each, fresh sockets). Compared: status, every
header but ``date`` (content-length too) and the body; in DEBUG the traceback frames are
dropped (Hurtle's frames differ, kept before); an HTML page is compared by its title,
headings and visible text (its markup differs, kept before).

    .venv/bin/python tests-integration/fidelity/errors3/errfuzz.py --apps 10 --seed 1
    .venv/bin/python tests-integration/fidelity/errors3/errfuzz.py --show-app 3

Labels for kept causes are ``KEPT`` below; exit status 1 when a difference is unlabelled.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import html
import json
import os
import random
import re
import sys
import time
from collections import defaultdict
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import appfuzz  # noqa: E402  (the serving machinery: --serve, run_side)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
WORK = os.environ.get("ERRFUZZ_WORK", "/tmp/errfuzz3")

# ------------------------------------------------------------------------------ generation

MESSAGES = ["", "None", "'msg here'", "b'bytes msg'", "'non-ASCII é ✓ 日本'", "''",
            "'<b>tag & \"q\"</b>'", "'two\\nlines'"]
PLAIN_CLASSES = ["SanicException", "NotFound", "BadRequest", "InvalidUsage", "BadURL",
                 "ServerError", "InternalServerError", "ServiceUnavailable", "URLBuildError",
                 "RequestTimeout", "PayloadTooLarge", "HeaderNotFound", "InvalidHeader",
                 "ExpectationFailed", "HeaderExpectationFailed", "Forbidden",
                 "LoadFileException", "InvalidSignal", "WebsocketClosed", "HTTPException"]
WITH_STATUS = {"SanicException", "LoadFileException", "InvalidSignal", "WebsocketClosed"}
STATUSES = ["400", "404", "409", "418", "422", "451", "500", "503", "599", "200", "302"]
CONTEXTS = ["{'a': 1}", "{'key': 'vé', 'n': [1, 2]}", "{}", "{'nested': {'x': None}}",
            "{'b': True, 'f': 1.5}"]
HEADERS = ["{'x-h': 'v'}", "{'Retry-After': '5'}", "{'content-type': 'text/x-mine'}",
           "{'X-Two': 'a', 'x-three': '3'}", "{}", "{'WWW-Authenticate': 'Basic realm=\"z\"'}"]
PLAIN_PY = ["ValueError('v é')", "KeyError('k')", "RuntimeError()", "ZeroDivisionError('z')",
            "TypeError(b'tb')", "AssertionError()", "NotImplementedError('ni')",
            "Exception('a', 'b')", "OSError(2, 'nofile')", "LookupError()",
            "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'bad')", "Exception(None)",
            "BadStr('x')", "BadStrSanic('y')", "BadStrSanic()"]
CATCH = ["SanicException", "Exception", "NotFound", "BadRequest", "ServerError", "ValueError",
         "LookupError", "Forbidden", "ServiceUnavailable", "Unauthorized", "InvalidUsage",
         "KeyError", "ArithmeticError", "HTTPException"]
ACCEPTS = [None, "application/json", "text/html", "text/plain", "*/*",
           "text/html;q=0.5, application/json", "application/xml", "text/*",
           "application/json, text/html", "text/plain;q=0.2, text/html;q=0.1"]
CLASS_MSGS = ['"class msg"', '"cls é"', '""', "None"]
FORMATS = [None, "auto", "html", "json", "text"]


def gen_kwargs(rnd: random.Random, with_status: bool) -> list[str]:
    parts = []
    if with_status and rnd.random() < 0.5:
        parts.append(f"status_code={rnd.choice(STATUSES)}")
    if rnd.random() < 0.3:
        parts.append(f"quiet={rnd.choice(['True', 'False', 'None'])}")
    if rnd.random() < 0.4:
        parts.append(f"context={rnd.choice(CONTEXTS)}")
    if rnd.random() < 0.3:
        parts.append(f"extra={rnd.choice(CONTEXTS)}")
    if rnd.random() < 0.35:
        parts.append(f"headers={rnd.choice(HEADERS)}")
    return parts


def gen_exception(rnd: random.Random, classes: list[str]) -> str:
    kind = rnd.random()
    if kind < 0.5:
        name = rnd.choice(PLAIN_CLASSES)
        msg = rnd.choice(MESSAGES)
        args = [msg] if msg else []
        kw = gen_kwargs(rnd, name in WITH_STATUS)
        if name in WITH_STATUS and rnd.random() < 0.2 and msg:
            args.append(rnd.choice(STATUSES))
            kw = [k for k in kw if not k.startswith("status_code")]
        return f"E.{name}({', '.join(args + kw)})"
    if kind < 0.62:
        choice = rnd.randrange(5)
        kw = gen_kwargs(rnd, False)
        msg = rnd.choice(MESSAGES[1:])
        if choice == 0:
            meth = rnd.choice(["method='PUT', allowed_methods=['GET', 'POST']", "method='PUT'",
                               "allowed_methods=[]", "allowed_methods=('DELETE',)"])
            return f"E.MethodNotAllowed({', '.join([msg, meth] + kw)})"
        if choice == 1:
            extra = rnd.choice(["scheme='Basic', realm='r é'", "scheme='Bearer'", "",
                                "scheme='Digest', realm='x', qop='auth', nonce='n1'",
                                "realm='no scheme'"])
            return f"E.Unauthorized({', '.join([msg] + ([extra] if extra else []) + kw)})"
        if choice == 2:
            extra = rnd.choice(["path='/tmp/x.txt', relative_url='x.txt'", "", "path=None"])
            return f"E.FileNotFound({', '.join([msg] + ([extra] if extra else []) + kw)})"
        if choice == 3:
            return f"E.{rnd.choice(['RangeNotSatisfiable', 'ContentRangeError', 'InvalidRangeType'])}" \
                   f"({', '.join([msg] + kw)})"
        return f"E.PyFileError({', '.join([repr('conf.py')] + kw)})"
    if kind < 0.8:
        return rnd.choice(PLAIN_PY)
    cls = rnd.choice(classes)
    msg = rnd.choice(["", "None", "'inst msg'", "'ü inst'"])
    kw = gen_kwargs(rnd, False) if rnd.random() < 0.4 else []
    return f"{cls}({', '.join(([msg] if msg else []) + kw)})"


def gen_classes(rnd: random.Random) -> tuple[list[str], list[str]]:
    names, src = [], []
    for k in range(rnd.randint(1, 4)):
        base = rnd.choice(["E.SanicException", "E.NotFound", "E.BadRequest", "E.ServerError",
                           "E.Unauthorized", "E.Forbidden", "ValueError"])
        body = []
        if rnd.random() < 0.6:
            body.append(f"    status_code = {rnd.choice(STATUSES)}")
        if rnd.random() < 0.6:
            body.append(f"    message = {rnd.choice(CLASS_MSGS)}")
        if rnd.random() < 0.4:
            body.append(f"    quiet = {rnd.choice(['True', 'False'])}")
        if rnd.random() < 0.4:
            body.append(f"    headers = {rnd.choice(HEADERS)}")
        if base == "ValueError" and rnd.random() < 0.5:
            base = "E.SanicException, ValueError"
        name = f"C{k}"
        src.append(f"class {name}({base}):\n" + ("\n".join(body) or "    pass") + "\n")
        names.append(name)
    return names, src


def handler_body(rnd: random.Random, tag: str) -> list[str]:
    """Body lines of an exception handler (arguments request, exception)."""
    what = rnd.random()
    if what < 0.35:
        return [f"    return text(f'{tag} {{type(exception).__name__}} "
                f"{{getattr(exception, \"status_code\", \"-\")}}', status=getattr(exception, 'status_code', 500))"]
    if what < 0.5:
        return [f"    return json({{'h': '{tag}', 'type': type(exception).__name__, "
                "'args': [repr(a) for a in exception.args]}, status=299)"]
    if what < 0.6:
        return ["    return None"]
    if what < 0.68:
        return ["    return 'not a response'"]
    if what < 0.78:
        return [f"    raise E.ServerError('{tag} again')"]
    if what < 0.86:
        return ["    raise exception"]
    if what < 0.93:
        return ["    return request.app.error_handler.default(request, exception)"]
    return ["    raise ValueError('plain in handler')"]


SITES_HTTP = ["handler", "handler", "handler", "reqmw", "respmw", "bpreq", "bpresp", "signal"]


def gen_app(seed: int) -> dict[str, Any]:
    rnd = random.Random(seed * 7919 + 3)
    classes, class_src = gen_classes(rnd)
    lines = [
        "import asyncio",
        "from sanic import Sanic, Blueprint",
        "from sanic import exceptions as E",
        "from sanic.handlers import ErrorHandler",
        "from sanic.response import text, json, html, empty",
        "",
        "",
        "class BadStr(Exception):",
        "    def __str__(self):",
        "        raise RuntimeError('no str')",
        "",
        "",
        "class BadStrSanic(E.SanicException):",
        "    def __str__(self):",
        "        raise RuntimeError('no str')",
        "",
        "",
    ]
    for s in class_src:
        lines += [s, ""]
    eh = rnd.random() < 0.35
    if eh:
        lines += ["class EH(ErrorHandler):"]
        mode = rnd.choice(["all", "some", "super", "field", "raise"])
        lines += ["    def default(self, request, exception):"]
        if mode == "all":
            lines += ["        return text(f'EH {type(exception).__name__}', status=getattr(exception, 'status_code', 500))"]
        elif mode == "some":
            lines += ["        if isinstance(exception, (E.NotFound, ValueError)):",
                      "            return text('EH some', status=410)",
                      "        return super().default(request, exception)"]
        elif mode == "super":
            lines += ["        return super().default(request, exception)"]
        elif mode == "field":
            lines += ["        r = super().default(request, exception)",
                      "        r.headers['x-eh'] = type(exception).__name__",
                      "        return r"]
        else:
            lines += ["        if request.args.get('ehraise'):",
                      "            raise RuntimeError('eh raised')",
                      "        return super().default(request, exception)"]
        logmode = rnd.choice(["none", "super", "raise", "record"])
        if logmode != "none":
            lines += ["", "    def log(self, request, exception):"]
            lines += {"super": ["        super().log(request, exception)"],
                      "raise": ["        raise RuntimeError('log raised')"],
                      "record": ["        request.ctx.logged = type(exception).__name__"]}[logmode]
        lines += ["", ""]
    ctor = f"Sanic('Err3_{seed}'" + (", error_handler=EH()" if eh else "") + ")"
    lines += [f"app = {ctor}"]
    fmt = rnd.choice(FORMATS)
    if fmt:
        lines.append(f"app.config.FALLBACK_ERROR_FORMAT = {fmt!r}")
    debug = rnd.random() < 0.3
    if rnd.random() < 0.3:
        lines.append(f"app.config.NOISY_EXCEPTIONS = {rnd.choice(['True', 'False'])}")
    lines += ["bp1 = Blueprint('bp1', url_prefix='/b1')", "bp2 = Blueprint('bp2', url_prefix='/b2')", ""]
    routes = []
    reqmw, respmw, bpreq, bpresp = [], [], {"bp1": [], "bp2": []}, {"bp1": [], "bp2": []}
    for i in range(rnd.randint(4, 9)):
        owner = rnd.choice(["app", "app", "bp1", "bp2"])
        kind = rnd.choices(["http", "ws", "stream"], [8, 1, 1])[0]
        site = rnd.choice(SITES_HTTP) if kind == "http" else rnd.choice(["handler", "handler", "reqmw"])
        if site in ("bpreq", "bpresp") and owner == "app":
            site = "handler"
        exc = gen_exception(rnd, classes)
        prefix = {"app": "", "bp1": "/b1", "bp2": "/b2"}[owner]
        path = f"{prefix}/e{i}"
        efmt = rnd.choice(FORMATS + [None, None]) if kind == "http" else None
        deco_args = f"'/e{i}'" + (f", error_format={efmt!r}" if efmt else "")
        if kind == "http":
            deco_args += ", methods=['GET', 'POST', 'HEAD']"
        raise_here = f"        raise {exc}"
        if kind == "ws":
            lines += [f"@{owner}.websocket('/e{i}')", f"async def h{i}(request, ws):"]
            lines += [raise_here.replace("        ", "    ", 1) if site == "handler" else "    await ws.send('hi')"]
        elif kind == "stream":
            lines += [f"@{owner}.get({deco_args})", f"async def h{i}(request):",
                      "    r = await request.respond(content_type='text/plain')",
                      "    await r.send('part1')", f"    raise {exc}"]
            site = "stream"
        elif site == "signal":
            lines += [f"@app.signal('err3.ev.e{i}')", f"async def sig{i}(**kw):", f"    raise {exc}", "",
                      f"@{owner}.route({deco_args})", f"async def h{i}(request):",
                      f"    await request.app.dispatch('err3.ev.e{i}', inline=True)",
                      "    return text('after signal')"]
        elif site == "handler":
            lines += [f"@{owner}.route({deco_args})", f"{'async ' if rnd.random() < 0.8 else ''}def h{i}(request):",
                      f"    raise {exc}"]
        else:
            lines += [f"@{owner}.route({deco_args})", f"async def h{i}(request):", "    return text('ok')"]
            {"reqmw": reqmw, "respmw": respmw}.get(site, (bpreq if site == "bpreq" else bpresp).get(owner, [])).append((path, exc))
        lines += ["", ""]
        routes.append({"path": path, "kind": kind, "site": site, "exc": exc, "owner": owner})
    # middleware
    if reqmw or rnd.random() < 0.3:
        lines += ["@app.on_request", "async def reqmw(request):"]
        for path, exc in reqmw:
            lines += [f"    if request.path == {path!r}:", f"        raise {exc}"]
        lines += ["    request.ctx.seen = 1", "", ""]
    resp_field = rnd.random() < 0.6
    if respmw or resp_field:
        lines += ["@app.on_response", "async def respmw(request, response):"]
        for path, exc in respmw:
            lines += [f"    if request.path == {path!r}:", f"        raise {exc}"]
        if resp_field:
            lines += ["    response.headers['x-rmw'] = str(response.status) + ':' + str(getattr(request.ctx, 'logged', '-'))"]
        lines += ["", ""]
    for bp in ("bp1", "bp2"):
        if bpreq[bp]:
            lines += [f"@{bp}.on_request", f"async def {bp}_req(request):"]
            for path, exc in bpreq[bp]:
                lines += [f"    if request.path == {path!r}:", f"        raise {exc}"]
            lines += ["", ""]
        if bpresp[bp]:
            lines += [f"@{bp}.on_response", f"async def {bp}_resp(request, response):"]
            for path, exc in bpresp[bp]:
                lines += [f"    if request.path == {path!r}:", f"        raise {exc}"]
            lines += ["", ""]
    # exception handlers
    used: dict[str, set[str]] = defaultdict(set)
    for k in range(rnd.randint(0, 4)):
        owner = rnd.choice(["app", "app", "bp1", "bp2", "add"])
        picks = rnd.sample(CATCH + classes, rnd.randint(1, 2))
        picks = [p if p in ("Exception", "ValueError", "LookupError", "KeyError", "ArithmeticError")
                 or p in classes else f"E.{p}" for p in picks]
        if any(p in used[owner if owner != "add" else "app"] for p in picks):
            continue
        used[owner if owner != "add" else "app"].update(picks)
        body = handler_body(rnd, f"x{k}")
        if owner == "add":
            lines += [f"def xh{k}(request, exception):"] + body + [
                f"app.error_handler.add({picks[0]}, xh{k})", "", ""]
            continue
        form = rnd.choice(["args", "list"]) if len(picks) > 1 else "args"
        deco = f"({', '.join(picks)})" if form == "args" else f"([{', '.join(picks)}])"
        lines += [f"@{owner}.exception{deco}", f"{'async ' if rnd.random() < 0.6 else ''}def xh{k}(request, exception):"]
        lines += body + ["", ""]
    lines += ["app.blueprint(bp1)", "app.blueprint(bp2)", ""]
    if debug:
        lines += ["@app.before_server_start", "async def debug_on(app, loop):",
                  "    from sanic.application.constants import Mode",
                  "    app.state.mode = Mode.DEBUG", "    app.config.DEBUG = True", ""]
    return {"source": "\n".join(lines) + "\n", "routes": routes, "debug": debug}


def gen_requests(app: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 104729 + 11)
    out = []
    routes = app["routes"]
    for n in range(count):
        route = routes[n % len(routes)] if n < 2 * len(routes) else rnd.choice(routes)
        path = route["path"]
        if rnd.random() < 0.08:
            path = rnd.choice(["/missing", "/b1/missing", "/b2/nope"])
        head = []
        accept = rnd.choice(ACCEPTS)
        if accept:
            head.append(f"Accept: {accept}")
        if route["kind"] == "ws" and rnd.random() < 0.7 and path == route["path"]:
            head += ["Upgrade: websocket", "Connection: Upgrade",
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"]
            method, body = "GET", ""
        else:
            method = rnd.choices(["GET", "HEAD", "POST", "PUT"], [6, 1, 2, 1])[0]
            body = ""
            if method == "POST":
                body = rnd.choice(['{"a": 1}', "a=1", ""])
                head.append("Content-Type: " + ("application/json" if body.startswith("{") or rnd.random() < 0.3
                                                else "application/x-www-form-urlencoded"))
                head.append(f"Content-Length: {len(body.encode())}")
        query = "?ehraise=1" if rnd.random() < 0.15 else ""
        out.append(f"{method} {path}{query} HTTP/1.1\r\nHost: x\r\n" + "".join(h + "\r\n" for h in head)
                   + ("" if "Upgrade: websocket" in head else "Connection: close\r\n") + "\r\n" + body)
    return out


# ------------------------------------------------------------------------------ comparing

# a frame of the debug text page: "    File PATH, line N, in NAME", its code line, a blank line
# a Python traceback's frame: its File line and the indented source (and caret) lines below
PY_FRAME_RE = re.compile(r'^  File "[^\n]*\n(?:    [^\n]*\n)*', re.M)
FRAME_RE = re.compile(r"^    File [^\n]*, line \d+, in [^\n]*\n(?:    [^\n]*\n)?\n?", re.M)
# the HTML page's own sentences (each server words its apology and footer itself)
HTML_OWN_RE = re.compile(r"We're sorry, but it looks like .*? patience\.|Something went wrong while"
                         r" handling this request\. Try again in a moment\.|powered by .*")


def drop_frames(body: str) -> str:
    """The debug text page without its frames' lines (indented lines of the traceback)."""
    out, in_tb = [], False
    for line in body.split("\n"):
        if line.startswith("Traceback of "):
            in_tb = True
        elif line in ("Context", "Extra"):
            in_tb = False
        if in_tb and line.startswith("    "):
            continue
        out.append(line)
    return "\n".join(out)


def visible(body: str) -> str:
    body = re.sub(r"<(style|script)\b.*?</\1>", "", body, flags=re.S)
    text_ = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text_.split())


def normal(answer: dict[str, Any], debug: bool) -> dict[str, Any]:
    if answer.get("status") is None:
        return {"status": None, "raw": answer.get("raw", "")}
    headers = dict(answer["headers"])
    headers.pop("date", None)
    out: dict[str, Any] = {"status": answer["status"]}
    body = answer["body"]
    ctype = headers.get("content-type", "")
    if "allow" in headers:  # Sanic's order changes from run to run (kept before)
        headers["allow"] = ", ".join(sorted(v.strip() for v in headers["allow"].split(",")))
    if (answer["status"] >= 400 and ctype.startswith("text/html")) or body.startswith("<!DOCTYPE html><html lang=en id=sanic>"):
        headers.pop("content-length", None)  # follows the markup (kept before)
        if debug:  # the debug page's traceback markup differs (kept before): title and h1
            found = re.findall(r"<title>(.*?)</title>|<h1>(.*?)</h1>", body, re.S)
            body = " | ".join(html.unescape(p) for parts in found for p in parts if p)
        else:
            body = HTML_OWN_RE.sub("", visible(body)).strip()
    elif debug and body.startswith("Error while handling error: ") and "\nStack: Traceback" in body:
        # the last-resort 500's Python traceback: each server's frames (kept before)
        headers.pop("content-length", None)
        body = PY_FRAME_RE.sub("", body)
    elif debug and not ctype.startswith("application/json") and "\nTraceback of " in body:
        # the text page, also under a content-type the exception's headers= set
        headers.pop("content-length", None)
        body = drop_frames(FRAME_RE.sub("", body))
    elif debug and ctype.startswith("application/json") and '"exceptions"' in body:
        headers.pop("content-length", None)
        try:
            doc = json.loads(body)
            for exc in doc.get("exceptions", []) if isinstance(doc, dict) else []:
                exc.pop("frames", None)
            body = json.dumps(doc, sort_keys=True)
        except ValueError:
            pass
    out["headers"] = headers
    out["body"] = body
    return out


def _only(a: dict[str, Any], b: dict[str, Any], *names: str) -> bool:
    """True when a and b differ in the named header fields (or "BODY") only."""
    ha, hb = dict(a.get("headers", {})), dict(b.get("headers", {}))
    for n in names:
        ha.pop(n, None)
        hb.pop(n, None)
    return a.get("status") == b.get("status") and ha == hb and (
        "BODY" in names or a.get("body") == b.get("body"))


KEPT: list[tuple[str, Any]] = [
    # listed before (README, "Differences kept on purpose"): `None` is no media type
    ("content-type: None on the last-resort 500 (RFC 9110 8.3)",
     lambda req, a, b, src: a.get("headers", {}).get("content-type") == "None"
     and (_only(a, b, "content-type")
          # (HEAD of a DEBUG one: its length follows the traceback frames, kept before)
          or (req.startswith("HEAD ") and "Mode.DEBUG" in src
              and _only(a, b, "content-type", "content-length")))),
    # the HTML page's markup (kept before); HEAD shows it only by the length
    ("HEAD of an HTML error page: its length follows the markup",
     lambda req, a, b, src: req.startswith("HEAD ") and (a.get("status") or 0) >= 400
     and int(a.get("headers", {}).get("content-length", "0")) > 20000 and _only(a, b, "content-length")),
    # after the 101 and its close frame (1011), Sanic writes an HTTP/1.1 500 onto the
    # websocket stream; RFC 6455 5.5.1: nothing follows a Close frame
    ("websocket handler error: no HTTP response after the close frame (RFC 6455 5.5.1)",
     lambda req, a, b, src: a.get("status") == 101 and "HTTP/1.1 500" in a.get("body", "")
     and "HTTP/1.1" not in b.get("body", "") and _only(a, b, "BODY")
     and a["body"].split("HTTP/1.1")[0] == b["body"]),
    # the debug page's traceback shows Hurtle's frames (kept before); HEAD shows it by the length
    ("HEAD of a debug error page: its length follows the traceback frames",
     lambda req, a, b, src: req.startswith("HEAD ") and "Mode.DEBUG" in src
     and _only(a, b, "content-length")),
    # an ErrorHandler subclass whose log() or default() raises, in DEBUG: Sanic's debug 500 names an
    # AttributeError of its own (`'NoneType' object has no attribute '__name__'`), or, after
    # an exception handler raised again, its connection task fails and the connection drops;
    # Hurtle's 500 names the error log() or default() raised
    ("ErrorHandler.log()/default() raising: Sanic names its own AttributeError or drops the connection",
     lambda req, a, b, src: ("raise RuntimeError('log raised')" in src
                             or ("raise RuntimeError('eh raised')" in src and "ehraise=1" in req))
     and b.get("status") == 500
     and (a.get("status") is None or (a.get("status") == 500
          and a.get("headers", {}).get("content-type") == "None"
          and ("'NoneType' object has no attribute '__name__'" in a.get("body", "")
               or req.startswith("HEAD "))))),
    # the same Sanic debug message for any error raised while its error page is built
    # (an exception whose __str__ raises, in DEBUG): Sanic names its own AttributeError
    ("debug 500 for an error while rendering: Sanic names its own AttributeError",
     lambda req, a, b, src: "Mode.DEBUG" in src and a.get("status") == 500 and b.get("status") == 500
     and a.get("headers", {}).get("content-type") == "None"
     and b.get("body", "").startswith("Error while handling error: ")
     and ("'NoneType' object has no attribute '__name__'" in a.get("body", "") or req.startswith("HEAD "))),
    # log() raising while default() answers a re-raised exception: Sanic hands log()'s
    # error to the app's exception handlers once more (one for Exception answers); Hurtle
    # answers its last-resort 500
    ("ErrorHandler.log() raising after a re-raise: Sanic tries the exception handlers again",
     lambda req, a, b, src: "raise RuntimeError('log raised')" in src and "    raise exception" in src
     and b.get("status") == 500 and "'log raised'" in a.get("body", "") + str(a.get("headers"))
     or ("raise RuntimeError('log raised')" in src and req.startswith("HEAD ") and b.get("status") == 500
         and a.get("status") not in (500, None))),
    # an exception handler's non-response (a str) for an error from a blueprint's route:
    # Sanic's 500 skips the response middleware (it runs them for an app route, and for a
    # handler returning None); Hurtle runs them on every answer. Also when another
    # handler answers that 500's ServerError ("Invalid response type", status 299).
    ("exception handler returned a non-response on a blueprint route: Sanic skips response middleware",
     lambda req, a, b, src: "    return 'not a response'" in src
     and (a.get("status") == 500 or "Invalid response type" in a.get("body", ""))
     and "x-rmw" not in a.get("headers", {}) and "x-rmw" in b.get("headers", {})
     and _only(a, b, "x-rmw", "content-type")),
    # listed before (README, 426): RFC 9110 15.5.22, a 426 MUST carry Upgrade
    ("a websocket route's 426 carries upgrade: websocket (RFC 9110 15.5.22)",
     lambda req, a, b, src: a.get("status") == 426 and "upgrade" not in a.get("headers", {})
     and b.get("headers", {}).get("upgrade") == "websocket"
     # (rfc7r: with the upgrade option in Connection, RFC 9110 7.8)
     and b.get("headers", {}).get("connection")
     == "upgrade, " + a.get("headers", {}).get("connection", "")
     and _only(a, b, "upgrade", "connection", "content-length", "BODY")),
    # listed before (appfuzz, first round): a handler for a broad class that answers None
    # (or here any non-response) gets its own 500 back; Sanic drops the connection. An HTML
    # page is compared by its visible text, which (DEBUG's traceback dropped) does not
    # name the invalid response; a HEAD has no body.
    ("an exception handler returning a non-response: Sanic drops the connection, Hurtle 500",
     lambda req, a, b, src: a.get("status") is None and b.get("status") == 500
     and ("Invalid response type" in b.get("body", "") or req.startswith("HEAD ")
          or b.get("headers", {}).get("content-type", "").startswith("text/html")
          # (rerun5, seed 2770: an ErrorHandler subclass whose default() renders that 500
          # as "EH ServerError")
          or "(ErrorHandler):" in src and b.get("body") == "EH ServerError")
     and ("    return None" in src or "    return 'not a response'" in src)),
]


def kept_label(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> str | None:
    for label, pred in KEPT:
        if pred(req, a, b, source):
            return label
    return None


def signature(req: str, a: dict[str, Any], b: dict[str, Any]) -> str:
    method = req.split(" ", 1)[0]
    if a.get("status") != b.get("status"):
        return f"{method} status {a.get('status')}->{b.get('status')}"
    ha, hb = a.get("headers", {}), b.get("headers", {})
    fields = sorted(k for k in set(ha) | set(hb) if ha.get(k) != hb.get(k))
    if a.get("body") != b.get("body"):
        fields.append("BODY")
    return f"{method} {a.get('status')} " + ",".join(fields)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--apps", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--requests", type=int, default=24)
    ap.add_argument("--time", type=float, default=900)
    ap.add_argument("--show-app", type=int, metavar="SEED")
    ap.add_argument("--ref-python", default=appfuzz.REF_PYTHON)
    ap.add_argument("--hurtle-python", default=os.path.join(ROOT, ".venv", "bin", "python"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    if args.show_app is not None:
        app = gen_app(args.show_app)
        print(app["source"])
        for req in gen_requests(app, args.show_app, args.requests):
            print(repr(req))
        return 0
    os.makedirs(WORK, exist_ok=True)
    appfuzz.WORK = WORK
    deadline = time.monotonic() + args.time
    buckets: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    sent = apps_run = 0
    for seed in range(args.seed, args.seed + args.apps):
        if time.monotonic() > deadline:
            break
        app = gen_app(seed)
        reqs = gen_requests(app, seed, args.requests)
        app_file = os.path.join(WORK, f"app_{seed}.py")
        reqs_file = os.path.join(WORK, f"reqs_{seed}.json")
        with open(app_file, "w") as fh:
            fh.write(app["source"])
        with open(reqs_file, "w") as fh:
            json.dump(reqs, fh)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            fa = pool.submit(appfuzz.run_side, args.ref_python, app_file, reqs_file,
                             os.path.join(WORK, f"out_{seed}_sanic.json"), 90)
            fb = pool.submit(appfuzz.run_side, args.hurtle_python, app_file, reqs_file,
                             os.path.join(WORK, f"out_{seed}_hurtle.json"), 90)
            ra, rb = fa.result(), fb.result()
        apps_run += 1
        if ra["error"] or rb["error"]:
            ea = re.sub(r"Err3_\d+", "Err3_N", str(ra["error"]))
            eb = re.sub(r"Err3_\d+", "Err3_N", str(rb["error"]))
            if ea != eb:
                buckets[f"app error: {ea[:80]} -> {eb[:80]}"].append((seed, "", ea, eb))
            continue
        for req, a, b in zip(reqs, ra["answers"], rb["answers"], strict=False):
            sent += 1
            na, nb = normal(a, app["debug"]), normal(b, app["debug"])
            if na == nb:
                continue
            label = kept_label(req, na, nb, app["source"])
            key = f"kept: {label}" if label else signature(req, na, nb)
            buckets[key].append((seed, req, na, nb))
    unexplained = sum(len(v) for k, v in buckets.items() if not k.startswith("kept: "))
    for key, items in sorted(buckets.items(), key=lambda kv: (kv[0].startswith("kept: "), kv[0])):
        print(f"== [{len(items)}] {key}")
        for seed, req, na, nb in items if args.verbose else items[:1]:
            print(f"   app {seed}: {req.splitlines()[0] if req else ''}")
            print(f"   sanic  {json.dumps(na, ensure_ascii=False)[:700]}")
            print(f"   hurtle {json.dumps(nb, ensure_ascii=False)[:700]}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([{"bucket": k, "seed": s, "request": r, "sanic": a, "hurtle": b}
                       for k, v in buckets.items() for s, r, a, b in v], fh, indent=1)
    total = sum(len(v) for v in buckets.values())
    print(f"errfuzz: {apps_run} apps, {sent} requests, {total} differ "
          f"({total - unexplained} of them kept), {len(buckets)} buckets")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
