from typing import reveal_type

from sanic import Request, Sanic
from sanic.exceptions import NotFound
from sanic.handlers import ErrorHandler
from sanic.response import HTTPResponse, text


class MyErrorHandler(ErrorHandler):
    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        return super().default(request, exception)
app = Sanic("T18", error_handler=MyErrorHandler())
@app.exception(NotFound)
async def nf(request: Request, exception: Exception) -> HTTPResponse:
    return text("gone", status=404)
@app.exception(ValueError, KeyError)
def many(request: Request, exception: Exception) -> HTTPResponse:
    return text("bad", status=400)
app.error_handler.add(TypeError, many)
reveal_type(nf)
reveal_type(app.error_handler)
