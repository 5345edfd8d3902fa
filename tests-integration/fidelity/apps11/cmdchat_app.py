"""amariwan/cmd-chat, cmd_chat/server/server.py reduced: ``create_app()`` makes
``Sanic("CMD_SERVER")`` beside the module's own ``Sanic("app")`` and attaches the
endpoints: a ``/talk`` websocket (password or token from the query, a heartbeat task
cancelled in ``finally``, commands, a rate limit, an error message then ``break``), an
``/update`` websocket polling ``asyncio.wait_for(ws.recv(), timeout=0.1)`` between pushes,
``/get_key`` taking the key from ``request.files`` (``f.body``), the form or the query,
and token endpoints. Stand-ins: rsa (a key is text starting ``RSA:``, encryption reverses
the bytes), Fernet keys (a counter), the token manager (a dict), the services module (JSON
in and out); the server's ``AppLoader``/``prepare``/``serve`` runner left out."""

import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass

from sanic import Request, Sanic, Websocket, response
from sanic.response import HTTPResponse

app = Sanic("app")
app.config.OAS = False

_keys = itertools.count(1)


class Fernet:
    @staticmethod
    def generate_key():
        return f"key{next(_keys)}".encode()


class rsa:
    class PublicKey:
        @staticmethod
        def load_pkcs1(data):
            if not data.startswith(b"RSA:"):
                raise ValueError("not a key")
            return data

    @staticmethod
    def encrypt(data, key):
        return data[::-1] + b"|" + key


@dataclass
class Message:
    text: str
    username: str
    room_id: str
    sequence: int


_tokens = itertools.count(1)


class TokenManager:
    default_ttl = 3600

    def __init__(self):
        self.tokens = {}
        self.admin_password = None

    def set_admin_password(self, password):
        self.admin_password = password

    def generate_token(self, username, admin_password, ttl=None, ip_address=None):
        if admin_password != self.admin_password:
            return None
        token = f"tok{next(_tokens)}"
        self.tokens[token] = username
        return token

    def validate_token(self, token, ip):
        name = self.tokens.get(token)
        return None if name is None else type("T", (), {"username": name})()

    def revoke_token(self, token):
        return self.tokens.pop(token, None) is not None

    def get_active_tokens_count(self):
        return len(self.tokens)


async def _get_bytes_and_serialize(ws):
    raw = await ws.recv()
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    return json.loads(raw)


async def _check_ws_for_close_status(message, ws):
    if message.get("type") == "close":
        await ws.close()


async def _generate_new_message(text, username, room_id):
    return Message(text, username, room_id, len(MESSAGES_MEMORY_DB) + 1)


async def _generate_full_update_payload(messages, users, room_id, user_rooms):
    return json.dumps({"messages": [m.__dict__ for m in messages if m.room_id == room_id],
                       "users": sorted(users.values())})


async def _generate_update_payload(messages, users, room_id, last_sequence, user_rooms):
    return json.dumps({"messages": [m.__dict__ for m in messages if m.room_id == room_id and m.sequence > last_sequence]})


MESSAGES_MEMORY_DB: list = []
USERS: dict = {}
CLIENT_KEYS: dict = {}
ROOM_KEYS: dict = {}
USER_ROOMS: dict = {}
USER_NICKNAMES: dict = {}
TOKEN_MANAGER = TokenManager()
MESSAGE_RATE_LIMIT: dict = defaultdict(list)
MAX_MESSAGES_PER_WINDOW = 3
RATE_LIMIT_WINDOW = 60.0
HEARTBEAT_INTERVAL = 30.0
HEARTBEAT_TIMEOUT = 60.0


def _check_auth(request: Request, expected_password, token_manager):
    token = request.args.get("token") or request.form.get("token") if hasattr(request, "form") else None
    if token:
        token_obj = token_manager.validate_token(token, request.ip)
        if token_obj:
            return True, token_obj.username
    if not expected_password:
        return True, None
    q = request.args.get("password")
    f = request.form.get("password") if hasattr(request, "form") else None
    is_valid = (q or f) == expected_password
    return is_valid, None


def _get_str_arg(request: Request, name: str):
    return request.form.get(name) or request.args.get(name)


def _check_rate_limit(user_key: str) -> bool:
    now = time.time()
    MESSAGE_RATE_LIMIT[user_key] = [ts for ts in MESSAGE_RATE_LIMIT[user_key] if now - ts < RATE_LIMIT_WINDOW]
    if len(MESSAGE_RATE_LIMIT[user_key]) >= MAX_MESSAGES_PER_WINDOW:
        return False
    MESSAGE_RATE_LIMIT[user_key].append(now)
    return True


async def _handle_command(command: str, user_key: str, username: str, ws: Websocket) -> bool:
    parts = command.split(" ", 1)
    cmd = parts[0].lower()
    args = parts[1] if len(parts) > 1 else ""
    if cmd == "/help":
        await ws.send(json.dumps({"type": "command", "command": "help", "message": "/help /nick /rooms /room /clear /quit"}))
        return True
    elif cmd == "/nick":
        if args:
            USER_NICKNAMES[user_key] = args.strip()
            USERS[user_key] = args.strip()
            await ws.send(json.dumps({"type": "command", "command": "nick", "message": f"Nickname changed to: {args.strip()}"}))
        else:
            await ws.send(json.dumps({"type": "command", "command": "error", "message": "Usage: /nick <name>"}))
        return True
    elif cmd == "/room":
        if args:
            room_id = args.strip()
            if room_id not in ROOM_KEYS:
                ROOM_KEYS[room_id] = Fernet.generate_key()
            USER_ROOMS[user_key] = room_id
            await ws.send(json.dumps({"type": "command", "command": "room", "message": f"Switched to room: {room_id}", "room_id": room_id}))
        else:
            await ws.send(json.dumps({"type": "command", "command": "error", "message": "Usage: /room <room_id>"}))
        return True
    elif cmd == "/quit":
        await ws.send(json.dumps({"type": "command", "command": "quit"}))
        await ws.close()
        return True
    return False


def attach_endpoints(app: Sanic):
    @app.websocket("/talk")
    async def talk_ws_view(request: Request, ws: Websocket) -> HTTPResponse:
        is_valid, username = _check_auth(request, app.ctx.ADMIN_PASSWORD, TOKEN_MANAGER)
        if not is_valid:
            await ws.close(code=4001, reason="unauthorized")
            return

        username = username or _get_str_arg(request, "username") or "unknown"
        user_key = f"{request.ip}, {username}"
        last_heartbeat = time.time()

        async def send_heartbeat():
            while True:
                await asyncio.sleep(HEARTBEAT_INTERVAL)
                try:
                    await ws.send(json.dumps({"type": "ping", "timestamp": time.time()}))
                except Exception:
                    break

        heartbeat_task = asyncio.create_task(send_heartbeat())

        try:
            while True:
                try:
                    if time.time() - last_heartbeat > HEARTBEAT_TIMEOUT:
                        await ws.close(code=4000, reason="timeout")
                        break
                    serialized_message: dict = await _get_bytes_and_serialize(ws)
                    if serialized_message.get("type") == "pong":
                        last_heartbeat = time.time()
                        continue
                    await _check_ws_for_close_status(serialized_message, ws)
                    text = serialized_message.get("text")
                    if text and text.startswith("/"):
                        command_result = await _handle_command(text, user_key, username, ws)
                        if command_result:
                            continue
                    if text is None:
                        continue
                    if not _check_rate_limit(user_key):
                        await ws.send(json.dumps({"status": "error", "message": "Rate limit exceeded. Please slow down."}))
                        continue
                    room_id = USER_ROOMS.get(user_key, "default")
                    new_message = await _generate_new_message(text, username, room_id)
                    MESSAGES_MEMORY_DB.append(new_message)
                    await ws.send(json.dumps({"status": "ok"}))
                    last_heartbeat = time.time()
                    await asyncio.sleep(0.01)
                except asyncio.CancelledError:
                    print("talk: cancelled")
                    break
                except Exception as e:
                    print("talk: error", type(e).__name__)
                    await ws.send(json.dumps({"status": "error", "message": "An error occurred processing your message"}))
                    break
        finally:
            if not heartbeat_task.done():
                heartbeat_task.cancel()
                try:
                    await asyncio.wait_for(heartbeat_task, timeout=1.0)
                except (asyncio.CancelledError, asyncio.TimeoutError):
                    pass
            print("talk: finally")

    @app.websocket("/update")
    async def update_ws_view(request: Request, ws: Websocket) -> HTTPResponse:
        is_valid, username = _check_auth(request, app.ctx.ADMIN_PASSWORD, TOKEN_MANAGER)
        if not is_valid:
            await ws.close(code=4001, reason="unauthorized")
            return
        last_heartbeat = time.time()
        heartbeat_task = asyncio.create_task(asyncio.sleep(HEARTBEAT_INTERVAL))
        try:
            while True:
                try:
                    if time.time() - last_heartbeat > HEARTBEAT_TIMEOUT:
                        await ws.close(code=4000, reason="timeout")
                        break
                    try:
                        raw = await asyncio.wait_for(ws.recv(), timeout=0.1)
                        if isinstance(raw, bytes):
                            raw = raw.decode("utf-8")
                        msg = json.loads(raw)
                        if msg.get("type") == "pong":
                            last_heartbeat = time.time()
                            continue
                    except asyncio.TimeoutError:
                        pass
                    except Exception:
                        pass
                    room_id = _get_str_arg(request, "room_id") or "default"
                    last_sequence = int(_get_str_arg(request, "last_sequence") or 0)
                    if last_sequence > 0:
                        payload = await _generate_update_payload(MESSAGES_MEMORY_DB, USERS, room_id, last_sequence, USER_ROOMS)
                    else:
                        payload = await _generate_full_update_payload(MESSAGES_MEMORY_DB, USERS, room_id, USER_ROOMS)
                    await ws.send(payload.encode())
                    await asyncio.sleep(0.05)
                except Exception as exc:
                    print("update: ended by", type(exc).__name__)
                    break
        finally:
            if not heartbeat_task.done():
                heartbeat_task.cancel()
                try:
                    await asyncio.wait_for(heartbeat_task, timeout=1.0)
                except (asyncio.CancelledError, asyncio.TimeoutError):
                    pass
            print("update: finally")

    @app.route('/get_key', methods=['GET', 'POST'])
    async def get_key_view(request: Request) -> HTTPResponse:
        is_valid, auth_username = _check_auth(request, app.ctx.ADMIN_PASSWORD, TOKEN_MANAGER)
        if not is_valid:
            return response.text("unauthorized", status=401)
        pubkey_bytes = None
        if "pubkey" in request.files and request.files.get("pubkey"):
            f = request.files.get("pubkey")
            if isinstance(f, list):
                f = f[0]
            pubkey_bytes = f.body
        if pubkey_bytes is None:
            raw = request.form.get("pubkey")
            if raw:
                pubkey_bytes = raw if isinstance(raw, bytes) else str(raw).encode()
        if pubkey_bytes is None:
            raw = request.args.get("pubkey")
            if raw:
                pubkey_bytes = raw.encode()
        if not pubkey_bytes:
            return response.text("bad request: pubkey is required", status=400)
        try:
            public_key = rsa.PublicKey.load_pkcs1(pubkey_bytes)
        except Exception:
            return response.text("invalid public key format", status=400)
        username = _get_str_arg(request, "username") or "unknown"
        room_id = _get_str_arg(request, "room_id") or "default"
        user_key = f"{request.ip}, {username}"
        client_key = Fernet.generate_key()
        CLIENT_KEYS[user_key] = client_key
        if room_id not in ROOM_KEYS:
            ROOM_KEYS[room_id] = Fernet.generate_key()
        USER_ROOMS[user_key] = room_id
        USER_NICKNAMES[user_key] = username
        if user_key not in USERS:
            USERS[user_key] = username
        encrypted_data = rsa.encrypt(client_key, public_key)
        return response.raw(encrypted_data)

    @app.route('/generate_token', methods=['POST'])
    async def generate_token_view(request: Request) -> HTTPResponse:
        admin_password = _get_str_arg(request, "admin_password")
        username = _get_str_arg(request, "username")
        ttl_str = _get_str_arg(request, "ttl")
        if not admin_password or not username:
            return response.json({"error": "admin_password and username required"}, status=400)
        ttl = int(ttl_str) if ttl_str else None
        token = TOKEN_MANAGER.generate_token(username=username, admin_password=admin_password, ttl=ttl, ip_address=request.ip)
        if not token:
            return response.json({"error": "unauthorized"}, status=401)
        return response.json({"token": token, "username": username, "expires_in": ttl or TOKEN_MANAGER.default_ttl})

    @app.route('/revoke_token', methods=['POST'])
    async def revoke_token_view(request: Request) -> HTTPResponse:
        is_valid, _ = _check_auth(request, app.ctx.ADMIN_PASSWORD, TOKEN_MANAGER)
        if not is_valid:
            return response.json({"error": "unauthorized"}, status=401)
        token = _get_str_arg(request, "token")
        if not token:
            return response.json({"error": "token required"}, status=400)
        revoked = TOKEN_MANAGER.revoke_token(token)
        return response.json({"revoked": revoked})

    @app.route('/health', methods=['GET'])
    async def health_check(request: Request) -> HTTPResponse:
        return response.json({"status": "healthy", "active_users": len(USERS),
                              "messages_count": len(MESSAGES_MEMORY_DB),
                              "active_tokens": TOKEN_MANAGER.get_active_tokens_count()})


def create_app(app_name: str, admin_password) -> Sanic:
    app = Sanic(app_name)
    app.ctx.ADMIN_PASSWORD = admin_password
    if admin_password:
        TOKEN_MANAGER.set_admin_password(admin_password)
    attach_endpoints(app)
    return app


app = create_app("CMD_SERVER", "pw")
