"""Listeners and lifecycle signals around one test_client request; listener API errors."""

import asyncio

from _probe import new_app, resp_line, show

from sanic import Blueprint, response

LOG = []
app = new_app("lsnapp")


def rec(tag):
    async def listener(app_, loop=None):
        LOG.append(
            f"{tag} app={app_.name} loop={type(loop).__name__ if loop is not None else None}"
        )

    listener.__name__ = f"l_{tag}"
    return listener


for event in [
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_start",
    "main_process_ready",
    "main_process_stop",
    "reload_process_start",
    "reload_process_stop",
]:
    app.register_listener(rec(event), event)


@app.listener("before_server_start")
async def one_arg(app_):
    LOG.append(f"one_arg {app_.name}")


@app.listener("before_server_start")
def sync_two(app_, loop):
    LOG.append(f"sync_two {type(loop).__name__}")


@app.before_server_start
async def deco_bss(app_, loop):
    LOG.append("deco_bss")


@app.after_server_start
async def deco_ass(app_):
    LOG.append("deco_ass")


@app.before_server_stop
async def deco_bsst(app_):
    LOG.append("deco_bsst")


@app.after_server_stop
async def deco_asst(app_):
    LOG.append("deco_asst")


@app.listener("before_server_start", priority=10)
async def prio(app_):
    LOG.append("prio10")


bp = Blueprint("lsnbp")


@bp.listener("before_server_start")
async def bp_listener(app_, loop):
    LOG.append(f"bp_listener {app_.name}")


@bp.after_server_stop
async def bp_after(app_):
    LOG.append("bp_after_stop")


app.blueprint(bp)

for sig in [
    "server.init.before",
    "server.init.after",
    "server.shutdown.before",
    "server.shutdown.after",
    "http.lifecycle.begin",
    "http.lifecycle.read_head",
    "http.lifecycle.request",
    "http.lifecycle.handle",
    "http.routing.before",
    "http.routing.after",
    "http.handler.before",
    "http.handler.after",
    "http.lifecycle.response",
    "http.lifecycle.send",
    "http.lifecycle.complete",
    "http.middleware.before",
    "http.middleware.after",
    "http.lifecycle.exception",
]:

    async def handler(*args, _sig=sig, **kwargs):
        LOG.append(f"signal {_sig} kwargs={sorted(kwargs)}")

    app.signal(sig)(handler)


@app.on_request
async def on_req(request):
    LOG.append("request middleware")


@app.on_response
async def on_resp(request, resp):
    LOG.append("response middleware")


@app.get("/")
async def index(request):
    LOG.append("handler")
    return response.text("ok")


show("listeners keys", lambda: sorted(app.listeners))
show("listeners counts", lambda: sorted((k, len(v)) for k, v in app.listeners.items()))
_, resp = app.test_client.get("/")
print("test_client:", resp_line(resp))
for line in LOG:
    print("  ", line)

print("-- asgi")
LOG.clear()


async def via_asgi():
    _, resp = await app.asgi_client.get("/")
    return resp


resp = asyncio.run(via_asgi())
print("asgi_client:", resp_line(resp))
for line in LOG:
    print("  ", line)

a2 = new_app("lsnerr")
show("bad event", lambda: a2.listener("nonsense")(rec("x")))
show("bad event register_listener", lambda: a2.register_listener(rec("x"), "nonsense"))
show("event upper", lambda: a2.listener("BEFORE_SERVER_START")(rec("x")).__name__)
show("listener returns", lambda: type(a2.listener("before_server_start")(rec("x"))).__name__)
show("listener without event", lambda: a2.listener(rec("x")))
show(
    "register_listener returns",
    lambda: type(a2.register_listener(rec("y"), "after_server_start")).__name__,
)
show("a2 listeners", lambda: sorted((k, len(v)) for k, v in a2.listeners.items()))
show("bp bad event", lambda: Blueprint("bpx").listener("nope")(rec("x")))


async def bad_sig(app_, loop, extra):
    pass


async def no_args():
    pass


a3 = new_app("lsnsig")
a3.before_server_start(bad_sig)
a4 = new_app("lsnnoargs")
a4.before_server_start(no_args)


@a4.get("/")
async def idx4(request):
    return response.text("ok")


async def via_asgi4():
    _, resp = await a4.asgi_client.get("/")
    return resp


show("listener with 0 params", lambda: resp_line(asyncio.run(via_asgi4())))


@a3.get("/")
async def idx3(request):
    return response.text("ok")


async def via_asgi3():
    _, resp = await a3.asgi_client.get("/")
    return resp


show("listener with 3 params", lambda: resp_line(asyncio.run(via_asgi3())))
