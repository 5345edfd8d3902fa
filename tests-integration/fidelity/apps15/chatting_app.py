"""sehajyang/sanic-chatting-project (main.py, ws_handle/ws_send_receive.py,
channel/channel.py, channel/response_message.py), condensed.

A websocket route with three path parameters (``/rooms/<room_no>/<user_id>/<user_name>``)
whose handler starts three tasks with ``asyncio.create_task`` (one reading the socket,
two forwarding two subscriptions to it), waits with ``asyncio.wait(...,
FIRST_COMPLETED)`` and cancels the rest; room chat, whispers to ``room:user`` and queries
(``user_list``/``user_count``); a response middleware adding CORS fields; two HTTP
handlers both named ``player`` (the second under ``/lobby``; as written both refuse
to start alike, `Duplicate route names detected: chatting.player`: it is given
``name="lobby"``). No licence file in the
stored copy.

Stands in: Redis pub/sub and hashes are in-process (a queue per subscription, a dict per
room; a join is published before subscribing, as written, so a joiner does not see its
own join); the jinja2 templates (sanic_jinja2) are a decorator rendering the handler's
value into a string; sanic_session's middleware is left out. Changed: ``Sanic()`` needs a
name (``Sanic("chatting")``); ``from sanic.websocket import ConnectionClosed`` fails alike
(no such module in 25.12): ``websockets.exceptions.ConnectionClosed``. As written, ``/``
reads ``request['session']`` (old Sanic's dict-like request): a 500 under both.
"""

import asyncio
import json
from functools import wraps

from sanic import Sanic
from sanic.response import html, text
from websockets.exceptions import ConnectionClosed

CHANNELS: dict = {}
HASHES: dict = {}


def publish(channel, message):
    for queue in CHANNELS.get(channel, []):
        queue.put_nowait(message)


class Room:
    def __init__(self, room_no):
        self.room_no = room_no
        self._subscription = None
        self.user_id = ""

    async def join_channel(self, user_id, user_name):
        self.user_id = user_id
        publish(self.room_no, f'{user_id}님이 입장했습니다.')
        HASHES.setdefault(self.room_no, {})[user_id] = user_name
        self._subscription = asyncio.Queue()
        CHANNELS.setdefault(self.room_no, []).append(self._subscription)

    async def leave_channel(self, user_id):
        publish(self.room_no, f'{user_id}님이 나갔습니다.')
        if self._subscription in CHANNELS.get(self.room_no, []):
            CHANNELS[self.room_no].remove(self._subscription)
        HASHES.get(self.room_no, {}).pop(user_id, None)

    async def send_message(self, message):
        publish(self.room_no, message)

    async def send_message_to_user(self, from_id, message):
        room_no = str(self.room_no)[:str(self.room_no).find(":")]
        publish(room_no + ":" + from_id, message)

    async def send_user_list(self):
        publish(self.room_no, json.dumps({'user_list': sorted(HASHES.get(self.room_no, {}).values())}))

    async def send_user_count(self):
        publish(self.room_no, json.dumps({'user_count': len(HASHES.get(self.room_no, {}))}))

    async def receive_message(self, ws):
        while True:
            message = await self._subscription.get()
            await ws.send(str(message))


def make_whisper_message(receive_data, from_id):
    return json.dumps({'from_id': from_id, 'seq': receive_data['seq'],
                       'message': receive_data['message']})


async def ws_room_send_chat(ws, room, my_room, user_id):
    while True:
        try:
            receive_data = json.loads(await ws.recv())
        except ConnectionClosed:
            await room.leave_channel(user_id)
            await my_room.leave_channel(user_id)
            break
        else:
            if 'from_id' in receive_data:
                print('wispher chat')
                data_set_from_id = make_whisper_message(receive_data, user_id)
                await my_room.send_message_to_user(receive_data['from_id'], data_set_from_id)
            elif 'query' in receive_data:
                print('noti chat')
                if receive_data['query'] == 'user_list':
                    await room.send_user_list()
                if receive_data['query'] == 'user_count':
                    await room.send_user_count()
            else:
                print('room chat')
                await room.send_message(receive_data)


async def receive_ws_channel(room, ws):
    while True:
        await room.receive_message(ws)


class Jinja:
    def template(self, name):
        def decorator(handler):
            @wraps(handler)
            async def wrapper(request, *args, **kwargs):
                value = await handler(request, *args, **kwargs)
                return html(f"<!-- {name} -->{value}")
            return wrapper
        return decorator


app = Sanic("chatting")
jinja = Jinja()


@app.listener('before_server_start')
async def setup(app, loop):
    pass


@app.middleware('response')
async def allow_cross_site(request, response):
    response.headers["Access-Control-Allow-Origin"] = "http://localhost:8080"
    response.headers["Access-Control-Allow-Credentials"] = "true"


@app.route("/", methods=['GET'])
@jinja.template('main.html')
async def player(request):
    if not request['session'].get('user_session'):
        request['session']['user_session'] = 0
    request['session']['user_session'] += 1
    print(text(request['session']['user_session']))
    return request['session']['user_session']


@app.route("/lobby", name="lobby")
@jinja.template('room_list.html')
async def player(request):  # noqa: F811  (the second handler of that name, as written)
    return {"id": "seha", "name": "sehajyang"}


@app.websocket('/rooms/<room_no>/<user_id>/<user_name>')
async def room_chat(request, ws, room_no, user_id, user_name):
    room = Room(room_no)
    my_room = Room(room_no + ":" + user_id)
    await room.join_channel(user_id, user_name)
    await my_room.join_channel(user_id, user_name)
    send_task = asyncio.create_task(ws_room_send_chat(ws, room, my_room, user_id))
    receive_task = asyncio.create_task(receive_ws_channel(room, ws))
    my_room_receive_task = asyncio.create_task(receive_ws_channel(my_room, ws))
    done, pending = await asyncio.wait(
        [send_task, receive_task, my_room_receive_task],
        return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()
