"""adamcohenhillel/trivia-game-backend-sanic (main.py, core/listeners.py,
core/decorators.py, apps/auth/views.py, apps/game/views.py, apps/game/pubsub.py,
apps/game/matchmaker.py and apps/game/constants.py, condensed; MIT licence). Blueprints
given their prefix at registration (`app.blueprint(auth_bp, url_prefix='/auth')`),
*sync* decorators that return the handler's coroutine or a `json(...)` response, also
around a websocket handler (`@game_bp.websocket('/random')` over `@token_required`, so an
unknown token makes the websocket handler return an HTTP response), a matchmaker started
with `app.add_task` from a `before_server_start` listener registered by
`register_listener`, and two players' websockets joined through pub/sub.

As written the listener sets `app.redis_pool` (refused alike once serving: "Setting
variables on Sanic instances is not allowed"); here `app.ctx.redis_pool`. Stand-ins:
aioredis (an in-process broker with lists, hashes and channels), Tortoise's `User` (a
dict), jsonschema (required keys), PyJWT (the token is `user:NAME`), the questions file
(three questions, the sample not random).
"""

import asyncio
import json
from asyncio.exceptions import CancelledError
from functools import wraps

from sanic import Blueprint, Sanic
from sanic.log import logger
from sanic.response import json as json_response

SECRET = "s3cr3t"
MATCH_QUEUE = "random-match-queue"


class MessageType:
    GAME_START = "start"
    GAME_UPDATE = "update"
    GAME_CHECK = "check"
    GAME_CANCELLED = "cancelled"
    EMOJI = "emoji"
    USER_EXIT = "user_exit"


# ---- stand-ins -------------------------------------------------------------------------
class _Broker:
    def __init__(self):
        self.lists, self.hashes, self.channels = {}, {}, {}
        self.waiters = []


BROKER = _Broker()


class _Channel:
    def __init__(self, name):
        self.name, self.queue, self.open = name, asyncio.Queue(), True

    async def wait_message(self):
        if not self.open:
            return False
        item = await self.queue.get()
        if item is None:
            return False
        self.queue.put_nowait(item)
        return True

    async def get_json(self):
        item = await self.queue.get()
        return None if item is None else json.loads(item)


class _Redis:
    def __init__(self):
        self.subs = []

    async def subscribe(self, name):
        ch = _Channel(name)
        BROKER.channels.setdefault(name, []).append(ch)
        self.subs.append(ch)
        return [ch]

    async def unsubscribe(self, _name):
        for ch in self.subs:
            ch.open = False
            ch.queue.put_nowait(None)
            BROKER.channels.get(ch.name, []).remove(ch)
        self.subs = []

    def close(self):
        pass

    async def wait_closed(self):
        pass

    async def execute(self, *args):
        BROKER.lists.clear()

    async def lpush(self, key, value):
        BROKER.lists.setdefault(key, []).insert(0, value)
        for fut in BROKER.waiters:
            if not fut.done():
                fut.set_result(None)

    async def lrem(self, key, count, value):
        items = BROKER.lists.get(key, [])
        if value in items:
            items.remove(value)

    async def brpop(self, key, timeout):
        while not BROKER.lists.get(key):
            fut = asyncio.get_running_loop().create_future()
            BROKER.waiters.append(fut)
            await fut
            BROKER.waiters.remove(fut)
        return [key.encode(), BROKER.lists[key].pop().encode()]

    async def publish(self, name, message):
        for ch in BROKER.channels.get(name, []):
            ch.queue.put_nowait(message)

    async def publish_json(self, name, data):
        await self.publish(name, json.dumps(data))

    async def pubsub_numsub(self, *names):
        return {n.encode(): len(BROKER.channels.get(n, [])) for n in names}

    async def hmset_dict(self, key, data):
        BROKER.hashes[key] = {k: int(v) for k, v in data.items()}

    async def expire(self, key, seconds):
        pass

    async def hincrby(self, key, field, n):
        h = BROKER.hashes.setdefault(key, {})
        h[field] = h.get(field, 0) + int(n)

    async def hgetall(self, key):
        return {k.encode(): str(v).encode() for k, v in BROKER.hashes.get(key, {}).items()}


class aioredis:
    @staticmethod
    async def create_redis(addr):
        return _Redis()

    create_redis_pool = create_redis


USERS = {}


class User:
    def __init__(self, username, password, email):
        self.id, self.username, self.password, self.email, self.wins = (
            len(USERS) + 1, username, password, email, 0)

    @classmethod
    async def create(cls, username, password, email):
        if username in USERS:
            raise ValueError("exists")
        USERS[username] = user = cls(username, password, email)
        return user

    @classmethod
    async def get(cls, username):
        return USERS[username]


def hash_password(password, secret):
    return f"{secret}:{password[::-1]}"


validate_schemes = {"REGISTER": ["username", "password", "password_confirmation", "email"],
                    "LOGIN": ["username", "password"]}


def validate(data, schema, format_checker=None):
    if not isinstance(data, dict) or any(k not in data for k in schema):
        raise ValueError("schema")


class jwt:
    @staticmethod
    def encode(payload, secret, algorithm):
        return f"user:{payload['username']}".encode()

    @staticmethod
    def decode(token, secret, algorithms):
        kind, _, name = token.partition(":")
        if kind != "user" or name not in USERS:
            raise ValueError("bad token")
        return {"username": name}


QUESTIONS = [{"q": "2+2?", "a": "4"}, {"q": "Capital of France?", "a": "Paris"},
             {"q": "Color of the sky?", "a": "blue"}]


# ---- core/decorators.py ----------------------------------------------------------------
def token_required(func):
    """Decorator. Checks if user is logged in - valid JWT"""
    @wraps(func)
    def wrapper(request, *args, **kwargs):
        try:
            token = request.headers['Authorization']
            decoded = jwt.decode(token, SECRET, algorithms='HS256')
            return func(request, decoded, *args, **kwargs)
        except Exception:
            return json_response({'error': 'unknown token or not provided'}, status=401)
    return wrapper


def validate_json_schema(schema):
    def decorator(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            try:
                validate(request.json, schema=schema)
                return func(request, *args, **kwargs)
            except Exception:
                return json_response({'error': "Bad Arguments"}, status=400)
        return wrapper
    return decorator


# ---- apps/auth/views.py ----------------------------------------------------------------
auth_bp = Blueprint("auth_bp")


@auth_bp.route("/register", methods=["POST"])
@validate_json_schema(validate_schemes["REGISTER"])
async def register(request):
    try:
        if request.json.get("password") != request.json.get("password_confirmation"):
            raise ValueError
        user = await User.create(
            username=request.json.get("username"),
            password=hash_password(request.json.get("password"), SECRET),
            email=request.json.get("email"))
        return json_response({'token': jwt.encode({"username": user.username}, SECRET,
                                                  algorithm='HS256').decode('utf-8')})
    except Exception as e:
        print(e.args)
        return json_response({'error': "Bad Arguments"}, status=400)


@auth_bp.route("/login", methods=["POST"])
@validate_json_schema(validate_schemes["LOGIN"])
async def login(request):
    try:
        user = await User.get(username=request.json.get("username"))
        if user and user.password == hash_password(request.json.get("password"), SECRET):
            return json_response({'token': jwt.encode({"username": user.username}, SECRET,
                                                      algorithm='HS256').decode('utf-8')})
        raise ValueError
    except Exception:
        return json_response({'error': "Bad Arguments"}, status=400)


@auth_bp.route("/user/<name:string>", methods=["PUT", "DELETE"])
@token_required
async def user(request, payload, name):
    try:
        if name == payload["username"]:
            user = await User.get(username=name)
            if request.method == "DELETE":
                del USERS[name]
            elif request.method == "PUT":
                user.wins += 1
            return json_response({"msg": "done"})
        raise Exception
    except Exception:
        return json_response({"error": "Not Available"}, status=503)


@auth_bp.route("/leaderboard", methods=["GET"])
@token_required
async def leaderboard(request, payload):
    top = sorted(USERS.values(), key=lambda u: -u.wins)[:100]
    return json_response({"users": [{u.username: u.wins} for u in top]})


# ---- apps/game/pubsub.py -------------------------------------------------------------
async def _get_game_state(redis_conn, game_channel):
    hash_game_state = await redis_conn.hgetall(game_channel)
    game_data = {"players": []}
    for k, v in hash_game_state.items():
        nck, v_type = k.decode().split("_")
        v = v.decode()
        exists = False
        for player in game_data["players"]:
            if nck == player["username"]:
                player[v_type] = v
                exists = True
        if not exists:
            game_data["players"].append({"username": nck, v_type: v})
    return game_data


async def _update_game_state(redis_conn, game_channel, data):
    await redis_conn.hincrby(game_channel, data["source"] + "_score", data["score"])
    await redis_conn.hincrby(game_channel, data["source"] + "_state", 1)


async def ws_subscriber(ws, redis_conn, game_channel, username):
    recv_channel = (await redis_conn.subscribe(game_channel))[0]
    while await recv_channel.wait_message():
        data = await recv_channel.get_json()
        if data["source"] != username:
            await ws.send(json.dumps(data))


async def ws_publisher(ws, redis_conn, game_channel, username):
    while True:
        data = json.loads(await ws.recv())
        data["source"] = username
        if data["type"] == MessageType.GAME_UPDATE:
            await _update_game_state(redis_conn, game_channel, data)
        elif data["type"] == MessageType.GAME_CHECK:
            state = await _get_game_state(redis_conn, game_channel)
            state["type"] = MessageType.GAME_UPDATE
            await ws.send(json.dumps(state))
        elif data["type"] == MessageType.EMOJI:
            await redis_conn.publish_json(game_channel, data)


# ---- apps/game/matchmaker.py -----------------------------------------------------------
async def _new_redis_room(r_conn, players):
    room_name = "-".join(players)
    game = {}
    for p in players:
        game[p + "_score"] = 0
        game[p + "_state"] = 0
    await r_conn.hmset_dict(room_name, game)
    await r_conn.expire(room_name, 500)
    return {"channel": room_name, "questions": QUESTIONS[:2], "players": players}


async def _notify_players(r_conn, room_details):
    room_details["type"] = MessageType.GAME_START
    room_details["source"] = None
    for player_username in room_details["players"]:
        await r_conn.publish_json(player_username, room_details)


async def _is_players_online(r_conn, players):
    players_channels = await r_conn.pubsub_numsub(*players)
    for channel, subscribers in players_channels.items():
        if subscribers == 0:
            players.remove(channel.decode())
            return False
    return True


async def fifo_matchmaker(redis_pool):
    players_for_match = []
    while True:
        try:
            pop = await redis_pool.brpop(MATCH_QUEUE, 0)
            player = pop[1].decode()
            if player not in players_for_match:
                players_for_match.append(player)
            if len(players_for_match) == 2 and await _is_players_online(redis_pool, players_for_match):
                redis_room = await _new_redis_room(redis_pool, players_for_match)
                await _notify_players(redis_pool, redis_room)
                players_for_match = []
        except CancelledError:
            break


# ---- apps/game/views.py ----------------------------------------------------------------
game_bp = Blueprint("game_bp")


@game_bp.websocket('/random')
@token_required
async def random_ws_handler(request, payload, ws):
    username = payload["username"]
    redis_sub = None
    redis_pub = None
    game_details = None
    try:
        redis_sub = await aioredis.create_redis("redis://")
        redis_pub = await aioredis.create_redis("redis://")
        subscribe_channel = (await redis_sub.subscribe(username))[0]
        await redis_pub.lpush(MATCH_QUEUE, username)
        game_details = await subscribe_channel.get_json()
        if game_details:
            await ws.send(json.dumps(game_details))
            await asyncio.gather(ws_publisher(ws, redis_pub, game_details["channel"], username),
                                 ws_subscriber(ws, redis_sub, game_details["channel"], username),
                                 return_exceptions=False)
        else:
            await ws.send(json.dumps({"type": MessageType.GAME_CANCELLED}))
    except (Exception, CancelledError) as e:
        logger.info(f"WEBSOCKET DISCONNECTED {username} {type(e).__name__}")
    finally:
        if ws:
            await ws.close()
        if game_details:
            await redis_pub.publish(game_details["channel"],
                                    json.dumps({"type": MessageType.USER_EXIT, "source": username}))
        else:
            await redis_pub.lrem(MATCH_QUEUE, 1, username)
        await redis_sub.unsubscribe("")
        redis_sub.close()
        redis_pub.close()


# ---- core/listeners.py and main.py -----------------------------------------------------
async def initial(app, loop):
    app.ctx.redis_pool = await aioredis.create_redis_pool("redis://")
    await app.ctx.redis_pool.execute("flushdb")
    app.add_task(fifo_matchmaker(app.ctx.redis_pool))


async def final(app, loop):
    app.ctx.redis_pool.close()
    await app.ctx.redis_pool.wait_closed()


app = Sanic("trivia")
app.register_listener(initial, "before_server_start")
app.register_listener(final, "before_server_stop")
app.blueprint(auth_bp, url_prefix='/auth')
app.blueprint(game_bp, url_prefix='/game')
