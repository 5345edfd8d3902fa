import os
import sys

from sanic import Sanic, text

app = Sanic("w2")
@app.get("/")
async def h(r): return text("x")
def note(what):
    print(f"LISTENER {what} pid={'main' if os.environ.get('SANIC_WORKER_NAME') is None else os.environ.get('SANIC_WORKER_NAME')}", flush=True)
@app.main_process_start
async def mps(app): note("main_process_start")
@app.main_process_stop
async def mpst(app): note("main_process_stop")
@app.before_server_start
async def bss(app): note("before_server_start")
@app.after_server_start
async def ass(app):
    note("after_server_start")
    app.stop()
@app.before_server_stop
async def bsst(app): note("before_server_stop")
@app.after_server_stop
async def asst(app): note("after_server_stop")
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=2, motd=False)
