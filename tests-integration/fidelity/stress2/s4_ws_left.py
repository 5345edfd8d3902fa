import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import socket

from probe import Server, rst

which = sys.argv[1]
port = 18701 if which == "hurtle" else 18702
single = sys.argv[2] == "1" if len(sys.argv) > 2 else True
port += 0 if single else 10
srv = Server(which, port, {}, single)


def wsconn(path):
    s = socket.socket()
    s.connect(("127.0.0.1", port))
    s.settimeout(5)
    s.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    d = b""
    while b"\r\n\r\n" not in d:
        d += s.recv(1)
    return s


CLOSE = bytes([0x88, 0x82]) + b"\0\0\0\0" + b"\x03\xe8"
for how in ["close frame + close", "FIN only", "RST"]:
    srv.get("/clear")
    base = srv.stats()
    socks = []
    for _i in range(100):
        s = wsconn("/wsnoread")
        if how.startswith("close frame"):
            s.sendall(CLOSE)
            time.sleep(0.01)
            s.close()
        elif how == "FIN only":
            s.close()
        else:
            rst(s)
    time.sleep(3)
    st = srv.stats()
    print(
        f"{which} /wsnoread x100, client {how}: fds {base['fds']}->{st['fds']} tasks {base['tasks']}->{st['tasks']} | handler: {st['events'][-1:]}"
    )
print(srv.stop())
