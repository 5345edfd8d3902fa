from types import SimpleNamespace
from typing import reveal_type

from sanic import Request, Sanic
from sanic.config import Config

AppT = Sanic[Config, SimpleNamespace]
ReqT = Request[AppT, SimpleNamespace]
def get(app: AppT, request: ReqT) -> None:
    reveal_type(app)
    reveal_type(request)
