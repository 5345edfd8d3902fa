"""caitinggui/stodo (stodo_server.py, apps/__init__.py, apps/auth.py, apps/baseview.py,
apps/main/view.py, apps/todo/view.py, apps/user/view.py, utils/retcode.py), condensed:
`app.config.from_object(AppConfig)` (both stop alike at import: `Config has no
'from_object'`; here `app.update_config(AppConfig)`), blueprints registered with `url_prefix=` given to
`app.blueprint`, sync app-wide handlers for `RequestTimeout`, `NotFound` and `Exception`
answering the project's JSON, a `login_required` decorator in a view's `decorators` that
passes the token's user as a keyword argument, views reading it back as
`request[Constant.auth_info]` (as written), `url_for` of class-based view names, and an
aiomysql-like pool (`async with request.app.db.acquire() as conn`, `await conn.cursor()`).
As written the pool is set with `app.db = ...` in `before_server_start`, which both refuse
alike (`AttributeError: Setting variables on Sanic instances is not allowed`, the
server does not start); here it is `app.ctx.db`. Stand-ins: the pool (in-memory rows),
the token check (``Bearer u1``/``Bearer admin``), the SQL texts."""

import functools
import logging
from datetime import datetime

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, RequestTimeout
from sanic.response import json as jsonify
from sanic.views import HTTPMethodView

logger = logging.getLogger("apps")


class RetCode:
    SUCCESS = (200, 0, "请求成功")
    PARAMETER_ERROR = (400, 1002, "参数错误")
    FORBIDDEN = (403, 403, "抱歉，您权限不足")
    NOT_FOUND = (404, 404, "无此页面")
    REQUEST_TIMEOUT = (408, 408, "请求超时")
    NEED_LOGIN = (401, 401, "抱歉，您需要先登陆")
    SERVER_ERROR = (500, 500, "服务器错误, 紧急修复中...")


def webJson(mystatus=RetCode.SUCCESS, data="", **kwargs):
    result = {"code": mystatus[1], "msg": mystatus[2], "data": data}
    return jsonify(result, status=mystatus[0], **kwargs)


class Constant:
    auth_info = "auth_info"
    user_id = "user_id"


class AppConfig:
    REQUEST_TIMEOUT = 5
    KEEP_ALIVE_TIMEOUT = 10
    secret_key = "lower case is ignored"


class Cursor:
    def __init__(self, db):
        self.db, self.rows = db, []

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def execute(self, sql, args=()):
        if sql == "s_alluser":
            self.rows = [{"id": k, "name": v} for k, v in sorted(self.db["users"].items())]
        elif sql == "s_user_todos":
            self.rows = [t for t in self.db["todos"] if t["user_id"] == int(args)]

    async def fetchall(self):
        return self.rows


class Conn:
    def __init__(self, db):
        self.db = db

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def cursor(self):
        return _Awaitable(Cursor(self.db))


class _Awaitable:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield from ()
        return self.value

    async def __aenter__(self):
        return self.value

    async def __aexit__(self, *exc):
        return False


class Pool:
    def __init__(self):
        self.data = {"users": {1: "u1", 2: "admin"}, "todos": [
            {"id": 1, "user_id": 1, "title": "buy milk", "created_time": datetime(2020, 1, 2, 3, 4, 5)}]}

    def acquire(self):
        return Conn(self.data)


def login_required(func):
    @functools.wraps(func)
    async def decorated(request, *args, **kwargs):
        if request.token:
            user = {"u1": 1, "admin": 2}.get(request.token)
            kwargs[Constant.auth_info] = {Constant.user_id: user}
            response = await func(request, *args, **kwargs)
            return response
        else:
            return webJson(RetCode.NEED_LOGIN)
    return decorated


class BaseView(HTTPMethodView):
    decorators = []


app = Sanic("stodo")
main_bp = Blueprint("main")
user_bp = Blueprint("user")
todo_bp = Blueprint("todo")


@main_bp.get("/")
async def index(request):
    main_url = app.url_for("main.index")
    users = app.url_for("user.UserListView")
    todos = app.url_for("todo.TodoListView")
    return webJson(data={main_url: "show all the url for this app", users: "用户", todos: "所有计划的事情"})


class UserListView(BaseView):
    async def get(self, request):
        async with request.app.ctx.db.acquire() as conn:
            cur = await conn.cursor()
            await cur.execute("s_alluser")
            data = await cur.fetchall()
        return webJson(data=data)


class TodoListView(BaseView):
    decorators = [login_required]

    async def get(self, request, **kwargs):
        user_id_args = request.args.get("user_id")
        if user_id_args and user_id_args == str(kwargs[Constant.auth_info][Constant.user_id]):
            async with request.app.ctx.db.acquire() as conn:
                async with conn.cursor() as cur:
                    await cur.execute("s_user_todos", (user_id_args))
                    data = await cur.fetchall()
            for row in data:
                row["created_time"] = row["created_time"].strftime("%Y-%m-%d %H:%M:%S")
            return webJson(data=data)
        user_id = request[Constant.auth_info][Constant.user_id]
        return webJson(RetCode.FORBIDDEN, data=user_id)


class TodoView(BaseView):
    decorators = [login_required]

    async def get(self, request, todo_id, **kwargs):
        user_id = request[Constant.auth_info][Constant.user_id]
        return webJson(data={"todo": todo_id, "user": user_id})


user_bp.add_route(UserListView.as_view(), "/")
todo_bp.add_route(TodoListView.as_view(), "/")
todo_bp.add_route(TodoView.as_view(), "/<todo_id:int>")


def createApp():
    app.update_config(AppConfig)
    app.blueprint(user_bp, url_prefix="/users")
    app.blueprint(todo_bp, url_prefix="/todos")
    app.blueprint(main_bp)
    return app


@app.listener("before_server_start")
async def beforeStart(app, loop):
    app.ctx.db = Pool()


createApp()


@app.exception(RequestTimeout)
def timeout(request, exception):
    return webJson(RetCode.REQUEST_TIMEOUT)


@app.exception(NotFound)
def notfound(request, exception):
    return webJson(RetCode.NOT_FOUND)


@app.exception(Exception)
def serverError(request, exception):
    logger.exception(exception)
    return webJson(RetCode.SERVER_ERROR)
