"""sanic-jsonrpc 0.3.2 (JSON-RPC 2.0 over POST, fashionable 0.11 for typed parameters: 0.12 breaks its start):
requests, notifications, batches, positional and named parameters, type errors, unknown
methods, invalid JSON and envelopes, custom errors and exception handlers, its middleware
predicates, the Sanic request in a handler, its after_server_start/before_server_stop
listeners (with the loop argument) and its access log."""

from sanic_jsonrpc import Error, Request, SanicJsonrpc

from sanic import Sanic
from sanic.request import Request as SanicRequest

app = Sanic("jsonrpc_app")
rpc = SanicJsonrpc(app, "/rpc", None)
LOG: list[str] = []


class Nope(Exception):
    pass


@rpc
def add(a: int, b: int) -> int:
    return a + b


@rpc("concat")
async def concatenate(items: list, sep: str = "-") -> str:
    return sep.join(str(i) for i in items)


@rpc.post_notification("remember")
def remember(text: str) -> None:
    LOG.append(text)


@rpc("log")
def get_log() -> list:
    return list(LOG)


@rpc("who")
def who(req: SanicRequest) -> dict:
    return {"path": req.path, "ua": req.headers.get("user-agent"), "ctx": getattr(req.ctx, "seen", None)}


@rpc("fail")
def fail() -> int:
    raise Error(-32001, "custom failure", {"why": "asked"})


@rpc("crash")
def crash() -> int:
    raise RuntimeError("crash")


@rpc("nope")
def nope() -> int:
    raise Nope("handled")


@rpc.exception(Nope)
def on_nope(exc):
    return Error(-32050, "nope handled", str(exc))


@rpc.middleware("request")
def mark(req: Request, sanic_req: SanicRequest):
    sanic_req.ctx.seen = req.method


@app.on_request
async def sanic_side(request):
    request.ctx.via = "sanic"
