"""Routes added from listeners (before and after start-up) and from a handler, for sanic-diff."""
from sanic import Sanic
from sanic.response import json

app = Sanic("R3listen")
seen = {}


def mk(tag):
    async def h(request, **kw):
        return json({"tag": tag, "kw": {k: [type(v).__name__, v] for k, v in kw.items()},
                     "tpl": request.uri_template, "name": request.name})
    h.__name__ = "h_" + tag
    return h


def add(where, uri, **kw):
    try:
        app.add_route(mk(where), uri, name=where, **kw)
        seen[where] = "ok"
    except Exception as e:
        seen[where] = [type(e).__name__, str(e)]


@app.main_process_start
async def mps(app_, *_):
    add("main_start", "/ms")


@app.before_server_start
async def bss(app_, *_):
    add("before", "/b/<x:int>")


@app.after_server_start
async def ass(app_, *_):
    add("after", "/a/<x:int>")
    add("after_static", "/as")


@app.get("/seen")
async def show(request):
    return json(seen)


@app.get("/now/<n:int>")
async def now(request, n: int):
    add(f"now{n}", f"/n{n}/<x:int>")
    add(f"nows{n}", f"/ns{n}")
    return json(seen)
