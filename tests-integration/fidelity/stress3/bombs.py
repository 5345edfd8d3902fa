"""Parser bombs over one socket each (forms, JSON, multipart, cookies) while another
connection pings `/`: status, time, RSS.  python bombs.py PORT [CASE...]
"""

import json
import socket
import sys
import threading
import time

port = int(sys.argv[1])


def req(data, timeout=20):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(timeout)
    t = time.perf_counter()
    s.sendall(data)
    buf = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            buf += b
            if b"\r\n\r\n" in buf:
                head, _, body = buf.partition(b"\r\n\r\n")
                cl = [ln for ln in head.split(b"\r\n") if ln.lower().startswith(b"content-length:")]
                if cl and len(body) >= int(cl[0].split(b":")[1]):
                    break
    except TimeoutError:
        buf += b"<timeout>"
    s.close()
    return time.perf_counter() - t, buf


def post(path, body, ctype):
    return req(
        b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
        % (path, ctype, len(body))
        + body
    )


def stats():
    return json.loads(
        req(b"GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[1].split(
            b"\r\n\r\n", 1
        )[1]
    )


lat = []
stop = False


def pinger():
    while not stop:
        dt, r = req(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        lat.append(dt)
        time.sleep(0.02)


def show(name, res):
    dt, buf = res
    head, _, body = buf.partition(b"\r\n\r\n")
    first = head.split(b"\r\n")[0].decode()
    print(f"{name:22} {dt:6.2f}s {first!s:30} {body[:70]!r}")


base = stats()
print("start", base["rss_kb"], base["fds"])
th = threading.Thread(target=pinger)
th.start()
cases = [
    (
        "form100k",
        lambda: post(
            b"/form",
            b"&".join(b"f%d=v" % i for i in range(100_000)),
            b"application/x-www-form-urlencoded",
        ),
    ),
    (
        "form1M_same",
        lambda: post(
            b"/form",
            b"&".join(b"a=v" for i in range(1_000_000)),
            b"application/x-www-form-urlencoded",
        ),
    ),
    (
        "json_deep1M",
        lambda: post(b"/json", b"[" * 1_000_000 + b"]" * 1_000_000, b"application/json"),
    ),
    (
        "json_deep_obj",
        lambda: post(b"/json", b'{"a":' * 200_000 + b"1" + b"}" * 200_000, b"application/json"),
    ),
    ("json_deep_900", lambda: post(b"/json", b"[" * 900 + b"]" * 900, b"application/json")),
    ("json_deep_5000", lambda: post(b"/json", b"[" * 5000 + b"]" * 5000, b"application/json")),
    (
        "mp_10k_parts",
        lambda: post(
            b"/files",
            b"".join(
                b'--B\r\nContent-Disposition: form-data; name="f%d"\r\n\r\nv\r\n' % i
                for i in range(10_000)
            )
            + b"--B--\r\n",
            b"multipart/form-data; boundary=B",
        ),
    ),
    (
        "mp_10k_files",
        lambda: post(
            b"/files",
            b"".join(
                b'--B\r\nContent-Disposition: form-data; name="f%d"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nv\r\n'
                % i
                for i in range(10_000)
            )
            + b"--B--\r\n",
            b"multipart/form-data; boundary=B",
        ),
    ),
    (
        "mp_huge_head",
        lambda: post(
            b"/files",
            b'--B\r\nContent-Disposition: form-data; name="f"\r\n'
            + b"X-A: "
            + b"a" * 5_000_000
            + b"\r\n\r\nv\r\n--B--\r\n",
            b"multipart/form-data; boundary=B",
        ),
    ),
    (
        "mp_many_headers",
        lambda: post(
            b"/files",
            b'--B\r\nContent-Disposition: form-data; name="f"\r\n'
            + b"X-A: a\r\n" * 300_000
            + b"\r\nv\r\n--B--\r\n",
            b"multipart/form-data; boundary=B",
        ),
    ),
    (
        "mp_cd_params",
        lambda: post(
            b"/files",
            b'--B\r\nContent-Disposition: form-data; name="f"'
            + b"; a=b" * 300_000
            + b"\r\n\r\nv\r\n--B--\r\n",
            b"multipart/form-data; boundary=B",
        ),
    ),
    (
        "cookies_1000",
        lambda: req(
            b"GET /cookies HTTP/1.1\r\nHost: x\r\nCookie: "
            + b"; ".join(b"c%d=1" % i for i in range(1000))
            + b"\r\nConnection: close\r\n\r\n"
        ),
    ),
    (
        "cookies_lines",
        lambda: req(
            b"GET /cookies HTTP/1.1\r\nHost: x\r\n"
            + b"".join(b"Cookie: c%d=1\r\n" % i for i in range(600))
            + b"Connection: close\r\n\r\n"
        ),
    ),
    (
        "args_1500",
        lambda: req(
            b"GET /args?"
            + b"&".join(b"a%d=1" % i for i in range(1500))
            + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
    ),
]
only = sys.argv[2:]
for name, fn in cases:
    if only and name not in only:
        continue
    n0 = len(lat)
    show(name, fn())
    s = stats()
    mx = max(lat[n0:], default=0)
    print(f"{'':22} rss {s['rss_kb']} fds {s['fds']} pings during {len(lat) - n0} max {mx:.2f}s")
stop = True
th.join()
