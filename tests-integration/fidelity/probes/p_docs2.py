"""The API reference walk, second pass: blueprint strict_slashes and copies, unquote,
Accept equality, import_string, env converters, parse_multipart_form, the log lines of a
static path leaving its root and of a response returned after request.respond()."""

import logging
import os
import sys
import tempfile

from _probe import new_app, req, show

from sanic import Blueprint, text
from sanic.config import Config
from sanic.headers import MediaType, parse_accept
from sanic.helpers import import_string
from sanic.request import parse_multipart_form

records: list[str] = []


class _Keep(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        records.append(f"{record.name} {record.levelname} {record.getMessage()}")


for name in ("sanic.error", "sanic.root"):
    logging.getLogger(name).addHandler(_Keep())


def logged(label: str) -> None:
    shown = [line.replace(root, "<root>") for line in records]
    print(f"{label} logged: {shown!r}")
    records.clear()


# --- blueprints: strict_slashes taken when a route is declared; copies --------------------
app = new_app("DocsTwo")
strict = Blueprint("strict", url_prefix="/s", strict_slashes=True)


@strict.get("/a/")
async def strict_a(request):
    return text(f"{request.route.name} {request.route.path} {request.route.strict}")


loose = strict.copy("loose", url_prefix="/l", strict_slashes=False)
unset = Blueprint("unset", url_prefix="/u")


@unset.get("/a/")
async def unset_a(request):
    return text(f"{request.route.name} {request.route.path} {request.route.strict}")


user = Blueprint("user", url_prefix="/user")


@user.get("/me")
async def get_user(request):
    return text(request.route.name)


account = user.copy("account", url_prefix="/account")
app.blueprint(strict, strict_slashes=False)
app.blueprint(loose)
app.blueprint(unset, strict_slashes=False)
app.blueprint(user)
app.blueprint(account)


# --- unquote on one route, another of the same shape after it ----------------------------
@app.get("/q/<p>", unquote=True)
async def quoted(request, p):
    return text(p)


@app.get("/nq/<p>")
async def not_quoted(request, p):
    return text(p)


# --- static root, respond() then return ---------------------------------------------------
root = tempfile.mkdtemp()
with open(os.path.join(root, "a.txt"), "w") as f:
    f.write("a")
app.static("/st", root)


@app.get("/responded")
async def responded(request):
    response = await request.respond(content_type="text/plain")
    await response.send("streamed")
    return response


@app.get("/responded-whole")
async def responded_whole(request):
    return await request.respond(text("whole"))


for path in ("/s/a/", "/s/a", "/l/a/", "/l/a", "/u/a/", "/u/a", "/user/me", "/account/me"):
    req(app, f"GET {path}", "GET", path)
show("url_for user.get_user", lambda: app.url_for("user.get_user"))
show("url_for account.get_user", lambda: app.url_for("account.get_user"))
for path in ("/q/a%20b", "/nq/a%20b"):
    req(app, f"GET {path}", "GET", path)
records.clear()
req(app, "GET /st/%2e%2e/a.txt", "GET", "/st/%2e%2e/a.txt")
logged("leaving the static root")
req(app, "GET /st/nope.txt", "GET", "/st/nope.txt")
logged("a missing static file")
req(app, "GET /responded", "GET", "/responded")
logged("returning the streamed response")
req(app, "GET /responded-whole", "GET", "/responded-whole")
logged("returning respond(text(...))")

# --- sanic.headers: Accept equality ------------------------------------------------------
accept = parse_accept("application/json;q=0.9, text/html;level=1")
show("'text/html' in accept", lambda: "text/html" in accept)
show("accept.index('text/html')", lambda: accept.index("text/html"))
show("MediaType in accept", lambda: MediaType("text", "html", level="2") in accept)
show("accept[0] == 'text/html;level=1'", lambda: accept[0] == "text/html;level=1")
show("match == 'text/*'", lambda: parse_accept("text/*").match("text/html") == "text/*")

# --- helpers, config, forms --------------------------------------------------------------
show("import_string of a function", lambda: import_string("os.getcwd") == os.getcwd())
show("import_string of a class", lambda: type(import_string("sanic.config.Config")).__name__)
os.environ["SANIC_DOCS_TWO"] = "x"


def broken(value):
    raise TypeError("broken converter")


show("converter raising TypeError", lambda: Config(converters=[broken]).DOCS_TWO)
body = (
    b'--B\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n'
    b'--B\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\nDATA\r\n--B--\r\n"
)
show("parse_multipart_form(body, b'B')", lambda: parse_multipart_form(body, b"B"))
sys.stdout.flush()
