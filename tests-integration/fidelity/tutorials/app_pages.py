"""Jinja-less HTML: pages built with f-strings and html(), an HTML form posting back
with redirect (post/redirect/get), a cookie-backed flash message, app.static for
assets and url_for in templates (pattern origin: GitHub JRafiei/presentaion main.py,
https://git.zi.fi/Vasanko/sanic/src/commit/9b3bda8d36201f7b1565b39604785d30929958ab/docs/sanic/response.md ).
"""

import html as htmlmod
import os
import tempfile

from sanic import Sanic
from sanic.response import html, redirect

app = Sanic("TutPages")
ASSETS = tempfile.mkdtemp(prefix="tut-assets-")
with open(os.path.join(ASSETS, "site.css"), "w") as fh:
    fh.write("body{font-family:sans-serif}\n")
os.utime(os.path.join(ASSETS, "site.css"), (1700000000, 1700000000))
app.static("/static", ASSETS, name="assets")
NOTES = ["first <note>"]


def layout(title, body, request):
    css = request.app.url_for("static", name="assets", filename="site.css")
    return f"<!doctype html><html><head><title>{title}</title><link rel=stylesheet href='{css}'></head><body>{body}</body></html>"


@app.get("/")
async def index(request):
    flash = request.cookies.get("flash", "")
    items = "".join(f"<li>{htmlmod.escape(n)}</li>" for n in NOTES)
    body = f"<p class=flash>{htmlmod.escape(flash)}</p><ul>{items}</ul><form method=post action='{request.app.url_for('add')}'><input name=note></form>"
    resp = html(layout("Notes", body, request))
    if flash:
        resp.delete_cookie("flash")
    return resp


@app.post("/add")
async def add(request):
    note = request.form.get("note", "").strip()
    if not note:
        return html(layout("Error", "<p>empty note</p>", request), status=400)
    NOTES.append(note)
    resp = redirect(request.app.url_for("index"), status=303)
    resp.add_cookie("flash", f"added {note}", max_age=10, samesite="Lax")
    return resp
