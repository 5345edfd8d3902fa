"""A chess server's Sanic app ("ChessServer"): sessions from sanic_session's
``InMemorySessionInterface(cookie_name='pfsession', secure=True, samesite='None')``, JSON
endpoints adding CORS fields with ``response.headers.add``, ``empty(status=404)``, a lobby
websocket (``async for msg in ws``, ``Unauthorized`` raised in the handler without a
session, clean-up in ``finally``) and a ``WSGame`` blueprint whose ``on_request`` reads
``request.match_info`` and raises ``NotFound`` before the game websocket is opened.
Stand-ins: the session extension (a request middleware loading the cookie's session and
a response middleware writing the cookie, as it does), ``LobbyRoom``/``WS_User`` (a
broadcast to every user) and ``generate_username`` (a counter); the TLS run of
``__main__`` left out."""

import asyncio
import itertools
import uuid
from typing import Dict

from sanic import Blueprint, Request, Sanic, Websocket, empty, json
from sanic.exceptions import NotFound, Unauthorized
from sanic.log import logger

_ids = itertools.count(1)
uuid.uuid1 = lambda: uuid.UUID(int=next(_ids))
_names = itertools.count(1)


def generate_username():
    return f"player{next(_names)}"


# --- sanic_session stand-in ------------------------------------------------------------------
class InMemorySessionInterface:
    def __init__(self, cookie_name, secure, samesite):
        self.cookie_name, self.secure, self.samesite = cookie_name, secure, samesite
        self.store: dict = {}
        self.sids = itertools.count(1)


def Session(app, interface):
    @app.on_request
    async def open_session(request):
        sid = request.cookies.get(interface.cookie_name)
        if sid not in interface.store:
            sid = f"sid{next(interface.sids)}"
            interface.store[sid] = {}
        request.ctx.session = interface.store[sid]
        request.ctx.session_sid = sid

    @app.on_response
    async def save_session(request, response):
        sid = getattr(request.ctx, "session_sid", None)
        if sid is not None and interface.store[sid]:
            response.add_cookie(interface.cookie_name, sid, secure=interface.secure,
                                samesite=interface.samesite, httponly=True)


class WS_User:
    def __init__(self, ws, userUUID, username):
        self.ws, self.userUUID, self.username = ws, userUUID, username


class LobbyRoom:
    def __init__(self):
        self.users: list = []
        self.rooms = {"r1": GameRoom("r1")}

    def add_user(self, user):
        self.users.append(user)
        self._tell(f"{user.username} joined")

    def remove_user(self, user):
        self.users.remove(user)
        self._tell(f"{user.username} left")

    def on_message(self, user, msg):
        self._tell(f"{user.username}: {msg}")

    def _tell(self, text):
        for u in list(self.users):
            asyncio.get_running_loop().create_task(u.ws.send(text))

    def get_room(self, room_id):
        return self.rooms.get(room_id)


class GameRoom(LobbyRoom):
    def __init__(self, name):
        self.users, self.name = [], name

    def get_preview(self):
        return {"room": self.name, "players": [u.username for u in self.users]}


# --- the app -------------------------------------------------------------------------------
app = Sanic(name='ChessServer')
store = InMemorySessionInterface(
    cookie_name='pfsession',
    secure=True,
    samesite='None'
)
Session(app, interface=store)

base_url = 'https://localhost:4000'
lobby = LobbyRoom()


async def session_middleware(request: Request):
    if not request.ctx.session.get('userUUID'):
        request.ctx.session['userUUID'] = str(uuid.uuid1())
    if not request.ctx.session.get('username'):
        request.ctx.session['username'] = generate_username()


def get_session_data(request: Request) -> Dict[str, str]:
    if 'userUUID' not in request.ctx.session:
        return None
    if 'username' not in request.ctx.session:
        return None
    return {
        'userUUID': request.ctx.session['userUUID'],
        'username': request.ctx.session['username'],
    }


@app.route('/api/lobby')
async def endpointLobby(request: Request):
    await session_middleware(request)
    sess_data = get_session_data(request)
    if sess_data is None:
        return empty(status=404)

    response = json({
        'username': sess_data.get('username'),
    })
    response.headers.add('Access-Control-Allow-Origin', base_url)
    response.headers.add('Access-Control-Allow-Credentials', 'true')
    response.headers.add('Access-Control-Allow-Headers', '*')
    return response


@app.route('/api/game/<room_id>')
async def endpointGame(request: Request, room_id: str):
    await session_middleware(request)
    sess_data = get_session_data(request)
    if sess_data is None:
        return empty(status=404)

    room = lobby.get_room(room_id)
    if room is None:
        return empty(status=404)

    preview = room.get_preview()

    response = json({
        'auth': {
            'username': sess_data.get('username'),
        },
        **preview,
    })
    response.headers.add('Access-Control-Allow-Origin', base_url)
    response.headers.add('Access-Control-Allow-Credentials', 'true')
    response.headers.add('Access-Control-Allow-Headers', '*')
    return response


@app.websocket('/ws/lobby')
async def lobbyWSHandler(request: Request, ws: Websocket):
    sess_data = get_session_data(request)
    if sess_data is None:
        raise Unauthorized("No session")

    user = WS_User(
        ws=ws,
        userUUID=sess_data.get('userUUID'),
        username=sess_data.get('username'),
    )

    logger.info('User {} joined the lobby'.format(user.username))
    lobby.add_user(user)
    try:
        async for msg in ws:
            logger.info('User {} sent message to lobby: {}'.format(
                user.username, msg))
            lobby.on_message(user, msg)
    finally:
        lobby.remove_user(user)
        logger.info('User {} left the lobby'.format(user.username))


bp = Blueprint("WSGame")


@bp.on_request
async def on_request(request: Request):
    room_id = request.match_info.get('room_id')
    if lobby.get_room(room_id) is None:
        raise NotFound()


@bp.websocket('/ws/game/<room_id>')
async def gameWSHandler(request: Request, ws: Websocket, room_id: str):
    sess_data = get_session_data(request)
    if sess_data is None:
        raise Unauthorized("No session")

    room = lobby.get_room(room_id)
    if room is None:
        raise NotFound()

    user = WS_User(
        ws=ws,
        userUUID=sess_data.get('userUUID'),
        username=sess_data.get('username'),
    )

    logger.info('User {} joined the game {}'.format(user.username, room_id))
    room.add_user(user)
    try:
        async for msg in ws:
            logger.info('User {} sent message to {}: {}'.format(
                user.username, room_id, msg))
            room.on_message(user, msg)
    finally:
        room.remove_user(user)
        logger.info('User {} left the game {}'.format(user.username, room_id))


app.blueprint(bp)
