"""Status lines and bodyless statuses: every code from 100 to 599 and a few odd ones."""

from sanic import Sanic
from sanic.response import empty, text

app = Sanic("FidelityStatus")


@app.get("/empty/<code:int>")
async def empty_status(request, code: int):
    return empty(status=code)


@app.get("/text/<code:int>")
async def text_status(request, code: int):
    return text("body", status=code)
