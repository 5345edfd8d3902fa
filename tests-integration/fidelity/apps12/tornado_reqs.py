"""``python tornado_app.py`` (debug=True, as written): the websocket that sends the log
file line by line to two clients at once (one reading to the end and answering the close,
one leaving after the first frame), then the log's download and an upload."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wsclient as w

REQS = [("GET", "/get_log"), ("GET", "/download?filename=log.txt"),
        ("POST", "/upload", {"Content-Type": "multipart/form-data; boundary=B"},
         b'--B\r\nContent-Disposition: form-data; name="file"; filename="d.txt"\r\n\r\nddd\r\n--B--\r\n')]


def DRIVER(port):
    a, sa, ra = w.connect(port, "/get_log")
    b, sb, rb = w.connect(port, "/get_log")
    first = w.read(b, 0.3, rb).split(" | ")[0]
    b.close()
    lines = [sa, sb, f"b first: {first}", f"a: {w.read(a, 0.6, ra)}"]
    w.send_close(a)
    lines.append(f"a after close: {w.read(a, 0.6)}")
    a.close()
    time.sleep(0.2)
    return lines

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    "the second websocket client's close frame: Hurtle waits for the client's before its "
    'FIN (listed); the debug 500 page of `file_stream(chunked=None)` (a TypeError in '
    "both) lists the framework's own frames, so its length differs (paths)"
)
