"""sanic_testing clients, second audit: argument kinds, response attributes, lifecycle."""

import asyncio
import io

from _probe import exc_line, fmt, new_app, show

from sanic import response
from sanic.exceptions import SanicException

EVENTS: list[str] = []
ASGI = [False]


def make(name):
    app = new_app(name)

    @app.route("/echo", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
    async def echo(request):
        files = {k: [(f.name, f.type, f.body) for f in v] for k, v in request.files.items()}
        return response.json(
            {
                "method": request.method,
                "args": sorted(request.query_args),
                "form": sorted((k, v) for k, vs in request.form.items() for v in vs),
                "files": repr(files),
                "body": request.body.decode(errors="replace"),
                "cookies": dict(request.cookies),
                "ct": (request.headers.get("content-type") or "").split(";")[0],
                "host": request.headers.get("host", "").split(":")[0],
                "ua": request.headers.get("user-agent"),
            }
        )

    @app.get("/redir")
    async def redir(request):
        return response.redirect("/echo?from=redir")

    @app.get("/st/<code:int>")
    async def st(request, code):
        return response.text("" if code in (204, 304) else f"s{code}", status=code)

    @app.get("/empty")
    async def empty(request):
        return response.empty()

    @app.get("/html")
    async def html(request):
        r = response.html("<p>x</p>")
        r.add_cookie("k", "v", max_age=10)
        return r

    @app.get("/stream")
    async def stream(request):
        r = await request.respond(content_type="text/plain")
        for i in range(3):
            await r.send(f"c{i},")
        await r.eof()

    @app.get("/boom")
    async def boom(request):
        raise ValueError("boom")

    @app.get("/sexc")
    async def sexc(request):
        raise SanicException("teapot", status_code=418)

    @app.get("/redir-chain")
    async def redir_chain(request):
        return response.redirect("/redir")

    for ev in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
        "main_process_start",
        "main_process_ready",
        "main_process_stop",
        "reload_process_start",
    ):

        async def lst(app, ev=ev):
            EVENTS.append(ev)

        app.register_listener(lst, ev)

    return app


def desc(resp):
    out = []
    for attr in (
        "status",
        "status_code",
        "body",
        "content",
        "text",
        "content_type",
        "reason_phrase",
        "http_version",
        "is_success",
        "is_redirect",
        "is_error",
        "is_client_error",
        "is_server_error",
        "encoding",
        "charset_encoding",
        "num_bytes_downloaded",
    ):
        try:
            v = getattr(resp, attr)
            out.append(f"{attr}={fmt(v)[:60]}")
        except BaseException as e:
            out.append(f"{attr}!{type(e).__name__}")
    try:
        out.append(f"json={fmt(resp.json)[:80]}")
    except BaseException as e:
        out.append(f"json!{exc_line(e)[:80]}")
    out.append(f"url={str(resp.url).split(':')[0]}..{str(resp.url).rsplit('/', 1)[-1]}")
    out.append(f"cookies={dict(resp.cookies)}")
    out.append(f"type={type(resp).__name__},{[c.__name__ for c in type(resp).__mro__[1:3]]}")
    out.append(f"repr={repr(resp)}")
    # content-length under ASGI: the kept ASGI framing difference
    skip = ("date", "content-length") if ASGI[0] else ("date",)
    out.append(f"hdrs={sorted(k for k in resp.headers.keys() if k not in skip)}")
    return " ".join(out)


sock = make("api_sock")
asgi = make("api_asgi")

CASES = [
    ("get", "/echo", {"params": [("a", "1"), ("a", "2")]}),
    ("get", "/echo", {"params": "x=1&y=2"}),
    ("get", "/echo?q=1", {"params": {"p": "2"}}),
    ("post", "/echo", {"data": "plain=str"}),
    ("post", "/echo", {"data": b"rawbytes"}),
    ("post", "/echo", {"data": {"f": ["1", "2"]}}),
    ("post", "/echo", {"files": {"up": ("a.txt", b"hello", "text/plain")}}),
    ("post", "/echo", {"files": {"up": ("b.bin", io.BytesIO(b"xx"))}, "data": {"d": "1"}}),
    ("put", "/echo", {"content": "strcontent"}),
    ("patch", "/echo", {"json": [1, 2]}),
    ("get", "/redir", {"follow_redirects": True}),
    ("get", "/redir", {"allow_redirects": True}),
    ("get", "/redir-chain", {"follow_redirects": True}),
    ("get", "/st/200", {}),
    ("get", "/st/204", {}),
    ("get", "/st/302", {}),
    ("get", "/st/304", {}),
    ("get", "/st/404", {}),
    ("get", "/st/503", {}),
    ("get", "/empty", {}),
    ("get", "/html", {}),
    ("get", "/stream", {}),
    ("head", "/html", {}),
    ("head", "/stream", {}),
    ("get", "/boom", {}),
    ("get", "/sexc", {}),
    ("get", "/nothere", {}),
    ("post", "/html", {}),
    ("get", "/echo", {"headers": {"host": "example.com"}}),
    ("get", "/echo", {"timeout": 5}),
    ("get", "http://127.0.0.1:1/echo", {}),
]


def reqdesc(req):
    if req is None:
        return None
    return (
        type(req).__name__,
        req.path,
        req.query_string,
        req.method,
        req.host.split(":")[0],
        req.scheme,
        req.body[:2] if req.body.startswith(b"--") else req.body[:20],  # multipart: boundary
    )


for method, path, kw in CASES:
    shown = fmt(kw).replace("<BytesIO object>", "BytesIO")
    for label, runner in (
        ("sock", lambda m=method, p=path, k=kw: getattr(sock.test_client, m)(p, **k)),
        ("asgi", lambda m=method, p=path, k=kw: asyncio.run(getattr(asgi.asgi_client, m)(p, **k))),
    ):
        ASGI[0] = label == "asgi"
        try:
            out = runner()
            if isinstance(out, tuple):
                req, resp = out
                print(
                    f"{label} {method} {path} {shown}: tuple{len(out)} {reqdesc(req)} {desc(resp)}"
                )
            else:
                print(f"{label} {method} {path} {shown}: {type(out).__name__} {desc(out)}")
        except BaseException as e:
            print(f"{label} {method} {path} {shown}: {exc_line(e)[:200]}")

# --- extra call options ---
show(
    "sock gather_request=False type",
    lambda: type(sock.test_client.get("/echo", gather_request=False)).__name__,
)
show(
    "asgi gather_request=False",
    lambda: type(asyncio.run(asgi.asgi_client.get("/echo", gather_request=False))).__name__,
)
show("sock request kw method", lambda: sock.test_client.request("post", "/echo"))
show(
    "sock request uri first",
    lambda: sock.test_client.request("/echo", http_method="put")[1].json["method"],
)
show(
    "asgi request method first",
    lambda: asyncio.run(asgi.asgi_client.request("put", "/echo"))[1].json["method"],
)
show("sock port override", lambda: sock.test_client.get("/echo", port=0)[1].status)
show("sock host override", lambda: sock.test_client.get("/echo", host="127.0.0.1")[1].json["host"])
show(
    "sock server_kwargs",
    lambda: sock.test_client.get("/echo", server_kwargs={"access_log": False})[1].status,
)
show("sock debug", lambda: sock.test_client.get("/boom", debug=True)[1].status)
show(
    "sock full url", lambda: sock.test_client.get(f"http://127.0.0.1:{sock.test_client.port}/echo")
)

# --- client attributes ---
show("sock client type", lambda: type(sock.test_client).__name__)
show("sock client is cached", lambda: sock.test_client is sock.test_client)
show("asgi client is cached", lambda: asgi.asgi_client is asgi.asgi_client)
show("asgi client type", lambda: type(asgi.asgi_client).__name__)
show("asgi base_url", lambda: str(asgi.asgi_client.base_url))
show("fresh port before call", lambda: new_app("api_fresh").test_client.port)
show("sock port after call is int", lambda: type(sock.test_client.port).__name__)
show("sock host", lambda: sock.test_client.host)
from sanic_testing.testing import HOST, PORT, SanicASGITestClient, SanicTestClient  # noqa: E402

show("HOST PORT", lambda: (HOST, PORT))
show("ASGI_HOST etc", lambda: __import__("sanic_testing.testing", fromlist=["x"]).ASGI_HOST)
show("ASGI_PORT", lambda: __import__("sanic_testing.testing", fromlist=["x"]).ASGI_PORT)
show("ASGI_BASE_URL", lambda: __import__("sanic_testing.testing", fromlist=["x"]).ASGI_BASE_URL)
show("client kwargs", lambda: SanicTestClient(sock, port=4321, host="127.0.0.1").port)
show("asgi client new", lambda: type(SanicASGITestClient(asgi)).__mro__[1].__name__)

# --- listeners per call ---
lapp = make("api_listen")
EVENTS.clear()
lapp.test_client.get("/echo")
print("sock listeners 1:", EVENTS)
EVENTS.clear()
lapp.test_client.get("/echo")
print("sock listeners 2:", EVENTS)
EVENTS.clear()
asyncio.run(lapp.asgi_client.get("/echo"))
print("asgi listeners:", EVENTS)
EVENTS.clear()
asyncio.run(lapp.asgi_client.get("/echo"))
print("asgi listeners 2:", EVENTS)
show("router finalized after", lambda: lapp.router.finalized)


def add_late():
    # Sanic: adding a route after an asgi_client call raises (signals finalize off the loop)
    @lapp.get("/late")
    async def late(request):
        return response.text("late")

    return lapp.test_client.get("/late")[1].status


show("route added after call", add_late)

# --- ReusableClient ---
from sanic_testing.reusable import ReusableClient  # noqa: E402

rapp = make("api_reuse")
EVENTS.clear()
rc = ReusableClient(rapp)
with rc:
    print("reuse in:", EVENTS)
    out = rc.get("/echo")
    print("reuse get:", type(out).__name__, len(out), reqdesc(out[0]), desc(out[1]))
    show("reuse post json", lambda: rc.post("/echo", json={"a": 1})[1].json["body"])
    show("reuse gather False", lambda: type(rc.get("/echo", gather_request=False)).__name__)
    show("reuse boom", lambda: rc.get("/boom")[1].status)
    show("reuse stream", lambda: rc.get("/stream")[1].text)
    show("reuse head", lambda: rc.head("/html")[1].headers.get("content-length"))
    show("reuse redirect request", lambda: rc.get("/redir", follow_redirects=True)[0].path)
    show("reuse port type", lambda: type(rc.port).__name__)
print("reuse events:", EVENTS)
show("reuse enter returns", lambda: type(ReusableClient(make("api_r2")).__enter__()).__name__)


# --- a listener that raises (last: Sanic's next socket client fails after it) ---
bad = make("api_bad")


@bad.before_server_start
async def raiser(app):
    raise RuntimeError("listener boom")


EVENTS.clear()
show("sock listener raises", lambda: bad.test_client.get("/echo"))
print("events:", EVENTS)
EVENTS.clear()
show("asgi listener raises", lambda: asyncio.run(bad.asgi_client.get("/echo")))
print("events:", EVENTS)

bad2 = make("api_bad2")


@bad2.after_server_start
async def raiser2(app):
    raise RuntimeError("after boom")


EVENTS.clear()
show("sock after_server_start raises", lambda: bad2.test_client.get("/echo"))
print("events:", EVENTS)
