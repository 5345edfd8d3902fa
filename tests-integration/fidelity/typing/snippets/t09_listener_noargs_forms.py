from typing import reveal_type

from sanic import Sanic

app = Sanic("T09")
@app.listener("before_server_start", priority=1)
async def first(app: Sanic) -> None:
    pass
@app.reload_process_start
async def reload(app: Sanic) -> None:
    pass
@app.before_server_stop
def sync_listener(app: Sanic) -> None:
    pass
reveal_type(first)
