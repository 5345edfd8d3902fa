"""Fifth socket app: response middleware changing JSONResponse and HTTPResponse bodies."""

from sanic import Sanic, response

app = Sanic("responses2e")


@app.on_response
async def mw(request, resp):
    kind = request.args.get("mw")
    if kind == "append":
        resp.append(9)
    elif kind == "update":
        resp.update({"mw": True})
    elif kind == "set_body":
        resp.set_body({"replaced": 1})
    elif kind == "body":
        resp.body = b"plain"
    elif kind == "body_str":
        resp.body = "str"
    elif kind == "pop":
        resp.pop()
    elif kind == "status":
        resp.status = 201
    elif kind == "ct":
        resp.content_type = "text/x"
    elif kind == "new":
        return response.json({"new": 1}, status=202)
    elif kind == "raw_after_body":
        resp.body = b"[1]"
        resp.append(2)


@app.get("/list")
async def lst(request):
    return response.json([1, 2])


@app.get("/dict")
async def dct(request):
    return response.json({"a": 1})


@app.get("/text")
async def txt(request):
    return response.text("t")
