"""App for sanic-diff: views and handler options over raw sockets (see diff_requests.http)."""

import functools

from sanic import Blueprint, Sanic, response
from sanic.exceptions import NotFound
from sanic.views import HTTPMethodView, stream

app = Sanic("views2diff")


async def read_all(request):
    """The streamed body, read chunk by chunk."""
    data = b""
    while (chunk := await request.stream.read()) is not None:
        data += chunk
    return data


class Empty(HTTPMethodView):
    pass


class GetStream(HTTPMethodView):
    @stream
    async def get(self, request):
        data = await read_all(request)
        return response.text(f"get-stream {data!r}")


class PostStream(HTTPMethodView):
    async def get(self, request):
        return response.text(f"get {request.body!r}")

    @stream
    async def post(self, request):
        data = await read_all(request)
        return response.text(f"post-stream {data!r}")


class All(HTTPMethodView):
    async def get(self, request): return response.text("g")
    def post(self, request): return response.text(f"p {request.body!r}")
    async def put(self, request): return response.text("u")
    async def patch(self, request): return response.text("pa")
    async def delete(self, request): return response.text(f"d {request.body!r}")
    async def options(self, request): return response.text("o")
    async def head(self, request): return response.text("h")


app.add_route(Empty.as_view(), "/empty")
app.add_route(GetStream.as_view(), "/getstream")
app.add_route(PostStream.as_view(), "/poststream")
app.add_route(All.as_view(), "/all")


@app.get("/ig")
async def ig(request):
    return response.text(f"ig {request.body!r}")


@app.get("/nig", ignore_body=False)
async def nig(request):
    return response.text(f"nig {request.body!r}")


async def unq(request, p):
    return response.text(p)


app.add_route(unq, "/u/<p>", unquote=True)


async def q(request, p):
    return response.text(p)


app.add_route(q, "/q/<p>")


async def qpath(request, p):
    return response.text(p)


app.add_route(qpath, "/qp/<p:path>")
app.add_route(functools.partial(unq), "/up/<p:path>", unquote=True, name="up")

for fmt in ("json", "html", "text", "auto"):
    async def nf(request, fmt=fmt):
        raise NotFound(f"nope {fmt}")
    app.add_route(nf, f"/ef/{fmt}", name=f"ef_{fmt}", error_format=fmt)


async def boom(request):
    raise RuntimeError("boom")


app.add_route(boom, "/boom/json", error_format="json")


class CallObj:
    async def __call__(self, request):
        return response.text("obj")


app.add_route(CallObj(), "/obj", name="obj", methods=["GET", "POST"], strict_slashes=True)

bp = Blueprint("bpv", url_prefix="/bp", version=2)
bp.add_route(All.as_view(), "/all")
app.blueprint(bp)
