"""lildogzsixpack/sanic-chat-app (app.py; no licence file in the stored copy). A websocket
chat that sets an attribute on the websocket object itself (`ws.nickname = nickname`),
keeps the sockets in a module set, refuses a missing or taken nickname with `return await
ws.send(...)`, broadcasts to every socket (the sender too) and removes the socket in a
`finally`; the page served by `app.static('/', file, name='index')` and a static folder.

As written `Sanic()` has no name (refused alike); named here. Stand-ins: `bleach.clean`
(escapes `&`, `<`, `>`) and `bleach.linkify` (wraps `http://...` words in `<a>`), `ujson`
(json), the folders (`wschat_files/`).
"""

import json
import os
import re

from sanic import Sanic

BASE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wschat_files")
CONNECTIONS = set()


class bleach:
    @staticmethod
    def clean(text):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    @staticmethod
    def linkify(text):
        return re.sub(r"(https?://\S+)", r'<a href="\1" rel="nofollow">\1</a>', text)


app = Sanic("chat")
app.static('/static', os.path.join(BASE_DIR, 'static/'))
app.static('/', os.path.join(BASE_DIR, 'templates/index.html'), name='index')


@app.websocket('/chat')
async def chat(request, ws):
    nickname = request.args.get('nickname')
    if not nickname:
        return await ws.send(json.dumps({'error': 'nickname is required'}))

    for user in CONNECTIONS:
        if user.nickname == nickname:
            return await ws.send(json.dumps({'error': 'nickname already in use'}))

    ws.nickname = nickname
    CONNECTIONS.add(ws)
    print("{} has been connected!".format(nickname))

    try:
        while True:
            msg = await ws.recv()
            msg = json.dumps({"nickname": nickname, "message": bleach.linkify(bleach.clean(msg))})
            for user in CONNECTIONS:
                await user.send(msg)
    finally:
        CONNECTIONS.remove(ws)
        print("{} has been disconnected!".format(nickname))
