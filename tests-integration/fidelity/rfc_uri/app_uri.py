"""App for the fifth RFC round (URIs and request targets, RFC 3986, RFC 9112 3.2, RFC 9110
4 and 7): what the app reads of a target and a Host, `url_for` with `SERVER_NAME`
variants and awkward values, `redirect()` targets, and static files with odd names.
Run with sanic-diff against the .http files next to it (see the fidelity README)."""

import os
import tempfile

from sanic import Sanic
from sanic.response import json, redirect

app = Sanic("RfcUri")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.REQUEST_TIMEOUT = 3

ANY = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def seen(request, **params):
    out = {
        "path": request.path,
        "raw_url": request.raw_url.decode("latin-1"),
        "query": request.query_string,
        "args": {k: v for k, v in request.args.items()},
        "blank": {k: v for k, v in request.get_args(keep_blank_values=True).items()},
        "qargs": request.query_args,
        "host": request.host,
        "server_name": request.server_name,
        "server_port": request.server_port,
        "url": request.url,
        "method": request.method,
    }
    if params:
        out["params"] = params
    return json(out)


@app.route("/", methods=ANY)
async def index(request):
    return seen(request)


@app.route("/e", methods=ANY)
async def echo(request):
    return seen(request)


@app.route("/e/<rest:path>", methods=ANY)
async def echo_path(request, rest):
    return seen(request, rest=rest)


@app.get("/s/<one>")
async def seg(request, one):
    return seen(request, one=one)


@app.get("/s/<one>/end")
async def seg_end(request, one):
    return seen(request, one=one)


@app.get("/u/<one>", unquote=True)
async def seg_unquote(request, one):
    return seen(request, one=one)


@app.get("/a/b")
async def a_b(request):
    return seen(request, route="a/b")


@app.get("/b")
async def b(request):
    return seen(request, route="b")


@app.get("/café")
async def cafe(request):
    return seen(request, route="café")


@app.get("/sp ace")
async def space(request):
    return seen(request, route="sp ace")


@app.get("/pct%41")
async def pct(request):
    return seen(request, route="pct%41")


@app.get("/h", host="a.example")
async def host_a(request):
    return seen(request, route="host a.example")


@app.get("/h", host="b.example:8000")
async def host_b(request):
    return seen(request, route="host b.example:8000")


@app.get("/h", host="[::1]:8000")
async def host_v6(request):
    return seen(request, route="host [::1]:8000")


# url_for: every value through a str, a path and an unquote route, under SERVER_NAME
# variants; what comes back (or the exception's type and message) is the body.
VALUES = ["a/b", "a b", "café", "a?b", "a#b", "a%2Fb", "100%", "a+b", "~x", ""]
SERVER_NAMES = [
    None,
    "a.example",
    "a.example:8000",
    "web:8000",
    "http://a.example",
    "https://a.example/",
    "a.example/prefix",
    "https://a.example:8443/prefix/",
    "[::1]:8000",
    "user@a.example",
]


def build(call):
    try:
        return call()
    except Exception as exc:  # the type and message are what is compared
        return f"{type(exc).__name__}: {exc}"


@app.get("/build/<kind>")
async def build_urls(request, kind):
    out = {}
    saved = app.config.get("SERVER_NAME")
    try:
        for server_name in SERVER_NAMES:
            app.config.SERVER_NAME = server_name or ""
            name = server_name or "-"
            if kind == "params":
                for value in VALUES:
                    out[f"{name} seg {value!r}"] = build(
                        lambda v=value: app.url_for("seg", one=v, _external=True)
                    )
                    out[f"{name} path {value!r}"] = build(
                        lambda v=value: app.url_for("echo_path", rest=v, _external=True)
                    )
                    out[f"{name} unq {value!r}"] = build(
                        lambda v=value: app.url_for("seg_unquote", one=v)
                    )
            elif kind == "query":
                for value in VALUES:
                    out[f"{name} q {value!r}"] = build(
                        lambda v=value: app.url_for("echo", q=v, _anchor=v, _external=True)
                    )
            elif kind == "request":
                out[f"{name} req"] = build(lambda: request.url_for("seg", one="x"))
                out[f"{name} req ext"] = build(lambda: app.url_for("echo", _external=True))
                out[f"{name} req server"] = build(
                    lambda: app.url_for("echo", _external=True, _server="s.example:81")
                )
                out[f"{name} req scheme"] = build(
                    lambda: app.url_for("echo", _external=True, _scheme="https")
                )
                out[f"{name} host"] = build(lambda: request.host)
                out[f"{name} url"] = build(lambda: request.url)
                out[f"{name} server_name"] = build(lambda: request.server_name)
                out[f"{name} server_port"] = build(lambda: request.server_port)
                out[f"{name} route hosts"] = build(lambda: app.url_for("host_a", _external=True))
                out[f"{name} static"] = build(
                    lambda: app.url_for("static", name="static", filename="a b.txt", _external=True)
                )
                out[f"{name} cafe"] = build(lambda: app.url_for("cafe", _external=True))
                out[f"{name} space"] = build(lambda: app.url_for("space"))
                out[f"{name} pct"] = build(lambda: app.url_for("pct"))
    finally:
        app.config.SERVER_NAME = saved or ""
    return json(out)


REDIRECTS = {
    "nonascii": "/café?q=ü",
    "encoded": "/caf%C3%A9?q=%C3%BC",
    "space": "/a b?c d",
    "abs-nonascii": "http://ex.example/ä?b=ö#ü",
    "abs-idna": "http://bücher.example/x",
    "encoded-mixed": "/a%20b c",
    "percent": "/100%",
    "scheme-relative": "//other.example/x",
    "crlf": "/x\r\nSet-Cookie: a=b",
    "query-frag": "/x?y=1#frag",
    "backslash": "/a\\b",
    "tab": "/a\tb",
    "quote": '/a"b<c>',
    "empty": "",
    "bytes-like": "/%E9",
    "percent-query": "/x?q=100%&r=%2",
    "frag-space": "/x#see also",
    "plus": "/a+b?c+d",
}


@app.get("/r/<case>")
async def redirects(request, case):
    return redirect(REDIRECTS[case])


STATIC = os.path.join(tempfile.gettempdir(), "rfc_uri_static")
os.makedirs(STATIC, exist_ok=True)
NAMES = [
    "a b.txt",
    "café.txt",
    "100%.txt",
    "a+b.txt",
    "a%20b.txt",
    "q?x.txt",
    "h#x.txt",
    "semi;x.txt",
    "plain.txt",
]
os.makedirs(os.path.join(STATIC, "sub dir"), exist_ok=True)
for _name, _text in [(n, f"file {n}\n") for n in NAMES] + [("sub dir/in.txt", "in sub dir\n")]:
    if not os.path.exists(os.path.join(STATIC, _name)):  # (written once: one mtime for both)
        with open(os.path.join(STATIC, _name), "w", encoding="utf-8") as _f:
            _f.write(_text)

app.static("/static", STATIC, name="static")
app.static("/one file", os.path.join(STATIC, "a b.txt"), name="onefile")
