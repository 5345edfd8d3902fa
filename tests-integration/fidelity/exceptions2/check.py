"""Count a ``sanic-diff --json`` run of app_exc*.py: alike, kept, open.

    python3 tests-integration/fidelity/exceptions2/check.py /tmp/ex2_app_exc.json [-v]

Bodies are compared as ``summarize.py`` compares them (HTML by visible text, debug
tracebacks without the framework's frames), and a debug HTML page less its traceback
section (Sanic's shows variables and source lines, Hurtle's the frames: kept before). An
HTML page under a ``content-type`` the exception's headers set is compared the same way.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarize import normal, visible

# Kept differences, by request name (see the README section "The exceptions API in depth").
KEPT = {
    # Sanic's class-level headers dict is shared: hdr_inst added a field to it, so every
    # later exception without headers of its own carries the field in Sanic.
    "GET /x/bare_NotFound accept=application/json#last": "class headers leak (Sanic)",
}

# Sanic's debug footer (its version and links; Hurtle's footer is its own).
_FOOTER = re.compile(r"Version \S+ Docs \| Help \| GitHub ")
KEPT_CASES = {
    # SanicException("s", "404"): a status that is no int. Both answer the generic 500
    # outside debug; in debug Sanic's page names its own RuntimeError("Invalid response
    # status '404'") (and it leaves an HTML request unanswered), Hurtle's the exception.
    "status_str": "a str status in debug (Sanic names its own error)",
}


def _kept_because(name: str, sanic: dict) -> str | None:
    case = name.split()[1].rsplit("/", 1)[-1]
    if case in KEPT_CASES:
        return KEPT_CASES[case]
    for resp in sanic.get("responses", []):
        if ("content-type", "None") in [tuple(h) for h in resp.get("headers", [])]:
            # Sanic failed while rendering the page (context values JSON cannot encode, a
            # context that is no mapping, a message that is no str on the debug HTML
            # page): its last-resort 500 with the literal content-type None (kept before).
            return "Sanic's error page failed (content-type: None)"
    return None


_DEBUG = re.compile(r"Details for developers.*?(?=(GET|HEAD) /)", re.S)


def _norm_side(side: dict) -> list:
    """``summarize.normal`` (headers less date and length, HTML as visible text, debug
    frames of the framework dropped), then: object addresses, an HTML page under another
    content type as visible text, a debug HTML page less its traceback section and Sanic's
    footer, a debug text page less its frame lines, a JSON page's frames as present or not.
    """
    out, connection, _ = normal(side)
    pages = []
    for status_line, headers, body in out:
        body = re.sub(r" at 0x[0-9a-f]+", " at 0x..", body)
        if body.lstrip().startswith("<!DOCTYPE html>"):
            body = visible(body)
        if body.startswith("Application "):
            body = _FOOTER.sub("", _DEBUG.sub("Details for developers ", body))
        elif "Traceback" in body or '"frames"' in body:
            try:
                data = json.loads(body)
                for exc in data.get("exceptions", []):
                    exc["frames"] = len(exc.get("frames", [])) > 0
                body = json.dumps(data, sort_keys=True)
            except (ValueError, AttributeError):
                body = re.sub(r"\n    [^\n]*", "", body)  # the frames of the text page
        pages.append((status_line, headers, body))
    return [pages, connection]


def main(path: str, verbose: bool) -> int:
    data = json.load(open(path))
    reqs = data["requests"]
    alike = kept = 0
    reasons: Counter[str | None] = Counter()
    open_ = []
    for i, req in enumerate(reqs):
        name = req["name"] + ("#last" if i == len(reqs) - 1 else "")
        if req["same"] or _norm_side(req["sanic"]) == _norm_side(req["hurtle"]):
            alike += 1
        elif name in KEPT or _kept_because(req["name"], req["sanic"]):
            kept += 1
            reasons[KEPT.get(name) or _kept_because(req["name"], req["sanic"])] += 1
        else:
            open_.append(req)
    for req in open_:
        print(f"[{req['index']}] {req['name']}")
        if verbose:
            a, b = _norm_side(req["sanic"]), _norm_side(req["hurtle"])
            for x, y in zip(a[0], b[0], strict=False):
                for p, q in zip(x, y, strict=False):
                    if p != q:
                        print(f"    sanic:  {p!r:.700}\n    hurtle: {q!r:.700}")
            if a[1] != b[1]:
                print(f"    connection: {a[1]} / {b[1]}")
    for reason, count in reasons.most_common():
        print(f"  kept {count}: {reason}")
    print(f"{len(reqs)} listed: {alike} alike, {kept} kept, {len(open_)} open")
    return 1 if open_ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "-v" in sys.argv[2:]))
