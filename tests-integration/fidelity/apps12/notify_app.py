"""cuongct220020/convenient-shopping-system, notification-service (app/__init__.py's
create_app, app/apis/ws_bp.py, app/websocket/websocket_manager.py and
app/services/websocket_notification_service.py, condensed): group and user websockets
kept in a manager under an asyncio.Lock, `async for message in ws`, `ws.close(code=1008,
reason=...)` when the Kong headers are missing, and notifications sent as `ws.send(dict)`
(as written) by a consumer task started from `after_server_start` with `app.add_task`.
Stand-ins: shopping_shared's logger, Unauthorized and header/token checks (written here),
Kafka (an asyncio.Queue fed by `POST /_broker`, which stands for the producing service),
Redis and e-mail (nothing)."""

import asyncio
import logging

from sanic import Blueprint, Sanic, Websocket
from sanic.response import json as sanic_json

logger = logging.getLogger("notify")
BLOCKED_JTI = {"revoked"}


class Unauthorized(Exception):
    pass


def extract_kong_headers(headers):
    if "x-user-id" not in headers or "x-jti" not in headers:
        raise Unauthorized("Missing authentication headers")
    return {"sub": headers["x-user-id"], "jti": headers["x-jti"], "iat": headers.get("x-iat", "0")}


async def validate_token_state(user_id, jti, iat, redis_client=None, check_blocklist=True):
    if check_blocklist and jti in BLOCKED_JTI:
        raise Unauthorized("Token has been revoked")


class WebSocketManager:
    def __init__(self):
        self.user_connections = {}
        self.group_connections = {}
        self.lock = asyncio.Lock()

    async def connect_to_user(self, websocket, user_id):
        async with self.lock:
            self.user_connections.setdefault(user_id, set()).add(websocket)
            logger.info(f"WebSocket connected for user {user_id}. Total connections: {len(self.user_connections[user_id])}")

    async def disconnect_from_user(self, websocket, user_id):
        async with self.lock:
            if user_id in self.user_connections:
                self.user_connections[user_id].discard(websocket)
                if not self.user_connections[user_id]:
                    del self.user_connections[user_id]

    async def send_to_user(self, user_id, message):
        async with self.lock:
            for ws in self.user_connections.get(user_id, set()).copy():
                try:
                    await ws.send(message)
                except Exception as e:
                    logger.error(f"Failed to send message to user {user_id}: {e!r}")

    async def connect_to_group(self, websocket, group_id):
        async with self.lock:
            self.group_connections.setdefault(group_id, set()).add(websocket)
            logger.info(f"Websocket connected to group: {group_id}. Total connections: {len(self.group_connections[group_id])}")

    async def disconnect_from_group(self, websocket, group_id):
        async with self.lock:
            if group_id in self.group_connections:
                self.group_connections[group_id].discard(websocket)
                if not self.group_connections[group_id]:
                    del self.group_connections[group_id]
                logger.info(f"WebSocket disconnected from group {group_id}. Remaining connections: {len(self.group_connections.get(group_id, set()))}")

    async def broadcast_to_group(self, group_id, message):
        async with self.lock:
            for ws in sorted(self.group_connections.get(group_id, set()), key=id):
                try:
                    await ws.send(message)
                except Exception as e:
                    logger.error(f"Failed to send message to group {group_id}: {e!r}")


websocket_manager = WebSocketManager()
ws_bp = Blueprint("websocket", url_prefix="/v1/notification-service/notifications")


@ws_bp.websocket("/groups/<group_id>")
async def ws_group_notifications(request, ws: Websocket, group_id: str):
    try:
        auth_payload = extract_kong_headers(dict(request.headers))
        await validate_token_state(user_id=auth_payload["sub"], jti=auth_payload["jti"],
                                   iat=auth_payload["iat"], redis_client=getattr(request.ctx, "redis_client", None))
        request.ctx.auth_payload = auth_payload
        logger.info(f"User {auth_payload.get('sub')} connected to group {group_id}")
    except Unauthorized as e:
        logger.warning(f"WebSocket connection denied for group {group_id}: {e}")
        await ws.close(code=1008, reason=str(e))
        return
    await websocket_manager.connect_to_group(ws, group_id)
    try:
        async for message in ws:
            logger.info(f"Received message from group {group_id}: {message}")
    except Exception as e:
        logger.error(f"WebSocket error for group {group_id}: {e!r}")
    finally:
        await websocket_manager.disconnect_from_group(ws, group_id)


@ws_bp.websocket("/users/<user_id>")
async def ws_user_notifications(request, ws: Websocket, user_id: str):
    await asyncio.sleep(0.1)
    try:
        auth_payload = extract_kong_headers(request.headers)
        await validate_token_state(user_id=auth_payload["sub"], jti=auth_payload["jti"], iat=auth_payload["iat"])
        if auth_payload.get("sub") != user_id:
            await ws.close(code=1008, reason="Forbidden")
            return
    except Unauthorized:
        await ws.close(code=1008, reason="Unauthorized")
        return
    await websocket_manager.connect_to_user(ws, user_id)
    try:
        async for message in ws:
            logger.info(f"Received from {user_id}: {message}")
    except Exception as e:
        logger.error(f"DEBUG: Loop exception for {user_id}: {e!r}")
    finally:
        await websocket_manager.disconnect_from_user(ws, user_id)


async def consume_notifications(app):
    while True:
        event = await app.ctx.broker.get()
        message = {"event_type": event["event_type"], "data": event["data"]}
        if "group_id" in event:
            await websocket_manager.broadcast_to_group(event["group_id"], message)
        if "user_id" in event:
            await websocket_manager.send_to_user(event["user_id"], message)


def create_app() -> Sanic:
    sanic_app = Sanic("notification_service")

    @sanic_app.route("/", methods=["GET"])
    async def root(request):
        return sanic_json({"service": "notification-service", "status": "running"})

    @sanic_app.post("/_broker")
    async def produce(request):
        await request.app.ctx.broker.put(request.json)
        return sanic_json({"queued": True}, status=202)

    sanic_app.blueprint(ws_bp)

    @sanic_app.listener("before_server_start")
    async def init_services(app, loop):
        app.ctx.broker = asyncio.Queue()

    @sanic_app.listener("after_server_start")
    async def start_consumer(app, loop):
        app.add_task(consume_notifications(app))

    return sanic_app


app = create_app()
