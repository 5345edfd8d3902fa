"""Item 7: a PUT with Content-Range (RFC 9110 14.5, a partial PUT) under both servers.

    bash run_srv.sh PYTHON PORT &   then   python3 put_range_probe.py PORT
"""

import socket
import sys

port = int(sys.argv[1])
for extra in (b"Content-Range: bytes 0-4/10\r\n", b"Content-Range: junk\r\n", b""):
    request = (b"PUT /put HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n"
               + extra + b"\r\nhello")
    with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    print(extra.strip() or b"(none)", answer.split(b"\r\n", 1)[0], answer.rpartition(b"\r\n\r\n")[2])
