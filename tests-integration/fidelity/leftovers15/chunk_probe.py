# ruff: noqa: E701, E702  (a throw-away probe, kept as it ran)
import socket
import sys
import time

port = int(sys.argv[1])
CASES = {
 "plain": b"5\r\nhello\r\n0\r\n\r\n",
 "ext": b"5;ext=1\r\nhello\r\n0\r\n\r\n",
 "sp_before_semi": b"5 ;ext=1\r\nhello\r\n0\r\n\r\n",
 "tab_before_semi": b"5\t;ext=1\r\nhello\r\n0\r\n\r\n",
 "sp_after_semi": b"5; ext=1\r\nhello\r\n0\r\n\r\n",
 "sp_around_eq": b"5;ext = 1\r\nhello\r\n0\r\n\r\n",
 "sp_before_eq": b"5;ext =1\r\nhello\r\n0\r\n\r\n",
 "sp_after_eq": b"5;ext= 1\r\nhello\r\n0\r\n\r\n",
 "all_bws": b"5 ; ext = 1 ; b\r\nhello\r\n0\r\n\r\n",
 "bws_last_chunk": b"5\r\nhello\r\n0 ;x=1\r\n\r\n",
 "quoted": b'5;ext="a b"\r\nhello\r\n0\r\n\r\n',
 "quoted_bws": b'5 ; ext = "a;b"\r\nhello\r\n0\r\n\r\n',
 "name_only_bws": b"5 ;ext\r\nhello\r\n0\r\n\r\n",
 "trailing_sp_size": b"5 \r\nhello\r\n0\r\n\r\n",
 "trailing_sp_ext": b"5;ext=1 \r\nhello\r\n0\r\n\r\n",
 "bare_lf_size": b"5\nhello\r\n0\r\n\r\n",
 "bare_lf_ext": b"5;a=1\nhello\r\n0\r\n\r\n",
 "0x": b"0x5\r\nhello\r\n0\r\n\r\n",
 "junk_after_size": b"5x\r\nhello\r\n0\r\n\r\n",
 "junk_after_sp": b"5 x\r\nhello\r\n0\r\n\r\n",
 "sp_then_semi_junk": b"5 ;\r\nhello\r\n0\r\n\r\n",
 "empty_ext_name": b"5;=1\r\nhello\r\n0\r\n\r\n",
 "semi_only": b"5;\r\nhello\r\n0\r\n\r\n",
 "lead_sp": b" 5\r\nhello\r\n0\r\n\r\n",
 "neg": b"-5\r\nhello\r\n0\r\n\r\n",
 "plus": b"+5\r\nhello\r\n0\r\n\r\n",
 "ctl_in_ext": b"5;a=\x01\r\nhello\r\n0\r\n\r\n",
 "cr_in_ext": b"5;a=1\rb\r\nhello\r\n0\r\n\r\n",
 "lf_in_bws": b"5 \n;a=1\r\nhello\r\n0\r\n\r\n",
 "sp_in_name": b"5;a b=1\r\nhello\r\n0\r\n\r\n",
 "two_semis": b"5;;a=1\r\nhello\r\n0\r\n\r\n",
 "bad_quote": b'5;a="x\r\nhello\r\n0\r\n\r\n',
 "many_sp": b"5" + b" " * 200 + b";a=1\r\nhello\r\n0\r\n\r\n",
}
only = sys.argv[2:]
for name, body in CASES.items():
    if only and name not in only: continue
    req = b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(req)
    out = b""; t = time.monotonic()
    while time.monotonic() - t < 3:
        try: c = s.recv(65536)
        except (TimeoutError, ConnectionResetError): break
        if not c: break
        out += c
    s.close()
    first = out.split(b"\r\n", 1)[0].decode(errors="replace")
    body_ = out.partition(b"\r\n\r\n")[2][:60]
    print(f"{name:18} {first:28} {body_!r}")
