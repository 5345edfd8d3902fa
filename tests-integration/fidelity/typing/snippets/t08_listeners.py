import asyncio
from typing import reveal_type

from sanic import Sanic

app = Sanic("T08")
@app.before_server_start
async def setup(app: Sanic, loop: asyncio.AbstractEventLoop) -> None:
    app.ctx.db = object()
@app.after_server_stop
async def teardown(app: Sanic) -> None:
    del app.ctx.db
@app.listener("main_process_start")
async def main_start(app: Sanic, loop: asyncio.AbstractEventLoop) -> None:
    pass
@app.main_process_ready
async def ready(app: Sanic) -> None:
    pass
def plain(app: Sanic) -> None:
    pass
app.register_listener(plain, "after_server_start")
reveal_type(setup)
reveal_type(teardown)
reveal_type(main_start)
