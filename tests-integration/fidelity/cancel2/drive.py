"""Round two of cancel/drive.py (its Server and helpers), against cancel2/app.py.

python drive.py PYTHON [SCENARIO ...]   (loopback only; each server is ended by PID)
"""

import os
import socket
import struct
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cancel"))

from drive import get, head, main, read_all, ws_frame, ws_handshake  # noqa: E402

SCENARIOS = {}


def scenario(env=None):
    def deco(fn):
        SCENARIOS[fn.__name__] = (fn, env or {})
        return fn

    return deco


def close_frame(code=1000, reason=b""):
    payload = struct.pack("!H", code) + reason
    return bytes([0x88, 0x80 | len(payload)]) + b"\0\0\0\0" + payload


def ws_open(srv, path, rst=False):
    s = srv.conn(rst=rst)
    s.sendall(ws_handshake(path))
    s.settimeout(2)
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(4096)
    return s, data.split(b"\r\n", 1)[0].decode()


def frames(data):
    """(opcode, payload) of the unmasked frames a server sent."""
    out = []
    while len(data) >= 2:
        op, n = data[0] & 0x0F, data[1] & 0x7F
        i = 2
        if n == 126:
            n, i = struct.unpack("!H", data[2:4])[0], 4
        elif n == 127:
            n, i = struct.unpack("!Q", data[2:10])[0], 10
        out.append((op, data[i : i + n][:40]))
        data = data[i + n :]
    return out


# -- websockets ----------------------------------------------------------------


@scenario()
def ws_vanish_mid_message(srv):
    """A frame header for 100 bytes, 10 bytes of it, then FIN."""
    s, line = ws_open(srv, "/ws")
    print("client:", line)
    s.sendall(bytes([0x81, 0x80 | 100]) + b"\0\0\0\0" + b"x" * 10)
    time.sleep(0.3)
    s.close()
    time.sleep(1)


@scenario()
def ws_vanish_mid_message_rst(srv):
    s, line = ws_open(srv, "/ws", rst=True)
    s.sendall(bytes([0x81, 0x80 | 100]) + b"\0\0\0\0" + b"x" * 10)
    time.sleep(0.3)
    s.close()
    time.sleep(1)


@scenario()
def ws_async_for_vanish(srv):
    """`async for msg in ws`: two messages, then FIN; again with a close frame first."""
    for close in (False, True):
        s, line = ws_open(srv, "/wsfor")
        s.sendall(ws_frame(b"a") + ws_frame(b"b") + (close_frame(1000) if close else b""))
        time.sleep(0.3)
        s.close()
        time.sleep(0.5)


@scenario()
def ws_vanish_fragmented(srv):
    """The first fragment of a message (FIN bit clear), then FIN."""
    s, line = ws_open(srv, "/ws")
    s.sendall(bytes([0x01, 0x85]) + b"\0\0\0\0" + b"hello")
    time.sleep(0.3)
    s.close()
    time.sleep(1)


@scenario()
def ws_vanish_handshake(srv):
    """Half a handshake then FIN; a whole one then RST before reading the 101."""
    s = srv.conn()
    s.sendall(ws_handshake("/ws")[:40])
    time.sleep(0.3)
    s.close()
    s = srv.conn(rst=True)
    s.sendall(ws_handshake("/ws"))
    s.close()
    time.sleep(1)


@scenario()
def ws_close_no_wait(srv):
    """A close frame, then the socket closed at once."""
    s, line = ws_open(srv, "/ws")
    s.sendall(ws_frame(b"hi") + close_frame(1000, b"done"))
    s.close()
    time.sleep(1)


@scenario()
def ws_close_no_wait_rst(srv):
    s, line = ws_open(srv, "/ws", rst=True)
    s.sendall(ws_frame(b"hi") + close_frame(1000, b"done"))
    s.close()
    time.sleep(1)


@scenario()
def ws_server_close_client_sends(srv):
    """The handler closes after one message; the client sends 20 more, then answers."""
    s, line = ws_open(srv, "/wsclose")
    s.sendall(ws_frame(b"first"))
    sent = 0
    try:
        for _ in range(20):
            time.sleep(0.02)
            s.sendall(ws_frame(b"more"))
            sent += 1
    except OSError as e:
        print("client send failed:", type(e).__name__, "after", sent)
    time.sleep(0.5)
    data, how = read_all(s, 1.5)
    print("client frames before answering:", frames(data), how)
    try:
        s.sendall(close_frame(1000))
        data, how = read_all(s, 3)
        print("client after answering:", frames(data), how)
    except OSError as e:
        print("client answer failed:", type(e).__name__)
    time.sleep(0.5)


@scenario({"WEBSOCKET_PING_INTERVAL": 0.5, "WEBSOCKET_PING_TIMEOUT": 0.5})
def ws_ping_timeout(srv):
    s, line = ws_open(srv, "/ws")
    data, how = read_all(s, 3)
    print("client:", frames(data), how)
    time.sleep(0.5)


@scenario()
def ws_return_pending_recv(srv):
    s, line = ws_open(srv, "/wspending")
    data, how = read_all(s, 1)
    print("client before answering:", frames(data), how)
    s.sendall(ws_frame(b"late") + close_frame(1000))
    data, how = read_all(s, 2)
    print("client after answering:", frames(data), how)
    time.sleep(0.3)


@scenario()
def ws_recv_timeout_return(srv):
    s, line = ws_open(srv, "/wstimeout")
    data, how = read_all(s, 1.5)
    print("client:", frames(data), how)
    s.sendall(close_frame(1000))
    data, how = read_all(s, 2)
    print("client after answering:", frames(data), how)


def ws_app_stop(srv, close=True):
    """app.stop() from a route while a websocket is open; the client answers the close
    (and closes its socket at the server's FIN, or keeps it: ws_app_stop_lingering)."""
    s, line = ws_open(srv, "/ws")
    got = []

    def answer():
        data, how = b"", ""
        s.settimeout(5)
        t = time.monotonic()
        try:
            while not any(op == 8 for op, _ in frames(data)):
                b = s.recv(4096)
                if not b:
                    how = "EOF"
                    break
                data += b
            got.append(f"{frames(data)} after {time.monotonic() - t:.1f}s {how}")
            s.sendall(close_frame(1000))
            got.append(read_all(s, 3)[1])
            if close:
                s.close()
        except OSError as e:
            got.append(repr(e))

    th = threading.Thread(target=answer)
    th.start()
    c = srv.conn()
    c.sendall(get("/stop"))
    print("client stop:", head(read_all(c, 3)[0]))
    th.join(8)
    print("client ws:", got)
    time.sleep(1)
    print("process:", srv.proc.poll())


SCENARIOS["ws_app_stop"] = (ws_app_stop, {"GRACEFUL_SHUTDOWN_TIMEOUT": 2})
SCENARIOS["ws_app_stop_lingering"] = (
    lambda srv: ws_app_stop(srv, close=False),
    {"GRACEFUL_SHUTDOWN_TIMEOUT": 2},
)


@scenario()
def gone_mid_head(srv):
    """No bytes then FIN; half a head then FIN; half a head then RST; a head without its
    last CRLF then FIN; a request line only then FIN (the access lines and middleware)."""
    for raw, rst in (
        (b"", False),
        (b"GET / HT", False),
        (b"GET / HT", True),
        (b"GET / HTTP/1.1\r\nHost: x\r\n", False),
        (b"GET /sleep HTTP/1.1\r\n", False),
    ):
        s = srv.conn(rst=rst)
        if raw:
            s.sendall(raw)
        time.sleep(0.2)
        s.close()
        time.sleep(0.3)


# -- request bodies ------------------------------------------------------------


def cut_chunk(srv, path, rst):
    s = srv.conn(rst=rst)
    s.sendall(
        f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        + b"5\r\naaaaa\r\n40\r\n"
        + b"b" * 20
    )
    time.sleep(0.4)
    s.close()
    time.sleep(1)


@scenario()
def stream_cut_mid_chunk_fin(srv):
    cut_chunk(srv, "/stream", False)


@scenario()
def stream_cut_mid_chunk_rst(srv):
    cut_chunk(srv, "/stream", True)


@scenario()
def stream_for_cut_mid_chunk_fin(srv):
    cut_chunk(srv, "/stream?for=1", False)


@scenario()
def stream_cut_mid_chunk_size_fin(srv):
    """FIN in the middle of a chunk-size line."""
    s = srv.conn()
    s.sendall(
        b"POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\naaaaa\r\n4"
    )
    time.sleep(0.4)
    s.close()
    time.sleep(1)


@scenario()
def stream_cut_length_half_close(srv):
    """Content-Length 100, 10 bytes, then shutdown(SHUT_WR): the body can never end."""
    s = srv.conn()
    s.sendall(b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"a" * 10)
    time.sleep(0.3)
    s.shutdown(socket.SHUT_WR)
    d, how = read_all(s, 3)
    print("client:", head(d), how)


@scenario()
def stream_expect_continue_left(srv):
    """Expect: 100-continue on a stream=True route; the client reads the 100 and leaves."""
    s = srv.conn()
    s.sendall(
        b"POST /stream HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
        b"Content-Length: 10\r\n\r\n"
    )
    s.settimeout(2)
    try:
        print("client:", s.recv(100)[:25])
    except OSError as e:
        print("client:", type(e).__name__)
    s.close()
    time.sleep(1)


@scenario()
def stream_cut_in_trailers(srv):
    """All the chunks and the last-chunk, then FIN inside a trailer field."""
    s = srv.conn()
    s.sendall(
        b"POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\naaaaa\r\n0\r\nX-Trailer: a"
    )
    time.sleep(0.4)
    s.close()
    time.sleep(1)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 1})
def stop_while_reading_body(srv):
    """SIGTERM while a stream=True handler waits for the rest of its body; an idle
    connection with half a head, too."""
    s = srv.conn()
    s.sendall(b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"a" * 10)
    h = srv.conn()
    h.sendall(b"GET / HTTP/1.1\r\nHo")
    time.sleep(0.5)
    print("term:", srv.term())
    for name, c in (("stream", s), ("half head", h)):
        d, how = read_all(c, 3)
        print(f"client {name}:", head(d), how)


@scenario()
def body_cut_mid_chunk_fin(srv):
    """The same cut on a plain (buffered) route."""
    cut_chunk(srv, "/echo", False)


# -- responses -----------------------------------------------------------------


@scenario()
def slow_reader_big_stream(srv):
    """A client with a 4 KB receive buffer asks for 6.5 MB and reads nothing for 1.5 s."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", srv.port))
    s.sendall(get("/big?n=100"))
    time.sleep(1.5)
    c = srv.conn()
    c.sendall(get("/sent"))
    d, _ = read_all(c, 1)
    n = int(d.rsplit(b"\r\n\r\n", 1)[-1] or b"-1")
    print("sends returned while the client read nothing:", "<= 64" if n <= 64 else n)
    d, how = read_all(s, 40)
    print("client: all in", d.endswith(b"\r\n0\r\n\r\n"), how)
    s.close()
    time.sleep(0.3)


@scenario()
def slow_reader_reset(srv):
    """The same client resets after 1.5 s without reading."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.connect(("127.0.0.1", srv.port))
    s.sendall(get("/big?n=800"))
    time.sleep(1.5)
    s.close()
    time.sleep(1)


@scenario()
def half_close_after_request(srv):
    """RFC 9112 9.6: a request then shutdown(SHUT_WR); the answer should still come."""
    for raw in (
        get("/"),
        b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        get("/sleep?t=0.3"),
        get("/") + get("/"),
    ):
        s = srv.conn()
        s.sendall(raw)
        s.shutdown(socket.SHUT_WR)
        d, how = read_all(s, 3)
        print("client:", d.count(b"HTTP/1.1 200"), "x 200,", head(d), how)
    time.sleep(0.5)


@scenario({"KEEP_ALIVE_TIMEOUT": 1, "REQUEST_TIMEOUT": 2})
def keep_alive_half_pipelined(srv):
    """One whole request and the start of the next head; nothing more."""
    s = srv.conn()
    s.sendall(get("/") + b"GET / HTTP/1.1\r\nHo")
    d, how = read_all(s, 5)
    print("client:", d.count(b"HTTP/1.1 "), "responses,", head(d), how)


@scenario({"KEEP_ALIVE_TIMEOUT": 1, "REQUEST_TIMEOUT": 3})
def keep_alive_half_pipelined_body(srv):
    """One whole request, then a head and half its body."""
    s = srv.conn()
    s.sendall(get("/") + b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
    d, how = read_all(s, 6)
    print("client:", d.count(b"HTTP/1.1 "), "responses,", head(d), how)


@scenario({"KEEP_ALIVE_TIMEOUT": 1, "REQUEST_TIMEOUT": 3})
def slow_handler_then_half_head(srv):
    """A 1.5 s handler with the next head half received behind it."""
    s = srv.conn()
    t = time.monotonic()
    s.sendall(get("/sleep?t=1.5") + b"GET / HTTP/1.1\r\nHo")
    d, how = read_all(s, 6)
    print("client:", d.count(b"HTTP/1.1 "), "responses,", head(d), how,
          f"(from the request: {time.monotonic() - t:.1f}s)")


@scenario({"KEEP_ALIVE_TIMEOUT": 1, "REQUEST_TIMEOUT": 2})
def slower_handler_then_half_head(srv):
    """A 3 s handler (over REQUEST_TIMEOUT) with the next head half received behind it."""
    s = srv.conn()
    t = time.monotonic()
    s.sendall(get("/sleep?t=3") + b"GET / HTTP/1.1\r\nHo")
    d, how = read_all(s, 8)
    print("client:", d.count(b"HTTP/1.1 "), "responses,", head(d), how,
          f"(from the request: {time.monotonic() - t:.1f}s)")


@scenario()
def body_half_close(srv):
    """Content-Length 100 on a plain route, 10 bytes, then shutdown(SHUT_WR)."""
    s = srv.conn()
    s.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"a" * 10)
    time.sleep(0.3)
    s.shutdown(socket.SHUT_WR)
    d, how = read_all(s, 3)
    print("client:", head(d), how)


@scenario()
def respond_after_client_left_fin(srv):
    s = srv.conn()
    s.sendall(get("/late?t=0.6"))
    time.sleep(0.2)
    s.close()
    time.sleep(1.5)


@scenario()
def respond_after_client_left_rst(srv):
    s = srv.conn(rst=True)
    s.sendall(get("/late?t=0.6"))
    time.sleep(0.2)
    s.close()
    time.sleep(1.5)


@scenario()
def return_after_client_left_rst(srv):
    """The handler catches the cancellation of a reset and returns a response."""
    for query in ("", "&plain=1"):  # (a plain text() goes out in one piece)
        s = srv.conn(rst=True)
        s.sendall(get("/late2?t=0.6" + query))
        time.sleep(0.2)
        s.close()
        time.sleep(1)


# -- tasks ---------------------------------------------------------------------


def stop_tasks(what):
    def run(srv):
        time.sleep(1)  # (Sanic's SIGTERM handler comes after it accepts connections)
        print("term:", srv.term())

    return run


for what in ("c", "b", "a", "cba"):
    # before_server_stop cancels task a and purges (c), adds a task (b);
    # after_server_stop adds one (a)
    SCENARIOS[f"tasks_at_stop_{what}"] = (stop_tasks(what), {"STOPTASKS": what})


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 3})
def task_added_during_grace(srv):
    """A request the stop lets finish adds a task during the grace."""
    c = srv.conn()
    c.sendall(get("/addtask?t=1"))
    time.sleep(0.3)
    print("term:", srv.term())
    print("client:", head(read_all(c, 3)[0]))


@scenario({"STOPTASKS": "cb"})
def tasks_at_app_stop(srv):
    c = srv.conn()
    c.sendall(get("/stop"))
    print("client stop:", head(read_all(c, 3)[0]))
    time.sleep(1)
    print("process:", srv.proc.poll())


# What differs on purpose (or is Sanic's fault), printed before a scenario's output; the
# README section "Disconnects, cancellation and shutdown, second round" says why.
KEPT = {
    "ws_vanish_mid_message": "kept: recv() raises ConnectionClosedError (Sanic cancels: "
    "CancelledError); Sanic's INFO `connection closed`",
    "ws_vanish_mid_message_rst": "kept: ConnectionClosedError / CancelledError",
    "ws_vanish_fragmented": "kept: ConnectionClosedError / CancelledError",
    "ws_async_for_vanish": "kept: after a close frame `async for` ends (Sanic cancels the "
    "handler, and loses the message sent before the close)",
    "ws_vanish_handshake": "kept: Sanic's error path for a head cut midway (500 141, "
    "exception signal, response middleware); reset before the 101: Hurtle's handler "
    "runs and gets ConnectionClosedError, Sanic's never runs",
    "ws_close_no_wait": "kept: the message before the close frame reaches the handler, "
    "then ConnectionClosedOK (Sanic: CancelledError, message lost)",
    "ws_close_no_wait_rst": "kept: as ws_close_no_wait",
    "ws_server_close_client_sends": "kept: after ws.close() Hurtle waits for the client's "
    "close frame (RFC 6455 7.1.1); Sanic closes TCP at once",
    "ws_ping_timeout": "kept: close reason `keepalive ping timeout`, ConnectionClosedError",
    "ws_return_pending_recv": "kept: the pending recv gets the client's next message "
    "(Sanic: `Task was destroyed but it is pending!`); closing handshake awaited",
    "ws_recv_timeout_return": "kept: closing handshake awaited (RFC 6455 7.1.1)",
    "ws_app_stop": "kept: 1001 `Server shutting down`, ConnectionClosedOK, stop order",
    "ws_app_stop_lingering": "kept: a client keeping TCP open after the closing "
    "handshake holds the stop (1.2 s here; Sanic closes at once)",
    "gone_mid_head": "kept: Sanic's error path and `500 141` line for nobody",
    "stream_cut_mid_chunk_fin": "kept: Sanic's error path for a client that left",
    "stream_cut_mid_chunk_rst": "kept: Sanic's error path for a client that left",
    "stream_for_cut_mid_chunk_fin": "kept: Sanic's error path for a client that left",
    "stream_cut_mid_chunk_size_fin": "kept: Sanic's error path for a client that left",
    "stream_cut_length_half_close": "kept: Sanic's error path for a client that left",
    "stream_expect_continue_left": "kept: Sanic's error path for a client that left",
    "stream_cut_in_trailers": "kept: the body ends with the trailer section (RFC 9112 "
    "7.1.2); Sanic ends it at the last-chunk, answers, and reads the trailer as a head",
    "stop_while_reading_body": "kept: Sanic's `connection_task uncaught` AttributeError "
    "for the half head; stop order",
    "body_cut_mid_chunk_fin": "kept: Sanic's error path for a client that left",
    "slow_reader_big_stream": "kept: the access line at the stream's end",
    "slow_reader_reset": "kept: no `200 chunked` line when the head goes out",
    "half_close_after_request": "kept: a half-closed client is answered (Sanic cancels)",
    "keep_alive_half_pipelined_body": "kept: Sanic's error path at the stop",
    "slow_handler_then_half_head": "kept: REQUEST_TIMEOUT counts from the head's first "
    "byte (Sanic: from the end of the response before it)",
    "slower_handler_then_half_head": "kept: as slow_handler_then_half_head; the 408 comes "
    "at the first timeout check after the response",
    "body_half_close": "kept: Sanic's error path for a client that left",
    "respond_after_client_left_fin": "kept: a half-closed client is answered",
    "respond_after_client_left_rst": "kept: Sanic's `200 chunked` line and exception "
    "signal",
    "return_after_client_left_rst": "kept: Sanic's error path for a client that left",
    "tasks_at_stop_c": "kept: stop order (tasks cancelled after before_server_stop)",
    "tasks_at_stop_b": "kept: Sanic never exits (a task added after its cancellation)",
    "tasks_at_stop_cba": "kept: Sanic never exits",
    "task_added_during_grace": "kept: Sanic never exits",
    "tasks_at_app_stop": "kept: Sanic never exits",
}


def labelled(fn, label):
    def run(srv):
        print(label)
        fn(srv)

    return run


if __name__ == "__main__":
    for name, (fn, env) in list(SCENARIOS.items()):
        if name in KEPT:
            SCENARIOS[name] = (labelled(fn, KEPT[name]), env)
    main(SCENARIOS, os.path.join(HERE, "app.py"))
