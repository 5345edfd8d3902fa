"""Differential fuzzing in ASGI mode: difffuzz's requests under uvicorn, real Sanic and Hurtle.

uvicorn parses the HTTP for both, so what differs is the ASGI adapter: the scope read into a
``Request`` (path, query, headers, client and server, scheme), the body handed over, the
response start and body, the connection's end. The app is ``difffuzz.build_app`` (its echo
routes and ``difffuzz_wire``'s), served once per interpreter by
``python -m uvicorn asgifuzz:make_app --factory``; the requests come from every generator of
``difffuzz.py`` and ``difffuzz_wire.py`` (the raw byte streams included) and go through
``difffuzz_wire.exchange`` (a closing sentinel after each, responses split and compared by
status, fields, body and whether the connection closed). JSON bodies are compared key by key.

The framing difference kept since the first ASGI round (Sanic answers chunked where Hurtle
sends ``content-length``, "Websockets, lifecycle, signals, streams and ASGI") is undone
before comparing. Differences are bucketed by generator and differing fields; the kept ones
(``KEPT`` below, each in the README's "ASGI mode, differential fuzzing") are labelled.

    .venv/bin/python tests-integration/fidelity/asgifuzz.py --count 600 --seed 1 \
        [--only query --only pipeline] [--variant proxy] [--uvargs "--http h11"]

``--ref-python`` (default ``/tmp/asgifuzz/ref/bin/python``: Sanic 25.12 and uvicorn) and
``--hurtle-python`` (default ``.venv/bin/python``) choose the interpreters. Listens on
127.0.0.1 only; each server is stopped by its own process group.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import difffuzz as fuzz
import difffuzz_resp as resp
import difffuzz_wire as wire

HERE = os.path.dirname(os.path.abspath(__file__))
REF_PYTHON = "/tmp/asgifuzz/ref/bin/python"


def make_app() -> Any:
    """uvicorn's factory: the difffuzz echo app for ``$ASGIFUZZ_VARIANT``."""
    return fuzz.build_app(os.environ.get("ASGIFUZZ_VARIANT", "plain"))


# (label, the fields it explains as a regular expression, does the request show it). Each is
# in the README; all were kept by the earlier ASGI rounds.
KEPT: list[tuple[str, str, Callable[[bytes], bool]]] = [
    ("kept: uvicorn's proxy headers trust 127.0.0.1, so X-Forwarded-Proto makes the scope"
     " https; Hurtle follows the scope's scheme, Sanic ignores it", r"\d+\.body\.(scheme|server_port|url)",
     lambda r: b"\r\nx-forwarded-proto:" in r.lower()),
    ("kept: a stream=True route with a body under ASGI: Sanic hangs, Hurtle answers", r".*",
     lambda r: any(re.match(rb"\S+ /w/s\S* ", h) and re.search(
        rb"(?i)\r\n(content-length: *[1-9]|transfer-encoding:)", h) for h in wire.heads(r))),
    ("kept: a plain request to a websocket route is answered (400) without reading its body:"
     " no 100 (Continue), no wait for a body withheld (RFC 9110 10.1.1; Sanic reads it first)",
     r".*", lambda r: any(re.match(rb"\S+ /ws\S* ", h) and re.search(
         rb"(?i)\r\n(expect:|content-length: *[1-9])", h) for h in wire.heads(r))),
    ("kept: a target past 64 KiB (uvicorn --http h11 passes it): Hurtle serves it; Sanic's"
     " URL parser refuses it and its BadRequest escapes as uvicorn's bare 500", r".*",
     lambda r: any(len(h.split(b" ", 2)[1]) > 65535 for h in wire.heads(r))),
    ("kept: media types compare in any case (RFC 9110 8.3.1): an upper-case JSON Content-Type"
     " picks the JSON error page; Sanic the text one (not ASGI's)", r"\d+\.(head|body.*)",
     lambda r: re.search(rb"\r\ncontent-type: *[^\r]*[A-Z]", r, re.I) is not None
     and re.search(rb"(?i)\r\ncontent-type: *application/json", r) is not None),
    ("kept: a byte past ASCII in Accept: the error page as usual; Sanic fails rendering it (500"
     " `An error occurred while handling an error`; not ASGI's)", r".*",
     lambda r: re.search(rb"(?i)\r\naccept:[^\r]*[\x80-\xff]", r) is not None),
    # (difffuzz_wire's kept cause, met by the `path` generator too: an escaped `.` lets a
    # route match that Sanic's router misses, e.g. `/t/ext/%%2E%20` as `x="%"`, `ext="%20"`)
    ("kept: %-escapes of unreserved characters are normalised (RFC 3986 6.2.2.2)", r".*",
     lambda r: re.search(rb"^\S+ [^ ?]*%(?:2[DdEe]|5[Ff]|7[Ee]|3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa])", r)
     is not None),
    ("kept: [::ffff:1.2.3.4] is a valid host (RFC 3986 3.2.2; difffuzz_wire's cause, the"
     " Request's under ASGI too): server_name is the bracketed address, Sanic's is ''",
     r"\d+\.body\.(server_name|server_port|url)",
     lambda r: re.search(rb"(?i)\r\nhost: *\[::ffff:", r) is not None),
    ("kept: Sanic's ASGI websockets break (a handshake to a route that is none is its 500;"
     " Hurtle answers 404/405/400 through websocket.http.response)", r".*",
     lambda r: re.search(rb"(?i)\r\nupgrade:[^\r]*websocket", r) is not None),
]


def _from_request(pred: Callable[[bytes, dict[str, Any]], bool]) -> Callable[[bytes, str], bool]:
    """A field explained by a kept cause shown by one of difffuzz_resp's requests: that
    request's fields and every later one's, and how the connection went on after it."""
    def explains(raw: bytes, field: str) -> bool:
        reqs = resp.requests(raw + wire.SENTINEL)
        first = next((i for i, (h, spec) in enumerate(reqs) if spec and pred(h, spec)), None)
        if first is None:
            return False
        index = field.split(".", 1)[0]
        return not index.isdigit() or int(index) >= first
    return explains


def _head_of(pred: Callable[[bytes, dict[str, Any]], bool]) -> Callable[[bytes, str], bool]:
    """The head of each of difffuzz_resp's requests that shows a kept cause."""
    def explains(raw: bytes, field: str) -> bool:
        index, _, rest = field.partition(".")
        reqs = resp.requests(raw + wire.SENTINEL)
        return (rest == "head" and index.isdigit() and int(index) < len(reqs)
                and pred(*reqs[int(index)]))
    return explains


def _cookie_expires(head: bytes, spec: dict[str, Any]) -> bool:
    return any("expires" in c and not c.get("del") for c in spec.get("c", []))


def _odd_status(head: bytes, spec: dict[str, Any]) -> bool:
    status = spec.get("st")
    return isinstance(status, int) and not 200 <= status <= 599


def _wrong_length(head: bytes, spec: dict[str, Any]) -> bool:
    given = resp._given(spec, "content-length")
    if not head.startswith(b"HEAD "):
        return bool(given)
    # (for HEAD uvicorn sends no body whatever the length, but it must read it as a number)
    for value in given:
        try:
            int(value)
        except ValueError:
            return True
    return False


def _content_on_bodiless(head: bytes, spec: dict[str, Any]) -> bool:
    """A 204 or 304 whose handler gave content (a body text, JSON, a file)."""
    content = spec["k"] in ("json", "file", "file_stream") or (
        spec["k"] in ("text", "html", "raw", "HTTPResponse") and spec.get("b"))
    return spec.get("st") in (204, 304) and bool(content) and not head.startswith(b"HEAD ")


# (label, explains(raw, field)) for difffuzz_resp's generators (rhead, rpipe, rbody); each is
# an item of the README's earlier ASGI rounds, met again by `--count 400 --seed 44`.
KEPT_RESP: list[tuple[str, Callable[[bytes, str], bool]]] = [
    ("kept: a handler's status outside 200-599 (1xx, 600, 99): the 500 page (RFC 9110 15,"
     " 15.2: a 1xx is never final); Sanic's ASGI mode sends a 1xx as final (a 101 leaves the"
     " connection upgraded) and a status past 599 or below 100 makes uvicorn drop the"
     " connection", _from_request(_odd_status)),
    ("kept: a handler's Content-Length that does not match its body: the body's length, as"
     " both own servers (RFC 9112 6.3); Sanic's ASGI mode hands it to uvicorn, which cuts the"
     " answer and the connection (for HEAD too when it is no number)",
     _from_request(_wrong_length)),
    ("kept: a 204 or 304 whose handler gave content: sent without it (RFC 9110 15.3.5,"
     " 15.4.5), as both own servers; Sanic's ASGI mode hands the body to uvicorn, which"
     " refuses it (content longer than Content-Length) and drops the connection",
     _from_request(_content_on_bodiless)),
    ("kept: Set-Cookie expires as an IMF-fixdate, `01 Jan 2030` (RFC 6265 4.1.1; difffuzz"
     " names it cookie_date, under ASGI it is in the head)", _head_of(_cookie_expires)),
]
# difffuzz's kept causes of request parsing (cookies, forms, credentials...): they are the
# Request's, so they hold under ASGI too. Its `wire` ones are Hurtle's own HTTP parser's,
# which uvicorn replaces here, but for these the app decides (the scope's target; under
# `--http h11` an absolute-form target reaches the app whole).
APP_WIRE = ("kept: %-escapes of unreserved", "kept: asterisk-form only for OPTIONS",
            "kept: absolute-form target names the host")
PARSING = [c for c in fuzz.KNOWN_CAUSES if c[0] != "wire" or c[1].startswith(APP_WIRE)]
# (the Host's empty port is the Request's too: also for the wire generators' Host values,
# `hostv`, whose `wire` label names whole bodies where this compares them key by key)
PARSING += [("wire", *c[1:]) for c in fuzz.KNOWN_CAUSES
            if c[0] == "host" and c[1].startswith("kept: an empty port in Host")]


def start(python: str, variant: str, extra: list[str], log: Any) -> tuple[subprocess.Popen, int]:
    port = fuzz.free_port()
    env = dict(os.environ, ASGIFUZZ_VARIANT=variant, PYTHONPATH=HERE)
    proc = subprocess.Popen(
        [python, "-m", "uvicorn", "asgifuzz:make_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", *extra],
        cwd=HERE, env=env, stdout=log, stderr=log, start_new_session=True,
    )
    return proc, port


def unframe(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields with the kept framing difference undone: no `transfer-encoding: chunked`,
    no `content-length` (bodies are compared whole), JSON bodies spread key by key."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key.endswith(".head"):
            # Sanic's `content-type: None` (kept, the README's first list) is left out too.
            value = [f for f in value if f not in ("transfer-encoding: chunked", "content-type: None")
                     and not f.startswith("content-length:")]
        if key.endswith(".body") and isinstance(value, dict):
            for k, v in value.items():
                out[f"{key}.{k}"] = v
            continue
        out[key] = value
    return out


def kept_label(gen: str, raw: bytes, fields: list[str]) -> str | None:
    """The kept causes that together explain every differing field, or None."""
    labels, unexplained = [], set(fields)
    for label, pattern, hit in KEPT:
        explained = {f for f in unexplained if re.fullmatch(pattern, f)}
        if explained and hit(raw):
            labels.append(label)
            unexplained -= explained
    if gen in ("rhead", "rpipe", "rbody"):
        for label, explains in KEPT_RESP:
            explained = {f for f in unexplained if explains(raw, f)}
            if explained:
                labels.append(label)
                unexplained -= explained
    # (difffuzz names a lone request's fields `head`, `body`, `body.x` where this says `0.`;
    # difffuzz_resp's causes name them `0.head` as here)
    names = {f.removeprefix("0.body.") if gen in ("rhead", "rpipe", "rbody")
             else f.removeprefix("0.body.").removeprefix("0."): f for f in unexplained}
    if gen in ("rhead", "rpipe", "rbody"):
        # (a later answer's JSON body, the sentinel's, is compared key by key here: its
        # keys are that answer's `N.body` in difffuzz_resp's causes)
        names = {re.sub(r"^([1-9]\d*\.body)\..*$", r"\1", n): f for n, f in names.items()}
    for cause_gen, label, explains, hit in PARSING:
        got = set(names) if explains is wire.EVERYTHING else set(names) & explains
        gens = wire.GENERATORS if cause_gen == "wire" else (cause_gen, "mixed", "duplicates")
        if gen in gens and got and hit(raw):
            labels.append(label)
            for name in got:
                del names[name]
    return " + ".join(labels) if labels and not names else None


def _as_http(value: Any) -> Any:
    """A body as it reads with the scope's scheme http: `https` for `http`, no `:80`, and
    a port the Host does not name read as 80 where https reads it as 443."""
    if not isinstance(value, str):
        return value
    value = re.sub(r"https://([^/\"]*?)(?::80)?/", r"http://\1/", value)
    return value.replace('"scheme":"https"', '"scheme":"http"').replace('"sp":443', '"sp":80')


def asgi_app_label(a: dict[str, Any], b: dict[str, Any], source: str,
                   req: str = "") -> str | None:
    """Kept ASGI-mode causes for one of appfuzz's normalised answers (and the one after)."""
    labels: list[str] = []
    pairs = [({k: v for k, v in a.items() if k != "next"}, {k: v for k, v in b.items() if k != "next"}),
             (a.get("next") or {}, b.get("next") or {})]
    for x, y in pairs:
        if x == y:
            continue
        if 100 <= (x.get("status") or 0) < 200 and y.get("status") == 500:
            labels.append("a handler's 1xx status is the 500 page (RFC 9110 15.2; Sanic's ASGI"
                          " mode sends it as final)")
        elif (x.get("body") in ("Internal Server Error", "") and x.get("status") == 500
              and y.get("status") == 500 and "    return None" in source):
            labels.append("an exception handler returning None: the 500 page, as Hurtle's own"
                          " server (Sanic's ASGI mode lets the ServerError escape: uvicorn's bare"
                          " 500, then it closes)")
        elif (str(x.get("body")) == "whole" + str(y.get("body"))
              and "request.respond(text('whole'" in source):
            labels.append("request.respond(response) then send(): the response's body is not"
                          " sent, as both own servers (Sanic's ASGI mode sends it first)")
        elif ("\r\nX-Forwarded-Proto: https" in req.split("\r\n\r\n", 1)[0]
              and {k: _as_http(v) for k, v in y.items()} == x):
            labels.append("uvicorn's proxy headers trust 127.0.0.1, so X-Forwarded-Proto makes"
                          " the scope https; Hurtle follows the scope's scheme (url_for keeps"
                          " a :80 that https does not drop; server_port 443 for a Host"
                          " without port), Sanic ignores it")
        elif not (labels and x.get("status") is None):  # the connection closed after it
            return None
    return " + ".join(dict.fromkeys(labels)) or None


def run_apps(args: argparse.Namespace) -> int:
    """``--apps N``: appfuzz's random apps (from ``--seed``), each under uvicorn twice, its
    requests sent to both and compared as appfuzz compares them (its normalising and kept
    labels), the framing undone (``content-length`` only where no body came)."""
    import asyncio

    import appfuzz

    os.makedirs(appfuzz.WORK, exist_ok=True)
    static_dir = os.path.join(appfuzz.WORK, "static")
    appfuzz.make_static_dir(static_dir)
    deadline = time.monotonic() + args.time
    buckets: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    sent = apps_run = 0
    log = open(os.path.join("/tmp", "asgifuzz-servers.log"), "w")

    def unframed(req: str, answer: dict[str, Any], app: dict[str, Any]) -> dict[str, Any]:
        for one in (answer, answer.get("next") or {}):
            for name in ("content-length", "transfer-encoding"):
                (one.get("headers") or {}).pop(name, None)
        out = appfuzz.normal(answer)
        if req.split(" ", 2)[1].startswith(app["extras3"]["prefix"]):
            out = appfuzz.normal3(answer, out, appfuzz.normal)
        elif "/ww/" in req.split(" ", 2)[1]:
            out = appfuzz.normal4(answer, out)
        return out

    def label(req: str, na: dict[str, Any], nb: dict[str, Any], app: dict[str, Any]) -> Any:
        target = req.split(" ", 2)[1]
        if "/ww/" in target:
            return appfuzz.kept_label4(req, na, nb, app["source"])
        if target.startswith(app["extras3"]["prefix"]):
            return appfuzz.kept_label3(req, na, nb, app["source"])
        if target.startswith(app["extras"]["prefix"]):
            return appfuzz.kept_label2(req, na, nb, app["source"])
        return appfuzz.kept_label(req, na, nb, app["source"])

    for seed in range(args.seed, args.seed + args.apps):
        if time.monotonic() > deadline:
            break
        app = appfuzz.gen_app(seed, static_dir)
        reqs = [r for r in appfuzz.gen_requests(app, seed, 30) if appfuzz.WS_MARK not in r]
        with open(os.path.join(appfuzz.WORK, f"asgiapp_{seed}.py"), "w") as fh:
            fh.write(app["source"])
        answers: dict[str, list[dict[str, Any]]] = {}
        failed: dict[str, str] = {}  # a side that did not start: what it wrote
        for side, python in (("sanic", args.ref_python), ("hurtle", args.hurtle_python)):
            port = fuzz.free_port()
            out = tempfile.TemporaryFile()
            proc = subprocess.Popen(
                [python, "-m", "uvicorn", f"asgiapp_{seed}:app", "--host", "127.0.0.1",
                 "--port", str(port), "--log-level", "warning", *shlex.split(args.uvargs)],
                cwd=appfuzz.WORK, stdout=out, stderr=out, start_new_session=True,
            )
            try:
                if not fuzz.wait_ready(port, time.monotonic() + 20):
                    answers[side] = []
                    continue
                answers[side] = [asyncio.run(appfuzz.exchange(port, r.encode(), 3.0)) for r in reqs]
            finally:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                out.seek(0)
                text = out.read().decode(errors="replace")
                out.close()
                log.write(text)
                if not answers[side]:
                    failed[side] = text
        apps_run += 1
        if not answers["sanic"] or not answers["hurtle"]:  # a start-up refusal
            if answers["sanic"] or answers["hurtle"]:
                # appfuzz's start-up labels, on what the side that did not start wrote
                # (rerun5, seed 2754: Sanic refusing its own ymd pattern beside a path)
                kept = appfuzz.kept_app_label(failed.get("sanic", "None"),
                                              failed.get("hurtle", "None"), app["source"])
                key = f"kept: {kept}" if kept else "app started under one side only"
                buckets[key].append((seed, "", {}, {}))
            continue
        for req, a, b in zip(reqs, answers["sanic"], answers["hurtle"], strict=True):
            sent += 1
            na, nb = unframed(req, a, app), unframed(req, b, app)
            if na == nb:
                continue
            kept = label(req, na, nb, app) or asgi_app_label(na, nb, app["source"], req)
            key = f"kept: {kept}" if kept else appfuzz.signature(req, na, nb)
            buckets[key].append((seed, req, na, nb))
    log.close()
    unexplained = sum(len(v) for k, v in buckets.items() if "kept: " not in k)
    for key, items in sorted(buckets.items(), key=lambda kv: ("kept: " in kv[0], kv[0])):
        print(f"== [{len(items)}] {key}")
        for seed, req, na, nb in items if args.verbose else items[:1]:
            print(f"   app {seed}: {req[:200]!r}")
            print(f"   sanic  {json.dumps(na, ensure_ascii=False)[:500]}")
            print(f"   hurtle {json.dumps(nb, ensure_ascii=False)[:500]}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([{"bucket": k, "seed": s, "request": r, "sanic": a, "hurtle": b}
                       for k, v in buckets.items() for s, r, a, b in v], fh, indent=1)
    total = sum(len(v) for v in buckets.values())
    print(f"asgifuzz --apps: {apps_run} apps, {sent} requests, {total} differ "
          f"({total - unexplained} of them kept), {len(buckets)} buckets")
    return 1 if unexplained else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--count", type=int, default=600, help="requests (default 600)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--time", type=float, default=300, help="overall time budget, seconds")
    ap.add_argument("--only", action="append", choices=sorted(fuzz.GENERATORS))
    ap.add_argument("--variant", default="plain", choices=sorted(fuzz.VARIANTS))
    ap.add_argument("--uvargs", default="", help="more uvicorn arguments, for both")
    ap.add_argument("--timeout", type=float, default=2.0, help="per exchange, seconds")
    ap.add_argument("--ref-python", default=REF_PYTHON)
    ap.add_argument("--hurtle-python", default=fuzz.HURTLE_PYTHON)
    ap.add_argument("-v", "--verbose", action="store_true", help="every differing field shown")
    ap.add_argument("--json", metavar="FILE", help="write every difference to FILE")
    ap.add_argument("--apps", type=int, help="appfuzz's random apps instead of the echo app")
    args = ap.parse_args()
    if args.apps:
        return run_apps(args)

    gens = args.only or sorted(fuzz.GENERATORS)
    rnd = random.Random(args.seed)
    cases = [(gens[i % len(gens)], fuzz.GENERATORS[gens[i % len(gens)]](rnd))
             for i in range(args.count)]
    deadline = time.monotonic() + args.time
    log = open(os.path.join("/tmp", "asgifuzz-servers.log"), "w")
    procs: dict[str, tuple[subprocess.Popen, int]] = {}
    buckets: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    sent = 0
    try:
        for side, python in (("sanic", args.ref_python), ("hurtle", args.hurtle_python)):
            procs[side] = start(python, args.variant, shlex.split(args.uvargs), log)
        for side, (_, port) in procs.items():
            if not fuzz.wait_ready(port, time.monotonic() + 30):
                print(f"{side} did not start; see /tmp/asgifuzz-servers.log")
                return 2

        def run(case: tuple[str, bytes]) -> tuple[Any, ...]:
            if time.monotonic() > deadline:
                return case, None, None
            ref = wire.exchange(procs["sanic"][1], case[1], args.timeout)
            ours = wire.exchange(procs["hurtle"][1], case[1], args.timeout)
            return case, ref, ours

        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for case, ref, ours in pool.map(run, cases):
                if ref is None:
                    continue
                sent += 1
                a, b = unframe(ref[1]), unframe(ours[1])
                fields = fuzz.diff_fields(a, b)
                if fields:
                    label = kept_label(case[0], case[1], fields)
                    key = (case[0], label) if label else (case[0], *fields)
                    buckets[key].append((case, a, b, fields))
    finally:
        for proc, _ in procs.values():
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(5)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()

    kept = 0
    for key in sorted(buckets, key=lambda k: (str(k[1]).startswith("kept:"), k)):
        (gen, raw), a, b, fields = buckets[key][0]
        if str(key[1]).startswith("kept:"):
            kept += len(buckets[key])
        print(f"== [{len(buckets[key])}] {gen}: {', '.join(map(str, key[1:]))}")
        print("   request:", repr(raw)[:600])
        for field in fields if args.verbose else fields[:4]:
            print(f"   {field}: sanic  {json.dumps(a.get(field, '<absent>'), ensure_ascii=False)[:300]}")
            print(f"   {field}: hurtle {json.dumps(b.get(field, '<absent>'), ensure_ascii=False)[:300]}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([{"bucket": list(k), "request": c[1].decode("latin-1"), "sanic": a,
                        "hurtle": b} for k, v in buckets.items() for c, a, b, _ in v], fh, indent=1)
    total = sum(len(v) for v in buckets.values())
    print(f"asgifuzz: {sent} requests sent ({len(cases) - sent} skipped by the time budget), "
          f"{total} differ ({kept} of them kept), {len(buckets)} buckets")
    return 1 if total > kept else 0


if __name__ == "__main__":
    sys.exit(main())
