"""Static folders (pattern origin: bronfo/dx `app.static('/static', 'static')`,
JRafiei/presentaion serving favicon.ico from a folder file, Air-Zhuang/sanic_pro's
favicon route returning nothing, a docs folder with `index=`, a blueprint static):
relative folder names, `index="index.html"`, `directory_view`, a single-file route,
a route that shadows part of the static prefix."""

import os
from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.response import text

HERE = Path(__file__).parent
os.chdir(HERE)  # tutorials give folders relative to the working directory

app = Sanic("TutStatic2")
app.static("/static", "static2")
# Older tutorials call app.static() several times without `name=`: since 23.3 that is
# "Duplicate route names detected" at start-up, under both; each gets a name here.
app.static("/favicon.ico", "static2/favicon.ico", name="favicon")
app.static("/docs", "static2/docs", index="index.html", name="docs")
app.static("/browse", "static2", directory_view=True, name="browse")
docs_bp = Blueprint("docs_bp", url_prefix="/bp")
docs_bp.static("/files", "static2", name="bpfiles")
app.blueprint(docs_bp)


@app.route("/static/dynamic")
async def dynamic(request):
    return text("handler, not a file")


@app.route("/robots.txt")
async def robots(request):
    pass
