"""A probe of the third round of misbehaving clients (README: "Misbehaving clients and limits, third round")."""

from sanic import Sanic
from sanic.response import text

app = Sanic("sm")


@app.route("/e", methods=["GET", "POST"])
async def e(request):
    return text(
        f"{request.method} body={request.body!r} te={request.headers.get('transfer-encoding')!r} cl={request.headers.get('content-length')!r}"
    )
