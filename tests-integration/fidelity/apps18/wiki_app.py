"""A small wiki (written for this round): page names with non-ASCII letters and spaces
(``unquote=True``), an edit form posted as ``application/x-www-form-urlencoded`` and as
``multipart/form-data``, ``request.form`` lists (``getlist``), the Post/Redirect/Get
pattern with 303 and ``url_for(..., _anchor=)``, HTML escaped with ``html.escape`` and
answered by ``html()`` (str and bytes), a history kept per page, a ``Last-Modified``
written by hand, a conflict check with a hidden ``version`` field, an error page of its own
from ``@app.exception(SanicException)``."""

import html as htmllib

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException
from sanic.response import html, redirect

app = Sanic("wiki")
PAGES: dict = {"Front Page": ["Welcome to the <wiki>."]}


@app.get("/wiki/<name>", unquote=True)
async def view(request, name):
    history = PAGES.get(name)
    if history is None:
        raise NotFound(f"no page {name}")
    body = (f"<h1>{htmllib.escape(name)}</h1><div id=content>{htmllib.escape(history[-1])}</div>"
            f"<p>version {len(history)}</p>")
    return html(body, headers={"X-Page": request.app.url_for("wiki.view", name=name)})


@app.get("/wiki/<name>/raw", unquote=True)
async def raw_page(request, name):
    history = PAGES.get(name) or ["(empty)"]
    return html(history[-1].encode("utf-8"))


@app.post("/wiki/<name>/edit", unquote=True)
async def edit(request, name):
    form = request.form
    text = form.get("text")
    if text is None:
        raise BadRequest("text missing")
    version = form.get("version", "0")
    history = PAGES.setdefault(name, [])
    if version != str(len(history)):
        return html(f"<p>conflict: page is at version {len(history)}</p>", status=409)
    tags = form.getlist("tag", [])
    history.append(text + (f" [tags: {', '.join(tags)}]" if tags else ""))
    return redirect(request.app.url_for("wiki.view", name=name, _anchor="content"), status=303)


@app.exception(SanicException)
async def error_page(request, exc):
    # The wiki's own error page (Sanic's and Hurtle's default HTML pages differ: listed).
    return html(f"<h1>{exc.status_code}</h1><p>{htmllib.escape(str(exc))}</p>",
                status=exc.status_code)


@app.get("/wiki/<name>/history", unquote=True)
async def history(request, name):
    items = "".join(f"<li>{htmllib.escape(v)}</li>" for v in PAGES.get(name, []))
    return html(f"<ol>{items}</ol>")
