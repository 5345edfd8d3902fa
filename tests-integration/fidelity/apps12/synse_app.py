"""vapor-ware/synse-server (synse_server/app.py, errors.py, api/http.py, api/websocket.py,
condensed): `Sanic(name=..., error_handler=SynseErrorHandler(), configure_logging=False)`
whose handler overrides `default()`: Sanic's own exceptions get the usual page, any other
exception becomes the project's JSON error (its `SynseError` subclasses carry the HTTP
code); a blueprint with `version='v3'`; `request.args.getlist` checks (as written `scan` has two `@v3.route` decorators without
names, which both refuse alike: `Duplicate route names detected`; here the second is named); a streamed cache
read (as written `stream(response_streamer, content_type=...)`, which Sanic 25 no longer
has: both refuse alike at import; here `await request.respond(...)` with the same
writer); the websocket `MessageHandler` (`async for message in ws`, JSON payloads
dispatched to `handle_<event>` methods, errors sent as JSON; `ws.close_connection_task`,
which neither framework's websocket has, read with getattr); `app.static` of a favicon
that does not exist (as written). Stand-ins: the plugin commands (fixed data), ujson and
containerlog (json and logging), the timestamp (fixed)."""

import json
import logging

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.handlers import ErrorHandler
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger("synse")
PLUGINS = {"p1": {"id": "p1", "tag": "vaporio/emulator"}}
DEVICES = [{"id": "d1", "plugin": "p1", "type": "temperature"}, {"id": "d2", "plugin": "p1", "type": "led"}]


def rfc3339now():
    return "2020-01-01T00:00:00Z"


def http_json_response(body, **kwargs) -> HTTPResponse:
    if "pretty" in kwargs.pop("request_args", {}):
        return HTTPResponse(json.dumps(body, indent=2) + "\n", content_type="application/json", **kwargs)
    return HTTPResponse(json.dumps(body), content_type="application/json", **kwargs)


class SynseError(Exception):
    http_code = 500
    description = "an unexpected error occurred"

    def make_response(self) -> dict:
        return {"http_code": self.http_code, "description": self.description,
                "timestamp": rfc3339now(), "context": str(self)}


class InvalidUsage(SynseError):
    http_code = 400
    description = "invalid user input"


class NotFound(SynseError):
    http_code = 404
    description = "resource not found"


class SynseErrorHandler(ErrorHandler):
    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        logger.info("creating error response for request: %r", exception)
        if isinstance(exception, SanicException):
            return super(SynseErrorHandler, self).default(request, exception)
        if not isinstance(exception, SynseError):
            new = SynseError(str(exception))
            new.__cause__ = exception
            exception = new
        return http_json_response(body=exception.make_response(), status=exception.http_code)


core = Blueprint("core-http")
v3 = Blueprint("v3-http", version="v3")


@core.route("/test")
async def test(request: Request) -> HTTPResponse:
    return http_json_response({"status": "ok", "timestamp": rfc3339now()})


@v3.route("/plugin/<plugin_id>")
async def plugin_info(request: Request, plugin_id: str) -> HTTPResponse:
    if plugin_id not in PLUGINS:
        raise NotFound(f"plugin not found: {plugin_id}")
    return http_json_response(PLUGINS[plugin_id], request_args=request.args)


@v3.route("/scan")
@v3.route("/device", name="device")
async def scan(request: Request) -> HTTPResponse:
    namespace = "default"
    param_ns = request.args.getlist("ns")
    if param_ns:
        if len(param_ns) > 1:
            raise InvalidUsage("invalid parameter: only one namespace may be specified")
        namespace = param_ns[0]
    tag_groups = [group.split(",") for group in request.args.getlist("tags", [])]
    sort_keys = request.args.get("sort", "plugin,sortIndex,id")
    if "tags" in sort_keys:
        raise InvalidUsage("invalid parameter: sort key 'tags' is not supported")
    return http_json_response({"ns": namespace, "tags": tag_groups, "devices": DEVICES})


@v3.route("/readcache")
async def read_cache(request: Request):
    async def response_streamer(response):
        try:
            for reading in DEVICES:
                try:
                    await response.send(json.dumps({"device": reading["id"], "value": 1}) + "\n")
                except Exception:
                    logger.exception("error streaming cached reading response")
        except Exception:
            logger.exception("failure when streaming cached readings")

    response = await request.respond(content_type="application/json; charset=utf-8")
    await response_streamer(response)


@v3.route("/write/<device_id>", methods=["POST"])
async def async_write(request: Request, device_id: str) -> HTTPResponse:
    try:
        data = request.json
    except Exception as e:
        raise InvalidUsage("invalid json: unable to parse POSTed body as JSON") from e
    if data is None or "action" not in data:
        raise InvalidUsage("invalid json: missing 'action'")
    if device_id == "d2":
        return http_json_response([{"id": "t1", "device": device_id, "action": data["action"]}])
    return {}["missing device"]


def error(msg_id=None, message=None, ex=None) -> str:
    message_id = msg_id or -1
    msg = message or "An unexpected error occurred."
    if ex is None:
        data = {"description": msg, "timestamp": rfc3339now()}
    elif isinstance(ex, SynseError):
        data = ex.make_response()
    else:
        data = {"http_code": 500, "description": msg, "timestamp": rfc3339now(), "context": str(ex)}
    return json.dumps({"id": message_id, "event": "response/error", "data": data})


class Payload:
    def __init__(self, data) -> None:
        d = json.loads(data)
        if "id" not in d:
            raise ValueError('expected "id" in websocket payload, but not found')
        if "event" not in d:
            raise ValueError('expected "event" in websocket payload, but not found')
        self.id, self.event, self.data = d["id"], d["event"], d.get("data", {})


class MessageHandler:
    def __init__(self, ws):
        self.ws = ws
        if getattr(ws, "close_connection_task", None) is not None:
            ws.close_connection_task.add_done_callback(self.stop)
        self.tasks = []

    async def run(self):
        async for message in self.ws:
            try:
                p = Payload(message)
            except Exception as e:
                await self.ws.send(error(ex=e))
                continue
            try:
                await self.dispatch(p)
            except Exception as e:
                logger.error("error generating websocket response: %r", e)
                continue

    def stop(self, *args, **kwargs):
        for t in self.tasks:
            t.cancel()

    async def dispatch(self, payload):
        handler = "_".join(["handle"] + payload.event.split("/"))
        if not hasattr(self, handler):
            await self.ws.send(error(msg_id=payload.id, message=f"unsupported event type: {payload.event}"))
            return
        try:
            await getattr(self, handler)(payload)
        except Exception as e:
            await self.ws.send(error(msg_id=payload.id, ex=e))

    async def handle_request_status(self, payload):
        await self.ws.send(json.dumps({"id": payload.id, "event": "response/status", "data": {"status": "ok"}}))

    async def handle_request_plugin(self, payload):
        plugin_id = payload.data.get("plugin")
        if plugin_id is None:
            raise InvalidUsage('required data "plugin" not specified')
        if plugin_id not in PLUGINS:
            raise NotFound(f"plugin not found: {plugin_id}")
        await self.ws.send(json.dumps({"id": payload.id, "event": "response/plugin_info", "data": PLUGINS[plugin_id]}))


wsv3 = Blueprint("v3-websocket")


@wsv3.websocket("/v3/connect")
async def connect(request, ws):
    logger.info("new websocket connection from %s", request.ip)
    handler = MessageHandler(ws)
    await handler.run()


def new_app():
    app = Sanic(name="synse-server", error_handler=SynseErrorHandler(), configure_logging=False)
    app.config.LOGO = None
    app.blueprint(core)
    app.blueprint(v3)
    app.blueprint(wsv3)
    app.static("/favicon.ico", "/etc/synse/static/favicon.ico")
    return app


app = new_app()
