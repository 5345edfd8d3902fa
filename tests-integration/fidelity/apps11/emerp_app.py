"""MasterCoisin/EM_ERP_SANIC, reduced: utils/init_app.py (``@app.main_process_start``
putting ``multiprocessing.Manager().dict()`` into ``app.shared_ctx``, an
``after_server_start`` listener that returns at once, ``app.add_task`` of two coroutines
at import, an ``after_server_stop`` listener that gathers every other task of the loop),
utils/auth.py (``Sanic.get_app(APP_NAME)``, ``request.token``, the ``protected(...)``
decorator with its vip/permission branches), config/bean.py (``json(**resp.to_response())``
with ``ERROR = 501``) and apps/ean/ean.py (``Blueprint("ean", url_prefix="ean")``).
Stand-ins: mongo (dicts), jwt (a fixed token table), loguru (print); sanic_ext's
``Extend`` left out. The entry point runs ``app.run`` as a deployment would."""

import asyncio
import multiprocessing
import os
from functools import wraps
from time import time
from typing import Any

from sanic import Blueprint, Request, Sanic, json

APP_NAME = "EM_ERP"
SECRET_KEY = "secret"
SUCCESS, UNAUTHORIZED, ERROR = 200, 401, 501


class logger:
    @staticmethod
    def info(msg):
        print("INFO", msg)


# --- config/bean.py ------------------------------------------------------------------------
class BaseResponseObj(object):
    def to_json(self):
        return self.__dict__


class BaseResponse(BaseResponseObj):
    def __init__(self, code: int, message, data: Any = None):
        self.code: int = code
        self.message = message
        self.data: Any = data

    def to_response(self):
        return {"body": self.to_json(), "status": self.code}


class SuccessResponse(BaseResponse):
    def __init__(self, message, data: Any = None):
        super().__init__(SUCCESS, message, data)


class FailureResponse(BaseResponse):
    def __init__(self, message, data: Any = None):
        super().__init__(ERROR, message, data)


class UnauthorizedResponse(BaseResponse):
    def __init__(self, message, data: Any = None):
        super().__init__(UNAUTHORIZED, message, data)


# --- stand-ins: mongo, jwt, company lookups ----------------------------------------------------
EANS: list = []
USERS = {"u-admin": {"is_super_user": True}, "u-plain": {"is_super_user": False, "role": "clerk"},
         "u-free": {"is_super_user": False, "role": "clerk"}}
COMPANY = {"u-admin": "c1", "u-plain": "c1", "u-free": "c2"}
VIP = {"c1": (True, False, False), "c2": (False, False, False)}
TOKENS = {"tok-admin": {"identity": "u-admin"}, "tok-plain": {"identity": "u-plain"},
          "tok-free": {"identity": "u-free"}, "tok-old": {"identity": "u-plain", "expire_time": 1}}
PERMS = {"clerk": ["eanManager:create"]}


class jwt:
    class exceptions:
        class InvalidTokenError(Exception):
            pass

    @staticmethod
    def decode(token, secret, algorithms=None):
        if token not in TOKENS:
            raise jwt.exceptions.InvalidTokenError(token)
        return TOKENS[token]


async def get_user_campany_id(open_id):
    return COMPANY.get(open_id)


async def get_user_campany_id_by_request(request):
    return COMPANY.get(check_token(request)[1])


async def get_campany_is_vip(campanyId):
    return VIP.get(campanyId, (False, False, False))


async def mongodb_list(collection_name, fields, filters, sorts, current_page, page_size):
    rows = [r for r in EANS if all(r.get(f["field"]) == f["value"] for f in filters)]
    return {"data": rows[(current_page - 1) * page_size: current_page * page_size], "total": len(rows)}


async def mongodb_create(collection_name, data, uni_field):
    if any(all(r.get(k) == data.get(k) for k in uni_field) for r in EANS):
        return False, "数据已存在"
    EANS.append(dict(data))
    return True, "创建成功"


async def mongodb_create_batch(collection_name, datas, uni_field):
    for d in datas:
        await mongodb_create(collection_name, d, uni_field)
    return True, f"创建{len(datas)}条"


async def mongodb_update(collection_name, data, uni_field):
    for r in EANS:
        if all(r.get(k) == data.get(k) for k in uni_field):
            r.update(data)
            return True, "更新成功"
    return False, "数据不存在"


def get_request_base_params(request):
    body = request.json or {}
    return (body.get("currentPage", 1), body.get("pageSize", 20), body.get("fields", []),
            body.get("filters", []), body.get("sorts", []))


def add_filter_in_filters(filters, field, value):
    return filters + [{"field": field, "t": "eq", "value": value}]


async def setup_db():
    await asyncio.sleep(0)
    return {"mongo": True}, {"em": True}


async def create_unique_index_if_not_exists(app, collection, name, keys, unique):
    logger.info(f"index {collection}.{name} {keys} unique={unique}")


# --- utils/init_app.py ---------------------------------------------------------------------
app = Sanic(APP_NAME)
app.config.CORS_ALLOW_HEADERS = "*"
app.config.CORS_ORIGINS = "*"
app.config.SECRET = SECRET_KEY


@app.main_process_start
async def main_process_start(app):
    app.shared_ctx.cache = multiprocessing.Manager().dict()
    logger.info("飞书access token更新程序启动成功")


@app.after_server_start
async def create_task_queue(app, loop):
    """创建任务队列"""
    return


async def init_db(app):
    db, db_em_data = await setup_db()
    app.ctx.mongo = db
    app.ctx.mongo_em_data = db_em_data
    logger.info("app 注册 mongo成功")


@app.listener("after_server_stop")
async def afterServerStop(app, loop):
    await asyncio.gather(*[task for task in asyncio.all_tasks() if task != asyncio.current_task()])
    print("after_server_stop: gathered")

app.add_task(init_db(app))
app.add_task(create_unique_index_if_not_exists(app, "ean", "ean_unit_index", keys=[("ean", 1), ("campanyId", 1)], unique=True))


# --- utils/auth.py (the permission tables replaced by PERMS) ------------------------------------
app = Sanic.get_app(APP_NAME)


class UserPermission():
    def __init__(self):
        self.user_info = {}

    async def get_user_role(self, open_id) -> dict:
        if open_id not in self.user_info:
            document = USERS.get(open_id)
            if document:
                self.user_info[open_id] = {"is_super_user": document.get("is_super_user", False),
                                           "role": document.get("role", None) if document.get("role", False) else None,
                                           "is_sys_super_user": document.get("is_sys_super_user", False)}
            else:
                self.user_info[open_id] = {"is_super_user": False, "role": None, "is_sys_super_user": False}
        return self.user_info[open_id]

    async def get_user_permission(self, open_id) -> dict:
        role_info = await self.get_user_role(open_id=open_id)
        if not role_info.get("role", None):
            return {}
        return {"permissionsCode": PERMS.get(role_info["role"], [])}


user_permission = UserPermission()


def check_token(request):
    if not request.token:
        return False, None
    try:
        payload = jwt.decode(request.token, request.app.config.SECRET, algorithms=["HS256"])
        if payload.get("expire_time", None) and time() > payload.get("expire_time", None):
            return False, payload.get("identity", None)
    except jwt.exceptions.InvalidTokenError:
        return False, None
    else:
        return True, payload.get("identity", None)


async def check_permission(open_id, permission):
    user_p = await user_permission.get_user_permission(open_id=open_id)
    permission_has = user_p.get("permissionsCode", [])
    for i in permission:
        if i not in permission_has:
            return False
    return True


def protected(permission=None, needVip=False, needSvip=False, needSuper=False):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            is_authenticated, open_id = check_token(request)
            if is_authenticated:
                campany_id = await get_user_campany_id(open_id=open_id)
                is_vip, is_svip, is_super = await get_campany_is_vip(campanyId=campany_id)
                if needSuper and not is_super:
                    return json(**FailureResponse(message="无权限!").to_response())
                if needSvip:
                    if not is_svip:
                        if needVip:
                            if is_vip:
                                pass
                            else:
                                return json(**FailureResponse(message="请购买高级会员或者选品会员后使用!").to_response())
                        else:
                            return json(**FailureResponse(message="请购买高级会员后使用!").to_response())
                if not needSvip and needVip:
                    if needVip:
                        if is_vip:
                            pass
                        else:
                            return json(**FailureResponse(message="请购买选品会员后使用!").to_response())
                user_role = await user_permission.get_user_role(open_id)
                if user_role.get("is_super_user", False):
                    logger.info(f"open id:{open_id} is super user")
                    response = await f(request, *args, **kwargs)
                    return response
                if permission:
                    has_permission = await check_permission(open_id, permission)
                    if has_permission:
                        response = await f(request, *args, **kwargs)
                        return response
                    else:
                        return json(**FailureResponse(message="没有权限执行此操作!").to_response())
                else:
                    response = await f(request, *args, **kwargs)
                    return response
            else:
                return json(**UnauthorizedResponse(message="登陆失败").to_response())
        return decorated_function
    return decorator


# --- apps/ean/ean.py -----------------------------------------------------------------------
bp_ean = Blueprint("ean", url_prefix="ean")


@bp_ean.post("/list")
@protected(needVip=True)
async def ean_list(request: Request):
    current_page, page_size, fields, filters, sorts = get_request_base_params(request)
    campany_id = await get_user_campany_id_by_request(request)
    filters = add_filter_in_filters(filters, "campanyId", campany_id)
    data = await mongodb_list(collection_name="ean", fields=fields, filters=filters, sorts=sorts,
                              current_page=current_page, page_size=page_size)
    return json(**SuccessResponse(message="OK", data=data).to_response())


@bp_ean.post("/create")
@protected(permission=["eanManager:create"], needVip=True)
async def ean_create(request: Request):
    data: dict = request.json
    campany_id = await get_user_campany_id_by_request(request)
    data["campanyId"] = campany_id
    is_ok, msg = await mongodb_create(collection_name="ean", data=data, uni_field=["ean", "campanyId"])
    if is_ok:
        return json(**SuccessResponse(message=msg, data={}).to_response())
    else:
        return json(**FailureResponse(message=msg, data={}).to_response())


@bp_ean.post("/createBatch")
@protected(permission=["eanManager:create"], needVip=True)
async def ean_create_batch(request: Request):
    data: dict = request.json
    campany_id = await get_user_campany_id_by_request(request)
    datas = [{"ean": ean, "campanyId": campany_id, "deleted": False} for ean in data.get("eans", [])]
    is_ok, msg = await mongodb_create_batch(collection_name="ean", datas=datas, uni_field=["ean", "campanyId"])
    if is_ok:
        return json(**SuccessResponse(message=msg, data={}).to_response())
    else:
        return json(**FailureResponse(message=msg, data={}).to_response())


@bp_ean.post("/update")
@protected(permission=["eanManager:update"], needVip=True)
async def ean_update(request: Request):
    data: dict = request.json
    _id = data.get("id", None)
    campany_id = await get_user_campany_id_by_request(request)
    id_field = data.get("id_field", "open_id")
    update_data = data.get("data", {})
    update_data[id_field] = _id
    update_data["campanyId"] = campany_id
    is_ok, msg = await mongodb_update(collection_name="ean", data=update_data, uni_field=[id_field, "campanyId"])
    if is_ok:
        return json(**SuccessResponse(message=msg, data={}).to_response())
    else:
        return json(**FailureResponse(message=msg, data={}).to_response())


app.blueprint(bp_ean)


@app.get("/shared")
async def shared(request):
    return json({"cache": type(request.app.shared_ctx.cache).__name__ if hasattr(request.app.shared_ctx, "cache") else None,
                 "mongo": request.app.ctx.mongo})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 8000)))
