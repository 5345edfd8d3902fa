"""The app wsprobe.py runs under Sanic and Hurtle with ``app.run()``; settings from SANIC_*."""

import sys

from sanic import Sanic

app = Sanic("WsApp")


@app.websocket("/ws")
async def echo(request, ws):
    async for message in ws:
        await ws.send(message)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, motd=False)
