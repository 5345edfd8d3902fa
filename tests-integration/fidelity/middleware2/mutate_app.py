"""Response middleware that changes the response in place: body, status, content type,
fields, cookies (sanic-diff app). ?do=a,b,... picks the changes.
Run: python3 diffrun.py mutate_app.py mutate.http
"""

from sanic import Sanic
from sanic.response import empty, json, redirect, text

app = Sanic("MwMutate")


@app.on_response
async def mutate(request, response):
    for do in request.args.get("do", "").split(","):
        if do == "body":
            response.body = b"a longer body set by middleware"
        elif do == "body-str":
            response.body = "str body"
        elif do == "body-none":
            response.body = None
        elif do == "status":
            response.status = 299
        elif do == "status-204":
            response.status = 204
        elif do == "status-304":
            response.status = 304
        elif do == "ctype":
            response.content_type = "application/x-mw"
        elif do == "ctype-header":
            response.headers["Content-Type"] = "text/x-mw"
        elif do == "del-ctype":
            del response.headers["content-type"]
        elif do == "cl":
            response.headers["content-length"] = "3"
        elif do == "cookie":
            response.add_cookie("mw", "1", path="/", httponly=True)
        elif do == "cookie-dict":
            response.cookies["legacy"] = "2"
        elif do == "del-cookie":
            response.delete_cookie("gone")
        elif do == "te":
            response.headers["transfer-encoding"] = "chunked"
        elif do == "conn-close":
            response.headers["connection"] = "close"
        elif do == "multi":
            response.headers.add("x-multi", "1")
            response.headers.add("x-multi", "2")


@app.get("/")
async def index(request):
    return text("index")


@app.get("/json")
async def as_json(request):
    return json({"a": 1})


@app.get("/empty")
async def nothing(request):
    return empty()


@app.get("/redirect")
async def go(request):
    return redirect("/")


@app.get("/fail")
async def fail(request):
    raise ValueError("x")
