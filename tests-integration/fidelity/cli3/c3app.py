"""The app the third CLI round runs under both `sanic` scripts: it writes what the main
process and each worker see (config, state, loggers) to C3_DUMP, answers `/` and `/dump`,
and registers `@app.command` commands for `exec`. Not a test module."""

import json
import logging
import os
import sys

from sanic import Blueprint, Sanic, text
from sanic import json as json_response

LOGGERS = ("sanic.root", "sanic.error", "sanic.access", "sanic.server", "sanic.websockets")
STATE = ("asgi", "coffee", "fast", "host", "unix", "mode", "auto_reload", "verbosity",
         "workers", "primary", "is_debug", "server")


def shown(value):
    """A JSON-able, comparable form of a config or state value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(shown(v) for v in value) if isinstance(value, set | frozenset) else [
            shown(v) for v in value]
    if isinstance(value, dict):
        return {str(k): shown(v) for k, v in value.items()}
    if hasattr(value, "value") and type(value).__module__.startswith(("sanic", "hurtle")):
        return str(value.value)  # an enum
    if type(value).__name__ == "Default":
        return "<Default>"
    return type(value).__name__


def rel(path) -> str:
    return os.path.relpath(os.path.realpath(str(path)), os.path.realpath(os.getcwd()))


def snapshot(app, where: str) -> dict:
    state = app.state
    return {
        "where": where,
        "name": app.name,
        "debug": app.debug,
        "app.auto_reload": app.auto_reload,
        "app.reload_dirs": sorted(rel(p) for p in app.reload_dirs),
        "state": {name: shown(getattr(state, name, "<missing>")) for name in STATE},
        "state.reload_dirs": sorted(rel(p) for p in state.reload_dirs),
        "state.ssl": None if state.ssl is None else "set",
        "config": {k: shown(v) for k, v in app.config.items() if k.isupper()},
        "loggers": {name: logging.getLevelName(logging.getLogger(name).getEffectiveLevel())
                    for name in LOGGERS},
        "env": sorted(k for k in os.environ if k.startswith("SANIC_")
                      and k not in ("SANIC_WORKER_NAME", "SANIC_WORKER_IDENTIFIER",
                                    "SANIC_WORKER_PROCESS", "SANIC_SERVER_RUNNING",
                                    "SANIC_MOTD_OUTPUT")),
    }


def write(app, where: str) -> None:
    folder = os.environ.get("C3_DUMP")
    if not folder:
        return
    with open(os.path.join(folder, f"{where}-{os.getpid()}.json"), "w") as f:
        json.dump(snapshot(app, where), f, sort_keys=True)


def register(app) -> None:
    @app.get("/")
    async def index(request):
        return text(f"{request.app.name} {request.scheme}")

    @app.get("/dump")
    async def dump(request):
        return json_response(snapshot(request.app, "request"))

    @app.get("/boom")
    async def boom(request):
        raise ValueError("boom on purpose")

    @app.main_process_start
    async def main_start(app):
        write(app, "main")

    @app.before_server_start
    async def worker_start(app):
        write(app, "worker")


app = Sanic("C3")
register(app)
notapp = 42
bp = Blueprint("c3bp")
SanicClass = Sanic


@app.command
def hello(name: str, times: int = 1):
    """Say hello."""
    print(json.dumps({"cmd": "hello", "name": name, "times": times}))


@app.command(name="other-name")
async def renamed():
    print("renamed ran")


@app.command
def fails():
    raise RuntimeError("command failed on purpose")


@app.command
def returns():
    return 42


@app.command
def showcfg():
    print(json.dumps(snapshot(app, "exec"), sort_keys=True))


@app.command
def takes_rest(first, *args, **kwargs):
    print(json.dumps({"first": first, "args": list(args), "kwargs": kwargs}))


@app.command
def flag(on: bool = False, n: int = 3):
    print(json.dumps({"on": on, "n": n}))


@app.command
def bind(port=None, host=None, workers=None):
    print(json.dumps({"port": port, "host": host, "workers": workers}))


def make_with_command():
    other = Sanic("C3C")
    register(other)

    @other.command(name="")
    def greet(who="world"):
        print("hello " + who)

    return other


def create_app():
    other = Sanic("C3F")
    register(other)
    return other


def make_args(args):
    other = Sanic("C3A")
    register(other)
    other.config.FACTORY_FOO = getattr(args, "foo", None)  # compared with the config
    print("factory args: " + json.dumps(
        {k: shown(getattr(args, k)) for k in ("debug", "dev", "workers", "port", "factory",
                                              "target", "verbosity", "auto_reload")},
        sort_keys=True), file=sys.stderr)
    return other


def make_two(a, b):
    return create_app()


def raises():
    raise ValueError("factory failed on purpose")


def returns_none():
    return None
