"""Seeded fuzz driver: random keep-alive streams (streams.py) fed through
hurtle_http.testing.FakeConnection in reads cut three ways (1 byte, random, whole),
compared with the reference decoder. Bounded: N streams per seed, one seed per run.

    .venv/bin/python tests-integration/fidelity/chunkfuzz/fuzz.py [N] [SEED] [BAD_SHARE]
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from streams import make_stream, reference

from hurtle_http.response import HTTPResponse
from hurtle_http.testing import FakeConnection, parse_responses


async def echo(request: Any) -> HTTPResponse:
    return HTTPResponse(body=request.path.encode() + b"|" + request.body)


async def serve(data: bytes, reads: list[int]) -> tuple[list[tuple[int, bytes]], bool]:
    conn = FakeConnection(echo)
    pos = 0
    for size in reads:
        if conn.closed:
            break
        conn.receive(data[pos : pos + size])
        pos += size
        await conn.settle()
    await conn.settle()
    closed = conn.closed
    sent = conn.take()
    conn.client_disconnects()
    await conn.settle()
    return [(r.status, r.body) for r in parse_responses(sent)], closed


def expected(data: bytes) -> tuple[list[tuple[int, bytes]], bool]:
    served, bad = reference(data)
    out = [(200, path + b"|" + body) for path, body in served]
    return out, bad


def cuts(rng: random.Random, size: int) -> dict[str, list[int]]:
    randoms = []
    left = size
    while left > 0:
        n = rng.choice([1, 2, 3, 7, rng.randint(1, 64), rng.randint(1, 2000)])
        randoms.append(min(n, left))
        left -= n
    return {"whole": [size], "one": [1] * size, "random": randoms}


def check(data: bytes, rng: random.Random) -> list[str]:
    want, bad = expected(data)
    problems = []
    for name, reads in cuts(rng, len(data)).items():
        try:
            got, closed = asyncio.run(serve(data, reads))
        except Exception as error:
            problems.append(f"{name}: raised {error!r}")
            continue
        if bad:
            ok = got[: len(want)] == want and len(got) == len(want) + 1 and got[-1][0] == 400 and closed
        else:
            ok = got == want and not closed
        early = got and len(got) - 1 < len(want) + bad and got[:-1] == want[: len(got) - 1]
        if not ok and early and got[-1][0] == 400 and closed:
            problems.append(f"{name}: refused early (400 after {len(got) - 1} of {len(want)})")
        elif not ok and bad and got and got == want + [got[-1]] and got[-1][0] == 413 and closed:
            problems.append(f"{name}: refused as 413")
        elif not ok:
            problems.append(f"{name}: got {got!r:.300} closed={closed} want {want!r:.300} bad={bad}")
    return problems


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    bad_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
    rng = random.Random(seed)
    failures = 0
    kinds: dict[str, int] = {}
    bad_cases = 0
    start = time.monotonic()
    for i in range(n):
        if time.monotonic() - start > 480:
            print("time bound reached")
            break
        bad = rng.random() < bad_share
        data = make_stream(rng, rng.randint(1, 5), bad)
        bad_cases += reference(data)[1]
        problems = check(data, rng)
        for p in problems:
            kind = p.split(": ", 1)[1].split(" (")[0] if "refused" in p else "WRONG"
            key = p.split(":")[0] + " " + kind
            kinds[key] = kinds.get(key, 0) + 1
        if any("refused" not in p for p in problems):
            failures += 1
            if failures <= 5:
                print(f"--- case {i} ({len(data)} bytes): {data[:600]!r}")
                for p in problems:
                    print("   ", p)
    print(f"seed {seed}: {i + 1} streams ({bad_cases} with a malformed request), "
          f"{failures} wrong, {time.monotonic() - start:.1f} s; {kinds}")


if __name__ == "__main__":
    main()
