"""A tiny WebDAV-style file tree (written for this round): routes for methods beyond the
usual ones (``PROPFIND``, ``MKCOL``, ``COPY``, ``MOVE``, ``LOCK``) registered with
``methods=[...]`` where the router allows them, refused at start-up where it does not (the
refusal is caught and shown at ``/refused``); a 207 Multi-Status XML answer with
``Depth: 0``/``1``/``infinity``, a ``Destination`` header read with ``urlsplit``,
``Overwrite: F`` giving 412, 201/204 for created/replaced, ``OPTIONS`` answered by hand
with ``DAV:`` and ``Allow``, and XML bodies escaped with ``xml.sax.saxutils``."""

from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import empty, text

app = Sanic("webdav")
TREE: dict = {"/": None, "/docs/": None, "/docs/a.txt": b"alpha", "/docs/b & c.txt": b"bc"}
REFUSED = []


def _xml(status, body):
    return text('<?xml version="1.0" encoding="utf-8"?>\n' + body, status=status,
                content_type="application/xml; charset=utf-8")


def _register(methods, uri, handler):
    try:
        app.add_route(handler, uri, methods=methods)
    except Exception as exc:
        REFUSED.append([methods, type(exc).__name__, str(exc)[:120]])


async def propfind(request, path=""):
    target = "/" + path
    depth = request.headers.get("depth", "infinity")
    if depth not in ("0", "1", "infinity"):
        raise SanicException("bad Depth", status_code=400)
    if target not in TREE:
        raise NotFound(target)
    names = [target]
    if depth != "0" and TREE[target] is None:
        names += sorted(n for n in TREE if n != target and n.startswith(target)
                        and (depth == "infinity" or "/" not in n[len(target):].rstrip("/")))
    parts = "".join(
        f"<d:response><d:href>{escape(n)}</d:href><d:propstat><d:prop>"
        f"<d:getcontentlength>{len(TREE[n] or b'')}</d:getcontentlength></d:prop>"
        f"<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
        for n in names)
    return _xml(207, f'<d:multistatus xmlns:d="DAV:">{parts}</d:multistatus>')


async def mkcol(request, path=""):
    target = "/" + path.rstrip("/") + "/"
    if target in TREE:
        raise SanicException("exists", status_code=405)
    TREE[target] = None
    return empty(status=201)


async def copy_or_move(request, path=""):
    source = "/" + path
    if source not in TREE:
        raise NotFound(source)
    dest_header = request.headers.get("destination")
    if not dest_header:
        raise SanicException("Destination required", status_code=400)
    dest = unquote(urlsplit(dest_header).path)
    existed = dest in TREE
    if existed and request.headers.get("overwrite", "T").upper() == "F":
        raise SanicException("destination exists", status_code=412)
    TREE[dest] = TREE[source]
    if request.method == "MOVE":
        del TREE[source]
    return empty(status=204 if existed else 201)


async def lock(request, path=""):
    return _xml(200, f"<d:prop xmlns:d=\"DAV:\"><d:lockdiscovery><d:href>{escape('/' + path)}"
                     "</d:href></d:lockdiscovery></d:prop>")


for methods, handler in ((["PROPFIND"], propfind), (["MKCOL"], mkcol),
                         (["COPY", "MOVE"], copy_or_move), (["LOCK"], lock)):
    _register(methods, "/dav/<path:path>", handler)
    _register(methods, "/dav/", handler)


@app.get("/dav/<path:path>")
async def get(request, path):
    body = TREE.get("/" + path)
    if body is None:
        raise NotFound(path)
    return text(body.decode(), headers={"Content-Length": str(len(body))})


@app.route("/dav/<path:path>", methods=["OPTIONS"])
async def options(request, path):
    return empty(headers={"DAV": "1, 2", "Allow": "GET, OPTIONS, PROPFIND, MKCOL, COPY, MOVE, LOCK"})


@app.get("/refused")
async def refused(request):
    return text(repr(REFUSED))
