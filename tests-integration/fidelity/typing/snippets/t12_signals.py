from typing import reveal_type

from sanic import Sanic
from sanic.signals import Event

app = Sanic("T12")
@app.signal("user.registration.created")
async def created(**context: object) -> None:
    pass
@app.signal(Event.HTTP_LIFECYCLE_BEGIN)
async def begin(**context: object) -> None:
    pass
async def fire() -> None:
    await app.dispatch("user.registration.created", context={"id": 1})
    waited = await app.event("user.registration.created", timeout=1.0)
    reveal_type(waited)
reveal_type(created)
