"""`sanic inspect` writing to a reader that goes away (`sanic inspect | head -1`)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# More than a pipe holds (64 KiB on Linux): the command is still writing when the reader
# closes its end, whatever the timing.
INFO = {
    "meta": {"action": "info"},
    "result": {
        "info": {"app": "Big"},
        "workers": {f"Sanic-Job-{i}": {"pid": i, "note": "x" * 60} for i in range(3000)},
    },
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(INFO).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_reader_closing_the_pipe_ends_inspect_without_a_traceback() -> None:
    # Hurtle's `sanic inspect` ended with a BrokenPipeError traceback on stderr.
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "hurtle_cli", "inspect", "-H", "127.0.0.1", "-p",
             str(server.server_address[1])],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # as `head -1` does once it has its line
        try:
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
        errors = proc.stderr.read().decode()
        proc.stderr.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert first.startswith(b"Inspecting @ http://127.0.0.1:")
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors
    assert code == 1
