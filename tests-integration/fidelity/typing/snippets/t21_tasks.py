import asyncio
from typing import reveal_type

from sanic import Sanic

app = Sanic("T21")
async def job(app: Sanic) -> None:
    await asyncio.sleep(0)
async def job2() -> None:
    pass
app.add_task(job)
app.add_task(job2(), name="j2")
async def later() -> None:
    t = app.add_task(job2(), name="j3")
    reveal_type(t)
    reveal_type(app.get_task("j3"))
    await app.cancel_task("j3")
    app.purge_tasks()
    reveal_type(app.tasks)
