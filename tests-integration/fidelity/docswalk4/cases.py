"""Snippets for ``compare.py cases``: seed 001's run options, each through
``app.run(..., single_process=True)``, ``app.prepare`` + ``Sanic.serve_single()``,
``app.prepare`` + ``Sanic.serve()`` (a worker process) and the ``sanic`` command line;
then the 0.4 guide's old-style APIs not served by ``guide_app.py``.

Each serving snippet answers one request from inside the server (``after_server_start``)
and prints what the app sees: the state and config the option touches, the request's
scheme, and the reply's status line; then stops.
"""

from __future__ import annotations

CASES: dict[str, str] = {}

SERVE = r'''
import asyncio, os, socket, ssl as _ssl, subprocess, sys, tempfile
from sanic import Sanic, text
TMP = tempfile.mkdtemp()
def certs():
    key, crt = os.path.join(TMP, "k.pem"), os.path.join(TMP, "c.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", crt],
                   check=True, capture_output=True)
    return crt, key
def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p
app = Sanic("RunOpt")
app.config.TOUCHUP = False
@app.get("/")
async def index(request):
    return text(f"scheme={request.scheme} proto={type(request.transport.get_protocol()).__name__ if hasattr(request.transport, 'get_protocol') else '?'}")
def describe(app):
    st = app.state
    # in a worker, state.host/port/workers and the settings' host are kept differences
    # (README, first section): shown only where the run was prepared
    worker = bool(os.environ.get("SANIC_WORKER_NAME"))
    print("mode", st.mode, "debug", st.is_debug, "verbosity", st.verbosity, "fast", st.fast,
          "workers", None if worker else st.workers, "auto_reload", st.auto_reload, "unix", bool(st.unix),
          "ssl", st.ssl is not None)
    c = app.config
    print("config", c.ACCESS_LOG, c.MOTD, c.NOISY_EXCEPTIONS, c.AUTO_RELOAD, c.get("MOTD_DISPLAY"))
    s = st.server_info[0].settings if st.server_info else {}
    print("settings", sorted({k: (v if isinstance(v, (int, str, bool, type(None))) else type(v).__name__)
                       for k, v in s.items() if k in ("backlog", "register_sys_signals", "unix") or (k == "host" and not worker)}.items()))
@app.after_server_start
async def probe(app):
    describe(app)
    try:
        st = app.state
        if st.unix:
            r, w = await asyncio.open_unix_connection(st.unix)
        else:
            ctx = None
            if st.ssl is not None:
                ctx = _ssl.create_default_context(); ctx.check_hostname = False
                ctx.verify_mode = _ssl.CERT_NONE
            r, w = await asyncio.open_connection("127.0.0.1", PORT, ssl=ctx)
        w.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = await asyncio.wait_for(r.read(), 5)
        w.close()
        print("reply", data.split(b"\r\n")[0].decode(), data.split(b"\r\n\r\n", 1)[-1].decode())
    except Exception as e:
        print("probe failed", type(e).__name__)
    app.stop()
PORT = int(os.environ.setdefault("PROBE_PORT", str(free_port())))
'''

# option -> keyword arguments (as Python source), given with host/port
OPTIONS = {
    "plain": "",
    "dev": "dev=True",
    "debug": "debug=True",
    "auto_reload": "auto_reload=True",
    "version1": "version=1",
    "ssl_dict": "ssl=dict(zip(('cert', 'key'), certs()))",
    "ssl_dict_aliases": "ssl=dict(zip(('certfile', 'keyfile'), certs()))",
    "ssl_context": "ssl=(lambda c: (c.load_cert_chain(*certs()), c)[1])("
                   "_ssl.create_default_context(_ssl.Purpose.CLIENT_AUTH))",
    "ssl_str_dir": "ssl=(lambda c: (os.rename(c[0], TMP + '/fullchain.pem'), "
                   "os.rename(c[1], TMP + '/privkey.pem'), TMP)[2])(certs())",
    "backlog": "backlog=2048",
    "no_sys_signals": "register_sys_signals=False",
    "access_log": "access_log=True",
    "no_access_log": "access_log=False",
    "reload_dir": "reload_dir=TMP",
    "noisy": "noisy_exceptions=True",
    "no_motd": "motd=False",
    "fast": "fast=True",
    "verbosity": "verbosity=2",
    "motd_display": "motd_display={'extra': 'line'}",
    "protocol": "protocol=__import__('sanic.server.protocols.http_protocol', "
                "fromlist=['HttpProtocol']).HttpProtocol",
    "protocol_sub": "protocol=type('MyProto', (__import__('sanic.server.protocols.http_protocol', "
                    "fromlist=['HttpProtocol']).HttpProtocol,), {})",
}

MODES = {
    "run": "app.run(host='127.0.0.1', port=PORT, single_process=True, {kw})",
    "prep1": "app.prepare(host='127.0.0.1', port=PORT, single_process=True, {kw})\n"
             "Sanic.serve_single()",
    "prepw": "if __name__ == '__main__':\n"
             "    app.prepare(host='127.0.0.1', port=PORT, {kw})\n"
             "    Sanic.serve()",
}



def as_file(code: str) -> str:
    """Worker processes are spawned: they import the main module again, so a snippet
    that serves with workers runs from a file, in a child whose output is printed."""
    return f"""
import os, subprocess, sys, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, "main.py"), "w") as f:
    f.write({code!r})
try:
    out = subprocess.run([sys.executable, "-W", "always", "main.py"], capture_output=True,
                         text=True, timeout=40, cwd=d)
    print("exit", out.returncode)
    print(out.stdout, end="")
    for line in out.stderr.splitlines():
        if ("Error" in line or "error" in line) and not line.startswith(" "):
            print("err", line.split(": ", 1)[-1][:200] if line.startswith(("Main", "Srv")) else line[:200])
except subprocess.TimeoutExpired:
    print("timeout")
"""


for opt, kw in OPTIONS.items():
    for mode, call in MODES.items():
        if mode == "prepw" and opt in ("auto_reload", "reload_dir", "dev"):
            continue  # a reloader process: not bounded here
        code = SERVE + call.format(kw=kw) + "\n"
        CASES[f"opt_{opt}_{mode}"] = as_file(code) if mode == "prepw" else code

# Unix socket and a socket made by the caller (host/port not given)
CASES["opt_unix_run"] = SERVE + (
    "app.run(unix=os.path.join(TMP, 's.sock'), single_process=True)\n"
    "print('socket left', os.path.exists(os.path.join(TMP, 's.sock')))\n")
CASES["opt_unix_prep1"] = SERVE + (
    "app.prepare(unix=os.path.join(TMP, 's.sock'), single_process=True)\nSanic.serve_single()\n"
    "print('socket left', os.path.exists(os.path.join(TMP, 's.sock')))\n")
CASES["opt_sock_run"] = SERVE + (
    "s = socket.socket(); s.bind(('127.0.0.1', PORT))\n"
    "app.run(sock=s, single_process=True)\n")
CASES["opt_sock_prep1"] = SERVE + (
    "s = socket.socket(); s.bind(('127.0.0.1', PORT))\n"
    "app.prepare(sock=s, single_process=True)\nSanic.serve_single()\n")
CASES["opt_loop_run"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, loop=asyncio.new_event_loop())\n")
CASES["opt_coffee_prep1"] = SERVE + (
    "app.prepare(host='127.0.0.1', port=PORT, single_process=True, coffee=True)\n"
    "Sanic.serve_single()\n")
CASES["opt_coffee_run"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, coffee=True)\n")
CASES["opt_workers2_single"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, workers=2)\n")
CASES["opt_fast_single"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, fast=True, workers=3)\n")
CASES["opt_unix_and_host"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, unix=os.path.join(TMP, 's.sock'), single_process=True)\n")
CASES["opt_version3_run"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, version=3)\n")
CASES["opt_version_str"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, version='1.1')\n")
CASES["opt_auto_tls_run"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, auto_tls=True)\n")
CASES["opt_auto_tls_debug_run"] = SERVE + (
    "app.run(host='127.0.0.1', port=PORT, single_process=True, auto_tls=True, debug=True)\n")
CASES["opt_prepare_twice"] = SERVE + (
    "app.prepare(host='127.0.0.1', port=PORT, single_process=True)\n"
    "app.prepare(host='127.0.0.1', port=free_port(), single_process=True)\n"
    "print('infos', len(app.state.server_info))\nSanic.serve_single()\n")
CASES["opt_serve_primary"] = as_file(SERVE + (
    "if __name__ == '__main__':\n"
    "    app.prepare(host='127.0.0.1', port=PORT)\n"
    "    Sanic.serve(primary=app)\n"))
CASES["opt_run_and_prepare"] = SERVE + (
    "app.prepare(host='127.0.0.1', port=PORT, single_process=True)\n"
    "app.run(host='127.0.0.1', port=PORT, single_process=True)\n")

# The command line: each option as a flag, the app in a module written for it
CLI = SERVE + r'''
import inspect, textwrap
src = open(__file__).read() if "__file__" in globals() else None
'''
CLI_FLAGS = {
    "plain": [],
    "dev": ["--dev"],
    "debug": ["--debug"],
    "single": ["--single-process"],
    "fast": ["--fast"],
    "workers2": ["--workers=2"],
    "access": ["--access-logs"],
    "no_access": ["--no-access-logs"],
    "noisy": ["--noisy-exceptions"],
    "no_motd": ["--no-motd"],
    "verbosity": ["-vv"],
    "tls": ["--tls", "TLSDIR"],
    "cert_key": ["--cert", "CERT", "--key", "KEY"],
    "unix": ["--unix", "UNIX"],
    "coffee": ["--coffee"],
    "http1": ["--http=1"],
}
APPMOD = r'''
import asyncio, os, ssl as _ssl
from sanic import Sanic, text
app = Sanic("CliOpt")
app.config.TOUCHUP = False
PORT = int(os.environ["PROBE_PORT"])
@app.get("/")
async def index(request):
    return text(f"scheme={request.scheme}")
@app.after_server_start
async def probe(app):
    st = app.state
    print("mode", st.mode, "debug", st.is_debug, "verbosity", st.verbosity, "fast", st.fast,
          "workers", st.workers, "unix", bool(st.unix), "ssl", st.ssl is not None, flush=True)
    c = app.config
    print("config", c.ACCESS_LOG, c.MOTD, c.NOISY_EXCEPTIONS, c.AUTO_RELOAD, flush=True)
    try:
        if st.unix:
            r, w = await asyncio.open_unix_connection(st.unix)
        else:
            ctx = None
            if st.ssl is not None:
                ctx = _ssl.create_default_context(); ctx.check_hostname = False
                ctx.verify_mode = _ssl.CERT_NONE
            r, w = await asyncio.open_connection("127.0.0.1", PORT, ssl=ctx)
        w.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = await asyncio.wait_for(r.read(), 5)
        w.close()
        print("reply", data.split(b"\r\n")[0].decode(), data.split(b"\r\n\r\n", 1)[-1].decode(), flush=True)
    except Exception as e:
        print("probe failed", type(e).__name__, flush=True)
    app.stop()
'''
for name, flags in CLI_FLAGS.items():
    CASES[f"cli_{name}"] = SERVE + f'''
with open(os.path.join(TMP, "cliapp.py"), "w") as f:
    f.write({APPMOD!r})
crt, key = certs()
os.makedirs(os.path.join(TMP, "tls"))
os.rename(crt, os.path.join(TMP, "tls", "fullchain.pem")); os.rename(key, os.path.join(TMP, "tls", "privkey.pem"))
repl = {{"TLSDIR": os.path.join(TMP, "tls"), "CERT": os.path.join(TMP, "tls", "fullchain.pem"),
        "KEY": os.path.join(TMP, "tls", "privkey.pem"), "UNIX": os.path.join(TMP, "s.sock")}}
flags = [repl.get(a, a) for a in {flags!r}]
env = dict(os.environ, PROBE_PORT=str(PORT), PYTHONPATH=TMP)
try:
    out = subprocess.run([sys.executable, "-m", "sanic", "cliapp:app", "--host=127.0.0.1",
                          f"--port={{PORT}}", *flags], capture_output=True, text=True,
                         timeout=30, env=env, cwd=TMP)
    print("exit", out.returncode)
    for line in out.stdout.splitlines():
        print("out", line)
    for line in out.stderr.splitlines():
        if "Error" in line or "error" in line:
            print("err", line[:200])
except subprocess.TimeoutExpired:
    print("cli timeout")
'''

# The 0.4 guide's old-style APIs and the 22.9 notes' items, through the test client
OLD = r'''
import json as _json, os, tempfile
from sanic import Sanic, Blueprint
from sanic.response import json, text, html, file, redirect
from sanic.exceptions import NotFound, ServerError, SanicException
app = Sanic("Old")
'''
CASES["old_args_get_getlist"] = OLD + '''
@app.get("/")
async def h(request):
    return json([request.args.get("a"), request.args.getlist("a"), request.args.get("zz", "d"),
                 request.args.getlist("zz", ["d"]), request.query_args, sorted(request.args)])
req(app, "/?a=1&a=2&b=&c")
'''
CASES["old_file_response"] = OLD + '''
d = tempfile.mkdtemp(); p = os.path.join(d, "f.txt"); open(p, "w").write("0123456789")
@app.get("/")
async def h(request):
    return await file(p, mime_type="text/x-mine", headers={"X-A": "1"}, filename="n.txt")
@app.get("/r")
async def r(request):
    return await file(p, _range=type("R", (), {"start": 2, "end": 5, "size": 4, "total": 10})())
r1 = req(app, "/")
print(sorted((k, v) for k, v in r1.headers.items() if k not in ("date", "last-modified")))
r2 = req(app, "/r")
print(r2.headers.get("content-range"))
'''
CASES["old_json_kwargs"] = OLD + '''
@app.get("/")
async def h(request):
    return json({"b": 1, "a": [1, 2]}, status=201, headers={"X-A": "1"}, indent=2, sort_keys=True)
r = req(app, "/")
print(r.headers.get("x-a"), r.body)
'''
CASES["old_html_obj"] = OLD + '''
class Page:
    def __html__(self):
        return "<b>p</b>"
class Repr:
    def _repr_html_(self):
        return "<i>r</i>"
@app.get("/")
async def h(request):
    return html(Page())
@app.get("/r")
async def r(request):
    return html(Repr())
req(app, "/"); req(app, "/r")
'''
CASES["old_bp_url_prefix_register_override"] = OLD + '''
bp = Blueprint("v1", url_prefix="/v1")
@bp.route("/")
async def root(request):
    return text(request.app.url_for("v1.post_handler", post_id=5))
@bp.route("/post/<post_id>")
async def post_handler(request, post_id):
    return text(f"Post {post_id}")
app.blueprint(bp, url_prefix="/v2")
req(app, "/v1/"); req(app, "/v2/"); req(app, "/v2"); req(app, "/v2/post/7")
print(sorted(r.path for r in app.router.routes))
'''
CASES["old_bp_listeners_loop"] = OLD + '''
bp = Blueprint("my_blueprint")
@bp.listener("before_server_start")
async def setup_connection(app, loop):
    print("bp before start", type(loop).__name__ != "NoneType")
@bp.listener("after_server_stop")
async def close_connection(app, loop):
    print("bp after stop")
@bp.route("/")
async def h(request):
    return text("ok")
app.blueprint(bp)
req(app, "/")
'''
CASES["old_middleware_return_request_obj"] = OLD + '''
@app.middleware("request")
async def m(request):
    return request
@app.get("/")
async def h(request):
    return text("handler")
req(app, "/")
'''
CASES["old_middleware_response_returns_none_vs_response"] = OLD + '''
@app.middleware("response")
async def a(request, response):
    response.headers["x-a"] = "1"
@app.middleware("response")
async def b(request, response):
    return text("from b")
@app.middleware("response")
async def c(request, response):
    response.headers["x-c"] = "1"
@app.get("/")
async def h(request):
    return text("handler")
r = req(app, "/")
print(r.headers.get("x-a"), r.headers.get("x-c"))
'''
CASES["old_exception_list_handler"] = OLD + '''
@app.exception([NotFound, ServerError])
def both(request, exception):
    return text(f"{type(exception).__name__} {exception}", status=exception.status_code)
@app.exception(SanicException)
def all_(request, exception):
    return text(f"all {type(exception).__name__}", status=299)
@app.get("/k")
def k(request):
    raise ServerError("bad")
@app.get("/t")
def t(request):
    raise SanicException("tea", status_code=418)
req(app, "/nowhere"); req(app, "/k"); req(app, "/t"); req(app, "/k", method="post")
'''
CASES["old_static_file_and_dir_kwargs"] = OLD + '''
d = tempfile.mkdtemp(); open(os.path.join(d, "a.txt"), "w").write("A" * 50)
app.static("/s", d, use_modified_since=False, use_content_range=True, stream_large_files=10,
           name="s1")
app.static("/one", os.path.join(d, "a.txt"), name="s2", content_type="text/x-one")
r = req(app, "/s/a.txt", headers={"Range": "bytes=0-9"})
print(r.headers.get("content-range"), r.headers.get("last-modified") is not None)
r = req(app, "/one")
print(app.url_for("static", name="s1", filename="a.txt"), app.url_for("static", name="s2"))
'''
CASES["old_cbv_decorators_order"] = OLD + '''
from sanic.views import HTTPMethodView
calls = []
def deco(tag):
    def outer(f):
        async def inner(*a, **k):
            calls.append(tag)
            r = f(*a, **k)
            return await r if hasattr(r, "__await__") else r
        return inner
    return outer
class V(HTTPMethodView):
    decorators = [deco("first"), deco("second")]
    def get(self, request, name):
        return text(name)
app.add_route(V.as_view(), "/<name>")
req(app, "/x"); print(calls)
'''
CASES["notes_is_safe_props"] = OLD + '''
@app.route("/", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
async def h(request):
    return text(f"{request.method} {request.is_safe} {request.is_idempotent} {request.is_cacheable}")
for m in ("get", "post", "put", "patch", "delete", "options"):
    req(app, "/", method=m)
'''
CASES["notes_priority_mixed"] = OLD + '''
order = []
@app.on_request
async def low(_):
    order.append("low")
@app.on_request(priority=10)
async def high(_):
    order.append("high")
@app.middleware("request", priority=5)
async def mid(_):
    order.append("mid")
@app.on_response(priority=10)
async def rhigh(_, __):
    order.append("rhigh")
@app.on_response
async def rlow(_, __):
    order.append("rlow")
@app.get("/")
async def h(request):
    return text("x")
req(app, "/"); print(order)
'''
CASES["notes_handler_signals"] = OLD + '''
seen = []
@app.signal("http.handler.before")
async def before(request):
    seen.append(("before", request.path))
@app.signal("http.handler.after")
async def after(request):
    seen.append(("after", request.path))
@app.on_response
async def resp(request, response):
    seen.append(("mw", request.path))
@app.get("/")
async def h(request):
    return text("x")
@app.get("/r")
async def r(request):
    await request.respond(text("y"))
req(app, "/"); req(app, "/r"); print(seen)
'''
