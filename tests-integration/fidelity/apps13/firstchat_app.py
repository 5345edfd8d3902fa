"""AbsoluteNikola/first-chat-server (server/chat.py, room.py, start.py; no licence file in
the repository). Chat rooms kept in a lower-case setting, `app.config.rooms = {}`; the
websocket reads `name` and `room` from `request.args` (the first values, `args['name'][0]`)
after the handshake, refusing with `abort(400)` when one is missing; messages are JSON
objects spread into `room.send_message(**data)`, which sends to everyone but the sender
and deletes a user from the list it is iterating when `ConnectionClosed` is raised.

As written both stop at import alike: `sanic.websocket` (the old protocol module) and
`sanic.exceptions.abort` no longer exist. Here the annotation is `sanic.Websocket` and
`abort(400)` is a small function raising `BadRequest` (what the old one raised for 400).
`room.py` is joined into this file.
"""

import ujson
from collections import namedtuple

from sanic import Sanic
from sanic import Websocket as WebSocketCommonProtocol
from sanic.exceptions import BadRequest
from sanic.request import Request

from websockets.exceptions import ConnectionClosed


def abort(status_code):
    raise BadRequest("Bad Request")


# room.py
_User = namedtuple('User', ['name', 'ws'])


class Room:
    def __init__(self, name):
        self._name = name
        self._clients = []

    def add_user(self, name: str, ws: WebSocketCommonProtocol):
        print(f'new user {name}')
        self._clients.append(_User(name, ws))

    async def send_message(self, **kwargs):
        for i, user in enumerate(self._clients):

            if user.name == kwargs.get('name'):
                continue

            try:
                await user.ws.send(ujson.dumps(kwargs))
            except ConnectionClosed:
                del self._clients[i]

    def __len__(self):
        return len(self._clients)


# chat.py
app = Sanic('chat')
app.config.rooms = {}


@app.websocket('/chat')
async def chat(request: Request, ws: WebSocketCommonProtocol):

    if 'name' not in request.args or 'room' not in request.args:
        abort(400)

    name_s = request.args['name'][0]
    room_s = request.args['room'][0]

    if room_s not in app.config.rooms:
        app.config.rooms[room_s] = Room(room_s)

    room = app.config.rooms[room_s]
    room.add_user(name_s, ws)

    while True:
        try:
            data = ujson.loads(await ws.recv())
        except ConnectionClosed:
            return

        await room.send_message(**data)


@app.get('/rooms')  # added: what the rooms hold, for the driver
async def rooms(request):
    from sanic.response import json
    return json({name: len(room) for name, room in app.config.rooms.items()})
