"""Seventh RFC round: each request of ``probes.http`` (app ``app_r7.py``) sent to Sanic
25.12 and this checkout with sanic-diff, and judged by the RFC statement its name cites
(``CHECKS``: a predicate on one server's answer). Prints PASS/FAIL per server and request,
then a summary; exit status 1 when Hurtle fails a check not listed in ``HURTLE_KEPT``.

    python3 tests-integration/fidelity/rfc7/run.py [--show]

See the README's "RFC conformance checklist, seventh round".
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Another tree to judge (an export of main, to see what a fix changed): RFC7_CHECKOUT.
CHECKOUT = Path(os.environ.get("RFC7_CHECKOUT", HERE.parents[2]))
SANIC_DIFF = Path(os.environ.get("SANIC_DIFF", "/work/shared/tools/sanic-diff"))

Ex = dict
Check = Callable[[Ex], bool]


def _final(ex: Ex) -> dict | None:
    finals = [r for r in ex["responses"] if r["status"] >= 200]
    return finals[0] if finals else None


def _status(ex: Ex) -> int | None:
    final = _final(ex)
    return final["status"] if final else None


def _fields(ex: Ex) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in (_final(ex) or {"headers": []})["headers"]:
        out.setdefault(name.lower(), []).append(value)
    return out


def _options(ex: Ex) -> set[str]:
    return {o.strip().lower() for v in _fields(ex).get("connection", []) for o in v.split(",")}


def _body(ex: Ex) -> object:
    final = _final(ex) or {}
    return final.get("body_json", final.get("body_text"))


def status(*codes: int) -> Check:
    return lambda ex: _status(ex) in codes


def status_with(code: int, *names: str) -> Check:
    return lambda ex: _status(ex) == code and all(n in _fields(ex) for n in names)


def whole(ex: Ex) -> bool:
    return _status(ex) == 200 and _body(ex) == "hello world"


def not_modified(ex: Ex) -> bool:
    return _status(ex) == 304 and _body(ex) in ("", None)


def fields_304(ex: Ex) -> bool:
    # RFC 9110 15.4.5: a 304 MUST carry the Cache-Control, Content-Location, Date, ETag,
    # Expires and Vary its 200 would have.
    f = _fields(ex)
    return not_modified(ex) and all(
        n in f for n in ("cache-control", "content-location", "date", "etag", "expires", "vary")
    )


def part(ex: Ex) -> bool:
    return _status(ex) == 206 and "content-range" in _fields(ex)


def fields_206(ex: Ex) -> bool:
    # RFC 9110 15.3.7: a 206 MUST carry the Date, Cache-Control, ETag, Expires,
    # Content-Location and Vary a 200 would have.
    f = _fields(ex)
    return part(ex) and all(
        n in f for n in ("cache-control", "content-location", "date", "etag", "expires", "vary")
    )


def refused_416(ex: Ex) -> bool:
    return _status(ex) == 416 and _fields(ex).get("content-range") == ["bytes */11"]


def upgrade_426(ex: Ex) -> bool:
    # RFC 9110 15.5.22: Upgrade in a 426; 7.8: Upgrade goes with Connection: upgrade.
    return _status(ex) == 426 and "upgrade" in _fields(ex) and "upgrade" in _options(ex)


def advertised(ex: Ex) -> bool:
    return "upgrade" in _fields(ex) and "upgrade" in _options(ex)


def form(expected: dict) -> Check:
    return lambda ex: _status(ex) == 200 and _body(ex) == expected


def cookies(*values: str) -> Check:
    return lambda ex: _fields(ex).get("set-cookie") == list(values)


def delta_seconds(ex: Ex) -> bool:
    cc = ",".join(_fields(ex).get("cache-control", []))
    m = re.search(r"max-age=([^,\s]*)", cc)
    return m is not None and m.group(1).isdigit()


A = {"files": {}, "form": {"a": ["abc"]}}
# (pattern of the request's name, predicate; None: compared only, no RFC verdict)
CHECKS: list[tuple[str, Check | None]] = [
    (r"^13\.2\.1 .* missing static file", status(404)),
    (r"^13\.2\.1 .* 405", status(405)),
    # (file() of a missing file raises: a 500 with or without the preconditions)
    (r"^13\.2\.1 .* file\(\) of a missing file", status(500)),
    (r"^13\.2\.1 preconditions ignored for OPTIONS", whole),
    (r"^13\.1\.4 If-Unmodified-Since", whole),
    (r"^13\.1\.3 If-Modified-Since on two lines", whole),
    (r"^5\.6\.7 rfc850 year 70 is 2070 \(IMS", not_modified),
    (r"^5\.6\.7 rfc850 year 19", whole),
    (r"^5\.6\.7 rfc850 year 77", status(412)),
    (r"^5\.6\.7 rfc850 year 70 is 2070 \(IUS", whole),
    (r"^5\.6\.7 asctime", not_modified),
    (r"^5\.6\.7 HTTP-date (is case|other zone|with zone)", whole),
    (r"^13\.1\.3 IMS in the future", not_modified),
    (r"^15\.4\.5 304 of file\(\)", fields_304),
    (r"^15\.4\.5 304 of (static|the one-file)", not_modified),
    (r"^15\.3\.7 206 of file", fields_206),
    (r"^15\.3\.7 200 of file", whole),
    (r"^15\.3\.7 206 of static", lambda ex: part(ex) and "cache-control" in _fields(ex)),
    (r"^15\.5\.17 ", lambda ex: refused_416(ex) or whole(ex)),
    (r"^14\.2 Range with suffix and overlap", lambda ex: whole(ex) or _status(ex) == 206),
    (r"^14\.1\.2 bytes=0-0", lambda ex: part(ex) and _body(ex) == "h"),
    (r"^14\.1\.2 bytes=10-10", lambda ex: part(ex) and _body(ex) == "d"),
    (r"^14\.1\.2 bytes=(5-4|-) invalid|^14\.1\.2 bytes= empty",
     lambda ex: whole(ex) or refused_416(ex)),
    (r"^14\.2 Range on two field lines", None),
    (r"^14\.2 If-Range without Range", whole),
    (r"^13\.1\.5 If-Range (rfc850|IMF)", part),
    (r"^13\.1\.5 two If-Range lines", whole),
    (r"^9111 5\.2\.2\.1", lambda ex: delta_seconds(ex) and "expires" in _fields(ex)),
    (r"^9111 no-store", lambda ex: _fields(ex).get("cache-control") == ["no-store"]),
    (r"^9\.3\.4 PUT with Content-Range", None),
    (r"^15\.3\.2 201", status_with(201, "location")),
    (r"^15\.4 30\d redirect", lambda ex: 300 <= (_status(ex) or 0) < 400
     and "location" in _fields(ex)),
    (r"^15\.4\.5 handler's 304", not_modified),
    (r"^6455 101 fields", lambda ex: ex["responses"][0]["status"] == 101),
    (r"^7\.8 426 ", upgrade_426),
    (r"^6455 4\.4 426", lambda ex: upgrade_426(ex) and "sec-websocket-version" in _fields(ex)),
    (r"^6455 4\.2\.1 bad key", status(400)),
    (r"^7\.8 Upgrade: (foo|websocket) on a plain route", whole),
    (r"^6455 a ws route asked by HTTP/1\.0", upgrade_426),
    (r"^10\.1\.4 ", whole),
    (r"^7578 4\.8 ", form(A)),
    (r"^6266 disposition type", form(A)),
    (r"^7578 4\.3 nested", None),
    (r"^7578 field name lower-case", form(A)),
    (r"^7578 name with RFC 2231", None),
    (r"^7578 filename\* only",
     form({"files": {"f": [["é.txt", "text/plain", "abc"]]}, "form": {}})),
    (r"^2046 boundary of 71", None),
    (r"^7578 multipart/form-data without boundary", form({"files": {}, "form": {}})),
    (r"^6265 4\.1 cookie two", cookies("a=1; Path=/; SameSite=Lax; Secure",
                                       "b=2; Path=/; SameSite=Lax; Secure")),
    (r"^6265 4\.1 cookie maxage", cookies("a=1; Path=/; Max-Age=60; SameSite=Lax; Secure")),
    (r"^6265 4\.1 cookie delete", None),
    (r"^6265 4\.1 cookie nosecure", cookies("a=1; Path=/")),
    (r"^13\.2\.1 file\(status=404\)", lambda ex: _status(ex) == 404 and _body(ex) == "hello world"),
    (r"^13\.1\.3 static IMS on two lines", whole),
    (r"^9\.3\.2 HEAD 304", fields_304),
    (r"^9\.3\.2 HEAD 412", lambda ex: _status(ex) == 412 and _body(ex) in ("", None)),
    (r"^7\.8 advertise Upgrade", advertised),
    (r"^7\.8 handler Connection: upgrade, close",
     lambda ex: advertised(ex) and ex["connection"] == "closed by server"),
    (r"^5\.6\.1\.2 If-None-Match", not_modified),
    (r"^5\.6\.1\.2 If-Match", whole),
    (r"^9111 1\.2\.2 ", delta_seconds),
]

# Hurtle FAILs kept on purpose (pattern, why): none this round.
HURTLE_KEPT: list[tuple[str, str]] = []


def _check_for(name: str, checks: list[tuple[str, Check | None]]) -> tuple[bool, Check | None]:
    for pattern, check in checks:
        if re.search(pattern, name):
            return True, check
    return False, None


def judge_round(
    app: Path,
    probes: Path,
    checks: list[tuple[str, Check | None]],
    kept: list[tuple[str, str]],
    checkout: Path = CHECKOUT,
) -> int:
    """Send ``probes`` to ``app`` under Sanic and ``checkout`` with sanic-diff, judge each
    answer by the first of ``checks`` whose pattern matches the request's name, and print
    PASS/FAIL per server; 1 when Hurtle fails a check not named in ``kept`` (or a request
    has no check), else 0. Shared by the later rounds' run.py."""
    env = {
        **os.environ,
        "SANIC_PY": os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python"),
        "HURTLE_PY": os.environ.get("HURTLE_PY", str(checkout / ".venv/bin/python")),
    }
    out = subprocess.run(
        [str(SANIC_DIFF), "--checkout", str(checkout), "--json", str(app), str(probes)],
        capture_output=True, text=True, env=env, timeout=1800,
    )
    report = json.loads(out.stdout)
    passed = {"sanic": 0, "hurtle": 0}
    judged = 0
    bad = 0
    for req in report["requests"]:
        name = req["name"]
        known, check = _check_for(name, checks)
        if not known:
            print(f"NO CHECK  {name}")
            bad += 1
            continue
        if check is None:
            print(f"compared  {name}")
            continue
        judged += 1
        verdicts = {}
        for side in ("sanic", "hurtle"):
            verdicts[side] = bool(check(req[side]))
            passed[side] += verdicts[side]
        line = " ".join(f"{side}:{'PASS' if ok else 'FAIL'}" for side, ok in verdicts.items())
        print(f"{line}  {name}")
        if not verdicts["hurtle"] and not any(re.search(p, name) for p, _ in kept):
            bad += 1
    print(f"summary: {len(report['requests'])} requests, {judged} judged; "
          f"Sanic passes {passed['sanic']}, Hurtle {passed['hurtle']}")
    return 1 if bad else 0


def main() -> int:
    return judge_round(HERE / "app_r7.py", HERE / "probes.http", CHECKS, HURTLE_KEPT)


if __name__ == "__main__":
    sys.exit(main())
