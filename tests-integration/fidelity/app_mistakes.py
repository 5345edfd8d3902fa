"""App mistakes and echoed client bytes in responses (stress probes; mistakes.http)."""

from sanic import Sanic
from sanic.response import HTTPResponse, empty, text

app = Sanic("Mistakes")


@app.get("/status/<kind>")
async def status(request, kind):
    value = {"float": 200.5, "str": "200", "huge": 10**20, "two-digits": 42}[kind]
    return text("x", status=value)


@app.get("/body/<kind>")
async def body(request, kind):
    return HTTPResponse({"dict": {"a": 1}, "list": [1, 2], "int": 5}[kind])


@app.get("/field/<kind>")
async def field(request, kind):
    if kind == "crlf-value":
        return text("x", headers={"X-A": "a\r\nSet-Cookie: evil=1"})
    if kind == "crlf-name":
        return text("x", headers={"X-A\r\nSet-Cookie: evil": "1"})
    if kind == "crlf-type":
        return text("x", content_type="text/plain\r\nX-Evil: 1")
    if kind == "bytes-type":
        return text("x", content_type=b"text/plain")
    if kind == "stream-crlf":
        response = await request.respond(headers={"X-A": "a\r\nX-Evil: 1"})
        await response.send("hello")
        await response.eof()
        return None
    return empty()


@app.get("/echo")
async def echo(request):
    value = request.headers.get("x-in", "")
    response = text("x", headers={"X-Out": value})
    response.add_cookie("c", value)
    return response
