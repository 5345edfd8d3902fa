from sanic import Sanic
from sanic.response import HTTPResponse, empty

app = Sanic("T50")
@app.get("/health", ignore_body=True, unquote=True, error_format="json", version=2)
async def health(request: object) -> HTTPResponse:
    return empty()
@app.get("/raw")
async def r(request: object) -> HTTPResponse:
    return empty(status=204, headers={"x": "y"})
