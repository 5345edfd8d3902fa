import asyncio

from sanic import Sanic, text

app = Sanic("p5")
out = []
@app.get("/")
async def idx(r): return text("x")
@app.websocket("/ws")
async def ws(r, w):
    await w.send("hi")
@app.signal("http.routing.after")
async def ra(request, route, kwargs, handler):
    out.append(("routing.after", type(handler).__name__, getattr(handler, "__name__", None), type(route).__name__, type(kwargs).__name__))
@app.signal("http.lifecycle.send")
async def snd(*a, **kw):
    data = kw.get("data")
    out.append(("send", len(a), sorted(kw), type(data).__name__, bytes(data)[:12] if data is not None else None))
async def bg(app):
    await asyncio.sleep(10)
@app.before_server_start
async def bss(app):
    app.add_task(bg(app), name="bgtask")
@app.after_server_start
async def ass(app):
    t = app.tasks
    out.append(("tasks", type(t).__name__, [type(x).__name__ for x in list(app.tasks)]))
    out.append(("shared_ctx", repr(app.shared_ctx)[:80], type(app.shared_ctx).__name__))
    app.shared_ctx.x = 1
    out.append(("shared_ctx2", repr(app.shared_ctx)[:80]))
_, r = app.test_client.get("/")
_, w = app.test_client.websocket("/ws")
for o in out:
    print(o)
