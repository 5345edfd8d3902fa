"""Count the entries of asgi_replay.sh and clients.sh outputs (pairs of
<out>/{asgi_app_X,clients_X}.{sanic,hurtle}.json) that are alike or differ, and name
the differing ones.

    python3 tally.py [/tmp/fidelity-tutorials2]
"""

import json
import sys
from pathlib import Path

out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/fidelity-tutorials2")
for kind in ("asgi", "clients"):
    total = alike = 0
    for sanic in sorted(out.glob(f"{kind}_*.sanic.json")):
        hurtle = sanic.with_name(sanic.name.replace(".sanic.", ".hurtle."))
        try:
            a, b = json.loads(sanic.read_text()), json.loads(hurtle.read_text())
        except (OSError, ValueError):
            print(f"{sanic.name}: unreadable")
            continue
        pairs = zip(a, b, strict=False) if isinstance(a, list) else ((a[k], b.get(k)) for k in a)
        names = [e.get("request") for e in a] if isinstance(a, list) else list(a)
        for name, (x, y) in zip(names, pairs, strict=False):
            total += 1
            if x == y:
                alike += 1
            else:
                print(f"{sanic.name.split('.')[0]}: {name}")
    print(f"{kind}: {total} entries, {alike} alike, {total - alike} differ")
