"""morague/weetags, its Sanic server reduced: main.py (``Sanic("weetags", log_config=...)``
merging ``LOGGING_CONFIG_DEFAULTS`` into its own ``access`` logger, ``app.static(...,
directory_view=True)``, six blueprints made as ``Blueprint("nodes", "/", version="v1")``,
``on_request(..., priority=)``, ``on_response``, ``app.error_handler.add(Exception, ...)``,
``main_process_start``/``after_server_start`` listeners with priorities), middlewares.py
(``request.headers.add("Authorization", cookie)``, ``request.route.name.split('.')[1]``,
``request.token``, the JSON error handler logging ``traceback.format_exc()``) and a part
of routes.py (routes without a leading slash, ``<relation:(parent|children|branch)>``,
``add_cookie(..., httponly=True, samesite="Strict", max_age=)``, streamed ``draw`` and
``export`` through ``request.respond``, a relative ``redirect``). Stand-ins: the tree
engine (a dict tree), the argument parser (path, query and JSON merged), the
authenticator (a fixed token; writes need it), ``uid`` (fixed)."""

from __future__ import annotations

import json as serde
import logging
import os
import traceback
from functools import wraps
from time import perf_counter
from types import SimpleNamespace

from sanic import Blueprint, HTTPResponse, Request, Sanic, empty, json, redirect
from sanic.log import LOGGING_CONFIG_DEFAULTS
from sanic.response import JSONResponse

HERE = os.path.dirname(os.path.abspath(__file__))
logger = logging.getLogger("access")


# --- stand-ins -----------------------------------------------------------------------------
class UnauthorizedAccessError(Exception):
    status_code = 401


class TreeEngineError(Exception):
    status_code = 404


class Engine:
    def __init__(self):
        self.parent = {"root": None, "a": "root", "b": "root", "a1": "a", "a2": "a"}

    def node(self, name, fields=None):
        if name not in self.parent:
            raise TreeEngineError(f"Unknown node: {name}")
        return {"id": name, "parent": self.parent[name]}

    def children(self, name):
        return [self.node(n) for n, p in self.parent.items() if p == name]

    def traversal(self, subtree=None, order="pre"):
        start = subtree or "root"
        stack = [start]
        while stack:
            n = stack.pop(0)
            yield self.node(n)
            stack[:0] = [c["id"] for c in self.children(n)]

    def draw(self):
        for node in self.traversal():
            depth, p = 0, node["parent"]
            while p:
                depth, p = depth + 1, self.parent[p]
            yield "  " * depth + node["id"]


class Authenticator:
    MAX_AGE = 3600

    def authenticate(self, username, password):
        if (username, password) != ("admin", "pw"):
            raise ValueError("bad credentials")
        return "goodtoken"

    def authorize(self, blueprint, method, path, token):
        return method == "GET" or token == "goodtoken"


def parser(kind):
    def deco(f):
        @wraps(f)
        async def wrapped(request, **kwargs):
            values = dict(kwargs)
            values.update({k: v[0] for k, v in request.args.items()})
            if request.method in ("POST", "PUT", "PATCH") and request.json is not None:
                values.update(request.json)
            return await f(request, SimpleNamespace(**{**kind, **values}))
        return wrapped
    return deco


def get_engine(request: Request, arguments):
    engine = request.app.ctx.entities.get(arguments.tree_name)
    if engine is None:
        raise TreeEngineError(f"Unknown tree name: {tree_name}")  # noqa: F821 (as written)
    return engine


def uid(size: int = 8) -> str:
    return "0123abcd"[:size]


# --- middlewares.py ------------------------------------------------------------------------
async def go_fast(request: Request) -> None:
    request.ctx.t = perf_counter()


async def authorize(request: Request) -> None:
    jwt = request.cookies.get("Authorization", None)
    if jwt is not None:
        request.headers.add("Authorization", jwt)

    if request.app.ctx.auth is not None and request.route is not None:
        auth = request.app.ctx.auth
        blueprint = request.route.name.split('.')[1]
        authorized = auth.authorize(blueprint, request.method, request.path, request.token)
        if authorized is False:
            raise UnauthorizedAccessError("Unauthorized access.")


async def log_exit(request: Request, response: HTTPResponse) -> None:
    perf, size = None, None
    if getattr(request.ctx, "t", None) is not None:
        perf = "T"  # perf_counter() - request.ctx.t, masked
    if response.body is not None:
        size = len(response.body)
    if response.status == 200:
        logger.info(f"{request.host} > {request.method} {request.url} [{str(response.status)}][{str(size)}b][{perf}s]")


async def error_handler(request: Request, exception: Exception):
    perf = None
    if getattr(request.ctx, "t", None) is not None:
        perf = "T"
    status = getattr(exception, "status_code", 500)
    logger.error(f"{request.host} > {request.method} {request.url} : {str(exception)} [{str(status)}][{str(len(str(exception)))}b][{perf}s]")
    logger.error(traceback.format_exc().splitlines()[-1])  # the last line: frames differ by design
    return json({"status": status, "reasons": str(exception)}, status=status)


# --- routes.py (part) ----------------------------------------------------------------------
basebp = Blueprint("base", "/")
auth = Blueprint("auth", "/", version="v1")
nodesbp = Blueprint("nodes", "/", version="v1")
utilsbp = Blueprint("utils", "/", version="v1")
topologybp = Blueprint("topology", "/", version="v1")


@basebp.route("/favicon.ico", methods=["GET"])
async def favicon(request: Request) -> HTTPResponse:
    return empty()


@auth.route("/auth", methods=["POST"])
@parser({"redirect": False, "set_cookie": False, "username": None, "password": None})
async def authenticate(request: Request, arguments) -> HTTPResponse:
    auth = getattr(request.app.ctx, "auth", None)
    if auth is None:
        raise ValueError("Authentication is not set.")
    try:
        token = auth.authenticate(arguments.username, arguments.password)
    except Exception as e:
        if arguments.redirect:
            return redirect(f"/v1/login?message={e}&level=error")
        else:
            raise e
    data = {"token": token, "max_age": auth.MAX_AGE, "cookie": arguments.set_cookie}
    response = json({"status_code": 200, "reasons": "OK", "data": data})
    if arguments.set_cookie:
        response.add_cookie(
            "Authorization",
            f"Bearer {token}",
            httponly=True,
            samesite="Strict",
            max_age=auth.MAX_AGE,
        )
    return response


@nodesbp.route("trees/<tree_name:str>/nodes/<node_name:str>", methods=["GET"])
@parser({"fields": None})
async def get_node(request: Request, arguments) -> JSONResponse:
    engine = get_engine(request, arguments)
    node = engine.node(arguments.node_name, arguments.fields)
    return json({"status_code": 200, "reasons": "OK", "data": node})


@nodesbp.route("trees/<tree_name:str>/nodes/<node_name:str>/<relation:(parent|children|branch)>", methods=["GET"])
@parser({})
async def get_node_relation1(request: Request, arguments) -> JSONResponse:
    engine = get_engine(request, arguments)
    match arguments.relation:
        case "parent":
            data = engine.node(engine.node(arguments.node_name)["parent"])
        case "children":
            data = engine.children(arguments.node_name)
        case "branch":
            data = list(engine.traversal(arguments.node_name))
        case _:
            raise ValueError(f"Unknown relation: {arguments.relation}")
    return json({"status_code": 200, "reasons": "OK", "data": data})


@utilsbp.route("/trees", methods=["GET"])
async def infos(request: Request) -> JSONResponse:
    engines = request.app.ctx.entities
    data = {k: len(engine.parent) for k, engine in engines.items()}
    return json({"status_code": 200, "reasons": "OK", "data": data})


@utilsbp.route("trees/<tree_name:str>/draw", methods=["GET"])
@parser({})
async def draw(request: Request, arguments):
    engine = get_engine(request, arguments)
    response = await request.respond()
    assert response is not None
    for line in engine.draw():
        await response.send(line + "\n")


@utilsbp.route("trees/<tree_name:str>/fields", methods=["GET"])
@parser({"distinct": None, "field_name": "id"})
async def fields(request: Request, arguments):
    distinct = ""
    if arguments.distinct:
        distinct = "?distinct"
    return redirect(f"fields/{arguments.field_name}{distinct}")


@utilsbp.route("trees/<tree_name:str>/fields/<field_name:str>", methods=["GET"])
@parser({"distinct": None})
async def get_field(request: Request, arguments) -> JSONResponse:
    engine = get_engine(request, arguments)
    data = sorted(engine.parent) if arguments.field_name == "id" else []
    return json({"status_code": 200, "reasons": "OK", "data": data})


@utilsbp.get("trees/<tree_name:str>/export")
@parser({"subtree": None})
async def export(request: Request, arguments):
    engine = get_engine(request, arguments)
    response = await request.respond(
        headers={
            "Content-Disposition": f'Attachment; filename="{arguments.tree_name}_{arguments.subtree or "root"}_{uid(8)}.jl"',
            "Content-Type": "application/jsonlines",
        },
        content_type="application/jsonlines"
    )
    assert response is not None
    for node in engine.traversal(arguments.subtree, "pre"):
        data = f"{serde.dumps(node)}\n"
        await response.send(data)


@topologybp.route("trees/<tree_name:str>/nodes/<node_name:str>", methods=["PUT"])
@parser({"parent": "root"})
async def add(request: Request, arguments) -> JSONResponse:
    engine = get_engine(request, arguments)
    engine.parent[arguments.node_name] = arguments.parent
    return json({"status_code": 200, "reasons": "OK", "data": []})


# --- main.py -------------------------------------------------------------------------------
def logging_config():
    default = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"simple": {"class": "logging.Formatter",
                                  "format": "[%(name)7s][%(levelname)8s] | %(message)s"}},
        "handlers": {"stream": {"class": "logging.StreamHandler", "level": "INFO",
                                "formatter": "simple", "stream": "ext://sys.stdout"}},
        "loggers": {"access": {"level": "INFO", "handlers": ["stream"], "propagate": False}},
    }
    default["loggers"].update(LOGGING_CONFIG_DEFAULTS["loggers"])
    default["handlers"].update(LOGGING_CONFIG_DEFAULTS["handlers"])
    default["formatters"].update(LOGGING_CONFIG_DEFAULTS["formatters"])
    return default


def states(app):
    print("main_process_start: states")


def build(app):
    print("after_server_start: build (priority 10)")


def load_trees(app):
    app.ctx.entities = {"topics": Engine()}
    print("after_server_start: load_trees (priority 9)")


app = Sanic("weetags", log_config=logging_config())
app.config.TEMPLATING_ENABLE_ASYNC = True
app.ctx.auth = Authenticator()
app.update_config({"TEMPLATING_ENABLE_ASYNC": True, "CORS_ORIGIN": "*"})
app.static("/static", file_or_directory=os.path.join(HERE, "weetags_static"), directory_view=True)
app.blueprint(basebp)
app.blueprint(nodesbp)
app.blueprint(utilsbp)
app.blueprint(auth)
app.blueprint(topologybp)
app.on_request(go_fast, priority=10)
app.on_request(authorize, priority=9)
app.on_response(log_exit, priority=10)
app.error_handler.add(Exception, error_handler)
app.main_process_start(states, priority=0)
app.after_server_start(build, priority=10)
app.after_server_start(load_trees, priority=9)
