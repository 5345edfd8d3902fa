"""Write the requests for app_pages.py (default /tmp/exc2_pages.http); prints the count."""

from __future__ import annotations

import sys
from pathlib import Path

CASES = [
    "bare_NotFound",
    "ctx",
    "extra",
    "both",
    "ctx_500",
    "hdr",
    "hdr_dup",
    "unauth_basic",
    "mna",
    "valueerror",
    "st_299",
    "quiet_500",
    "pay",
    "st_bytes",
    "bare_ServerKilled",
]
ACCEPTS = [
    None,
    "application/json",
    "text/html",
    "text/plain",
    "*/*;q=0.1, text/html;q=0.5",
    "application/xml",
]


def block(path: str, headers: dict[str, str], method: str = "GET", body: str = "") -> str:
    lines = [f"### {method} {path} {headers}", f"{method} {path} HTTP/1.1", "Host: x"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if body:
        lines.append("Content-Length: auto")
    lines.append("Connection: close")
    return "\n".join(lines) + "\n\n" + (body + "\n" if body else "")


def main() -> None:
    out = []
    for case in CASES:
        for base in ("text", "json", "html"):
            for renderer in ("none", "json"):
                out.append(block(f"/resp/{base}/{renderer}/{case}", {}))
        out.append(block(f"/resp/html/none/{case}?debug=1", {"Accept": "application/json"}))
        out.append(block(f"/resp/text/none/{case}?fallback=json", {}))
        out.append(block(f"/default/{case}", {"Accept": "application/json"}))
        for r in ("text", "json", "html"):
            out.append(block(f"/render/{r}/{case}", {}))
            out.append(block(f"/render/{r}/{case}?debug=1", {}))
    for acc in ACCEPTS:
        out.append(block("/guess", {"Accept": acc} if acc else {}))
        out.append(
            block(
                "/guess",
                {"Content-Type": "application/json", **({"Accept": acc} if acc else {})},
                "POST",
                '{"a": 1}',
            )
        )
    for fmt in ("auto", "json", "text", "html", "xml", "JSON", ""):
        out.append(block(f"/check/{fmt}" if fmt else "/check/%20", {}))
    for acc in ("application/json", "text/plain", "text/html"):
        out.append(block("/translate", {"Accept": acc}))
    for case in ("ctx_500", "both", "valueerror"):
        for method in ("full", "minimal", "render"):
            for flag in ("0", "1"):
                out.append(block(f"/html/{method}/{flag}/{case}", {}))
    for case in ("ctx_500", "both", "valueerror", "hdr", "extra"):
        for renderer in ("text", "json"):
            for method in ("full", "minimal", "render"):
                for flag in ("0", "1"):
                    for handled in ("0", "1"):
                        path = f"/page/{renderer}/{method}/{flag}/{case}?handled={handled}"
                        out.append(block(path, {}))
    Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/exc2_pages.http").write_text("".join(out))
    print(len(out), "requests")


if __name__ == "__main__":
    main()
