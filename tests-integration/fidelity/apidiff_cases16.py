"""Sixteenth-round areas for ``apidiff.py``: public names no earlier area called.

Each case is a list of ``calls`` run in order on fresh objects; the worker answers one
result (or exception) per call, so the driver reports the first calls that differ.

``wstate16``: ``sanic.worker.state.WorkerState`` as a mapping over a plain dict of
workers: reads, writes and deletes of plain and restricted keys, ``update`` in every form,
``pop``/``popitem``/``clear``/``setdefault``, ``full()``, ``len``, ``in``, ``==``, a state
for a worker name the dict does not hold; the dict is shown after every call.

``mw_obj16``: ``sanic.middleware.Middleware`` objects made by hand (functions sync, async,
lambdas, partials, non-callables; locations as members, strings, ints; priorities of every
type): ``repr``, ``order``, ``definition``, ``==``, ``hash``, calling one, ``convert``
of lists of functions and middleware, ``reset_count``.

``startup16``: an app's start-up helpers outside a run: ``get_address``,
``get_server_location``, ``serve_location`` after ``app.state`` was set, ``get_motd_data``,
``should_auto_reload``, ``start_method``, ``enable_websocket``, ``repl_ctx.add``,
``refresh``, ``state.set_mode``/``set_verbosity`` and ``state.mode``/``verbosity``
assigned.

``daemon16``: ``sanic.worker.daemon``: ``Daemon(...)`` with generated paths, users,
groups and names, ``validate()``, ``get_pidfile_path``, ``read_pidfile`` and
``read_pidfile_info`` of generated files, ``PidfileInfo``, ``DaemonError`` (nothing is
daemonized and no privilege dropped).

``loader16``: ``sanic.worker.loader.AppLoader`` over modules written for the case (an app,
a factory with and without arguments, a non-app, a module that fails) with every form of
``module_input``, ``as_factory``, ``as_simple``, ``args`` and ``factory=``; ``CertLoader``
with bad ``ssl_data``.

``trigger16``: ``sanic.server.events.trigger_events`` over listeners of every signature
(sync, async, taking the app, the loop, keywords, raising), and the process listener
decorators (``main_process_ready``, ``main_process_stop``, ``reload_process_start`` and
``_stop``, ``before_reload_trigger``, ``after_reload_trigger``) used every way, with the
``ListenerEvent`` members and strings given to ``register_listener``.

``view16``: ``HTTPMethodView.dispatch_request`` called directly and through ``as_view()``
with requests made by hand of every method, handlers sync and async, positional and
keyword arguments.

``consts16``: the enums and constants of the modules above (``ListenerEvent``, ``Event``,
``ProcessState``, ``RestartOrder``, ``MonitorCycle``, ``Colors``, the worker and manager
thresholds and names, ``Router.ALLOWED_METHODS``, the cookie constants, ``DEFAULT_CONFIG``
...) and ``generate_name`` on apps and blueprints of every kind of object.

``async_srv16``: ``app.create_server(..., return_asyncio_server=True)`` on a loopback port
and the ``AsyncioServer``'s ``startup``, ``before_start``, ``after_start``, ``is_serving``,
``start_serving``, ``before_stop``, ``close``, ``wait_closed``, ``after_stop`` in order or
not, with requests between them (which listeners ran, what a request got).

``asgi_tr16``: under ``asgi_client``, a handler reading ``request.transport``
(``get_extra_info`` of every name, with a default, ``get_protocol``, ``is_closing``,
``get_websocket_connection``), ``request.protocol``, ``conn_info.lost`` and
``request.stream.request_max_size``.

Generators (``GENERATORS16``) are run by the driver; the worker's operations (``Ops16``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

WS_KEYS = ["x", "y", "pid", "state", "health", "requests", "server", "start_at"]
WS_KEYS += ["restart_at", "starts", "serving", "restarts", "exitcode", "last_exit", "", "X"]
WS_VALUES = [1, "s", None, [1, 2], {"a": 1}, True, 0]


# Restricted in Hurtle only (its manager writes them; listed before): written by a step,
# Sanic's dict would differ from Hurtle's for the rest of the case, so only read or deleted.
WS_HURTLE_ONLY = ["serving", "restarts", "exitcode", "last_exit"]
WS_WRITE_KEYS = [k for k in WS_KEYS if k not in WS_HURTLE_ONLY]


def gen_wstate16(rng):
    calls = []
    for _ in range(rng.randint(1, 6)):
        k = rng.choice(WS_KEYS)
        v = rng.choice(WS_VALUES)
        kind = rng.choice(
            ["get", "get", "set", "set", "set", "del", "update", "update_kw", "update_iter",
             "update_bad", "pop", "popitem", "clear", "setdefault", "full", "len", "iter", "in",
             "eq", "getdefault", "keys", "items", "values", "repr", "bool"]
        )
        if kind in ("set", "setdefault") and k in WS_HURTLE_ONLY:
            k = "x"
        if kind == "update":
            calls.append([kind, {rng.choice(WS_WRITE_KEYS): v for _ in range(rng.randint(0, 3))}])
        elif kind == "update_kw":
            calls.append([kind, {rng.choice(["x", "y", "pid", "z"]): v}])
        elif kind == "update_iter":
            calls.append([kind, [[rng.choice(WS_KEYS), v] for _ in range(rng.randint(0, 2))]])
        elif kind == "update_bad":
            calls.append([kind, rng.choice([5, "ab", [1, 2], None])])
        elif kind == "pop":
            calls.append([kind, rng.choice([[], [k], [k, "d"]])])
        elif kind == "eq":
            calls.append([kind, rng.choice([{}, {"pid": 1}, {"pid": 1, "state": "STARTED"}])])
        else:
            calls.append([kind, k, v])
    return {
        "name": rng.choice(["Srv-0", "Srv-0", "Srv-1", "Nope"]),
        "start": rng.choice([{}, {"pid": 1, "state": "STARTED"}, {"x": 5}]),
        "calls": calls,
    }


MW_FUNCS = ["sync", "sync", "async", "lambda", "partial", "cls"]
MW_BAD_FUNCS = ["int", "none", "str"]
MW_LOCS = ["REQUEST", "RESPONSE", "REQUEST"]
MW_BAD_LOCS = ["req", "request", 1, 2, None]
MW_PRIOS = [0, 0, 5, -3, 2.5, True, "omit"]
MW_BAD_PRIOS = ["1", None, [1]]


def gen_mw_obj16(rng):
    n = rng.randint(1, 4)
    calls = []
    for i in range(n):
        calls.append(["make", i, rng.choice(MW_FUNCS), rng.choice(MW_LOCS), rng.choice(MW_PRIOS)])
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(
            ["repr", "order", "attrs", "eq", "hash", "call", "convert", "reset", "set", "sort",
             "try_make", "try_make"]
        )
        i, j = rng.randrange(n), rng.randrange(n)
        if kind == "try_make":
            bad = rng.choice(["func", "loc", "prio"])
            calls.append([
                kind, "x",
                rng.choice(MW_BAD_FUNCS if bad == "func" else MW_FUNCS),
                rng.choice(MW_BAD_LOCS if bad == "loc" else MW_LOCS),
                rng.choice(MW_BAD_PRIOS if bad == "prio" else MW_PRIOS),
            ])
        elif kind == "convert":
            lists = [
                [rng.choice([f"m{rng.randrange(n)}", "fn", "afn", "int"]) for _ in range(2)]
                for _ in range(rng.randint(0, 2))
            ]
            calls.append([kind, lists, rng.choice(MW_LOCS + MW_BAD_LOCS[:1])])
        else:
            calls.append([kind, i, j])
    return {"calls": calls}


HOSTS = [None, "127.0.0.1", "::1", "localhost", "0.0.0.0", "", "::", "example.com"]
PORTS = [None, 0, 80, 443, 8000, "80", -1]


def _settings(rng):
    s = {}
    for k, pool in (
        ("host", HOSTS),
        ("port", PORTS),
        ("ssl", [None, True, {"cert": "c"}]),
        ("unix", [None, "/tmp/x16.sock", ""]),
        ("version", [1, 3]),
    ):
        if rng.random() < 0.6:
            s[k] = rng.choice(pool)
    return s


def gen_startup16(rng):
    calls = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(
            ["address", "address", "location", "location", "serve_location", "motd",
             "auto_reload", "start_method", "ws", "repl", "refresh", "set_mode",
             "set_verbosity", "mode", "verbosity"]
        )
        if kind == "address":
            calls.append(
                [kind, rng.choice(HOSTS), rng.choice(PORTS), rng.choice([1, 3, "1", "3", 2, None]),
                 rng.choice([False, True])]
            )
        elif kind in ("location", "serve_location"):
            calls.append([kind, _settings(rng) if rng.random() < 0.9 else None])
        elif kind == "motd":
            calls.append([kind, _settings(rng) if rng.random() < 0.7 else None,
                          rng.choice([None, {"a": "b"}, {"x": 1}])])
        elif kind == "ws":
            calls.append([kind, rng.choice(["omit", True, False, None, "x", 0])])
        elif kind == "repl":
            calls.append(
                [kind, rng.choice(["v", 5, "fn", None]), rng.choice(["omit", None, "nm", "", 5]),
                 rng.choice(["omit", None, "d", "a long description " * 4, 3])]
            )
        elif kind == "refresh":
            calls.append([kind, rng.choice(["omit", None, {}, {"config": {"A16": 1}},
                                            {"ctx": {"q": 1}}, {"x": 1}, 5])])
        elif kind == "set_mode":
            calls.append([kind, rng.choice(["debug", "production", "DEBUG", "nope", 1, None])])
        elif kind == "mode":
            calls.append([rng.choice(["mode", "mode", "mode_bad"]),
                          rng.choice(["debug", "production", "DEBUG", "nope", 1, None])])
        else:
            calls.append([kind, rng.choice([0, 1, 2, -1, "x", None, 1.5])])
    return {"calls": calls}


D_PATHS = ["DIR/a.pid", "DIR/missing/a.pid", "a.pid", "", "DIR", "DIR/sub/x.log", None]
D_USERS = [None, None, "root", "nobody", "nosuchuser16", "0", ""]
D_GROUPS = [None, None, "root", "nogroup", "nosuchgroup16", "0", ""]
D_NAMES = [None, "app", "", "a b", "a/b", "..", "x" * 40]
D_CONTENT = ["123\n", "123", "  42 \n", "", "abc", "-5", "0", "99999999999999999999",
             '{"pid": 7}', '{"pid": 7, "started": 1.5, "name": "a"}', '{"pid": "x"}',
             "[1]", "12\nname\n", "7 8", None, "\x00"]


def gen_daemon16(rng):
    calls = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["make", "make", "pidpath", "read", "read_info", "info_obj", "err"])
        if kind == "make":
            kw = {}
            for k, pool in (
                ("pidfile", D_PATHS), ("logfile", D_PATHS), ("user", D_USERS),
                ("group", D_GROUPS), ("name", D_NAMES), ("lockfile", D_PATHS),
            ):
                if rng.random() < 0.4:
                    kw[k] = rng.choice(pool)
            calls.append([kind, kw, rng.choice([True, True, False])])
        elif kind == "pidpath":
            calls.append([kind, rng.choice(D_NAMES + [5])])
        elif kind in ("read", "read_info"):
            calls.append([kind, rng.choice(D_CONTENT), rng.choice(["str", "str", "path"])])
        elif kind == "info_obj":
            calls.append([kind, rng.choice([[1], [1, 2.5], [1, 2.5, "n"], [], ["x", None, None]])])
        else:
            calls.append([kind, rng.choice([[], ["boom"], ["a", "b"]])])
    return {"calls": calls}


L_SOURCES = ["app", "app", "factory", "factory_args", "notapp", "raises", "syntax", "nested"]
L_INPUTS = ["{m}:app", "{m}.app", "{m}:create_app", "{m}:create_app()", "{m}", "{m}:nothere",
            "{m}:", ":app", "{m}:inner.app", "DIR", "DIR/{m}.py:app", "{m}:notapp", ""]


def gen_loader16(rng):
    calls = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["load", "load", "load", "factory", "cert"])
        if kind == "load":
            calls.append(
                [kind, rng.choice(L_SOURCES), rng.choice(L_INPUTS), rng.choice([False, False, True]),
                 rng.choice([False, False, True]), rng.choice([None, None, "a", ["x"]])]
            )
        elif kind == "factory":
            calls.append([kind, rng.choice(["app", "none", "int", "raises"])])
        else:
            calls.append(
                [kind, rng.choice([None, {}, {"cert": "/nope16", "key": "/nope16"}, {"cert": "/x"},
                                   {"creator": "nope"}, "str", 5])]
            )
    return {"uid": rng.randrange(10**9), "calls": calls}


T_KINDS = ["none", "app", "app_loop", "app_loop_x", "kw", "async_app", "async_none",
           "async_loop", "raises", "async_raises", "int", "returns"]
T_EVENTS = ["main_process_ready", "main_process_stop", "main_process_start",
            "reload_process_start", "reload_process_stop", "before_reload_trigger",
            "after_reload_trigger", "before_server_start", "after_server_stop"]


def gen_trigger16(rng):
    calls = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["trigger", "trigger", "decorate", "register"])
        if kind == "trigger":
            calls.append(
                [kind, rng.choice([None, []] + [[rng.choice(T_KINDS) for _ in range(3)]] * 4),
                 rng.choice([True, True, False]), rng.choice([{}, {}, {"extra": 1}])]
            )
        elif kind == "decorate":
            calls.append(
                [kind, rng.choice(T_EVENTS), rng.choice(["bare", "call", "fn", "prio", "bad"]),
                 rng.choice(T_KINDS[:6])]
            )
        else:
            calls.append(
                [kind, rng.choice(["member", "str", "upper", "bad", "signal"]),
                 rng.choice(T_EVENTS + ["server.init.before", "nope"])]
            )
    return {"calls": calls}


V_METHODS = ["GET", "POST", "PUT", "HEAD", "OPTIONS", "PATCH", "DELETE", "get", "FOO"]


def gen_view16(rng):
    calls = []
    for _ in range(rng.randint(1, 4)):
        calls.append(
            [rng.choice(["direct", "direct", "as_view", "as_view_args"]), rng.choice(V_METHODS),
             rng.choice([[], [1], ["a", 2]]), rng.choice([{}, {"x": 1}, {"request": 2}])]
        )
    return {
        "handlers": rng.sample(["get", "post", "put", "head", "options", "patch", "delete"],
                               rng.randint(0, 3)),
        "style": rng.choice(["sync", "async", "raise", "returns_none"]),
        "calls": calls,
    }


C_ENUMS = ["sanic.mixins.listeners.ListenerEvent", "sanic.signals.Event",
           "sanic.worker.constants.ProcessState", "sanic.worker.constants.RestartOrder",
           "sanic.worker.manager.MonitorCycle", "sanic.log.Colors", "sanic.constants.HTTPMethod",
           "sanic.constants.LocalCertCreator", "sanic.application.constants.Mode",
           "sanic.application.constants.Server", "sanic.application.constants.ServerStage",
           "sanic.http.constants.HTTP", "sanic.middleware.MiddlewareLocation"]
C_CONSTS = ["sanic.worker.process.WorkerProcess.THRESHOLD",
            "sanic.worker.process.WorkerProcess.SERVER_LABEL",
            "sanic.worker.process.WorkerProcess.SERVER_IDENTIFIER",
            "sanic.worker.process.Worker.WORKER_PREFIX", "sanic.worker.manager.WorkerManager.THRESHOLD",
            "sanic.worker.manager.WorkerManager.MAIN_NAME", "sanic.worker.reloader.Reloader.INTERVAL",
            "sanic.router.Router.DEFAULT_METHOD", "sanic.router.Router.ALLOWED_METHODS",
            "sanic.config.SANIC_PREFIX", "sanic.config.DEFAULT_FORMAT",
            "sanic.cookies.response.SAMESITE_VALUES", "sanic.cookies.response.DEFAULT_MAX_AGE",
            "sanic.cookies.response.LEGAL_CHARS", "sanic.cookies.response.UNESCAPED_CHARS",
            "sanic.mixins.startup.StartupMixin.START_METHOD_SET", "sanic.worker.loader.DEFAULT_APP_NAME",
            "sanic.compat.OS_IS_WINDOWS", "sanic.compat.PYPY_IMPLEMENTATION",
            "sanic.compat.PYTHON_314_OR_LATER", "sanic.mixins.routes.RESPONSE_MAPPING",
            "sanic.server.protocols.websocket_protocol.OPEN",
            "sanic.server.protocols.websocket_protocol.CLOSED",
            "sanic.server.protocols.websocket_protocol.CLOSING", "sanic.config.DEFAULT_CONFIG"]
C_NAMES = ["x", "fn", "bp", 5, None, "", "a.b", "app", "cls", "lambda", "partial", "view"]


def gen_consts16(rng):
    calls = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["enum", "const", "const", "gen_name", "gen_name"])
        if kind == "enum":
            calls.append([kind, rng.choice(C_ENUMS)])
        elif kind == "const":
            calls.append([kind, rng.choice(C_CONSTS)])
        else:
            calls.append([kind, rng.choice(["app", "bp"]),
                          [rng.choice(C_NAMES) for _ in range(rng.randint(0, 2))]])
    return {"calls": calls}


TR_INFO = ["peername", "sockname", "socket", "sslcontext", "ssl_object", "nope", "client",
           "server", "compression", "cipher", "peercert"]


def gen_asgi_tr16(rng):
    calls = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(["info", "info", "info_default", "protocol", "conn", "stream",
                           "ws_conn", "closing"])
        calls.append([kind, rng.choice(TR_INFO), rng.choice([None, "D", 0])])
    return {
        "scheme": rng.choice(["http", "http", "https"]),
        "client": rng.choice([None, ["10.0.0.1", 5000], ["::1", 1]]),
        "method": rng.choice(["GET", "POST"]),
        "calls": calls,
    }


SRV_STEPS = ["is_serving", "startup", "before_start", "after_start", "get", "before_stop",
             "close", "wait_closed", "after_stop", "start_serving"]
SRV_ORDER = ["startup", "before_start", "after_start", "get", "is_serving", "before_stop",
             "close", "wait_closed", "after_stop", "get", "is_serving"]


def gen_async_srv16(rng):
    if rng.random() < 0.4:
        steps = [x for x in SRV_ORDER if rng.random() < 0.85]
    else:
        steps = [rng.choice(SRV_STEPS) for _ in range(rng.randint(1, 7))]
    return {
        "kwargs": rng.choice([None, None, {"start_serving": False}]),
        "calls": steps,
    }


GENERATORS16 = {
    "wstate16": gen_wstate16,
    "mw_obj16": gen_mw_obj16,
    "startup16": gen_startup16,
    "daemon16": gen_daemon16,
    "loader16": gen_loader16,
    "trigger16": gen_trigger16,
    "view16": gen_view16,
    "consts16": gen_consts16,
    "asgi_tr16": gen_asgi_tr16,
    "async_srv16": gen_async_srv16,
}
SLOW16: dict[str, float] = {"loader16": 0.5, "async_srv16": 0.1}


# ------------------------------------------------------------------------- worker side


def _exc16(e):
    return {"exc": [c.__name__ for c in type(e).__mro__], "msg": str(e)}


def _pic16(v, depth=0):
    """A picture of a value with the names of its container types and objects."""
    if depth > 4:
        return "..."
    if v is None or isinstance(v, (bool, int, float, str)):
        return v if not isinstance(v, float) else {"float": repr(v)}
    if isinstance(v, bytes):
        return {"bytes": v.decode("latin-1")}
    if isinstance(v, dict):
        return {"type": type(v).__name__,
                "items": sorted(([str(k), _pic16(x, depth + 1)] for k, x in v.items()), key=str)}
    if isinstance(v, (list, tuple, set, frozenset)):
        items = [_pic16(x, depth + 1) for x in v]
        if isinstance(v, (set, frozenset)):
            items = sorted(items, key=str)
        return {"type": type(v).__name__, "items": items}
    return {"obj": type(v).__name__}


def _steps(calls, fn):
    out = []
    for c in calls:
        try:
            out.append(fn(c))
        except Exception as e:
            out.append(_exc16(e))
    return out


class Ops16:
    # -------------------------------------------------------------------- wstate16
    def op_wstate16(self, a):
        from sanic.worker.state import WorkerState

        st = {"Srv-0": dict(a["start"]), "Srv-1": {"pid": 2, "y": 1}}
        ws = WorkerState(st, a["name"])

        def snap():
            return _pic16(st)

        def step(c):
            kind = c[0]
            if kind == "get":
                r = ws[c[1]]
            elif kind == "set":
                ws[c[1]] = c[2]
                r = None
            elif kind == "del":
                del ws[c[1]]
                r = None
            elif kind == "update":
                r = ws.update(c[1])
            elif kind == "update_kw":
                r = ws.update(**c[1])
            elif kind == "update_iter":
                r = ws.update([tuple(p) for p in c[1]])
            elif kind == "update_bad":
                r = ws.update(c[1])
            elif kind == "pop":
                r = ws.pop(*c[1])
            elif kind == "popitem":
                r = ws.popitem()
            elif kind == "clear":
                r = ws.clear()
            elif kind == "setdefault":
                r = ws.setdefault(c[1], c[2])
            elif kind == "full":
                r = ws.full()
            elif kind == "len":
                r = len(ws)
            elif kind == "iter":
                r = sorted(ws, key=str)
            elif kind == "in":
                r = c[1] in ws
            elif kind == "eq":
                r = [ws == c[1], ws != c[1]]
            elif kind == "getdefault":
                r = ws.get(c[1], c[2])
            elif kind == "keys":
                r = sorted(ws.keys(), key=str)
            elif kind == "items":
                r = sorted(([k, _pic16(v)] for k, v in ws.items()), key=str)
            elif kind == "values":
                r = sorted((_pic16(v) for v in ws.values()), key=str)
            elif kind == "repr":
                r = repr(ws)
            else:
                r = bool(ws)
            return [_pic16(r), snap()]

        def safe(c):
            try:
                return step(c)
            except Exception as e:
                return [_exc16(e), snap()]

        return [safe(c) for c in a["calls"]]

    # -------------------------------------------------------------------- mw_obj16
    def op_mw_obj16(self, a):
        import functools
        import itertools

        from sanic.middleware import Middleware, MiddlewareLocation

        def fn(request):
            return "sync"

        async def afn(request):
            return "async"

        class Callable:
            def __call__(self, request):
                return "cls"

        funcs = {
            "sync": fn,
            "async": afn,
            "lambda": lambda request: "lambda",
            "partial": functools.partial(fn),
            "int": 5,
            "none": None,
            "str": "fn",
            "cls": Callable(),
        }

        def loc(v):
            return getattr(MiddlewareLocation, v) if v in ("REQUEST", "RESPONSE") else v

        Middleware.reset_count()
        made = {}

        def mw(i):
            if i not in made:
                raise LookupError(f"no middleware {i}")
            return made[i]

        def step(c):
            kind = c[0]
            if kind in ("make", "try_make"):
                args = [funcs[c[2]], loc(c[3])]
                if c[4] != "omit":
                    args.append(c[4])
                if kind == "make":
                    made[c[1]] = Middleware(*args)
                    return None
                # a refused one must not shift the later ones' definition numbers
                n = next(Middleware._counter)
                try:
                    m = Middleware(*args)
                    return [repr(m), _pic16(m.priority)]
                finally:
                    Middleware._counter = itertools.count(n)
            if kind == "repr":
                return repr(mw(c[1]))
            if kind == "order":
                return _pic16(mw(c[1]).order)
            if kind == "attrs":
                m = mw(c[1])
                return [_pic16(m.priority), str(m.location), _pic16(m.definition),
                        getattr(m.func, "__name__", type(m.func).__name__)]
            if kind == "eq":
                return [mw(c[1]) == mw(c[2]), mw(c[1]) == mw(c[1]).func, mw(c[1]) != mw(c[2])]
            if kind == "hash":
                return [hash(mw(c[1])) == hash(mw(c[2])), len({mw(c[1]), mw(c[2])})]
            if kind == "call":
                r = mw(c[1])(None)
                if hasattr(r, "__await__"):
                    r = self.run(r)
                return r
            if kind == "convert":
                named = {"fn": fn, "afn": afn, "int": 5}
                lists = [[made.get(int(x[1:]), fn) if x[0] == "m" else named[x] for x in lst]
                         for lst in c[1]]
                got = Middleware.convert(*lists, location=loc(c[2]))
                return [type(got).__name__, [repr(m) for m in got]]
            if kind == "reset":
                Middleware.reset_count()
                return None
            if kind == "set":
                return len({mw(c[1]), mw(c[2]), mw(c[1])})
            return [repr(m) for m in sorted([mw(c[1]), mw(c[2])], key=lambda m: m.order)]

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- startup16
    def op_startup16(self, a):
        from sanic import Sanic
        from sanic.http.constants import HTTP

        app = self.new_app()
        masked = ("python", "platform", "packages")

        def step(c):
            kind = c[0]
            if kind == "address":
                return app.get_address(*c[1:])
            if kind == "location":
                if c[1] is None:
                    return Sanic.get_server_location()
                return Sanic.get_server_location(c[1])
            if kind == "serve_location":
                for k, v in (c[1] or {}).items():
                    setattr(app.state, k, v)
                return app.serve_location
            if kind == "motd":
                if c[2] is not None:
                    app.config.MOTD_DISPLAY = c[2]
                settings = c[1]
                if settings is not None:
                    settings = dict(settings, version=HTTP(settings.get("version", 1)))
                data, extra = app.get_motd_data(settings)
                data = {k: ("*" if k in masked else v) for k, v in data.items()}
                return [_pic16(data), _pic16(extra)]
            if kind == "auto_reload":
                return Sanic.should_auto_reload()
            if kind == "start_method":
                return [Sanic.start_method, Sanic.START_METHOD_SET]
            if kind == "ws":
                r = app.enable_websocket() if c[1] == "omit" else app.enable_websocket(c[1])
                return [r, _pic16(app.websocket_enabled)]
            if kind == "repl":
                var = len if c[1] == "fn" else c[1]
                args = [var]
                kw = {}
                if c[2] != "omit":
                    kw["name"] = c[2]
                if c[3] != "omit":
                    kw["desc"] = c[3]
                r = app.repl_ctx.add(*args, **kw)
                locs = sorted(
                    ([_pic16(x.name), _pic16(x.desc), _pic16(x.var)] for x in app.repl_ctx._locals),
                    key=str,
                )
                return [r, locs]
            if kind == "refresh":
                r = app.refresh() if c[1] == "omit" else app.refresh(c[1])
                return [r is app, type(r).__name__]
            if kind == "set_mode":
                r = app.state.set_mode(c[1])
                return [r, str(app.state.mode), app.state.is_debug]
            if kind == "mode":
                if c[1] not in ("debug", "production", "DEBUG"):
                    return None
                app.state.mode = c[1]
                return [str(app.state.mode), app.state.is_debug]
            if kind == "mode_bad":
                before = app.state.mode
                try:
                    app.state.mode = c[1]
                    return [str(app.state.mode), app.state.is_debug]
                finally:
                    app.state.mode = before
            if kind == "set_verbosity":
                r = app.state.set_verbosity(c[1])
                return [r, _pic16(app.state.verbosity)]
            app.state.verbosity = c[1]
            return _pic16(app.state.verbosity)

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- daemon16
    def op_daemon16(self, a):
        import os
        import re
        import tempfile
        from pathlib import Path

        from sanic.worker.daemon import Daemon, DaemonError, PidfileInfo

        d = tempfile.mkdtemp(prefix="apidiff16-")
        os.mkdir(os.path.join(d, "sub"))

        def path(p):
            return None if p is None else p.replace("DIR", d)

        def mask(v):
            if isinstance(v, str):
                return v.replace(d, "DIR")
            if isinstance(v, dict) and "msg" in v:
                return dict(v, msg=mask(v["msg"]))
            if isinstance(v, list):
                return [mask(x) for x in v]
            return v

        def step(c):
            kind = c[0]
            if kind == "make":
                kw = {k: (path(v) if k in ("pidfile", "logfile", "lockfile") else v)
                      for k, v in c[1].items()}
                dm = Daemon(**kw)
                attrs = [re.sub(r"[0-9a-f]{32}", "UUID", mask(str(getattr(dm, k, "<none>"))))
                         for k in ("pidfile", "logfile", "user", "group", "name", "lockfile")]
                if not c[2]:
                    return attrs
                try:
                    r = dm.validate()
                except Exception as e:
                    r = mask(_exc16(e))
                return [attrs, _pic16(r)]
            if kind == "pidpath":
                got = Daemon.get_pidfile_path(c[1])
                text = re.sub(r"[0-9a-f]{32}", "UUID", mask(str(got)))
                return [type(got).__name__, text.replace(os.path.expanduser("~"), "~")]
            if kind in ("read", "read_info"):
                p = os.path.join(d, "r.pid")
                if c[1] is not None:
                    Path(p).write_text(c[1])
                else:
                    p = os.path.join(d, "gone.pid")
                arg = p if c[2] == "str" else Path(p)
                fn = Daemon.read_pidfile if kind == "read" else Daemon.read_pidfile_info
                got = fn(arg)
                if isinstance(got, PidfileInfo):
                    return {"info": [_pic16(got.pid), _pic16(got.started), _pic16(got.name)]}
                return _pic16(got)
            if kind == "info_obj":
                info = PidfileInfo(*c[1])
                return [_pic16(info.pid), _pic16(info.started), _pic16(info.name), info == PidfileInfo(*c[1])]
            e = DaemonError(*c[1])
            return [str(e), [k.__name__ for k in type(e).__mro__]]

        return [mask(x) for x in _steps(a["calls"], step)]

    # -------------------------------------------------------------------- loader16
    def op_loader16(self, a):
        import os
        import sys
        import tempfile

        from sanic import Sanic
        from sanic.worker.loader import AppLoader, CertLoader

        d = tempfile.mkdtemp(prefix="apidiff16-")
        if d not in sys.path:
            sys.path.insert(0, d)
        uid = a["uid"]
        sources = {
            "app": "from sanic import Sanic\napp = Sanic('L{u}_{i}')\n",
            "factory": "from sanic import Sanic\ndef create_app():\n    return Sanic('L{u}_{i}')\n"
                       "app = 'not an app'\n",
            "factory_args": "from sanic import Sanic\ndef create_app(args):\n"
                            "    return Sanic('L{u}_{i}_' + type(args).__name__)\n",
            "notapp": "app = 5\nnotapp = object()\ndef create_app():\n    return 7\n",
            "raises": "raise RuntimeError('boom {i}')\n",
            "syntax": "def (:\n",
            "nested": "from sanic import Sanic\nclass inner:\n    app = Sanic('L{u}_{i}')\n"
                      "app = inner.app\n",
        }

        def show(got):
            if isinstance(got, Sanic):
                return {"app": got.name}
            return {"obj": type(got).__name__}

        def mask(v):
            if isinstance(v, dict) and "msg" in v:
                return dict(v, msg=v["msg"].replace(d, "DIR").replace(str(uid), "U"))
            if isinstance(v, dict) and "app" in v:
                return {"app": v["app"].replace(str(uid), "U")}
            return v

        counter = [0]

        def step(c):
            kind = c[0]
            counter[0] += 1
            i = counter[0]
            if kind == "load":
                m = f"ld16_{uid}_{i}"
                src = sources[c[1]].replace("{u}", str(uid)).replace("{i}", str(i))
                with open(os.path.join(d, m + ".py"), "w") as f:
                    f.write(src)
                inp = c[2].replace("{m}", m).replace("DIR", d)
                loader = AppLoader(inp, as_factory=c[3], as_simple=c[4], args=c[5])
                return show(loader.load())
            if kind == "factory":

                def factory():
                    if c[1] == "raises":
                        raise RuntimeError("factory failed")
                    return {"app": Sanic(f"F{uid}_{i}"), "none": None, "int": 3}[c[1]]

                return show(AppLoader(factory=factory).load())
            app = Sanic(f"C{uid}_{i}")
            data = c[1]
            if data == "str":
                data = "/nope16"
            got = CertLoader(data).load(app)
            return {"obj": type(got).__name__}

        return [mask(x) for x in _steps(a["calls"], step)]

    # -------------------------------------------------------------------- trigger16
    def op_trigger16(self, a):
        from sanic.mixins.listeners import ListenerEvent
        from sanic.server.events import trigger_events

        app = self.new_app()
        log = []

        def make(kind, i):
            if kind == "none":
                def f():
                    log.append([i, "none"])
            elif kind == "app":
                def f(app):
                    log.append([i, "app", type(app).__name__])
            elif kind == "app_loop":
                def f(app, loop):
                    log.append([i, "app_loop", type(loop).__name__ if loop else None])
            elif kind == "app_loop_x":
                def f(app, loop, x):
                    log.append([i, "x", x])
            elif kind == "kw":
                def f(*args, **kw):
                    log.append([i, "kw", len(args), sorted(kw)])
            elif kind == "async_app":
                async def f(app):
                    log.append([i, "async_app"])
            elif kind == "async_none":
                async def f():
                    log.append([i, "async_none"])
            elif kind == "async_loop":
                async def f(app, loop):
                    log.append([i, "async_loop"])
            elif kind == "raises":
                def f(app):
                    raise ValueError(f"t{i}")
            elif kind == "async_raises":
                async def f(app):
                    raise ValueError(f"a{i}")
            elif kind == "returns":
                def f(app):
                    return i
            else:
                f = 5
            return f

        def step(c):
            del log[:]
            kind = c[0]
            if kind == "trigger":
                events = None if c[1] is None else [make(k, i) for i, k in enumerate(c[1])]
                args = [events, self.loop]
                if c[2]:
                    args.append(app)
                try:
                    r = trigger_events(*args, **c[3])
                    if hasattr(r, "__await__"):
                        r = self.run(r)
                except Exception as e:
                    return [_exc16(e), list(log)]
                return [_pic16(r), list(log)]
            if kind == "decorate":
                f = make(c[3], 0)
                deco = getattr(app, c[1])
                if c[2] == "bare":
                    r = deco(f)
                elif c[2] == "call":
                    r = deco()(f)
                elif c[2] == "fn":
                    r = deco(f)
                elif c[2] == "prio":
                    r = deco(priority=3)(f)
                else:
                    r = deco(5)
                return [r is f, type(r).__name__]
            ev = c[2]
            if c[1] == "member":
                ev = getattr(ListenerEvent, ev.upper().replace(".", "_"), ev)
            elif c[1] == "upper":
                ev = ev.upper()
            elif c[1] == "bad":
                ev = 5
            elif c[1] == "signal":
                ev = ev.replace("_", ".")

            async def lsn(app):
                pass

            r = app.register_listener(lsn, ev)
            return [r is lsn, type(r).__name__]

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- view16
    def op_view16(self, a):
        from sanic.request import Request
        from sanic.views import HTTPMethodView

        app = self.new_app()
        style = a["style"]

        def make(name):
            if style == "async":
                async def h(self, request, *args, **kw):
                    return [name, list(args), sorted(kw.items())]
            elif style == "raise":
                def h(self, request, *args, **kw):
                    raise ValueError(name)
            elif style == "returns_none":
                def h(self, request, *args, **kw):
                    return None
            else:
                def h(self, request, *args, **kw):
                    return [name, list(args), sorted(kw.items())]
            return h

        V = type("V16", (HTTPMethodView,), {n: make(n) for n in a["handlers"]})

        def step(c):
            kind, method, args, kw = c
            req = Request(b"/v", {}, "1.1", method, None, app)
            if kind == "direct":
                r = V().dispatch_request(req, *args, **kw)
            elif kind == "as_view":
                r = V.as_view()(req, *args, **kw)
            else:
                r = V.as_view(1, k=2)(req, *args, **kw)
            if hasattr(r, "__await__"):
                r = self.run(r)
            return _pic16(r)

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- consts16
    def op_consts16(self, a):
        import functools
        import importlib

        from sanic import Blueprint
        from sanic.views import HTTPMethodView

        def lookup(path):
            parts = path.split(".")
            for i in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:i]))
                except ImportError:
                    continue
                for part in parts[i:]:
                    obj = getattr(obj, part)
                return obj
            raise ImportError(path)

        app = self.new_app()
        bp = Blueprint("bp16")

        def fn():
            pass

        class V(HTTPMethodView):
            pass

        objs = {"fn": fn, "bp": bp, "app": app, "cls": V, "lambda": lambda: None,
                "partial": functools.partial(fn), "view": V.as_view()}

        def step(c):
            if c[0] == "enum":
                return [[m.name, _pic16(m.value)] for m in lookup(c[1])]
            if c[0] == "const":
                v = lookup(c[1])
                if isinstance(v, dict):
                    return sorted([k, repr(x) if callable(x) else _pic16(x)] for k, x in v.items())
                return _pic16(v)
            owner = app if c[1] == "app" else bp
            return owner.generate_name(*[objs.get(x, x) if isinstance(x, str) else x
                                         for x in c[2]])

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- asgi_tr16
    def op_asgi_tr16(self, a):
        from sanic.response import json as json_resp

        app = self.new_app()
        calls = a["calls"]

        def step(request, c):
            kind, name, default = c
            tr = request.transport
            if kind == "info":
                v = tr.get_extra_info(name)
            elif kind == "info_default":
                v = tr.get_extra_info(name, default)
            elif kind == "protocol":
                p = tr.get_protocol()
                return [type(p).__name__, p is request.protocol,
                        type(request.protocol).__name__]
            elif kind == "conn":
                ci = request.conn_info
                return None if ci is None else [_pic16(ci.lost), _pic16(ci.ssl),
                                                _pic16(ci.client), _pic16(ci.client_port)]
            elif kind == "stream":
                st = request.stream
                return None if st is None else _pic16(getattr(st, "request_max_size", "<none>"))
            elif kind == "ws_conn":
                v = tr.get_websocket_connection()
            else:
                v = tr.is_closing()
            if (kind.startswith("info") and name == "socket") or hasattr(v, "__dict__"):
                return {"obj": type(v).__name__}
            return _pic16(v)

        @app.route("/t", methods=["GET", "POST"])
        async def h(request):
            return json_resp(_steps16_req(request, calls, step))

        async def go():
            kw = {}
            if a["client"] is not None:
                kw["headers"] = {}
            url = ("https" if a["scheme"] == "https" else "http") + "://mockserver/t"
            method = app.asgi_client.get if a["method"] == "GET" else app.asgi_client.post
            _, resp = await method(url, **kw)
            return resp.json if resp.status == 200 else {"status": resp.status}

        return self.run(go())

    # -------------------------------------------------------------------- async_srv16
    def op_async_srv16(self, a):
        import asyncio
        import socket

        from sanic.response import text

        app = self.new_app()
        log = []

        @app.get("/")
        async def h(request):
            return text("ok")

        for ev in ("before_server_start", "after_server_start", "before_server_stop",
                   "after_server_stop"):
            app.register_listener(lambda app_, ev=ev: log.append(ev), ev)

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()

        async def get():
            try:
                r, w = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 0.5)
            except Exception as e:  # refused: no server listening
                return type(e).__name__
            try:
                w.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                data = await asyncio.wait_for(r.read(), 0.5)
                return data.split(b"\r\n")[0].decode()
            except Exception as e:  # TimeoutError: listening, not answering
                return type(e).__name__
            finally:
                w.close()

        async def go():
            kw = {}
            if a["kwargs"] is not None:
                kw["asyncio_server_kwargs"] = a["kwargs"]
            srv = await app.create_server(
                host="127.0.0.1", port=port, return_asyncio_server=True, **kw
            )
            out = []
            # the calls that succeeded before each one (Hurtle accepts connections from a
            # successful after_start() or start_serving(), listed before; Sanic from
            # create_server on)
            done = []
            for step in a["calls"]:
                del log[:]
                try:
                    if step == "get":
                        r = await get()
                    else:
                        r = getattr(srv, step)()
                        if asyncio.iscoroutine(r) or isinstance(r, asyncio.Future):
                            r = await asyncio.wait_for(r, 2)
                    r = _pic16(r)
                    ok = True
                except Exception as e:
                    r = _exc16(e)
                    ok = False
                out.append([r, list(log), list(done)])
                if ok:
                    done.append(step)
            try:
                srv.close()
                await asyncio.wait_for(srv.wait_closed(), 2)
            except Exception:
                pass
            return out

        return self.run(go())


def _steps16_req(request, calls, step):
    out = []
    for c in calls:
        try:
            out.append(step(request, c))
        except Exception as e:
            out.append(_exc16(e))
    return out
