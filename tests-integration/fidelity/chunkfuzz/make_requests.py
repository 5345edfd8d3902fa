"""Writes requests.http for sanic-diff: each malformed chunk-size line of streams.py
alone, and N seeded pipelined streams (as #raw blocks, one write each).

    .venv/bin/python tests-integration/fidelity/chunkfuzz/make_requests.py [N] [SEED] > OUT
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from streams import BAD_LINES, make_stream


def escaped(data: bytes) -> str:
    out = []
    for byte in data:
        char = chr(byte)
        if char == "\\":
            out.append("\\\\")
        elif char == "\r":
            out.append("\\r")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\x{byte:02x}")
    return "".join(out)


def block(name: str, data: bytes) -> str:
    return f"### {name}\n#raw\n{escaped(data)}\n"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    head = b"POST /bad HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
    blocks = [
        block(f"bad line {line[:24]!r}", head + line + b"hello\r\n0\r\n\r\n")
        for line in BAD_LINES
    ]
    for i in range(n):
        # streams end with a request that asks to close, so each server's reply ends
        data = make_stream(rng, rng.randint(1, 4), rng.random() < 0.3)
        data += b"GET /end HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
        blocks.append(block(f"stream {i}", data))
    sys.stdout.write("".join(blocks))


if __name__ == "__main__":
    main()
