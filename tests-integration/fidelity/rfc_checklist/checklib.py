"""Helpers of the raw-socket RFC checks: send bytes, split the answers, print PASS/FAIL.

A check script runs as `python SCRIPT.py PORT [filter]` against one server."""

import re
import socket
import sys
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
FILT = sys.argv[2] if len(sys.argv) > 2 else ""


def read_all(s, idle=1.0, total=5.0):
    """What ``s`` receives until it is quiet for ``idle`` s (at most ``total`` s), and
    whether the peer closed (True) or reset ("reset") the connection."""
    s.settimeout(idle)
    out = b""
    closed = False
    end = time.monotonic() + total
    while time.monotonic() < end:
        try:
            b = s.recv(65536)
        except TimeoutError:
            break
        except ConnectionResetError:
            closed = "reset"
            break
        if not b:
            closed = True
            break
        out += b
    return out, closed


def exchange(data, idle=0.6, total=4.0, chunks=None):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=total)
    try:
        for part in chunks or [data]:
            s.sendall(part)
            if chunks:
                time.sleep(0.15)
        return read_all(s, idle, total)
    finally:
        s.close()


def parse(out):
    """Split responses: list of (status, headers(list), body)."""
    res = []
    rest = out
    while rest:
        i = rest.find(b"\r\n\r\n")
        if i < 0:
            res.append((None, [], rest))
            break
        head = rest[:i].decode("latin-1").split("\r\n")
        rest = rest[i + 4 :]
        m = re.match(r"HTTP/\d\.\d (\d{3})", head[0])
        st = int(m.group(1)) if m else None
        hs = [tuple(x.split(":", 1)) for x in head[1:]]
        hs = [(k.strip().lower(), v.strip()) for k, v in hs]
        hd = dict(hs)
        body = b""
        if st and (100 <= st < 200 or st in (204, 304)) or (res_is_head[0]):
            body = b""
        elif "content-length" in hd:
            n = int(hd["content-length"])
            body = rest[:n]
            rest = rest[n:]
        elif hd.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                j = rest.find(b"\r\n")
                if j < 0:
                    break
                n = int(rest[:j].split(b";")[0], 16)
                rest = rest[j + 2 :]
                if n == 0:
                    k = rest.find(b"\r\n")
                    while k > 0:
                        rest = rest[k + 2 :]
                        k = rest.find(b"\r\n")
                    rest = rest[2:]
                    break
                body += rest[:n]
                rest = rest[n + 2 :]
        else:
            body = rest
            rest = b""
        res.append((st, hs, body))
        res_is_head[0] = False
    return res


res_is_head = [False]
RESULTS = []


def check(name, ref, data, pred, head=False, **kw):
    if FILT and FILT not in name:
        return
    out, closed = exchange(data, **kw)
    res_is_head[0] = head
    try:
        rs = parse(out)
    except Exception:
        rs = [(None, [], out)]
    try:
        ok = pred(rs, closed, out)
    except Exception as e:
        ok = f"ERR {e!r}"
    first = out.split(b"\r\n\r\n")[0][:200].decode("latin-1").replace("\r\n", " | ")
    print(
        f"{'PASS' if ok is True else 'FAIL'} [{ref}] {name} :: closed={closed} n={len(rs)} :: {first}"
    )
    RESULTS.append((name, ok))


def H(rs, name, i=0):
    return [v for k, v in rs[i][1] if k == name]


def st(rs, i=0):
    return rs[i][0] if len(rs) > i else None
