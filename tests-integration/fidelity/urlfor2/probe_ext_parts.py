"""ext= parameters with multi-part extensions (tar.gz): routing and url_for."""

from sanic import Sanic
from sanic.response import text

app = Sanic("X")


@app.get("/e5/<a:ext=tar.gz>")
async def e5(request, a, ext):
    return text(f"{a}|{ext}")


@app.get("/e6/<a:ext=tar.gz|tar.xz>")
async def e6(request, a, ext):
    return text(f"{a}|{ext}")


@app.get("/e7/<a:ext>")
async def e7(request, a, ext):
    return text(f"{a}|{ext}")


for p in ["/e5/f.tar.gz", "/e5/f.gz", "/e6/f.tar.gz", "/e6/f.tar.xz", "/e6/f.xz", "/e7/f.tar.gz"]:
    _, r = app.test_client.get(p)
    print(p, r.status, r.text[:60].replace("\n", " "))
for n, v in [("e5", "f.tar.gz"), ("e6", "f.tar.gz"), ("e6", "f.tar.xz"), ("e7", "f.tar.gz")]:
    try:
        print(n, v, app.url_for(n, a=v))
    except Exception as e:
        print(n, v, "!", type(e).__name__, e)
