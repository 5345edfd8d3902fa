"""Eighth RFC round: each request of ``probes.http`` (app ``app_r8.py``) sent to Sanic
25.12 and this checkout with sanic-diff, and judged by the RFC statement its name cites
(``CHECKS``: a predicate on one server's answer; the seventh round's ``judge_round``).
Prints PASS/FAIL per server and request, then a summary; exit status 1 when Hurtle fails
a check not listed in ``HURTLE_KEPT``.

    python3 tests-integration/fidelity/rfc8/run.py

The websocket frames the server writes are checked by ``ws_checks.py`` (see its
docstring). See the README's "RFC conformance checklist, eighth round".
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("rfc7_run", HERE.parent / "rfc7" / "run.py")
assert _spec is not None and _spec.loader is not None
r7 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r7)

Ex = dict
Check = r7.Check
# Another tree to judge (an export of main, to see what a fix changed): RFC8_CHECKOUT.
CHECKOUT = Path(os.environ.get("RFC8_CHECKOUT", HERE.parents[2]))


def _finals(ex: Ex) -> list[dict]:
    return [r for r in ex["responses"] if r["status"] >= 200]


def _echoed(ex: Ex, index: int = 0) -> dict:
    finals = _finals(ex)
    if len(finals) <= index:
        return {}
    body = finals[index].get("body_json")
    return body if isinstance(body, dict) else {}


def _names_seen(ex: Ex) -> set[str]:
    return {name for name, _ in _echoed(ex).get("headers", [])}


def answers(*codes: int) -> Check:
    """One final answer per request sent, with these statuses in order (RFC 9112 7.1: a
    chunked body ends with its trailer section; nothing of it is read as a request)."""
    return lambda ex: [r["status"] for r in _finals(ex)] == list(codes)


def trailer_unmerged(*names: str, follow: bool = False) -> Check:
    """RFC 9110 6.5.1: the body read, the trailer fields ``names`` not in the head's fields
    (``follow``: a request pipelined after it served too)."""

    def check(ex: Ex) -> bool:
        codes = (200, 200) if follow else (200,)
        return (
            answers(*codes)(ex)
            and _echoed(ex).get("body") == "abc"
            and not (set(names) & _names_seen(ex))
        )

    return check


def host_trailer(ex: Ex) -> bool:
    # Refusing a routing field in a trailer (a sender MUST NOT put one there) or
    # leaving the head's Host as it was are both allowed.
    if answers(400)(ex):
        return True
    return answers(200)(ex) and ["host", "x"] in _echoed(ex).get("headers", [])


def no_trailer_acted_on(ex: Ex) -> bool:
    return not any(r["status"] < 200 for r in ex["responses"]) and trailer_unmerged(
        "expect", "upgrade"
    )(ex)


def no_content_options(ex: Ex) -> bool:
    # RFC 9110 9.3.7: Content-Length: 0 when no content is sent (a 204 has none at all).
    finals = _finals(ex)
    if len(finals) != 1:
        return False
    f = r7._fields(ex)
    if finals[0]["status"] == 204:
        return "content-length" not in f and "transfer-encoding" not in f
    return f.get("content-length") == ["0"] and "transfer-encoding" not in f


def interim_bare(ex: Ex) -> bool:
    # RFC 9110 8.6 / RFC 9112 6.1: no Content-Length or Transfer-Encoding in a 1xx.
    interim = [r for r in ex["responses"] if r["status"] < 200]
    return (
        len(interim) == 1
        and all(n.lower() not in ("content-length", "transfer-encoding")
                for n, _ in interim[0]["headers"])
        and answers(200)(ex)
    )


def via_kept(ex: Ex) -> bool:
    return (
        answers(200)(ex)
        and ["via", "1.1 proxy.example, 1.0 fred"] in _echoed(ex).get("headers", [])
        and "via" not in r7._fields(ex)
    )


A, B = "a=1; Path=/; SameSite=Lax; Secure", "b=2; Path=/"


def switched(ex: Ex) -> bool:
    # RFC 6455 4.2.2; RFC 9110 8.6 and RFC 9112 6.1: no Content-Length or
    # Transfer-Encoding in a 1xx.
    if not ex["responses"] or ex["responses"][0]["status"] != 101:
        return False
    names = {n.lower() for n, _ in ex["responses"][0]["headers"]}
    return {"upgrade", "connection", "sec-websocket-accept"} <= names and not (
        {"content-length", "transfer-encoding"} & names
    )


def version_426(ex: Ex) -> bool:
    # RFC 6455 4.2.2 item 4 / 4.4: a version the server does not speak is refused with
    # Sec-WebSocket-Version naming the versions it does.
    return r7._status(ex) == 426 and r7._fields(ex).get("sec-websocket-version") == ["13"]


_AUTH_PARAM = re.compile(r'\s*([^=\s,]+)="((?:[^"\\]|\\.)*)"\s*(?:,|$)')


def challenge(scheme: str, **params: str) -> Check:
    """RFC 9110 11.2/5.6.4: a 401's WWW-Authenticate read as a client reads it (each
    auth-param a quoted-string, quoted-pairs unescaped) gives the app's values."""

    def check(ex: Ex) -> bool:
        values = r7._fields(ex).get("www-authenticate", [])
        if r7._status(ex) != 401 or len(values) != 1:
            return False
        got_scheme, _, rest = values[0].partition(" ")
        got: dict[str, str] = {}
        while rest:
            match = _AUTH_PARAM.match(rest)
            if not match:
                return False
            got[match.group(1)] = re.sub(r"\\(.)", r"\1", match.group(2))
            rest = rest[match.end():]
        return got_scheme == scheme and got == params

    return check


def error_as(media_type: str) -> Check:
    """RFC 9110 12.5.1/5.3: the error page in the type the client prefers."""
    return lambda ex: answers(403)(ex) and (
        r7._fields(ex).get("content-type", [""])[0].split(";")[0] == media_type
    )


CHECKS: list[tuple[str, Check | None]] = [
    (r"^6\.5\.1 trailer field not merged", trailer_unmerged("x-t", follow=True)),
    (r"^6\.5\.1 trailer Connection: close not merged",
     trailer_unmerged("connection", follow=True)),
    (r"^6\.5\.1 trailer Host", host_trailer),
    (r"^6\.5\.1 trailer Content-Type", trailer_unmerged("content-type")),
    (r"^6\.5\.1 trailer announced by Trailer",
     lambda ex: trailer_unmerged("x-t")(ex) and "trailer" in _names_seen(ex)),
    (r"^6\.5\.1 trailer on a stream=True", trailer_unmerged("x-t")),
    (r"^6\.5\.1 trailer Connection: close on a stream=True",
     trailer_unmerged("connection", follow=True)),
    (r"^6\.5\.1 trailer (Expect|Upgrade)", no_trailer_acted_on),
    (r"^9112 7\.1\.2 trailer with a field name", answers(400)),
    (r"^9112 7\.1\.2 two trailer fields", trailer_unmerged("x-a", "x-b", follow=True)),
    (r"^10\.1\.4 |^9112 7\.4 ", answers(200)),
    (r"^7\.6\.2 Max-Forwards.*OPTIONS",
     lambda ex: answers(200)(ex) and "allow" in r7._fields(ex)),
    (r"^7\.6\.2 Max-Forwards: 0 on GET", answers(200)),
    (r"^7\.6\.3 ", via_kept),
    (r"^9\.3\.7 OPTIONS echo", answers(200)),
    (r"^9\.3\.7 ", no_content_options),
    (r"^15\.2 ", interim_bare),
    (r"^6265 3 Set-Cookie not folded: headers\.add", r7.cookies("x=9", A, B)),
    (r"^6265 3 Set-Cookie not folded", r7.cookies(A, B)),
    (r"^6265 3 Set-Cookie of a raised", r7.cookies("c=3")),
    (r"^6455 4\.2\.2 101", switched),
    (r"^6455 4\.2\.1 version", version_426),
    (r"^6455 4\.2\.1 key of 17", answers(400)),
    (r"^6455 4\.2\.1 (Connection|Upgrade) over two lines", switched),
    (r"^5\.4 trailer section over", lambda ex: len(_finals(ex)) == 1
     and 400 <= _finals(ex)[0]["status"] < 500),
    (r"^11\.2 challenge parameters.*: plain", challenge("Basic", realm="r")),
    (r"^11\.2 challenge parameters.*: quote", challenge("Basic", realm='a"b')),
    (r"^11\.2 challenge parameters.*: backslash", challenge("Basic", realm="a\\b")),
    (r"^11\.2 challenge parameters.*: bearer",
     challenge("Bearer", error="invalid_token", error_description='bad "sig"')),
    (r"^5\.6\.1\.2 empty range-set elements ignored: .* bytes= ,-3",
     lambda ex: answers(206)(ex) and r7._fields(ex).get("content-range") == ["bytes 8-10/11"]),
    (r"^5\.6\.1\.2 empty range-set elements ignored",
     lambda ex: answers(206)(ex) and r7._fields(ex).get("content-range") == ["bytes 0-1/11"]),
    # several ranges: the whole file or a 416 (no multipart/byteranges); compared only
    (r"^14\.2 two real ranges", None),
    (r"^5\.3 Accept on two field lines is one list: the error page", error_as("application/json")),
    (r"^5\.3 Accept on two field lines is one list: the other order", error_as("text/plain")),
    (r"^5\.6\.1\.2 Accept with empty elements", error_as("application/json")),
    # a NUL in a value: refused, or replaced by SP and the next request served (5.5)
    (r"^5\.5 NUL", lambda ex: answers(400)(ex) or answers(200, 200)(ex)),
]

# Hurtle FAILs kept on purpose (pattern, why): none this round.
HURTLE_KEPT: list[tuple[str, str]] = []


def main() -> int:
    return r7.judge_round(HERE / "app_r8.py", HERE / "probes.http", CHECKS, HURTLE_KEPT,
                          CHECKOUT)


if __name__ == "__main__":
    sys.exit(main())
