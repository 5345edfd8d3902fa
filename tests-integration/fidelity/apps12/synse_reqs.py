"""Requests for synse_app.py. The DRIVER: two websocket sessions of the v3 API at once:
status and plugin requests, an unsupported event, a payload without an id, text that is not
JSON, a plugin that does not exist (the SynseError's JSON), a missing argument; then the
first closes with a close frame and the second with a bare FIN."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wsclient as w

REQS = [("GET", "/v3/connect"), ("GET", "/test")]


def DRIVER(port):
    a, sa, ra = w.connect(port, "/v3/connect")
    b, sb, rb = w.connect(port, "/v3/connect")
    lines = [sa, sb]
    for msg in ('{"id": 1, "event": "request/status"}', '{"id": 2, "event": "request/plugin", "data": {"plugin": "p1"}}',
                '{"id": 3, "event": "request/bogus"}', '{"event": "request/status"}', "not json",
                '{"id": 4, "event": "request/plugin", "data": {"plugin": "zz"}}', '{"id": 5, "event": "request/plugin"}'):
        w.send_text(a, msg)
        lines.append(f"a <- {msg}: {w.read(a, 0.3, ra)}")
        ra = b""
    w.send_text(b, '{"id": 9, "event": "request/status"}')
    lines.append(f"b: {w.read(b, 0.3, rb)}")
    w.send_close(a, 1000, b"done")
    lines.append(f"a closes: {w.read(a, 0.5)}")
    b.close()
    a.close()
    return lines
