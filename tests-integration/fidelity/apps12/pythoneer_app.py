"""howie6879/Sanic-For-Pythoneer, examples/demo06 (src/run.py, src/views/rss_api.py and
rss_json.py, src/tools/mid_decorator.py), condensed: blueprints with `url_prefix='v1'`
and `url_prefix='json'` (no leading slash) and a route `"/post/rss/"` with a trailing
slash; an `auth_params('name')` decorator whose wrapper is `auth_param(request=None,
rpc_data=None, *args, **kwargs)` and that reads the POST body with
`json_loads(str(request.body, encoding='utf-8'))` or the GET `request.args` items (lists),
catching every error as `{'info': 'error'}`; an aiocache-cached coroutine; a
`bp.static('/statics/rss_json', folder)` on the blueprint. Stand-ins: aiocache's
`@cached` over Redis (a dict), feedparser and the blog's feed (a fixed list), jinja2 (a
plain string)."""

import asyncio
import os
from functools import wraps
from json import dumps as json_dumps
from json import loads as json_loads

from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import html, json

HERE = os.path.dirname(os.path.abspath(__file__))
_CACHE = {}


def cached(key):
    def deco(f):
        @wraps(f)
        async def inner(*a, **k):
            if key not in _CACHE:
                _CACHE[key] = await f(*a, **k)
            return _CACHE[key]
        return inner
    return deco


def response_handle(request, dict_value, status=200):
    if isinstance(request, Request):
        return response.json(dict_value, status=status)
    return json_dumps(dict_value, ensure_ascii=False)


def auth_params(*keys):
    def wrapper(func):
        @wraps(func)
        async def auth_param(request=None, rpc_data=None, *args, **kwargs):
            request_params, params = {}, []
            if isinstance(request, Request):
                if request.method == "POST":
                    try:
                        post_data = json_loads(str(request.body, encoding="utf-8"))
                    except Exception:
                        return response_handle(request, {"info": "error"})
                    else:
                        request_params.update(post_data)
                        params = [key for key, value in post_data.items() if value]
                elif request.method == "GET":
                    request_params.update(request.args)
                    params = [key for key, value in request.args.items() if value]
                else:
                    return response_handle(request, {"info": "error"})
            if set(keys).issubset(set(params)):
                kwargs["request_params"] = request_params
                return await dec_func(func, request, *args, **kwargs)
            return response_handle(request, {"info": "error"})
        return auth_param
    return wrapper


async def dec_func(func, request, *args, **kwargs):
    try:
        return await func(request, *args, **kwargs)
    except Exception:
        return response_handle(request, {"info": "error"})


api_bp = Blueprint("rss_api", url_prefix="v1")
json_bp = Blueprint("rss_json", url_prefix="json")
json_bp.static("/statics/rss_json", os.path.join(HERE, "pythoneer_statics"))


@cached(key="rss_json")
async def get_rss():
    await asyncio.sleep(0.01)
    return [{"title": "Sanic for Pythoneer", "link": "http://blog.example/1"}]


@api_bp.route("/get/rss/<name>")
async def get_rss_json(request, name):
    if name == "howie6879":
        return json({"info": await get_rss(), "status": 1})
    return json({"info": "请访问 http://0.0.0.0:8000/v1/get/rss/howie6879"})


@api_bp.route("/post/rss/", methods=["POST", "GET"])
@auth_params("name")
async def post_rss_json(request, **kwargs):
    if request.method == "GET":
        return json({"params": kwargs["request_params"]})
    post_data = json_loads(str(request.body, encoding="utf-8"))
    if post_data.get("name") == "howie6879":
        return json({"info": await get_rss(), "status": 1})
    return json({"info": "参数错误"})


@json_bp.route("/")
async def index(request):
    return html("<h1>rss</h1>")


app = Sanic(__name__.replace(".", "_"))
app.blueprint(api_bp)
app.blueprint(json_bp)
