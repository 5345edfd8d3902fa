"""The 19.x "asynchronous support" pattern: create_server scheduled on a loop."""

CASES: dict[str, str] = {}

_HEAD = '''
import asyncio, socket
from sanic import Sanic, text
s = socket.socket(); s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]; s.close()
app = Sanic("A")
@app.listener("before_server_start")
async def b(app, loop):
    print("before_server_start ran")
@app.listener("after_server_start")
async def a(app, loop):
    print("after_server_start ran")
@app.get("/")
async def h(request):
    return text("ok " + str(request.app.loop is asyncio.get_running_loop()))
async def client():
    await asyncio.sleep(0.3)
    try:
        r, w = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", PORT), 3)
        w.write(b"GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
        data = await asyncio.wait_for(r.read(), 3)
        print("client", data.split(b"\\r\\n")[0], data.split(b"\\r\\n\\r\\n", 1)[-1])
        w.close()
    except Exception as e:
        print("client", type(e).__name__, e)
    asyncio.get_running_loop().stop()
'''

CASES["create_server_ensure_future"] = _HEAD + '''
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
server = app.create_server(host="127.0.0.1", port=PORT, return_asyncio_server=True)
task = asyncio.ensure_future(server, loop=loop)
loop.create_task(client())
loop.run_forever()
print("task", type(task.result()).__name__ if task.done() and not task.exception() else task.exception())
'''

CASES["create_server_ensure_future_default"] = _HEAD + '''
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
server = app.create_server(host="127.0.0.1", port=PORT)
task = asyncio.ensure_future(server, loop=loop)
loop.create_task(client())
loop.run_forever()
print("task", task.done(), task.exception() if task.done() else None)
'''

CASES["create_server_startup_serve_forever"] = _HEAD + '''
async def main():
    srv = await app.create_server(host="127.0.0.1", port=PORT, return_asyncio_server=True)
    await srv.startup()
    await srv.before_start()
    await srv.after_start()
    asyncio.get_running_loop().create_task(client())
    try:
        await srv.serve_forever()
    except BaseException as e:
        print("serve_forever", type(e).__name__)
loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
except RuntimeError as e:
    print("RuntimeError", e)
'''
