"""Raw-socket scenarios for streaming2/app.py, run against Sanic and Hurtle, diffed.

python drive.py [--asgi [--cross]] [--loose] [--only NAME ...] [--show]
  SANIC_PY  (default /tmp/st-ref/bin/python; with --asgi it needs uvicorn)
  HURTLE_PY (default the worktree's .venv/bin/python)
Each scenario opens connections to 127.0.0.1 only, sends bytes split and paused as it says,
half-closes (FIN) or resets (RST) where it says, reads until the server closes or is quiet,
then asks `GET /seen` what the handlers observed. Servers are ended by their own PID.
"""

import argparse
import difflib
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, python: str, asgi: bool, env: dict):
        self.port = free_port()
        e = dict(os.environ, PYTHONUNBUFFERED="1", **env)
        if asgi:
            cmd = [python, "-m", "uvicorn", "--app-dir", HERE, "--port", str(self.port), "--log-level", "warning", "app:app"]
        else:
            cmd = [python, os.path.join(HERE, "app.py"), str(self.port)]
        self.log = open(f"/tmp/streaming2-{self.port}.log", "w+")
        self.proc = subprocess.Popen(cmd, env=e, stdout=self.log, stderr=subprocess.STDOUT, cwd=HERE)
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(8)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)

    def logs(self) -> str:
        self.log.seek(0)
        return self.log.read()


LOOSE = False  # --loose: compare messages, not framing (ASGI: uvicorn frames the answers)


def unframe(data: bytes) -> str:
    """Each response as status, fields other than framing ones, and its decoded body."""
    out = []
    while data:
        end = data.find(b"\r\n\r\n")
        if end < 0:
            out.append(f"<partial head {data[:60]!r}>")
            break
        lines = data[:end].decode("latin-1").split("\r\n")
        data = data[end + 4 :]
        fields = [tuple(x.split(":", 1)) if ":" in x else (x, "") for x in lines[1:]]
        names = {k.strip().lower(): v.strip() for k, v in fields}
        kept = sorted(f"{k.strip().lower()}:{v.strip()}" for k, v in fields
                      if k.strip().lower() not in ("content-length", "transfer-encoding", "server", "date", "connection"))
        status = lines[0]
        body = b""
        code = int(status.split()[1]) if len(status.split()) > 1 and status.split()[1].isdigit() else 0
        if code < 200 or code in (204, 304):
            pass
        elif names.get("transfer-encoding", "").lower() == "chunked":
            while True:
                i = data.find(b"\r\n")
                if i < 0:
                    body += b"<cut>"
                    data = b""
                    break
                n = int(data[:i].split(b";")[0] or b"0", 16)
                if n == 0:
                    data = data[i + 2 :]
                    j = data.find(b"\r\n")
                    data = data[j + 2 :] if j >= 0 else b""
                    break
                piece = data[i + 2 : i + 2 + n]
                body += piece
                if len(piece) < n:
                    body += b"<cut>"
                    data = b""
                    break
                data = data[i + 2 + n + 2 :]
        elif "content-length" in names:
            n = int(names["content-length"])
            body, data = data[:n], data[n:]
            if len(body) < n:
                body += b"<cut>"
        else:
            body, data = data, b""
        out.append(f"{status} {kept} body={body.decode('latin-1')!r}")
    return " | ".join(out)


def norm(data: bytes) -> str:
    if LOOSE:
        return unframe(data)
    text = data.decode("latin-1")
    text = re.sub(r"(?im)^date: [^\r\n]*\r\n", "", text)
    return text


def run_steps(port: int, steps: list, idle: float = 1.5, total: float = 10) -> list:
    """Send/sleep/fin/rst steps on one connection; return a transcript."""
    out = []
    s = socket.create_connection(("127.0.0.1", port), 3)
    got = b""
    end = "open"
    for step in steps:
        kind = step[0]
        try:
            if kind == "send":
                s.sendall(step[1])
            elif kind == "sleep":
                time.sleep(step[1])
            elif kind == "fin":
                s.shutdown(socket.SHUT_WR)
            elif kind == "rst":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.close()
                return [f"client reset; got {norm(got)!r}"]
            elif kind == "read":
                got += read_for(s, step[1])
                out.append(f"read: {norm(got)!r}")
                got = b""
        except OSError as e:
            out.append(f"{kind}: {type(e).__name__}")
    t0 = time.monotonic()
    s.settimeout(idle)
    while time.monotonic() - t0 < total:
        try:
            d = s.recv(65536)
        except TimeoutError:
            end = "server quiet"
            break
        except ConnectionResetError:
            end = "server reset"
            break
        if not d:
            end = "server closed"
            break
        got += d
    s.close()
    text = norm(got)
    if len(text) > 3000:
        text = text[:1500] + f"...[{len(text)} chars]..." + text[-300:]
    out.append(f"got: {text!r}")
    out.append(f"end: {end}")
    return out


def read_for(s: socket.socket, seconds: float) -> bytes:
    s.settimeout(0.1)
    got = b""
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        try:
            d = s.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
        if not d:
            break
        got += d
    return got


def seen(port: int) -> str:
    time.sleep(0.3)
    s = socket.create_connection(("127.0.0.1", port), 3)
    s.sendall(b"GET /seen HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    s.settimeout(3)
    got = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            got += d
    except OSError:
        pass
    head, _, body = got.partition(b"\r\n\r\n")
    if b"transfer-encoding: chunked" in head.lower():
        text = unframe(got)
        return "seen: " + text[text.index("body=") + 5 :]
    return "seen: " + repr(body.decode("latin-1"))


def req(method: str, path: str, body: bytes = b"", headers: str = "", chunked=None, close=True, version="1.1") -> bytes:
    head = f"{method} {path} HTTP/{version}\r\nHost: x\r\n{headers}"
    if close:
        head += "Connection: close\r\n"
    if chunked is not None:
        head += "Transfer-Encoding: chunked\r\n\r\n"
        data = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunked) + b"0\r\n\r\n"
        return head.encode() + data
    if body or method in ("POST", "PUT", "PATCH"):
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


def chunked(parts) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in parts) + b"0\r\n\r\n"


SCENARIOS: dict = {}


def scenario(fn):
    SCENARIOS[fn.__name__] = fn
    return fn


BODY = bytes(range(97, 123)) * 40  # 1,040 bytes


# -- request streaming --------------------------------------------------------


@scenario
def r_ways(port):
    out = []
    for how in ("read", "iter", "recv"):
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            out += run_steps(port, [("send", req(method, f"/r/{how}", BODY))])
        out += run_steps(port, [("send", req("POST", f"/r/{how}", chunked=[BODY[:7], BODY[7:500], BODY[500:]]))])
        out += run_steps(port, [("send", req("POST", f"/r/{how}"))])
        out += run_steps(port, [("send", req("POST", f"/r/{how}", chunked=[]))])
        out += run_steps(port, [("send", req("GET", f"/r/{how}"))])
        out += run_steps(port, [("send", req("GET", f"/r/{how}", b"get body"))])
    return out


@scenario
def r_variants(port):
    out = []
    for path in ("/r/recv-twice", "/r/read-after-end", "/r/recv-then-read", "/r/iter-after-read", "/r/attrs"):
        out += run_steps(port, [("send", req("POST", path, BODY))])
        out += run_steps(port, [("send", req("POST", path, chunked=[b"ab", b"cd"]))])
        out += run_steps(port, [("send", req("POST", path))])
    out += run_steps(port, [("send", req("GET", "/r/get-attrs"))])
    out += run_steps(port, [("send", req("GET", "/r/get-attrs", b"xyz"))])
    out += run_steps(port, [("send", req("POST", "/r/json?a=1", b'{"k": [1, 2]}', "Content-Type: application/json\r\n"))])
    out += run_steps(port, [("send", req("POST", "/r/json", b"a=1&b=2", "Content-Type: application/x-www-form-urlencoded\r\n"))])
    return out


@scenario
def r_kinds(port):
    out = []
    for method, path in (("POST", "/r/added"), ("PUT", "/r/added"), ("POST", "/r/view"), ("PUT", "/r/view"),
                         ("GET", "/r/view"), ("POST", "/bp/s"), ("PUT", "/bp/s2"), ("POST", "/bp/s3")):
        out += run_steps(port, [("send", req(method, path, BODY))])
        out += run_steps(port, [("send", req(method, path, chunked=[b"x" * 10, b"y" * 3000]))])
    out.append(seen(port))
    return out


@scenario
def r_split(port):
    """A body sent in small pieces with pauses, by Content-Length and chunked, split inside
    chunk-size lines and CRLFs."""
    out = []
    raw = req("POST", "/r/read", BODY)
    out += run_steps(port, [("send", raw[:50]), ("sleep", 0.1), ("send", raw[50:120]), ("sleep", 0.2),
                            ("send", raw[120:700]), ("sleep", 0.2), ("send", raw[700:])])
    raw = req("POST", "/r/iter", chunked=[b"a" * 5, b"b" * 17, b"c" * 300])
    pieces = [raw[i:i + 7] for i in range(0, len(raw), 7)]
    steps = []
    for p in pieces:
        steps += [("send", p), ("sleep", 0.01)]
    out += run_steps(port, steps)
    return out


@scenario
def r_over_max(port):
    """Bodies over REQUEST_MAX_SIZE (2000) on stream routes and a plain route."""
    out = []
    big = b"z" * 5000
    for path in ("/r/read", "/r/iter", "/r/recv", "/r/ignore", "/r/view", "/bp/s", "/plain"):
        out += run_steps(port, [("send", req("POST", path, big))])
        out += run_steps(port, [("send", req("POST", path, chunked=[big[:1000]] * 5))])
    # keep-alive after an over-size stream body
    out += run_steps(port, [("send", req("POST", "/r/read", big, close=False) + req("GET", "/o/basic"))])
    out.append(seen(port))
    return out


@scenario
def r_expect(port):
    out = []
    for path in ("/r/read", "/r/ignore", "/r/recv", "/plain"):
        head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n".encode()
        out += run_steps(port, [("send", head), ("read", 0.5), ("send", b"hello"), ("read", 0.5),
                                ("send", b"GET /o/basic HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")])
        head = f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n".encode()
        out += run_steps(port, [("send", head), ("read", 0.5), ("send", chunked([b"hello"])), ("read", 0.5),
                                ("send", b"GET /o/basic HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")])
    # over the limit with 100-continue
    head = b"POST /r/read HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    out += run_steps(port, [("send", head), ("read", 0.5), ("send", b"q" * 5000)])
    return out


@scenario
def r_unread_pipelined(port):
    """Handlers that read nothing or half, followed by a pipelined request."""
    out = []
    nxt = b"GET /o/basic HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    for path in ("/r/ignore", "/r/half"):
        out += run_steps(port, [("send", req("POST", path, BODY, close=False) + nxt)])
        out += run_steps(port, [("send", req("POST", path, chunked=[BODY[:500], BODY[500:]], close=False) + nxt)])
        # body arrives after the answer
        raw = req("POST", path, BODY, close=False)
        out += run_steps(port, [("send", raw[:-1000]), ("read", 0.5), ("send", raw[-1000:] + nxt)])
        # a chunked body whose rest comes in pieces after the answer
        raw = req("POST", path, chunked=[BODY[:300], BODY[300:600], BODY[600:]], close=False)
        out += run_steps(port, [("send", raw[:400]), ("read", 0.4), ("send", raw[400:700]), ("sleep", 0.2),
                                ("send", raw[700:]), ("sleep", 0.2), ("send", nxt)])
        # over-limit body, never read
        out += run_steps(port, [("send", req("POST", path, b"w" * 5000, close=False) + nxt)])
    out.append(seen(port))
    return out


@scenario
def r_disconnect(port):
    """Clients leaving mid-body: FIN and RST, Content-Length and chunked."""
    out = []
    for path in ("/r/read", "/r/iter", "/r/recv"):
        raw = req("POST", path, BODY)
        out += run_steps(port, [("send", raw[:-300]), ("sleep", 0.3), ("fin",)])
        out.append(seen(port))
        out += run_steps(port, [("send", raw[:-300]), ("sleep", 0.3), ("rst",)])
        out.append(seen(port))
        raw = req("POST", path, chunked=[BODY])[:-5]
        out += run_steps(port, [("send", raw), ("sleep", 0.3), ("fin",)])
        out.append(seen(port))
    return out


@scenario
def r_respond_echo(port):
    out = []
    out += run_steps(port, [("send", req("POST", "/r/respond-echo", chunked=[b"ab", b"cd"]))])
    raw = req("POST", "/r/respond-echo", chunked=[b"ab", b"cd", b"ef"])
    out += run_steps(port, [("send", raw[:90]), ("read", 0.4), ("send", raw[90:])])
    out += run_steps(port, [("send", req("POST", "/r/respond-echo", b"hello"))])
    out += run_steps(port, [("send", req("POST", "/r/raise-midway", BODY))])
    out += run_steps(port, [("send", req("POST", "/r/raise-midway", BODY, close=False) + req("GET", "/o/basic"))])
    return out


@scenario
def r_middleware(port):
    out = []
    for path in ("/r/mw", "/plain", "/bp/s"):
        out += run_steps(port, [("send", req("POST", path, b"hello"))])
        out.append(seen(port))
    return out


@scenario
def r_slow_reader(port):
    """A slow stream reader fed a large body at once (back-pressure)."""
    out = []
    big = b"s" * 1_000_000
    out += run_steps(port, [("send", req("POST", "/r/slow", chunked=[big[i:i + 100_000] for i in range(0, len(big), 100_000)]))], total=60, idle=5)
    out += run_steps(port, [("send", req("POST", "/r/slow", big))], total=60, idle=5)
    out.append(seen(port))
    return out


# -- response streaming -------------------------------------------------------


@scenario
def o_basic(port):
    out = []
    for path in ("/o/basic", "/o/return", "/o/no-eof", "/o/nothing-sent", "/o/respond-resp", "/o/hdr-after",
                 "/o/end-stream", "/o/send-after-eof"):
        out += run_steps(port, [("send", req("GET", path))])
        out.append(seen(port))
    return out


@scenario
def o_twice(port):
    out = []
    for path in ("/o/twice", "/o/twice-uncaught", "/o/twice-after-send"):
        out += run_steps(port, [("send", req("GET", path))])
        out.append(seen(port))
    return out


@scenario
def o_lengths(port):
    out = []
    for path in ("/o/cl", "/o/cl-short", "/o/cl-long", "/o/te", "/o/rs-cl", "/o/fs-cl"):
        out += run_steps(port, [("send", req("GET", path, close=False) + req("GET", "/o/basic"))])
        out.append(seen(port))
    return out


@scenario
def o_raise(port):
    out = []
    for path in ("/o/raise-after-send", "/o/raise-before-send", "/o/abort-after-send", "/o/rs-raise",
                 "/o/rs-raise-first", "/o/rs-eof"):
        out += run_steps(port, [("send", req("GET", path, close=False) + req("GET", "/o/basic"))])
        out.append(seen(port))
    return out


@scenario
def o_head(port):
    out = []
    for path in ("/o/basic", "/o/rs", "/o/fs", "/o/fs?cs=7"):
        out += run_steps(port, [("send", req("HEAD", path, close=False) + req("GET", "/o/basic"))])
        out += run_steps(port, [("send", req("HEAD", path, headers="Range: bytes=0-4\r\n", close=False) + req("GET", "/o/basic"))])
    return out


@scenario
def o_http10(port):
    out = []
    for path in ("/o/basic", "/o/rs", "/o/fs?cs=300", "/o/cl", "/o/nothing-sent", "/o/status/204"):
        out += run_steps(port, [("send", req("GET", path, close=False, version="1.0"))])
        out += run_steps(port, [("send", req("GET", path, headers="Connection: keep-alive\r\n", close=False, version="1.0"))])
        out += run_steps(port, [("send", req("HEAD", path, close=False, version="1.0"))])
    return out


@scenario
def o_file_stream(port):
    out = []
    for q in ("cs=1", "cs=7", "cs=300", "cs=1000", "cs=5000"):
        for rng in ("", "bytes=0-9", "bytes=5-20", "bytes=990-", "bytes=-3", "bytes=995-2000", "bytes=1000-",
                    "bytes=3-2", "bytes=0-0,5-6"):
            h = f"Range: {rng}\r\n" if rng else ""
            out += run_steps(port, [("send", req("GET", f"/o/fs?{q}", headers=h))], idle=1)
    out += run_steps(port, [("send", req("GET", "/o/fs-name"))])
    return out


@scenario
def o_status(port):
    out = []
    for code in (100, 101, 103, 200, 201, 204, 205, 206, 304, 400, 404, 500, 599):
        out += run_steps(port, [("send", req("GET", f"/o/status/{code}", close=False) + req("GET", "/o/basic"))], idle=1)
    return out


@scenario
def o_middleware(port):
    out = []
    for path in ("/o/mw", "/o/mw-rs", "/o/mw-fs", "/o/mw-late"):
        out += run_steps(port, [("send", req("GET", path))])
        out.append(seen(port))
    return out


@scenario
def o_client_gone(port):
    """A client that leaves while a slow stream is sending: FIN and RST; a client that
    never reads a big stream, then resets."""
    out = []
    out += run_steps(port, [("send", req("GET", "/o/slow?n=10&pause=0.1")), ("read", 0.35), ("fin",)])
    out.append(seen(port))
    out += run_steps(port, [("send", req("GET", "/o/slow?n=10&pause=0.1")), ("read", 0.35), ("rst",)])
    time.sleep(1.2)
    out.append(seen(port))
    out += run_steps(port, [("send", req("GET", "/o/big?n=300")), ("sleep", 1), ("rst",)])
    time.sleep(0.5)
    out.append(seen(port))
    return out


@scenario
def o_response_timeout(port):
    """RESPONSE_TIMEOUT 1 (server started with S2_RESPONSE_TIMEOUT=1): a stream that keeps
    sending past it, and one that waits past it before its first and between sends."""
    out = []
    out += run_steps(port, [("send", req("GET", "/o/slow?n=8&pause=0.3"))], total=15)
    out.append(seen(port))
    out += run_steps(port, [("send", req("GET", "/o/slow?n=2&pause=1.6"))], total=15, idle=3)
    out.append(seen(port))
    out += run_steps(port, [("send", req("POST", "/r/respond-echo", chunked=[b"a"])[:-5]), ("sleep", 1.6),
                            ("send", b"0\r\n\r\n")], total=15, idle=3)
    out.append(seen(port))
    return out


@scenario
def o_more(port):
    out = []
    for path in ("/o/cl-long2", "/o/send-kinds", "/o/send-noargs", "/o/send-end-only", "/o/headers-list",
                 "/o/respond-attrs", "/o/mw-raise", "/o/mw-replace", "/o/mw-replace-rs",
                 "/o/keyerror-after-send", "/o/keyerror-before-send", "/o/fs-odd?cs=0", "/o/fs-odd?cs=-1"):
        out += run_steps(port, [("send", req("GET", path, close=False) + req("GET", "/o/basic"))], idle=1.5, total=5)
        out.append(seen(port))
    return out


@scenario
def r_more(port):
    out = []
    nxt = req("GET", "/o/basic")
    for path in ("/r/mw-answers", "/r/mw-respond"):
        out += run_steps(port, [("send", req("POST", path, BODY, close=False) + nxt)])
        out += run_steps(port, [("send", req("POST", path, chunked=[BODY], close=False) + nxt)])
        out.append(seen(port))
    out += run_steps(port, [("send", req("POST", "/r/json-early", b'{"a": 1}', "Content-Type: application/json\r\n"))])
    # pipelined after a fully read stream body
    for path in ("/r/read", "/r/iter", "/r/recv"):
        out += run_steps(port, [("send", req("POST", path, BODY, close=False) + nxt)])
        out += run_steps(port, [("send", req("POST", path, chunked=[BODY[:3], BODY[3:]], close=False) + nxt)])
    # both framings at once
    out += run_steps(port, [("send", b"POST /r/read HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                                     b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")])
    return out


@scenario
def r_duplex(port):
    """Full duplex: the echo's answer to a first chunk is read before the next is sent;
    with Expect: 100-continue; HTTP/1.0; requests pipelined behind it."""
    out = []
    head = b"POST /r/respond-echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
    out += run_steps(port, [("send", head + b"\r\n2\r\nab\r\n"), ("read", 0.5), ("send", b"3\r\ncde\r\n"), ("read", 0.5),
                            ("send", b"0\r\n\r\n" + req("GET", "/o/basic"))])
    out += run_steps(port, [("send", head + b"Expect: 100-continue\r\n\r\n"), ("read", 0.5), ("send", b"2\r\nab\r\n"),
                            ("read", 0.5), ("send", b"0\r\n\r\n" + req("GET", "/o/basic"))])
    out += run_steps(port, [("send", b"POST /r/respond-echo HTTP/1.0\r\nContent-Length: 4\r\n\r\nabcd")])
    out += run_steps(port, [("send", b"POST /r/read HTTP/1.0\r\nContent-Length: 4\r\nConnection: keep-alive\r\n\r\nabcd"
                                     + req("GET", "/o/basic", version="1.0"))])
    out += run_steps(port, [("send", b"POST /r/read HTTP/1.0\r\n\r\nabcd")])
    out += run_steps(port, [("send", req("POST", "/r/read", b"", "Expect: 100-continue\r\n"))])
    three = req("POST", "/r/respond-echo", chunked=[b"x"], close=False) * 2 + req("POST", "/r/respond-echo", chunked=[b"y"])
    out += run_steps(port, [("send", three)])
    return out


@scenario
def r_early_answers(port):
    """Answers given before the body is read: respond()+eof, an error raised at once (400,
    413, 500), a task reading the rest after the handler returned; the next request
    pipelined, the body whole, late, or over REQUEST_MAX_SIZE."""
    out = []
    nxt = req("GET", "/o/basic")
    for path in ("/r/respond-ignore", "/r/raise-first", "/r/raise-first?code=413", "/r/raise-first?code=500",
                 "/r/return-then-task"):
        out += run_steps(port, [("send", req("POST", path, BODY, close=False) + nxt)])
        out += run_steps(port, [("send", req("POST", path, chunked=[BODY[:100], BODY[100:]], close=False) + nxt)])
        raw = req("POST", path, BODY, close=False)
        out += run_steps(port, [("send", raw[:-500]), ("read", 0.5), ("send", raw[-500:] + nxt)])
        out += run_steps(port, [("send", req("POST", path, b"o" * 5000, close=False) + nxt)])
        out += run_steps(port, [("send", req("POST", path, BODY, close=True))])
        out.append(seen(port))
    return out


@scenario
def o_stalled_reader(port):
    """RESPONSE_TIMEOUT 1: a 19.6 MB stream to a client that reads nothing for 3 s, then
    everything; a file_stream the same way."""
    out = []
    for path in ("/o/big?n=300",):
        s = socket.create_connection(("127.0.0.1", port), 3)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        s.sendall(req("GET", path))
        time.sleep(3)
        s.settimeout(3)
        n = 0
        end = "quiet"
        t0 = time.monotonic()
        while time.monotonic() - t0 < 30:
            try:
                d = s.recv(1 << 20)
            except TimeoutError:
                break
            except ConnectionResetError:
                end = "reset"
                break
            if not d:
                end = "closed"
                break
            n += len(d)
        s.close()
        out.append(f"{path}: got {n // 100000 * 100000}+ bytes, {end}")
        out.append(seen(port))
    return out


ENVS = {"o_response_timeout": {"S2_RESPONSE_TIMEOUT": "1"}, "o_stalled_reader": {"S2_RESPONSE_TIMEOUT": "1"}, "r_slow_reader": {"S2_MAX": "100000000", "S2_QUEUE": "2"}}


def run_one(python: str, asgi: bool, name: str) -> tuple:
    srv = Server(python, asgi, ENVS.get(name, {}))
    try:
        lines = SCENARIOS[name](srv.port)
    finally:
        srv.stop()
    return lines, srv.logs()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--asgi", action="store_true")
    ap.add_argument("--cross", action="store_true", help="Sanic's own server against Hurtle under uvicorn")
    ap.add_argument("--only", action="append")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--logs", action="store_true")
    ap.add_argument("--loose", action="store_true", help="compare messages, not framing")
    a = ap.parse_args()
    global LOOSE
    LOOSE = a.loose
    sanic_py = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
    hurtle_py = os.environ.get("HURTLE_PY", os.path.join(ROOT, ".venv", "bin", "python"))
    names = a.only or list(SCENARIOS)
    ndiff = 0
    for name in names:
        s, slog = run_one(sanic_py, a.asgi and not a.cross, name)
        h, hlog = run_one(hurtle_py, a.asgi, name)
        if s == h:
            print(f"= {name} ({len(s)} lines)")
            if a.show:
                print("\n".join(s))
        else:
            ndiff += 1
            print(f"! {name}")
            print("\n".join(difflib.unified_diff(s, h, "sanic", "hurtle", lineterm="", n=1)))
            if a.show:
                print("--- sanic transcript\n" + "\n".join(s))
        if a.logs:
            print("--- sanic log\n" + slog + "--- hurtle log\n" + hlog)
    print(f"drive: {len(names)} scenarios, {ndiff} differ")
    return 1 if ndiff else 0


if __name__ == "__main__":
    sys.exit(main())
