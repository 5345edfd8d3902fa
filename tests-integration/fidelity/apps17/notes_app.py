"""A notes CRUD on class-based views (written for this round, beside apps16's ``cbv``):
``HTTPMethodView`` registered with ``app.add_route(View.as_view(), ..., version=1,
strict_slashes=False, name=...)``, a streamed ``put`` marked with ``sanic.views.stream``
(the body read from ``request.stream``), a class-level decorator list mixing a sync and
an async decorator, ``HEAD``/``OPTIONS`` answered by the view's own methods, a method that
is not defined (405), a view attached with ``View.attach(app, "/path")``, and ``url_for``
of the view by its name."""

from functools import wraps

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import empty, json, text
from sanic.views import HTTPMethodView, stream

app = Sanic("notes")
NOTES = {1: "first note"}


def count_calls(handler):
    @wraps(handler)
    def wrapper(request, *args, **kwargs):
        request.ctx.counted = True
        return handler(request, *args, **kwargs)
    return wrapper


def json_only(handler):
    @wraps(handler)
    async def wrapper(request, *args, **kwargs):
        if request.method in ("POST",) and request.content_type != "application/json":
            return json({"error": "json only"}, status=415)
        return await handler(request, *args, **kwargs)
    return wrapper


class NoteList(HTTPMethodView):
    decorators = [count_calls, json_only]

    async def get(self, request):
        return json({"notes": NOTES, "counted": getattr(request.ctx, "counted", False),
                     "self": request.app.url_for("notes_list")})

    async def post(self, request):
        nid = max(NOTES, default=0) + 1
        NOTES[nid] = (request.json or {}).get("text", "")
        return json({"id": nid}, status=201,
                    headers={"Location": request.app.url_for("notes_item", nid=nid)})

    async def options(self, request):
        return empty(headers={"Allow": "GET, POST, OPTIONS"})


class NoteItem(HTTPMethodView):
    async def get(self, request, nid):
        if nid not in NOTES:
            raise NotFound(f"note {nid}")
        return text(NOTES[nid])

    async def head(self, request, nid):
        return empty(status=200 if nid in NOTES else 404,
                     headers={"X-Length": str(len(NOTES.get(nid, "")))})

    @stream
    async def put(self, request, nid):
        parts = []
        while True:
            chunk = await request.stream.read()
            if chunk is None:
                break
            parts.append(chunk)
        NOTES[nid] = b"".join(parts).decode()
        return json({"id": nid, "length": len(NOTES[nid]), "pieces": len(parts) > 0})

    async def delete(self, request, nid):
        NOTES.pop(nid, None)
        return empty()


class Health(HTTPMethodView):
    def get(self, request):
        return text("ok")


app.add_route(NoteList.as_view(), "/notes", version=1, strict_slashes=False,
              name="notes_list")
app.add_route(NoteItem.as_view(), "/notes/<nid:int>", version=1, name="notes_item")
Health.attach(app, "/health")
