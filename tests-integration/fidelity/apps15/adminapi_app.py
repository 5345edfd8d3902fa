"""rensongqi/sanic-adminapi (core/__init__.py, core/middlewares/*.py, core/listeners/base.py,
core/libs/response.py, core/libs/error_code/*.py, core/views/admin_api/region/*.py),
condensed.

``create_app()`` loads a TOML config object with ``app.config.update_config(obj)`` and
``app.config['CORS_SUPPORTS_CREDENTIALS'] = True``, registers listener objects with
``app.register_listener(getattr(obj, event), event)`` and middleware objects (an ABC base
with ``__slots__``) with ``app.register_middleware(fn, attach_to=...)``, a static folder,
and ``HTTPMethodView`` classes added to a blueprint with ``bp.add_route(View.as_view(),
path)``. Answers go through ``json(content, dumps=json.dumps, cls=ExtJsonEncoder)`` (a
``datetime`` and a ``Decimal`` in the data) and an ``Enum`` of error codes whose members
are ``NamedTuple`` values with ``DynamicClassAttribute`` properties. No licence file in
the stored copy.

Stands in: tortoise's ``Region`` model is a list; the TOML file is a dict subclass with
attribute access; the logger proxy is ``logging``. Left out: sanic_session,
``register_tortoise``, sanic_ext's ``openapi.definition`` and ``validate`` (the body is
read from ``request.json`` as the view itself does).
"""

from __future__ import annotations

import abc
import logging
import os
import time
from datetime import datetime
from decimal import Decimal
from enum import Enum, EnumMeta, unique
from json import JSONEncoder, dumps
from types import DynamicClassAttribute
from typing import Any, Dict, NamedTuple, Optional

from sanic import Blueprint, HTTPResponse, Request, Sanic, json
from sanic.views import HTTPMethodView

logger = logging.getLogger("adminapi")


class ECData(NamedTuple):
    code: str
    message: str = "服务器异常"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ECData):
            raise NotImplemented
        return self.code == other.code


class _ECEnumMeta(EnumMeta):
    def __new__(mcs, *args, **kwargs):
        enum_class = super(_ECEnumMeta, mcs).__new__(mcs, *args, **kwargs)
        return unique(enum_class)


class BaseECEnum(Enum, metaclass=_ECEnumMeta):
    @DynamicClassAttribute
    def code(self):
        return self.value.code

    @DynamicClassAttribute
    def message(self):
        return self.value.message

    @DynamicClassAttribute
    def error(self):
        return self.name


class ECEnum(BaseECEnum):
    Success = ECData("0", "成功")
    Fail = ECData("-1", "失败")
    ServerError = ECData("500", "服务异常，请稍后重试")
    NoResourceFound = ECData("40001", "未找到资源")
    InvalidParameter = ECData("40002", "参数无效")


class ExtJsonEncoder(JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            return o.strftime("%Y-%m-%d %H:%M:%S")
        elif isinstance(o, Decimal):
            return str(o)
        return super().default(o)


def response_ok(data: Any = None, enum: Optional[ECEnum] = None, msg: str = None) -> HTTPResponse:
    if enum is None:
        enum = ECEnum.Success
    code: str = str(enum.code)
    msg: str = msg if msg else enum.message
    content: Dict[str, Any] = dict(code=code, data=data, msg=msg)
    return json(content, dumps=dumps, cls=ExtJsonEncoder)


def response_fail(enum: Optional[ECEnum] = None, desc: Any = "") -> HTTPResponse:
    if enum is None:
        enum = ECEnum.ServerError
    content = dict(code=str(enum.code), error=enum.error, message=enum.message, desc=desc)
    return json(content, dumps=dumps, cls=ExtJsonEncoder)


class BaseMiddleware(metaclass=abc.ABCMeta):
    __slots__ = ()

    @abc.abstractmethod
    async def before_request(self, request: Request) -> None:
        pass

    @abc.abstractmethod
    async def before_response(self, request: Request, response: HTTPResponse) -> None:
        pass


class TimerMiddleware(BaseMiddleware):
    threshold: float = 1.0

    async def before_request(self, request: Request) -> None:
        request.ctx.start_time = time.time()

    async def before_response(self, request: Request, response: HTTPResponse) -> None:
        diff = time.time() - request.ctx.start_time
        if diff > 1.0:
            logger.warning('%s, response timeout: %.6f' % (request.name, diff))


class CorsMiddleware(BaseMiddleware):
    async def before_request(self, request: Request) -> None:
        pass

    async def before_response(self, request: Request, response: HTTPResponse) -> None:
        response.headers["Access-Control-Allow-Origin"] = "http://localhost:7003"
        response.headers["Access-Control-Allow-Headers"] = "X-Custom-Header,Content-Type"
        response.headers["Access-Control-Allow-Credentials"] = "true"


class BaseListener(metaclass=abc.ABCMeta):
    __slots__ = ('_settings',)

    def __init__(self, settings) -> None:
        self._settings = settings

    @abc.abstractmethod
    async def after_server_start(self, app: Sanic, loop) -> None:
        pass

    @abc.abstractmethod
    async def before_server_stop(self, app: Sanic, loop) -> None:
        pass


class MysqlListener(BaseListener):
    async def after_server_start(self, app, loop) -> None:
        app.ctx.db_ready = self._settings["MYSQL"]["DB"]

    async def before_server_stop(self, app, loop) -> None:
        app.ctx.db_ready = None


REGIONS: list = [{"id": 1, "region_name": "东区", "upload_state": 0,
                  "order_no": Decimal("12.0"), "created": datetime(2022, 11, 1, 8, 30)}]


class GetAllRegion(HTTPMethodView):
    async def get(self, request):
        try:
            return response_ok(dict(regions=list(REGIONS), db=request.app.ctx.db_ready,
                                    cors=request.app.config.CORS_SUPPORTS_CREDENTIALS,
                                    app_name=request.app.config.APP_NAME), ECEnum.Success)
        except Exception as e:
            logger.error(e)
            return response_ok(dict(error=str(e)), ECEnum.Fail, msg="区域信息获取失败")


class InsertRegion(HTTPMethodView):
    async def post(self, request):
        query_json = request.json
        new_record = query_json['new_record']
        print(new_record)
        try:
            region = dict(id=len(REGIONS) + 1, **new_record, upload_state=0,
                          order_no=Decimal(len(REGIONS)) / 4, created=datetime(2022, 11, 2))
            REGIONS.append(region)
            return response_ok(dict(region=region), ECEnum.Success)
        except Exception as e:
            logger.error(e)
            return response_ok(dict(error=str(e)), ECEnum.Fail, msg="区域信息创建失败")


class UpdateRegion(HTTPMethodView):
    async def post(self, request):
        query_json = request.json
        old_record_id = query_json['old_record_id']
        new_record = query_json['new_record']
        action = request.args.get("action", 'update')
        print(action)
        try:
            matching = [r for r in REGIONS if r["id"] == old_record_id]
            if action == 'update':
                for r in matching:
                    r.update(**new_record)
            elif action == 'delete':
                for r in matching:
                    REGIONS.remove(r)
            region_update_num = len(matching)
            return response_ok(dict(region_update_num=region_update_num), ECEnum.Success)
        except Exception as e:
            logger.error(e)
            return response_ok(dict(error=str(e)), ECEnum.Fail, msg="区域信息更新失败")


bp: Blueprint = Blueprint('region', url_prefix='/admin_api/region')
bp.add_route(GetAllRegion.as_view(), "/get_all_regions")
bp.add_route(InsertRegion.as_view(), "/insert_region")
bp.add_route(UpdateRegion.as_view(), "/delete_region")

BLUE_TUPLE = (bp,)
LISTENER_TUPLE = (MysqlListener,)
MIDDLEWARE_TUPLE = (TimerMiddleware, CorsMiddleware)


class TomlConfig(dict):
    def __init__(self, path, config_type):
        super().__init__(APP_NAME="adminapi", DEBUG=False, REQUEST_MAX_SIZE=4096,
                         MYSQL={"HOST": "db", "DB": "garbage", "PORT": 3306})
        self.config_type = config_type

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


def create_app() -> Sanic:
    BASE_DIR = os.path.dirname(os.path.abspath(__file__))
    toml_config = TomlConfig(path=os.path.join(BASE_DIR, 'config.toml'),
                             config_type='development')
    toml_config['BASE_PATH'] = BASE_DIR
    toml_config['STATIC_PATH'] = os.path.join(BASE_DIR, 'adminapi_static')
    app: Sanic = Sanic(toml_config.APP_NAME)
    app.config.update_config(toml_config)
    app.config['CORS_SUPPORTS_CREDENTIALS'] = True
    app.static('/static', toml_config.STATIC_PATH)
    for listener_cls in LISTENER_TUPLE:
        listener = listener_cls(toml_config)
        for event in ('after_server_start', 'before_server_stop'):
            if hasattr(listener, event):
                app.register_listener(getattr(listener, event), event)
    for middle_cls in MIDDLEWARE_TUPLE:
        middle = middle_cls()
        if hasattr(middle, 'before_request'):
            app.register_middleware(middle.before_request, attach_to='request')
        if hasattr(middle, 'before_response'):
            app.register_middleware(middle.before_response, attach_to='response')
    for blueprint in BLUE_TUPLE:
        app.blueprint(blueprint)
    return app


app: Sanic = create_app()


@app.get("/debug/fail")
async def fail(request):
    return response_fail(ECEnum.InvalidParameter, desc={"at": datetime(2022, 1, 2, 3, 4, 5),
                                                        "amount": Decimal("1.10")})
