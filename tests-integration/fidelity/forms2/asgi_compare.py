"""forms2's requests against app.py under uvicorn, real Sanic and Hurtle, compared after
taking the framing out (Sanic's ASGI mode streams every body chunked, kept): status, the
headers other than content-length/transfer-encoding, and the body (JSON sorted).

    SANIC_PY=... HURTLE_PY=... python3 asgi_compare.py /tmp/forms2/forms.http [app_loads:app]
"""

from __future__ import annotations

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import compare_asgi_raw as car


def dechunk(data: str) -> tuple[str, str]:
    """A chunked body's content and what follows it (the text as is when not chunked)."""
    out, rest = [], data
    while True:
        size, sep, rest = rest.partition("\n")
        try:
            n = int(size.split(";")[0], 16)
        except ValueError:
            return data, ""
        if not sep:
            return data, ""
        if n == 0:
            return "".join(out), rest[1:] if rest.startswith("\n") else rest
        out.append(rest[:n])
        rest = rest[n + 1 :]


def responses(data: str) -> list[tuple[list[str], str]]:
    """(head lines, body) of each response, framed by content-length or chunked."""
    out = []
    while data.startswith("HTTP/"):
        head, sep, rest = data.partition("\n\n")
        if not sep:
            break
        lines = head.split("\n")
        length = next(
            (int(ln.split(":", 1)[1]) for ln in lines if ln.lower().startswith("content-length:")),
            None,
        )
        if lines[0].split(" ")[1:2] == ["100"]:
            body, data = "", rest
        elif length is not None:
            body, data = rest[:length], rest[length:]
        elif any(ln.lower() == "transfer-encoding: chunked" for ln in lines):
            body, data = dechunk(rest)
        else:
            body, data = rest, ""
        out.append((lines, body))
    return out


def normal(text: str) -> str:
    data, _, end = text.rpartition("\n-- ")
    shown = []
    for lines, body in responses(data):
        keep = [ln for ln in lines if not re.match(r"(?i)(content-length|transfer-encoding):", ln)]
        try:
            body = json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False)
        except ValueError:
            pass
        shown.append("\n".join([keep[0], *sorted(keep[1:])]) + "\n\n" + body)
    return "\n".join(shown) + f"\n-- {end}"


def main() -> int:
    requests = sys.argv[1]
    module = sys.argv[2] if len(sys.argv) > 2 else "app:app"
    cwd = os.path.dirname(os.path.abspath(__file__))
    blocks = car.parse_http(requests)
    seen: dict[str, list[str]] = {}
    for side, python in (("sanic", car.SANIC_PY), ("hurtle", car.HURTLE_PY)):
        port = car.free_port()
        proc = car.start(python, module, port, cwd, "uvicorn", "")
        try:
            seen[side] = [normal(car.exchange(port, raw)) for _, raw in blocks]
        finally:
            car.stop(proc)
    same = 0
    for i, (name, _) in enumerate(blocks):
        a, b = seen["sanic"][i], seen["hurtle"][i]
        if a == b:
            same += 1
            continue
        print(f"[{i + 1}] {name}\n  sanic:  {a[:1500]!r}\n  hurtle: {b[:1500]!r}")
    print(f"asgi: {len(blocks)} requests, {same} same, {len(blocks) - same} differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
