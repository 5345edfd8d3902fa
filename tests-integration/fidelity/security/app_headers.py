"""Headers, cookies, redirects and file names built from the query string (headers.http)."""

from sanic import Sanic, response

app = Sanic("sechdr")
FILE = __file__


@app.get("/redir")
async def redir(request):
    return response.redirect(request.args.get("to", ""), status=int(request.args.get("s", "302")))


@app.get("/hdr")
async def hdr(request):
    return response.text("ok", headers={"X-V": request.args.get("v", "")})


@app.get("/hdrname")
async def hdrname(request):
    return response.text("ok", headers={request.args.get("n", ""): "1"})


@app.get("/ctype")
async def ctype(request):
    return response.text("ok", content_type=request.args.get("v", ""))


@app.get("/cookie")
async def cookie(request):
    r = response.text("ok")
    kw = {
        k: request.args.get(k)
        for k in ("path", "domain", "samesite", "comment")
        if k in request.args
    }
    try:
        r.add_cookie(request.args.get("k", "a"), request.args.get("v", "b"), **kw)
    except Exception as e:
        return response.text(f"{type(e).__name__}: {e}", status=418)
    return r


@app.get("/fname")
async def fname(request):
    return await response.file(FILE, filename=request.args.get("n"))


@app.get("/fstream")
async def fstream(request):
    return await response.file_stream(FILE, filename=request.args.get("n"))


@app.get("/cookies")
async def cookies(request):
    return response.json({k: request.cookies.getlist(k) for k in request.cookies})
