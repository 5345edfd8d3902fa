"""The error-page functions called by an app's own code (sanic-diff app; pages.http).

``/resp/<renderer>/<case>``: ``exception_response(request, CASES[case](), debug, fallback,
base, renderer)`` returned as is; ``/guess``: ``guess_mime(request, fallback)`` for the
request's own Accept/Content-Type; ``/check/<fmt>``: ``check_error_format``;
``/default/<case>``: ``app.error_handler.default(request, exc)``; ``/render/<r>/<case>``:
a renderer's ``render()``, ``minimal()`` and ``full()``, their status and content type.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from app_exc import CASES

from sanic import Sanic, json, text
from sanic import exceptions as E
from sanic.errorpages import (
    HTMLRenderer,
    JSONRenderer,
    TextRenderer,
    check_error_format,
    exception_response,
    guess_mime,
)

app = Sanic("Exc2Pages")
RENDERERS = {"text": TextRenderer, "json": JSONRenderer, "html": HTMLRenderer, "none": None}


@app.get("/resp/<base>/<renderer>/<case>")
async def resp(request, base, renderer, case):
    debug = request.args.get("debug") == "1"
    fallback = request.args.get("fallback", "auto")
    return exception_response(
        request, CASES[case](), debug, fallback, RENDERERS[base], RENDERERS[renderer]
    )


@app.route("/guess", methods=["GET", "POST"])
async def guess(request):
    out = {}
    for fb in ("auto", "json", "text", "html"):
        try:
            out[fb] = guess_mime(request, fb)
        except Exception as e:
            out[fb] = f"{type(e).__name__}: {e}"
    return json(out)


@app.get("/check/<fmt>")
async def check(request, fmt):
    try:
        return text(repr(check_error_format(fmt)))
    except Exception as e:
        return text(f"{type(e).__name__}: {e}")


@app.get("/default/<case>")
async def default(request, case):
    return app.error_handler.default(request, CASES[case]())


@app.get("/render/<renderer>/<case>")
async def render(request, renderer, case):
    r = RENDERERS[renderer](request, CASES[case](), request.args.get("debug") == "1")
    out = {}
    for name in ("render", "minimal", "full"):
        res = getattr(r, name)()
        out[name] = [res.status, res.content_type, sorted(dict(res.headers).items())]
    out["title"] = r.title
    out["text"] = r.text
    out["status"] = r.status
    out["headers"] = sorted(dict(r.headers).items()) if r.headers else r.headers
    return json(out)


@app.get("/translate")
async def translate(request):
    return text({}["missing"])


@app.exception(KeyError)
async def on_key(request, exc):
    # An exception handler answering with another error's page, debug details on: the
    # text and JSON pages trace the KeyError being handled.
    other = E.SanicException("no such item", 404, context={"id": 7})
    return exception_response(request, other, True, "auto", TextRenderer)


@app.get("/html/<method>/<flag>/<case>")
async def html_page(request, method, flag, case):
    # The HTML renderer's own ``debug`` argument against the app's debug mode.
    return getattr(HTMLRenderer(request, CASES[case](), flag == "1"), method)()


if os.environ.get("EXC2_DEBUG") == "1":

    @app.before_server_start
    async def debug_on(app, loop):
        from sanic.application.constants import Mode

        app.state.mode = Mode.DEBUG
        app.config.DEBUG = True


@app.get("/page/<renderer>/<method>/<flag>/<case>")
async def any_page(request, renderer, method, flag, case):
    # The text and JSON renderers' methods called directly, inside the except block of
    # the exception (``?handled=1``) or outside any.
    exc = CASES[case]()
    r = RENDERERS[renderer](request, exc, flag == "1")
    if request.args.get("handled") == "1":
        try:
            raise exc
        except BaseException:
            return getattr(r, method)()
    return getattr(r, method)()
