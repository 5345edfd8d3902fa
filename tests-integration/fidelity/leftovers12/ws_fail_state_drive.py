import asyncio
import json
import socket
import subprocess
import sys
import time
import urllib.request

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

py, port = sys.argv[1], int(sys.argv[2])
proc = subprocess.Popen(
    [
        py,
        "-c",
        f"import sys; sys.path.insert(0,'.'); from ws_fail_state_app import app; app.run(host='127.0.0.1', port={port}, single_process=True, access_log=False, motd=False)",
    ],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.PIPE,
)
try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.1)

    async def client(mode):
        out = []
        async with connect(f"ws://127.0.0.1:{port}/ws/{mode}") as c:
            try:
                while True:
                    out.append(await asyncio.wait_for(c.recv(), 3))
            except ConnectionClosed as e:
                out.append(
                    (
                        type(e).__name__,
                        e.rcvd and e.rcvd.code,
                        e.rcvd and e.rcvd.reason,
                        e.sent and e.sent.code,
                    )
                )
            except asyncio.TimeoutError:
                out.append("timeout")
        return out

    for mode in ["fail0", "close1006", "endfail"]:
        print(mode, asyncio.run(client(mode)))
    time.sleep(1.5)
    for k, v in sorted(
        json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/seen").read()).items()
    ):
        print(" ", k, v)
finally:
    proc.terminate()
    proc.wait(5)
