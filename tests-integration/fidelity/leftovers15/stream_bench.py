# ruff: noqa: E402  (a throw-away probe, kept as it ran)
import time

from hurtle_http.framing import RequestReader


class Sink:
    def on_begin(self): pass
    def on_head(self, *a): pass
    def on_body(self, d): pass
    def on_end(self): pass
    def on_error(self, e): raise e
def run(chunk, total=1 << 20, read=65536):
    body = b"".join(b"%x\r\n" % chunk + b"x" * chunk + b"\r\n" for _ in range(total // chunk)) + b"0\r\n\r\n"
    data = b"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    best = 1e9
    for _ in range(5):
        r = RequestReader(Sink(), max_head_size=8192)
        t = time.perf_counter()
        for i in range(0, len(data), read):
            r.feed(data[i:i + read])
        best = min(best, time.perf_counter() - t)
    return best * 1e3
import sys

if sys.argv[1:] == ["off"]:
    RequestReader._chunk_lines_of = lambda self, *a: None
for chunk in (16, 256, 4096, 65536):
    print(f"chunk {chunk}: {run(chunk):.2f} ms per MB")
