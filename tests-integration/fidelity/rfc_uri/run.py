"""The fifth RFC round (URIs and request targets): ``app_uri.py`` sent ``targets.http``,
``hosts.http`` and ``build.http`` under Sanic 25.12 and this checkout with sanic-diff.

    python3 tests-integration/fidelity/rfc_uri/run.py [targets hosts build]

Responses are compared without ``date`` (as ``apps_round.py`` does); every request that
differs must be named in ``KEPT`` (its file and a pattern of its ``###`` name), else it is
reported ``NOT LABELLED`` and the exit status is 1. See the README's "RFC conformance
checklist, fifth round".
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import CHECKOUT, SANIC_DIFF, _side  # noqa: E402

LISTED_ABSOLUTE = "listed: absolute-form names the host, Host ignored (RFC 9112 3.2.2)"
LISTED_INVALID_HOST = "listed: an invalid Host value is 400 (RFC 9112 3.2, RFC 3986 3.2.2)"
URL_FOR_ENCODING = (
    "listed: url_for percent-encodes what a path segment cannot hold (RFC 3986 2.1); "
    "this round: a host:port server names no scheme (3.1), an _anchor is encoded (3.5)"
)

# (file stem, pattern of the request's name, why the difference is kept)
KEPT: list[tuple[str, str, str]] = [
    ("targets", r"^/(caf%c3%a9|pct%41|%61/b)$",
     "listed: an escaped unreserved character or lower-case hex is the same URI "
     "(RFC 3986 6.2.2; Sanic 404)"),
    ("targets", r"^/e\?a=\s*$", "listed: several spaces in the request line (lenient, RFC 9112 3)"),
    ("targets", r"^(GET|HEAD|POST|PUT|DELETE|PATCH|CONNECT|TRACE) \*( HTTP/1\.0)?$",
     "listed: asterisk-form only for OPTIONS (RFC 9112 3.2.4)"),
    ("targets", r"^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|TRACE) authority$",
     "listed: authority-form only for CONNECT (RFC 9112 3.2.3; Sanic: no answer)"),
    ("targets", r"^CONNECT (authority|\[::1\]:443)$",
     "listed: CONNECT answered, then closed (RFC 9110 9.3.6; Sanic: no answer)"),
    ("targets", r"^abs no host line$",
     "listed: HTTP/1.1 without Host is 400, absolute-form too (RFC 9112 3.2 MUST)"),
    ("targets", r"^(\w+ absolute|abs .*)$", LISTED_ABSOLUTE),
    ("hosts", r"^Host (route )?'(a\.example:\+80|a\.example:-1|a\.example:8000:9000|user@a\.example"
     r"|user:pw@a\.example:8000|::1|\[::1|a b|a/b|a\?b|a#b|a\\\\b|a\.example:8O)'$",
     LISTED_INVALID_HOST),
    ("hosts", r"^(two Host same|two Host differ|Host list|Host non-ascii raw)$",
     LISTED_INVALID_HOST),
    ("hosts", r"^no Host 1\.1$", "listed: HTTP/1.1 without Host is 400 (RFC 9112 3.2)"),
    ("hosts", r"^Host '(a_b\.example|\[::ffff:127\.0\.0\.1\]:80)'$",
     "listed: '_' in a reg-name and an IPv4-mapped IPv6 literal are hosts (RFC 3986 3.2.2)"),
    ("hosts", r"^Host '(a\.example:|\[::1\]:)'$",
     "this round: an empty port is the default one (RFC 3986 3.2.3, 6.2.3; Sanic: "
     "server_name '')"),
    ("hosts", r"^raw (DEL path|NUL query|tab path)$",
     "listed: a control byte in the target is 400 (RFC 9112 3.2; Sanic: no answer)"),
    ("build", r"^build ", URL_FOR_ENCODING),
    ("build", r"^redirect (space|encoded-mixed|percent|percent-query|frag-space|crlf)$",
     "this round: redirect() writes a space as %20 outside the query and a stray '%' as %25 "
     "(RFC 3986 2.1, 3.3; Sanic: '+' and a raw '%')"),
    ("build", r"^static HEAD ", "listed: HEAD of a static file states its length (RFC 9110 8.6)"),
    ("build", r"^static /static/(plain\.txt%00|sub%20dir/|)$",
     "listed: %00 in a static path, a folder without an index: 404 (Sanic 500)"),
]


def label(stem: str, name: str) -> str | None:
    for where, pattern, why in KEPT:
        if where == stem and re.search(pattern, name):
            return why
    return None


def run(stem: str) -> int:
    proc = subprocess.run(
        [SANIC_DIFF, "--checkout", str(CHECKOUT), "--json", "app_uri.py", f"{stem}.http"],
        cwd=HERE, capture_output=True, text=True, timeout=900,
        env=dict(os.environ, PYTHONHASHSEED="0"),
    )
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        print(f"{stem}: no report\n{proc.stderr[-2000:]}")
        return 1
    ignore = {"date"}
    differ = [
        r for r in report["requests"] if _side(r["sanic"], ignore) != _side(r["hurtle"], ignore)
    ]
    unexplained = [r for r in differ if label(stem, r["name"]) is None]
    print(f"{stem}: {len(report['requests'])} requests, {len(differ)} differ, "
          f"{len(unexplained)} unexplained")
    for r in differ:
        print(f"  [{r['index']}] {r['name']}: {label(stem, r['name']) or 'NOT LABELLED'}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(max(run(stem) for stem in (sys.argv[1:] or ["targets", "hosts", "build"])))
