from typing import reveal_type

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text

bp = Blueprint("T48", version_prefix="/api/v")
@bp.route("/x", methods=["GET"])
async def x(request: Request) -> HTTPResponse:
    return text("x")
@bp.websocket("/w")
async def w(request: Request, ws: object) -> None:
    pass
bp.add_route(x, "/y")
bp.static("/s", "/tmp")
reveal_type(x)
reveal_type(bp.copy("T48b", url_prefix="/c"))
