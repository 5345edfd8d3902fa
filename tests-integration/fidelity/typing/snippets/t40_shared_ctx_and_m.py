from multiprocessing import Queue
from typing import reveal_type

from sanic import Sanic

app = Sanic("T40")
@app.main_process_start
async def main_start(app: Sanic) -> None:
    app.shared_ctx.queue = Queue()
@app.after_server_start
async def started(app: Sanic) -> None:
    reveal_type(app.shared_ctx)
    reveal_type(app.m.name)
    app.m.restart()
    reveal_type(app.state)
