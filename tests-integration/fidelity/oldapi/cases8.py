"""Streaming APIs of older releases: send(end_stream=), eof(), write(), stream.get()."""

CASES: dict[str, str] = {}

CASES["respond_send_end_stream"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond(content_type="text/csv")
    await r.send("a,")
    await r.send("b", end_stream=True)
    print("after end", r.stream is None if hasattr(r, "stream") else "?")
req(app)
'''

CASES["respond_send_after_end"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.send("a", end_stream=True)
    try:
        await r.send("more")
    except Exception as e:
        print("send after end", type(e).__name__, e)
req(app)
'''

CASES["respond_eof"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.send("a")
    await r.eof()
    print("eof done")
    return r
req(app)
'''

CASES["respond_write_old"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.write("a")
req(app)
'''

CASES["respond_send_positional_bool"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.send("a", True)
    print("ok")
req(app)
'''

CASES["respond_send_none"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.send()
    await r.send(None)
    await r.send(b"")
    await r.send("x")
req(app)
'''

CASES["respond_send_int"] = '''
from sanic import Sanic
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.send(5)
req(app)
'''

CASES["respond_twice"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    await request.respond(text("first"))
    try:
        await request.respond(text("second"))
    except Exception as e:
        print(type(e).__name__, e)
req(app)
'''

CASES["respond_then_return_other"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    r = await request.respond()
    await r.send("streamed")
    return text("other")
req(app)
'''

CASES["stream_get_old"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/", stream=True)
async def h(request):
    body = await request.stream.get()
    return text(str(body))
req(app, method="post", content="abc")
'''

CASES["stream_iter"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/", stream=True)
async def h(request):
    parts = []
    async for c in request.stream:
        parts.append(c)
    return text(str(parts))
req(app, method="post", content="abc")
'''

CASES["stream_body_attr"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/", stream=True)
async def h(request):
    print(repr(request.body))
    await request.receive_body()
    return text(repr(request.body))
req(app, method="post", content="abc")
'''

CASES["response_stream_class"] = '''
from sanic import Sanic
from sanic.response import ResponseStream
app = Sanic("A")
async def fn(response):
    await response.write("a")
    await response.send("b")
@app.get("/")
async def h(request):
    return ResponseStream(fn, content_type="text/x", headers={"X": "1"}, status=201)
r = req(app)
@app.get("/c")
async def c(request):
    return ResponseStream(fn, chunked=False)
req(app, "/c")
'''

CASES["response_stream_sync_fn"] = '''
from sanic import Sanic
from sanic.response import ResponseStream
app = Sanic("A")
def fn(response):
    print("sync fn")
@app.get("/")
async def h(request):
    return ResponseStream(fn)
req(app)
'''

CASES["response_stream_old_fn_returns"] = '''
from sanic import Sanic
from sanic.response import ResponseStream
app = Sanic("A")
async def fn(response):
    await response.write("a")
    return "ignored"
@app.get("/")
async def h(request):
    return ResponseStream(fn)
req(app)
'''
