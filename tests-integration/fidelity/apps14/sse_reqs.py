"""Requests for sse_app.py (served by plugins/serve.py). The DRIVER: two listeners of event
`news` and one of `other` open their streams (raw sockets, chunks as read); a send to
`news` (both news listeners get it, `other` not); a send with an unknown `client_id` (not
registered); a send to `other`; a terminate of `news` (both news streams end with the
chunked terminator); sends to `news` after that (not registered); a listener asking with
HTTP/1.0; the `other` listener and the HTTP/1.0 one stay open into the server's stop, whose
`before_server_stop` terminates them and waits for the streams to end (the log shows
`all streams closed`). The REQS: the page, the views without `event`."""

import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/index?event=news"), ("GET", "/sse/event/listen"), ("GET", "/sse/event/send"),
        ("GET", "/sse/event/terminate"), ("GET", "/sse/event/terminate?event=nobody"),
        ("POST", "/sse/event/listen")]


def listen(port, event, version="1.1", extra=""):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(f"GET /sse/event/listen?event={event} HTTP/{version}\r\nHost: x\r\n{extra}\r\n".encode())
    return s


def read(s, wait=0.5):
    s.settimeout(wait)
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
    except OSError:
        pass
    else:
        data += b"<FIN>"
    lines = [ln for ln in data.decode(errors="replace").split("\r\n") if not ln.startswith("date:")]
    return " / ".join(lines)


def DRIVER(port):
    lines = []
    a = listen(port, "news")
    b = listen(port, "news", extra="X-Real-IP: 10.0.0.9\r\n")
    c = listen(port, "other")
    lines += [f"a: {read(a)}", f"b: {read(b, 0.2)}", f"c: {read(c, 0.2)}"]
    lines.append(f"send news: {w.http(port, 'GET', '/sse/event/send?event=news&id=n1')}")
    lines += [f"a: {read(a)}", f"b: {read(b, 0.2)}", f"c: {read(c, 0.2)}"]
    lines.append(f"send unknown client: {w.http(port, 'GET', '/sse/event/send?event=news&client_id=zz')}")
    lines.append(f"send other: {w.http(port, 'GET', '/sse/event/send?event=other&id=o1')}")
    lines += [f"a: {read(a, 0.2)}", f"c: {read(c)}"]
    lines.append(f"terminate news: {w.http(port, 'GET', '/sse/event/terminate?event=news')}")
    lines += [f"a: {read(a, 1.0)}", f"b: {read(b, 0.5)}"]
    lines.append(f"send news again: {w.http(port, 'GET', '/sse/event/send?event=news')}")
    d = listen(port, "other", version="1.0")
    lines.append(f"d (HTTP/1.0): {read(d)}")
    lines.append(f"send other: {w.http(port, 'GET', '/sse/event/send?event=other&id=o2')}")
    lines += [f"c: {read(c)}", f"d: {read(d, 0.3)}"]
    for s in (a, b):
        s.close()
    return lines

# Kept (README, "Real-world apps, fourteenth round"):
KEPT = (
    "the HTTP/1.0 listener: a stream to HTTP/1.0 is not chunked, the close ends it (RFC 9112 "
    "7.1, listed); Sanic sends chunked framing to the 1.0 client. The warnings' source "
    "lines in the log (listed)."
)
