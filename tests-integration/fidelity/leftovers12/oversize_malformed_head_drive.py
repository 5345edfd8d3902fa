import socket
import subprocess
import sys
import time

py, port = sys.argv[1], int(sys.argv[2])
proc = subprocess.Popen(
    [
        py,
        "-c",
        f"import sys; sys.path.insert(0,'.'); from oversize_malformed_head_app import app; app.run(host='127.0.0.1', port={port}, single_process=True, access_log=False, motd=False)",
    ],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)


def status(data, chunk):
    s = socket.create_connection(("127.0.0.1", port), 3)
    s.settimeout(3)
    try:
        for i in range(0, len(data), chunk):
            s.sendall(data[i : i + chunk])
            time.sleep(0.02)
    except OSError:
        pass
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
    except OSError as e:
        out += f"<{type(e).__name__}>".encode()
    s.close()
    return out.split(b"\r\n", 1)[0].decode(errors="replace") or "<closed, nothing>"


try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    cases = {
        "nocolon-big": b"GET / HTTP/1.1\r\nHost: x\r\n"
        + b"X-Long: "
        + b"a" * 900
        + b"\r\nbadline\r\n\r\n",
        "badchar-early": b"GET / HTTP/1.1\r\nHost: x\r\nBad\x01: y\r\n"
        + b"X-Long: "
        + b"a" * 900
        + b"\r\n\r\n",
        "badline-late": b"GET / HTTP/1.1\r\nHost: x\r\n"
        + b"X-Long: "
        + b"a" * 900
        + b"\r\nBad\x01: y\r\n\r\n",
        "bad-reqline": b"GET / HTTX/1.1\r\nHost: x\r\n" + b"X-Long: " + b"a" * 900 + b"\r\n\r\n",
        "bad-method-big": b"G\x01T / HTTP/1.1\r\nHost: x\r\n"
        + b"X-Long: "
        + b"a" * 900
        + b"\r\n\r\n",
        "good-big": b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Long: " + b"a" * 900 + b"\r\n\r\n",
        "bad-at-600": b"GET / HTTP/1.1\r\nHost: x\r\n"
        + b"X-Long: "
        + b"a" * 560
        + b"\r\nBad\x01: y\r\n"
        + b"X-Long: "
        + b"a" * 300
        + b"\r\n\r\n",
        "nocrlf-huge": b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Long: " + b"a" * 900,
    }
    for name, data in cases.items():
        print(f"{name:16}", [status(data, c) for c in (len(data), 100, 7)])
finally:
    proc.terminate()
    proc.wait(5)
