"""Probe: app.run(version=ARG, single_process=(MODE == "single")): served or raised.

python ver_run.py '"HTTP/1.1"' single|workers (ARG is a Python literal)."""

import socket
import sys
import threading
import time
import urllib.request

from sanic import Sanic
from sanic.response import text

app = Sanic("verrun")


@app.get("/")
async def index(request):
    return text(f"ok {request.version}")


@app.get("/stop")
async def stop(request):
    request.app.stop()
    return text("bye")


def client(port):
    time.sleep(2.5)
    for path in ("/", "/stop"):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3) as r:
                print("GOT", path, r.status, r.read(), flush=True)
        except Exception as e:
            print("GOT error", path, type(e).__name__, e, flush=True)


if __name__ == "__main__":
    version = eval(sys.argv[1])
    single = sys.argv[2] == "single"
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    threading.Thread(target=client, args=(port,), daemon=True).start()
    try:
        app.run(port=port, version=version, single_process=single)
        print("ran and stopped", flush=True)
    except BaseException as e:
        print("RAISED", type(e).__name__, e, flush=True)
