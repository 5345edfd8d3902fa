"""runopts scenarios about the server's life: prepare/serve, create_server, stop, signals."""

from __future__ import annotations

SERVE = ["ready", "GET /", "INT"]
MAIN = 'if __name__ == "__main__":\n'
H = 'host="127.0.0.1", port=PORT'

# create_server from the user's own loop; `steps` is the body of main() after the server exists
CS = """
import socket as _socket

def fetch(path, port=PORT):
    try:
        with _socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(f"GET {path} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n".encode())
            data = b""
            while True:
                b = s.recv(65536)
                if not b:
                    break
                data += b
            return data.split(b"\\r\\n")[0].decode() + " " + data.rpartition(b"\\r\\n\\r\\n")[2].decode()
    except OSError as e:
        return type(e).__name__

async def GET(path):
    ev("GET", path, await asyncio.get_running_loop().run_in_executor(None, fetch, path))

def st(label, app):
    s = app.state
    ev(label, "started", s.is_started, "running", s.is_running, "stopping", s.is_stopping,
       "stage", getattr(s, "stage", "-"), "server", s.server, "host", s.host, "port", s.port,
       "workers", s.workers)

app = make_app()

async def main():
    st("before create_server", app)
    server = await app.create_server(host="127.0.0.1", port=PORT, return_asyncio_server=True)
    ev("type", type(server).__name__, "serving", server.is_serving())
    st("created", app)
{steps}

try:
    asyncio.run(main())
except BaseException as e:
    ev("main raised", type(e).__name__, e)
    raise
ev("end")
"""

FULL = """
    await server.startup()
    st("after startup", app)
    ev("serving", server.is_serving())
    await server.before_start()
    ev("serving", server.is_serving())
    await server.after_start()
    ev("serving", server.is_serving())
    st("after after_start", app)
    await GET("/")
"""
CLOSE = """
    await server.before_stop()
    server.close()
    await server.wait_closed()
    ev("serving", server.is_serving())
    await server.after_stop()
    st("closed", app)
    await GET("/")
"""


def cs(steps: str, action: list[str] | None = None) -> tuple[str, list[str]]:
    return CS.replace("{steps}", steps), action or []


def app_run(body: str, args: str, action: list[str]) -> tuple[str, list[str]]:
    return f"app = make_app()\n{body}\n{MAIN}    app.run({args})\n    ev('after run')\n", action


STOP_TASK = """
async def stopper(app):
    await asyncio.sleep(0.5)
    ev("task stops")
    app.stop()
@app.after_server_start
async def add(app):
    app.add_task(stopper(app))
"""
STOP_IN = """
@app.{event}
async def stop_it(app):
    ev("stop in {event}")
    app.stop()
"""
EXIT_IN = """
@app.{event}
async def exit_it(app):
    ev("exit in {event}")
    sys.exit(3)
"""
GET_APP = """
from sanic.exceptions import SanicException
def show(label):
    try:
        ev(label, Sanic.get_app().name)
    except Exception as e:
        ev(label, type(e).__name__, e)
    try:
        ev(label, "named", Sanic.get_app("nope"))
    except Exception as e:
        ev(label, "named", type(e).__name__, e)
show("module")
@app.after_server_start
async def in_worker(app):
    show("after_server_start")
"""
TWICE = """
@app.after_server_start
async def stop_soon(app):
    async def later():
        await asyncio.sleep(0.3)
        app.stop()
    app.add_task(later())
if __name__ == "__main__":
    app.run({args})
    ev("first run over", app.state.stage if hasattr(app.state, "stage") else "-")
    try:
        app.run({args})
    except BaseException as e:
        ev("second run raised", type(e).__name__, e)
        raise
    ev("second run over")
"""

S = H + ", single_process=True"
LIFE: dict[str, tuple[str, list[str]]] = {
    "serve_prepare_one": (f"app = make_app()\n{MAIN}    app.prepare({H})\n    Sanic.serve()\n", SERVE),
    "serve_prepare_one_single": (f"app = make_app()\n{MAIN}    app.prepare({S})\n    Sanic.serve()\n", SERVE),
    "serve_primary": (f"app = make_app()\n{MAIN}    app.prepare({H})\n    Sanic.serve(primary=app)\n", SERVE),
    "serve_two": (f"app = make_app()\nb = make_app('B')\n{MAIN}    app.prepare({H})\n"
                  "    b.prepare(host='127.0.0.1', port=PORT2)\n    Sanic.serve(primary=app)\n",
                  ["ready2", "GET /", "GET /@2", "INT"]),
    "serve_two_term": (f"app = make_app()\nb = make_app('B')\n{MAIN}    app.prepare({H})\n"
                       "    b.prepare(host='127.0.0.1', port=PORT2)\n    Sanic.serve()\n",
                       ["ready2", "GET /", "TERM"]),
    "serve_single": (f"app = make_app()\n{MAIN}    app.prepare({H})\n    Sanic.serve_single()\n", SERVE),
    "serve_single_primary": (f"app = make_app()\n{MAIN}    app.prepare({S})\n    Sanic.serve_single(app)\n",
                             ["ready", "GET /", "TERM"]),
    "serve_single_stop": (f"app = make_app()\n{MAIN}    app.prepare({H})\n    Sanic.serve_single()\n",
                          ["ready", "GET /stop", "sleep1"]),
    "cs_full": cs(FULL + CLOSE),
    "cs_start_serving_only": cs("""
    await server.startup()
    await server.start_serving()
    ev("serving", server.is_serving())
    st("start_serving", app)
    await GET("/")
    server.close()
    await server.wait_closed()
    ev("serving", server.is_serving())
    st("closed", app)
"""),
    "cs_after_start_not_awaited": cs("""
    await server.startup()
    r = server.after_start()
    ev("after_start returned", type(r).__name__)
    await asyncio.sleep(0.3)
    ev("serving", server.is_serving())
    await GET("/")
    server.close()
    await server.wait_closed()
"""),
    "cs_serve_forever_stop_handler": cs(FULL + """
    forever = asyncio.ensure_future(server.serve_forever())
    await GET("/stop")
    await asyncio.sleep(0.5)
    ev("forever done", forever.done(), "serving", server.is_serving())
    st("after stop", app)
    forever.cancel()
""" + CLOSE),
    "cs_serve_forever_ctrlc": cs(FULL + """
    await server.serve_forever()
"""[:-1], ["ready", "CTRLC"]),
    "cs_serve_forever_term": cs(FULL + """
    await server.serve_forever()
"""[:-1], ["ready", "TERM"]),
    "cs_app_attrs": cs(FULL + """
    for name in ("is_running", "is_stopping", "m"):
        try:
            ev("app." + name, getattr(app, name))
        except Exception as e:
            ev("app." + name, type(e).__name__)
    ev("get_app", Sanic.get_app().name)
    ev("loop is running loop", app.loop is asyncio.get_running_loop())
""" + CLOSE),
    "cs_stop_from_main": cs(FULL + """
    try:
        app.stop()
        ev("app.stop() returned")
    except BaseException as e:
        ev("app.stop() raised", type(e).__name__, e)
    await asyncio.sleep(0.3)
    ev("serving", server.is_serving())
""" + CLOSE),
    "cs_twice_startup": cs("""
    await server.startup()
    try:
        await server.startup()
        ev("second startup ok")
    except Exception as e:
        ev("second startup", type(e).__name__, e)
    await server.after_start()
    await GET("/")
    server.close()
    await server.wait_closed()
"""),
    "stop_handler_single": app_run("", S, ["ready", "GET /stop", "sleep1", "GET /"]),
    "stop_handler_w1": app_run("", H, ["ready", "GET /stop", "sleep2", "GET /"]),
    "stop_handler_w2": app_run("", H + ", workers=2", ["ready2", "GET /stop", "sleep2", "GET /"]),
    "stop_handler_serve_two": (f"app = make_app()\nb = make_app('B')\n{MAIN}    app.prepare({H})\n"
                               "    b.prepare(host='127.0.0.1', port=PORT2)\n    Sanic.serve()\n",
                               ["ready2", "GET /stop@2", "sleep2", "GET /"]),
    "stop_task_single": app_run(STOP_TASK, S, ["sleep8"]),
    "stop_task_w1": app_run(STOP_TASK, H, ["sleep10"]),
    "stop_listener_before_single": app_run(STOP_IN.format(event="before_server_start"), S, ["sleep8"]),
    "stop_listener_after_single": app_run(STOP_IN.format(event="after_server_start"), S, ["sleep8"]),
    "stop_listener_after_w1": app_run(STOP_IN.format(event="after_server_start"), H, ["sleep10"]),
    "stop_listener_main_ready": app_run(STOP_IN.format(event="main_process_ready"), H, ["sleep10", "INT"]),
    "stop_listener_before_stop": app_run(STOP_IN.format(event="before_server_stop"), S, ["ready", "INT"]),
    "stop_before_run": app_run("app.stop()\nev('stopped before run')", S, ["ready", "INT"]),
    "exit_before_start_single": app_run(EXIT_IN.format(event="before_server_start"), S, ["sleep8"]),
    "exit_before_start_w1": app_run(EXIT_IN.format(event="before_server_start"), H, ["sleep10"]),
    "exit_main_start": app_run(EXIT_IN.format(event="main_process_start"), H, ["sleep8"]),
    "get_app_single": app_run(GET_APP, S, SERVE),
    "get_app_w1": app_run(GET_APP, H, SERVE),
    "get_app_two_apps": app_run(GET_APP + "b = make_app('B')", S, SERVE),
    "twice_single": ("app = make_app()\n" + TWICE.format(args=S), ["sleep12"]),
    "twice_w1": ("app = make_app()\n" + TWICE.format(args=H), ["sleep16"]),
    "sig_single_int": app_run("", S, ["ready", "INT"]),
    "sig_single_ctrlc": app_run("", S, ["ready", "CTRLC"]),
    "sig_single_term": app_run("", S, ["ready", "TERM"]),
    "sig_w1_int": app_run("", H, ["ready", "INT"]),
    "sig_w1_ctrlc": app_run("", H, ["ready", "CTRLC"]),
    "sig_w1_term": app_run("", H, ["ready", "TERM"]),
    "sig_w2_ctrlc": app_run("", H + ", workers=2", ["ready2", "CTRLC"]),
    "sig_w2_term": app_run("", H + ", workers=2", ["ready2", "TERM"]),
    "sig_single_twice_int": app_run(
        "@app.before_server_stop\nasync def slow(app):\n    ev('slow stop')\n    await asyncio.sleep(3)\n    ev('slow stop done')",
        S, ["ready", "INT", "sleep1.2", "INT"]),
    "sig_w1_twice_int": app_run(
        "@app.before_server_stop\nasync def slow(app):\n    ev('slow stop')\n    await asyncio.sleep(3)\n    ev('slow stop done')",
        H, ["ready", "INT", "sleep1.2", "INT"]),
    "kbi_in_handler_single": app_run(
        "@app.get('/kbi')\nasync def kbi(r):\n    raise KeyboardInterrupt", S, ["ready", "GET /kbi", "sleep1", "GET /", "INT"]),
    "kbi_in_listener_single": app_run(
        "@app.after_server_start\nasync def kbi(app):\n    raise KeyboardInterrupt", S, ["sleep6", "INT"]),
}

CS_BAD = """
async def main():
    try:
        server = await app.create_server({args})
        ev("created", type(server).__name__)
        await server.startup()
        await server.after_start()
        ev("serving", server.is_serving())
        server.close()
        await server.wait_closed()
    except Exception as e:
        ev("raised", type(e).__name__, e)
app = make_app()
asyncio.run(main())
"""
for name, args in {
    "port_str": 'host="127.0.0.1", port="abc"',
    "port_float": 'host="127.0.0.1", port=8000.5',
    "port_neg": 'host="127.0.0.1", port=-1',
    "host_int": "host=123, port=PORT",
    "port_taken": "host='127.0.0.1', port=PORT2",
    "ssl_missing": 'host="127.0.0.1", port=PORT, ssl="/nonexistent/dir"',
    "unix_dir": 'unix="/nonexistent/dir/s.sock"',
    "protocol_str": 'host="127.0.0.1", port=PORT, protocol="x"',
    "backlog_str": 'host="127.0.0.1", port=PORT, backlog="x"',
    "asyncio_kwargs_bad": 'host="127.0.0.1", port=PORT, asyncio_server_kwargs={"bogus": 1}',
}.items():
    pre = "import socket; _sk = socket.socket(); _sk.bind(('127.0.0.1', PORT2)); _sk.listen()\n"
    LIFE[f"csbad_{name}"] = ((pre if name == "port_taken" else "") + CS_BAD.replace("{args}", args), [])

LIFE.update({
    "misc_run_inside_loop": ("app = make_app()\nasync def main():\n    app.run(" + S + ")\n"
                             f"{MAIN}    asyncio.run(main())\n", ["ready", "GET /", "INT"]),
    "misc_prepare_then_run": (f"app = make_app()\n{MAIN}    app.prepare(host='127.0.0.1', port=PORT2)\n"
                              f"    app.run({H})\n", ["ready", "GET /", "GET /@2", "INT"]),
    "misc_serve_after_run": (f"app = make_app()\n{STOP_TASK}\n{MAIN}    app.run({S})\n"
                             "    try:\n        Sanic.serve()\n    except BaseException as e:\n"
                             "        ev('serve raised', type(e).__name__, e)\n", ["sleep8"]),
    "misc_stop_unregister": ("app = make_app()\n@app.get('/unreg')\nasync def unreg(r):\n"
                             "    r.app.stop(unregister=True)\n    return text('bye')\n"
                             f"{MAIN}    app.run({S})\n    try:\n        ev('get_app', Sanic.get_app('A').name)\n"
                             "    except Exception as e:\n        ev('get_app', type(e).__name__)\n",
                             ["ready", "GET /unreg", "sleep1"]),
    "misc_stop_terminate_false_w1": ("app = make_app()\n@app.get('/soft')\nasync def soft(r):\n"
                                     "    r.app.stop(terminate=False)\n    return text('soft')\n"
                                     f"{MAIN}    app.run({H})\n", ["ready", "GET /soft", "sleep3", "GET /", "INT"]),
})

KBI_IN = """
@app.{event}
async def kbi_it(app):
    ev("kbi in {event}")
    raise KeyboardInterrupt
"""
W = H + ", workers=1"
LIFE.update({
    "more_protocol_str_w1": app_run("", H + ', protocol="x"', ["sleep6", "INT"]),
    "more_kbi_main_start": app_run(KBI_IN.format(event="main_process_start"), W, ["sleep8"]),
    "more_kbi_main_ready": app_run(KBI_IN.format(event="main_process_ready"), W, ["sleep8"]),
    "more_exit0_main_ready": app_run(EXIT_IN.format(event="main_process_ready").replace("sys.exit(3)", "sys.exit(0)"),
                                     W, ["sleep8"]),
    "more_raise_before_stop_single": app_run(
        "@app.before_server_stop\nasync def boom(app):\n    raise RuntimeError('boom in stop')", S, ["ready", "INT"]),
    "more_raise_after_stop_w1": app_run(
        "@app.after_server_stop\nasync def boom(app):\n    raise RuntimeError('boom in stop')", W, ["ready", "INT"]),
    "more_no_sys_signals_term": app_run("", S + ", register_sys_signals=False", ["ready", "TERM"]),
    "more_serve_single_no_signals_term": (f"app = make_app()\n{MAIN}    app.prepare({S}, register_sys_signals=False)\n"
                                          "    Sanic.serve_single()\n", ["ready", "TERM"]),
    "more_stop_task_w2": app_run(STOP_TASK, H + ", workers=2", ["sleep12"]),
    "more_motd_false_w2": app_run("", H + ", workers=2, motd=False, verbosity=2", ["ready2", "GET /", "INT"]),
    "more_access_log_w1": app_run("", W + ", access_log=True", ["ready", "GET /", "INT"]),
    "more_debug_w1": app_run("", W + ", debug=True", ["ready", "GET /nope", "INT"]),
    "more_stop_main_start": app_run(STOP_IN.format(event="main_process_start"), W, ["sleep8", "INT"]),
    "more_stop_after_stop_listener": app_run(STOP_IN.format(event="after_server_stop"), S, ["ready", "INT"]),
    "more_get_app_after_run": app_run(STOP_TASK, S, ["sleep8"]),
})
LIFE["more_get_app_after_run"] = (
    LIFE["more_get_app_after_run"][0] + "    ev('get_app after', Sanic.get_app().name, Sanic.get_app('A') is app)\n",
    ["sleep8"])
