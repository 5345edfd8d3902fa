"""Group a ``sanic-diff --json`` result: real differences vs HTML pages that differ only in markup.

Sanic's HTML error pages carry ~70 kB of its own CSS and JavaScript, which Hurtle does not
copy (clean room), so an HTML body is compared by its visible text instead.

    sanic-diff APP.py REQ.http --json > out.json; python3 summarize.py out.json [-v]
"""

from __future__ import annotations

import html
import json
import re
import sys

_DROP = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
# The end-user apology and the footer are worded differently on purpose (clean room).
_BOILERPLATE = re.compile(
    r"We're sorry, but .*? appreciate your patience\.|Something went wrong while handling"
    r" this request\. Try again in a moment\.|powered\s+by\s+(Sanic|Hurtle \(Sanic API\))"
)


def visible(body: str) -> str:
    """The text a browser shows for an HTML body, whitespace collapsed."""
    text = html.unescape(_TAG.sub(" ", _DROP.sub(" ", body)))
    return " ".join(_BOILERPLATE.sub("", text).split())


_FRAME = re.compile(r"\n    File (?P<file>[^\n]*?), line \d+, in [^\n]*\n    [^\n]*\n")


def _app_frames(body: str) -> str:
    """Debug tracebacks without the framework's own frames (they differ by design)."""
    body = _FRAME.sub(lambda m: m.group(0) if "/fidelity/" in m.group("file") else "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body)
    try:
        data = json.loads(body)
    except ValueError:
        return body
    for exc in data.get("exceptions", []) if isinstance(data, dict) else []:
        exc["frames"] = [f for f in exc.get("frames", []) if "/fidelity/" in f.get("file", "")]
    return json.dumps(data, sort_keys=True)


def normal(side: dict) -> list:
    out = []
    for resp in side.get("responses", []):
        # Sanic lists Allow in set order (it changes from run to run); compare as a set.
        headers = sorted(
            (k, ", ".join(sorted(v.split(", "))) if k == "allow" else v)
            for k, v in resp.get("headers", [])
            if k not in {"content-length", "date"}
        )
        body = resp.get("body_text", "")
        ctype = dict(resp.get("headers", [])).get("content-type", "")
        if ctype.startswith("text/html"):
            body = visible(body)
        elif "Traceback" in body or '"frames"' in body:
            body = _app_frames(body)
        out.append((resp.get("status_line"), headers, body))
    return [out, side.get("connection"), side.get("unparsed")]


def main(path: str, verbose: bool = False) -> int:
    data = json.load(open(path))
    real = markup = 0
    for req in data["requests"]:
        if req["same"]:
            continue
        if normal(req["sanic"]) == normal(req["hurtle"]):
            markup += 1
            continue
        real += 1
        print(f"[{req['index']}] {req['name']}")
        if verbose:
            for a, b in zip(normal(req["sanic"])[0], normal(req["hurtle"])[0], strict=False):
                for x, y in zip(a, b, strict=False):
                    if x != y:
                        print(f"    sanic:  {x!r:.600}\n    hurtle: {y!r:.600}")
    total = len(data["requests"])
    print(f"{total} listed, {real} differ beyond HTML markup, {markup} differ only in HTML markup or Allow order")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "-v" in sys.argv[2:]))
