"""aekiratli/telegram-trading-notifications, backend (app.py, components/user/views.py,
components/trades/views.py and signals.py, middleware/auth.py, cors.py, options.py; no
licence file in the repository). `Blueprint.group(users, trade, version_prefix="/api/v",
version=1)` with a group request middleware (a bearer token from `request.token`,
`Unauthorized("...", status_code=401)`) and a group response middleware adding CORS
headers from `request.route.methods`; routes added without a leading slash
(`add_route(login, "login", methods=["POST", "OPTIONS"])`); the CORS recipe's
`before_server_start` listener that calls `app.router.reset()`, adds an OPTIONS route per
path that lacks one and `finalize()`s; blueprint signals added with
`trade.add_signal(handler, "trade.entry.created")` and dispatched by handlers with
`await request.app.dispatch(..., context={...})` (the handler of a deletion fails when the
trade was not there); `json(body, 200)` with the status positional; a header name
`contasdasdasdsaent-language` as written.

Stand-ins: the Tortoise models and repositories (users, trades, channels in memory; a
login's token is `tok-<username>`), the Telegram API (records the messages it would send,
shown by `/_sent`, added here), the job blueprint and its tasks (left out). The trade
blueprint joins the group here (its commit's app.py is not stored; the views are).
"""

import copy
from collections import defaultdict
from typing import Dict, FrozenSet, Iterable

from sanic import Blueprint, HTTPResponse, Request, Sanic, response
from sanic.exceptions import Unauthorized
from sanic.response import json
from sanic.router import Route


# stand-ins
class FormDataMissing(Exception):
    pass


class UserIsNotRegistered(Exception):
    pass


class WrongPasswordOrUsername(Exception):
    pass


USERS = {"ada": "pw"}
SENT = []


class User:
    def __init__(self, username):
        self.username = username


async def extract_user_from_token(token):
    if not token.startswith("tok-") or token[4:] not in USERS:
        raise ValueError("bad token")
    return User(token[4:])


class UserController:
    @staticmethod
    async def register_user(payload):
        if not payload or "username" not in payload or "password" not in payload:
            raise FormDataMissing
        if payload["username"] in USERS:
            return False
        USERS[payload["username"]] = payload["password"]
        return True

    @staticmethod
    async def login(payload):
        if not payload or "username" not in payload or "password" not in payload:
            raise FormDataMissing
        if payload["username"] not in USERS:
            raise UserIsNotRegistered
        if USERS[payload["username"]] != payload["password"]:
            raise WrongPasswordOrUsername
        return f"tok-{payload['username']}"


class Trade:
    rows = {}

    def __init__(self, **data):
        self.id = len(Trade.rows) + 1
        self.data = data
        self.telegram_msg_info = []
        Trade.rows[self.id] = self

    async def save(self):
        pass


class Symbol:
    def __init__(self, name):
        self.name = name


class TradeController:
    @classmethod
    async def get_trades(cls):
        return [{"id": t.id, **t.data} for t in reversed(list(Trade.rows.values()))]

    @classmethod
    async def delete_trade(cls, trade_id):
        return Trade.rows.pop(trade_id, None)

    @classmethod
    async def get_channels_by_trade_id(cls, trade_id):
        return list(Trade.rows[trade_id].data.get("channels", []))

    @classmethod
    async def create_trade(cls, payload):
        data = payload
        if data["risk"] not in ("low", "high"):
            raise KeyError(data["risk"])
        return Trade(**data)


class UtilsController:
    @staticmethod
    async def get_symbol_by_id(symbol_id):
        return Symbol({1: "BTCUSDT", 2: "ETHUSDT"}[symbol_id])


class TelegramApiController:
    def __init__(self, chat_ids, kind):
        self.chat_ids = chat_ids

    async def send_message(self, msg):
        SENT.append(msg)
        return [{"chat_id": c, "msg_id": i} for i, c in enumerate(self.chat_ids)]

    async def delete_message(self, chat_id, msg_id):
        SENT.append(f"delete {chat_id}/{msg_id}")


# components/user/views.py
async def register_user(request: Request) -> HTTPResponse:
    try:
        is_register_succesful = await UserController.register_user(request.json)
    except FormDataMissing:
        return json({'message': 'Form data is missing'})
    if is_register_succesful:
        return json({'message': 'Registered'})
    else:
        return json({'message': 'User is registered'},headers={"contasdasdasdsaent-language": "en-US"})
async def asd(request: Request) -> HTTPResponse:
        return json({'message': 'User is registered'},headers={"contasdasdasdsaent-language": "en-US"})
async def login(request: Request) -> HTTPResponse:
    try:
        token = await UserController.login(request.json)
    except FormDataMissing:
        return json({'message': 'Form data is missing'},200)
    except WrongPasswordOrUsername:
        return json({'message': 'Wrong Username Or Password'},200)
    except UserIsNotRegistered:
        return json({'message': 'User Is Not Registered'}, 200)
    return json({"token": token})

async def who_am_i(request: Request) -> HTTPResponse:
   return json({"msg": request.ctx.user.username})

users = Blueprint("users", url_prefix="/users")
users.add_route(register_user, "register_user", methods=["POST", "OPTIONS"])
users.add_route(login, "login", methods=["POST", "OPTIONS"])
users.add_route(who_am_i, "who_am_i", methods=["POST", "OPTIONS"])
users.add_route(asd, "asd", methods=["POST", "GET"])


# components/trades/signals.py
async def trade_created_handler(**context):
    trade = context["instance"]
    chat_ids = context["chat_ids"]
    symbol = context["symbol"]
    risk = context["request_payload"]["risk"]
    market = context["request_payload"]["market"]
    if market == 'buy':
        status = "🟢"
    else:
        status = "🔴"
    price = context["request_payload"]["price"]
    msg = f"New Order for {symbol.name}.\n-----------------------------------\nSide: {status} - Price: {price} - Risk: {risk.upper()}"
    msg_ids = await TelegramApiController(chat_ids,'trade').send_message(msg)
    trade.telegram_msg_info = msg_ids
    await trade.save()

async def trade_deleted_handler(**context):
    trade = context["instance"]
    for msg in trade.telegram_msg_info:
        await TelegramApiController([],'trade').delete_message(msg["chat_id"],msg["msg_id"])


# components/trades/views.py
async def get_trades(request: Request) -> HTTPResponse:
    jobs = await TradeController.get_trades()
    return json(jobs)

async def add_trade(request: Request) -> HTTPResponse:
    org_payload = copy.deepcopy(request.json)
    trade = await TradeController.create_trade(request.json)
    chat_ids = await TradeController.get_channels_by_trade_id(trade.id)
    symbol = await UtilsController.get_symbol_by_id(org_payload["symbol_id"])
    await request.app.dispatch(
        "trade.entry.created",
        context={"instance": trade,
                 "symbol": symbol,
                 "request_payload": org_payload,
                  "chat_ids": chat_ids})

    return json({"msg": "success"})

async def delete_trade(request: Request, trade_id: int) -> HTTPResponse:
    trade = await TradeController.delete_trade(trade_id)
    await request.app.dispatch(
    "trade.entry.deleted",
        context={"instance": trade})
    return json({"msg": "success"})

trade = Blueprint("trade", url_prefix="/trades")
trade.add_route(get_trades, "/list", methods=["POST"])
trade.add_route(add_trade, "/add", methods=["POST"])
trade.add_route(delete_trade, "/delete/<trade_id:int>", methods=["POST"])
trade.add_signal(trade_created_handler, "trade.entry.created")
trade.add_signal(trade_deleted_handler, "trade.entry.deleted")


# middleware/auth.py
UNPROTECTED_PATHS = [
    '/api/v1/users/login',
    '/api/v1/users/register_user']

async def authentication(request: Request) -> None:
    if request.path in UNPROTECTED_PATHS:
        return

    if not request.token:
        raise Unauthorized("JWT token is required.", status_code=401)
    try:
        request.ctx.user = await extract_user_from_token(request.token)
    except:
        raise Unauthorized("JWT token is invalid.", status_code=401)
    return


# middleware/cors.py
def _add_cors_headers(response: HTTPResponse, methods: Iterable[str]) -> None:

    allow_methods = sorted(set(methods))  # as written list(set(...)): set order
    if "OPTIONS" not in allow_methods:
        allow_methods.append("OPTIONS")
    headers = {
        "Access-Control-Allow-Methods": ",".join(allow_methods),
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Headers": (
            "origin, content-type, accept, authorization, x-xsrf-token, x-request-id, transfer-encoding"
        ),
    }
    response.headers.extend(headers)


def add_cors_headers(request: Request, response: HTTPResponse) -> None:
    if request.method != "OPTIONS" and request.route:
        methods = [method for method in request.route.methods]
        _add_cors_headers(response, methods)


# middleware/options.py
def _compile_routes_needing_options(
    routes: Dict[str, Route]
) -> Dict[str, FrozenSet]:
    needs_options = defaultdict(list)
    # This is 21.12 and later. You will need to change this for older versions.
    for route in routes.values():
        if "OPTIONS" not in route.methods:
            needs_options[route.uri].extend(route.methods)

    return {
        uri: frozenset(methods) for uri, methods in dict(needs_options).items()
    }


def _options_wrapper(handler, methods):
    def wrapped_handler(request, *args, **kwargs):
        nonlocal methods
        return handler(request, methods)

    return wrapped_handler


async def options_handler(request, methods) -> response.HTTPResponse:
    resp = response.empty()
    _add_cors_headers(resp, methods)
    return resp


def setup_options(app: Sanic, _):
    app.router.reset()
    needs_options = _compile_routes_needing_options(app.router.routes_all)
    for uri, methods in needs_options.items():
        app.add_route(
            _options_wrapper(options_handler, methods),
            uri,
            methods=["OPTIONS"],
        )
    app.router.finalize()


# app.py
def create_app() -> Sanic:
    app = Sanic("TelegramNotifApp")
    group = Blueprint.group(
        users,
        trade,
        version_prefix="/api/v",
        version=1,
    )
    app.register_listener(setup_options, "before_server_start")
    group.middleware(authentication, "request")
    group.middleware(add_cors_headers, "response")
    app.blueprint(group)

    @app.get("/_sent")  # added: what the Telegram stand-in was asked to send
    async def sent(request):
        return json(SENT)

    return app


app = create_app()
