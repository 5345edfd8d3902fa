"""sanic-diff app: Set-Cookie on bodiless statuses, error pages and redirects.

sanic-diff app_cookie_statuses.py cookie_statuses.http
"""

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import empty, redirect, text

app = Sanic("Cookies2Statuses")


@app.get("/s/<status:int>")
async def status(request, status):
    r = text("body", status=status) if status not in (204,) else empty()
    r.add_cookie("a", "1", max_age=5)
    r.delete_cookie("b")
    return r


@app.get("/redirect")
async def redir(request):
    r = redirect("/x")
    r.add_cookie("a", "1")
    return r


@app.get("/raise-headers")
async def raise_headers(request):
    raise SanicException("no", status_code=401, headers={"Set-Cookie": "a=1", "X-A": "1"})


@app.get("/raise-notfound")
async def raise_notfound(request):
    raise NotFound("gone", headers={"x-b": "2"})


class Custom(Exception):
    pass


@app.get("/custom")
async def custom(request):
    raise Custom()


@app.exception(Custom)
async def on_custom(request, exception):
    r = text("handled", status=418)
    r.add_cookie("handled", "yes", httponly=True)
    return r


@app.get("/mw-error")
async def mw_error(request):
    raise SanicException("bad", status_code=400)


@app.on_response
async def cookie_everywhere(request, response):
    if request.path.startswith("/mw-error"):
        response.add_cookie("mw", "1")
