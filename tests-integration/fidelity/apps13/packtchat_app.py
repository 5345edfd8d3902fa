"""PacktPublishing/Python-Web-Development-with-Sanic, Chapter05/websockets/server.py (the
book's code repository; no licence file is stored with it, the code is the book's
published example). A chat room kept on `app.ctx` by an `after_server_start` listener; each
websocket client is a `Client(ws.send)` and every message goes to the other clients through
`asyncio.gather`; `app.config.KEEP_ALIVE = False`; `app.static("/index.html", ...,
name="index")` and `/` redirecting to `request.app.url_for("index")`.

Changed: the page it serves is `packtchat_static/index.html` (a stand-in written here, the
book's page is a browser client); `app.run(port=9999, debug=True)` was at module level and
now runs under `__main__` with the port from APP_PORT (as written both would start a server
while the comparers import the module).
"""

import asyncio
import os
from typing import Set, final
from uuid import UUID, uuid4
from sanic import Sanic, Request, text
from sanic.response import redirect

app = Sanic(__name__)
app.config.KEEP_ALIVE = False
app.static("/index.html", "./packtchat_static/index.html", name="index")


@app.route("/")
def home(request: Request):
    return redirect(request.app.url_for("index"))


@app.after_server_start
async def setup_chatroom(app: Sanic, loop):
    app.ctx.chatroom = ChatRoom(loop)


@app.websocket("/chat")
async def feed(request, ws):
    try:
        client = Client(ws.send)
        request.app.ctx.chatroom.enter(client)

        while True:
            message = await ws.recv()
            if not message:
                break
            await request.app.ctx.chatroom.push(message, client.uid)

    finally:
        request.app.ctx.chatroom.exit(client)


class Client:
    def __init__(self, send) -> None:
        self.uid = uuid4()
        self.send = send

    def __hash__(self) -> int:
        return self.uid.int


class ChatRoom:
    def __init__(self, loop) -> None:
        self.clients: Set[Client] = set()
        self.loop = loop

    def enter(self, client: Client):
        self.clients.add(client)

    def exit(self, client: Client):
        self.clients.remove(client)

    async def push(self, message: str, sender: UUID):
        recipients = (client for client in self.clients if client.uid != sender)
        await asyncio.gather(*[client.send(message) for client in recipients])


if __name__ == "__main__":
    app.run(port=int(os.environ.get("APP_PORT", "9999")), debug=True)
