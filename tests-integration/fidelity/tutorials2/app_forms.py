"""HTML forms and htmx partials (pattern origin: a create_app() that imports
"app.middleware.htmx" and "app.blueprints.app" modules, login forms of tutorials, post/
redirect/get): `request.form` with repeated keys, `form.getlist`, checkboxes, a form with
a charset, an `HX-Request` header choosing a fragment, `HX-Redirect` response header,
redirect(303) after POST, `html()` with status, an escaped value."""

import html as htmllib

from sanic import Sanic
from sanic.response import html, redirect

app = Sanic("TutForms")
todos: list = []


@app.on_request
async def htmx(request):
    request.ctx.htmx = request.headers.get("hx-request") == "true"


def render_list() -> str:
    return "<ul>" + "".join(f"<li>{htmllib.escape(t)}</li>" for t in todos) + "</ul>"


@app.get("/")
async def index(request):
    if request.ctx.htmx:
        return html(render_list())
    return html(
        f"<html><body><form method=post action=/todos><input name=title></form>{render_list()}</body></html>"
    )


@app.post("/todos")
async def add(request):
    title = request.form.get("title", "").strip()
    if not title:
        return html("<p class=error>title required</p>", status=422)
    todos.append(title)
    tags = request.form.getlist("tag") or []
    if request.ctx.htmx:
        resp = html(render_list() + f"<p>tags={','.join(tags)}</p>", status=201)
        resp.headers["HX-Trigger"] = "todoAdded"
        return resp
    return redirect("/", status=303)


@app.post("/clear")
async def clear(request):
    todos.clear()
    resp = html("")
    resp.headers["HX-Redirect"] = "/"
    return resp


@app.post("/echo")
async def echo(request):
    return html("<pre>" + htmllib.escape(repr(dict(request.form))) + "</pre>")
