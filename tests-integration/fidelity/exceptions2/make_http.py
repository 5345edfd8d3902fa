"""Write the requests (every case under each prefix and Accept) for app_exc*.py; prints the count.

.venv/bin/python tests-integration/fidelity/exceptions2/make_http.py [OUT]   # default /tmp/exc2.http (too large to keep)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from app_exc import CASES  # noqa: E402

ACCEPTS = {"json": "application/json", "text": "text/plain", "html": "text/html", "none": None}


def block(path: str, accept: str | None, method: str = "GET") -> str:
    lines = [f"### {method} {path} accept={accept}", f"{method} {path} HTTP/1.1", "Host: x"]
    if accept:
        lines.append(f"Accept: {accept}")
    lines.append("Connection: close")
    return "\n".join(lines) + "\n"


def main() -> None:
    out = []
    # hdr_inst mutates an exception's headers; in Sanic that dict is the class's, shared by
    # every later exception, so it goes last (with one request after it to show the leak).
    for case in [c for c in CASES if c != "hdr_inst"]:
        for acc in ("json", "text", "html", "none"):
            out.append(block(f"/x/{case}", ACCEPTS[acc]))
        for prefix in ("j", "t", "h"):
            out.append(block(f"/{prefix}/{case}", None))
        out.append(block(f"/x/{case}", None, "HEAD"))
        for prefix in ("mw", "rmw", "sig"):
            out.append(block(f"/{prefix}/{case}", ACCEPTS["json"]))
    for case in (
        "bare_SanicException",
        "valueerror",
        "bare_ServerKilled",
        "bare_RequestCancelled",
        "hdr",
    ):
        out.append(block(f"/task/{case}", None))
        out.append(block(f"/sigbg/{case}", None))
    out.append(block("/abort", None))
    out.append(block("/x/hdr_inst", ACCEPTS["json"]))
    out.append(block("/x/bare_NotFound", ACCEPTS["json"]))
    Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/exc2.http").write_text("".join(out))
    print(len(out), "requests")


if __name__ == "__main__":
    main()
