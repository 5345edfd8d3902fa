from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import redirect

app = Sanic("T45")
async def h(request: Request) -> None:
    reveal_type(redirect(request.url_for("h"), status=301, headers={"x": "1"}, content_type="text/plain"))
    reveal_type(app.url_for("h", _external=True, _scheme="https", _server="example.com", q="1"))
