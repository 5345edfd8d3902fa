"""A slow upload for upload_app.py through ``apps_compare.py``: a chunked PUT sent in
four pieces 0.3 s apart while another connection polls ``/files/progress/slow`` between
them (the progress the handler records as each chunk arrives), then the answer; a second
upload whose client leaves (a reset) half way, then its progress. The REQS: the list."""

import socket
import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/files/"), ("GET", "/files/progress/gone")]


def _put(port, name, upload_id):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(f"PUT /files/raw/{name} HTTP/1.1\r\nHost: x\r\nX-Upload-Id: {upload_id}\r\n"
              "Transfer-Encoding: chunked\r\n\r\n".encode())
    return s


def DRIVER(port):
    lines = []
    s = _put(port, "slow.bin", "slow")
    for i in range(4):
        s.sendall(b"100\r\n" + bytes([65 + i]) * 256 + b"\r\n")
        time.sleep(0.3)
        lines.append(f"after chunk {i + 1}: {w.http(port, 'GET', '/files/progress/slow')}")
    s.sendall(b"0\r\n\r\n")
    s.settimeout(2)
    data = b""
    try:
        while b"}" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    head, _, body = data.partition(b"\r\n\r\n")
    status = head.split(b"\r\n")[0].decode()
    lines.append(f"answer: {status} {body.decode()}")
    s.close()
    g = _put(port, "gone.bin", "gone")
    g.sendall(b"100\r\n" + b"z" * 256 + b"\r\n")
    time.sleep(0.3)
    g.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    g.close()
    time.sleep(0.3)
    return lines

# Kept (README, "Real-world apps, sixteenth round"):
KEPT = "Sanic's `body not consumed.` for the polls' empty bodies (listed); nothing else differs."
