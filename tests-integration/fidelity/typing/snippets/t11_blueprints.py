from typing import reveal_type

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse, json

bp = Blueprint("users", url_prefix="/users", version=1)
@bp.get("/<uid:int>")
async def get_user(request: Request, uid: int) -> HTTPResponse:
    return json({"id": uid})
@bp.middleware("request")
async def bp_mw(request: Request) -> None:
    pass
@bp.listener("before_server_start")
async def bp_listen(app: Sanic) -> None:
    pass
@bp.exception(ValueError)
async def bp_err(request: Request, exc: Exception) -> HTTPResponse:
    return json({"e": str(exc)}, status=400)
other = Blueprint("other")
group = Blueprint.group(bp, other, url_prefix="/api")
app = Sanic("T11")
app.blueprint(group)
reveal_type(bp)
reveal_type(group)
reveal_type(bp.name)
reveal_type(get_user)
