from typing import reveal_type

from sanic import Sanic
from sanic.response import text

app = Sanic("T43")
@app.get("/")
async def h(request):  # type: ignore[no-untyped-def]
    return text("x")
def check() -> None:
    request, response = app.test_client.get("/")
    reveal_type(app.test_client)
    reveal_type(app.asgi_client)
