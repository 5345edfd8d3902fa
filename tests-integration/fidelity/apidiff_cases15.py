"""Fifteenth-round areas for ``apidiff.py``: signals, the namespace round.

``sig_ns``: one to five signals in one or two namespaces, static (``ns.x.baz``), dynamic
(``ns.x.<a>``, ``<n:int>``, ``<s:slug>``, ``<al:alpha>``) and one-part (``baz``,
``<thing>``), with priorities, conditions and ``exclusive``; handlers taking ``**kw``,
nothing, or one named parameter, returning a value or raising; then inline dispatches of
events of those namespaces (with ``context``, ``condition``, ``reverse``,
``fail_not_found``) and ``signal_router.get()``: which handlers run, in which order, with
which keyword arguments, what the dispatch returns or raises.

``sig_opts``: ``dispatch`` options on one app: ``inline=False`` (what comes back, what
awaiting it gives, a handler raising in it and what is logged), ``fail_not_found``,
``reverse``, ``exclusive``, ``condition``, dispatch of ``Event`` members, names of two and
four parts and reserved namespaces (the exact messages), ``add_signal`` forms, duplicates.

``sig_bp``: blueprint signals: ``bp.signal``/``add_signal``, ``bp.dispatch`` (to its own
handlers only, one result per app), ``app.dispatch`` reaching them, ``bp.event``, groups
of blueprints, one blueprint on two apps.

``sig_http``: built-in ``http.*`` signals over ``asgi_client``: which fire for a request
(served, 404, a raising handler, middleware), which keyword arguments each handler gets,
a handler raising there, ``Event`` members as names, ``server.*`` events waited for.

``sig_late``: signals added after ``signal_router.finalize()``/``app.signalize()`` or
after the app has served, ``signal_router.get`` before and after, ``finalize`` twice.

Generators (``GENERATORS15``) are run by the driver; the worker's operations (``Ops15``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

NS_DEFS = ["ns.x.baz", "ns.x.qux", "ns.x.7", "ns.x.<a>", "ns.x.<b:str>", "ns.x.<n:int>"]
NS_DEFS += ["ns.x.<s:slug>", "ns.x.<al:alpha>", "ns.y.<a>", "ns.y.baz", "ns.x.<a>", "ns.x.baz"]
NS_ONE = ["baz", "<thing>", "<n:int>", "qux"]
NS_EVENTS = ["ns.x.baz", "ns.x.qux", "ns.x.7", "ns.x.zz", "ns.x.x-y", "ns.x.x y", "ns.y.baz"]
NS_EVENTS += ["ns.y.q", "ns.z.q", "ns.x.<a>", "ns.x.BAZ"]
NS_ONE_EVENTS = ["baz", "qux", "7", "zz"]


def gen_sig_ns(rng):
    one = rng.random() < 0.2
    defs = []
    for i in range(rng.randint(1, 5)):
        d = {"id": i, "event": rng.choice(NS_ONE if one else NS_DEFS)}
        if rng.random() < 0.25:
            d["priority"] = rng.choice([1, 5, -1, 0])
        if rng.random() < 0.15:
            d["condition"] = rng.choice([{"k": 1}, {"k": 2}, {}])
        if rng.random() < 0.15:
            d["exclusive"] = False
        d["args"] = rng.choice(["kw"] * 6 + ["none", "named"])
        d["do"] = rng.choice(["log"] * 8 + ["return", "zero", "raise"])
        defs.append(d)
    dispatches = []
    for _ in range(rng.randint(1, 4)):
        kw = {}
        if rng.random() < 0.2:
            kw["context"] = rng.choice([{"a": "ctx"}, {"z": 1}, {}])
        if rng.random() < 0.2:
            kw["condition"] = rng.choice([{"k": 1}, {}, {"k": 2}])
        if rng.random() < 0.2:
            kw["reverse"] = True
        if rng.random() < 0.2:
            kw["fail_not_found"] = False
        dispatches.append([rng.choice(NS_ONE_EVENTS if one else NS_EVENTS), kw])
    waits = []
    for _ in range(rng.choice([0, 0, 1, 2])):
        pool = [d["event"] for d in defs] + (NS_ONE_EVENTS if one else NS_EVENTS)
        kw = {}
        if rng.random() < 0.2:
            kw["condition"] = rng.choice([{"k": 1}, {}])
        if rng.random() < 0.2:
            kw["exclusive"] = False
        waits.append([rng.choice(pool), kw])
    return {
        "defs": defs,
        "calls": dispatches,
        "get": rng.sample(NS_ONE_EVENTS if one else NS_EVENTS, 2),
        "waits": waits,
    }


GENERATORS15 = {
    "sig_ns": gen_sig_ns,
}
SLOW15: dict[str, float] = {}


# ------------------------------------------------------------------------- worker side


def _exc14(e):
    return {"exc": [c.__name__ for c in type(e).__mro__], "msg": str(e)}


def _handler14(d, log):
    """A signal handler as ``d`` describes it, appending its calls to ``log``."""
    i, do = d["id"], d["do"]

    def result():
        if do == "raise":
            raise ValueError(f"h{i}")
        return {"return": f"r{i}", "zero": 0}.get(do)

    if d["args"] == "none":

        async def h():
            log.append([i])
            return result()

    elif d["args"] == "named":
        # the parameter named as the definition's own dynamic part (or ``a``)
        name = d["event"].rsplit("<", 1)[-1].split(":")[0].rstrip(">") or "a"
        if "<" not in d["event"]:
            name = "a"
        ns = {}
        exec(
            f"async def h({name}):\n    log.append([i, {{'{name}': {name}}}])\n    return result()",
            {"log": log, "i": i, "result": result},
            ns,
        )
        h = ns["h"]
    else:

        async def h(**kw):
            log.append([i, dict(sorted(kw.items()))])
            return result()

    return h


class Ops15:
    def op_sig_ns(self, a):
        import asyncio

        app = self.new_app()
        log = []
        out = {"defs": []}
        for d in a["defs"]:
            kw = {k: d[k] for k in ("priority", "condition", "exclusive") if k in d}
            try:
                app.signal(d["event"], **kw)(_handler14(d, log))
                out["defs"].append("ok")
            except Exception as e:
                out["defs"].append(_exc14(e))

        async def go():
            app.signal_router.finalize()
            waits = []
            for ev, kw in a.get("waits", ()):
                waits.append(asyncio.ensure_future(app.event(ev, timeout=0.05, **kw)))
            # Sanic's app.event() registers its waiter some loop turns after it starts
            await asyncio.sleep(0.005)
            calls = []
            for ev, kw in a["calls"]:
                log.clear()
                try:
                    r = await app.dispatch(ev, inline=True, **kw)
                    calls.append([["ok", r], list(log)])
                except Exception as e:
                    calls.append([_exc14(e), list(log)])
            gets = []
            for ev in a["get"]:
                try:
                    group, handlers, params = app.signal_router.get(ev)
                    ids = [getattr(s, "name", None) for s in group]
                    gets.append([ids, len(handlers), dict(params)])
                except Exception as e:
                    gets.append(_exc14(e))
            woke = []
            for w in waits:
                try:
                    got = await w
                    woke.append(
                        ["woke", dict(sorted(got.items())) if isinstance(got, dict) else got]
                    )
                except (Exception, asyncio.TimeoutError) as e:
                    woke.append(_exc14(e))
            if woke:
                out["waits"] = woke
            return calls, gets

        out["calls"], out["get"] = self.run(go())
        return out


# ------------------------------------------------------------------- sig_opts generator

OP_EVENTS = ["a.b.c", "a.b.c", "a.b.<x>", "a.b.<n:int>", "foo", "<w>", "a.b.d"]
OP_BAD = ["a.b", "a.b.c.d", "http.x.y", "server.foo.bar", "http.lifecycle.nope", "", ".a.b"]
OP_BAD += ["a..b", "a.b.", "<x>.b.c", "a.<x>.c", "websocket.handler.x", "Http.x.y"]
OP_BAD += [["enum", "HTTP_LIFECYCLE_REQUEST"], ["enum", "SERVER_INIT_AFTER"], "server.init.after"]
OP_BAD += ["http.lifecycle.request", "a.b.<x:int", "a.b.<>", "a b.c.d", 5, None]
OP_DISPATCH = ["a.b.c", "a.b.c", "a.b.7", "a.b.zz", "foo", "zz", "a.b.d", "a.x.c", "http.x.y"]
OP_DISPATCH += ["http.lifecycle.request", ["enum", "HTTP_LIFECYCLE_BEGIN"], "a.b", "x.y.z.w"]
OP_DISPATCH += ["server.init.before", ["enum", "SERVER_SHUTDOWN_AFTER"]]
OP_DO = ["log", "log", "log", "return", "raise", "raise_http", "sync", "sync_return", "zero"]


def gen_sig_opts(rng):
    regs = []
    for i in range(rng.randint(0, 4)):
        ev = rng.choice(OP_BAD) if rng.random() < 0.25 else rng.choice(OP_EVENTS)
        r = {"id": i, "event": ev, "how": rng.choice(["deco", "deco", "add", "add_none", "router"])}
        r["do"] = rng.choice(OP_DO)
        kw = {}
        if rng.random() < 0.2:
            kw["condition"] = rng.choice([{"k": 1}, {}, {"k": "v"}])
        if rng.random() < 0.15:
            kw["exclusive"] = False
        if rng.random() < 0.15 and r["how"] != "add":
            kw["priority"] = rng.choice([1, -2, 3])
        r["kw"] = kw
        regs.append(r)
    calls = []
    for _ in range(rng.randint(1, 4)):
        kw = {"inline": rng.random() < 0.5}
        for k, choices in (
            ("context", [{"x": "ctx"}, {"k": 1}, {}, None]),
            ("condition", [{"k": 1}, {}, {"k": "v"}, None]),
            ("fail_not_found", [True, False]),
            ("reverse", [True, False]),
        ):
            if rng.random() < 0.25:
                kw[k] = rng.choice(choices)
        calls.append([rng.choice(OP_DISPATCH), kw])
    return {"regs": regs, "calls": calls, "via": rng.choice(["app", "app", "router"])}


# -------------------------------------------------------------------- sig_bp generator

BP_EVENTS = ["a.b.c", "a.b.c", "a.b.<x>", "a.b.d", "foo"]


def gen_sig_bp(rng):
    regs = []
    for i in range(rng.randint(1, 4)):
        r = {
            "id": i,
            "on": rng.choice(["app", "bp1", "bp1", "bp2"]),
            "event": rng.choice(BP_EVENTS),
        }
        r["how"] = rng.choice(["deco", "deco", "add"])
        # defined after the blueprint is registered; Sanic registers a blueprint's earlier
        # signals in set order (a kept item), so only one of them is defined before
        early = [x for x in regs if x["on"] == r["on"] and not x["late"]]
        r["late"] = r["on"] != "app" and (bool(early) or rng.random() < 0.3)
        if rng.random() < 0.2:
            r["condition"] = rng.choice([{"k": 1}, {}])
        if rng.random() < 0.1:
            r["exclusive"] = False
        r["ret"] = rng.random() < 0.3
        regs.append(r)
    calls = []
    for _ in range(rng.randint(1, 4)):
        kw = {"inline": rng.random() < 0.7}
        if rng.random() < 0.2:
            kw["condition"] = rng.choice([{"k": 1}, {}])
        if rng.random() < 0.2:
            kw["fail_not_found"] = False
        if rng.random() < 0.2:
            kw["context"] = {"c": 1}
        who = rng.choice(["app", "app", "bp1", "bp1", "bp2", "app2", "group"])
        calls.append([who, rng.choice(BP_EVENTS + ["a.b.zz", "x.y.z"]), kw])
    waits = []
    for _ in range(rng.randint(0, 2)):
        waits.append([rng.choice(["app", "bp1", "bp2"]), rng.choice(BP_EVENTS)])
    return {
        "regs": regs,
        "calls": calls,
        "waits": waits,
        "group": rng.random() < 0.35,
        "two_apps": rng.random() < 0.25,
    }


# ------------------------------------------------------------------ sig_http generator

HTTP_EVENTS = ["http.lifecycle.request", "http.lifecycle.response", "http.lifecycle.handle"]
HTTP_EVENTS += ["http.lifecycle.exception", "http.routing.before", "http.routing.after"]
HTTP_EVENTS += ["http.handler.before", "http.handler.after", "http.middleware.before"]
HTTP_EVENTS += ["http.middleware.after", "http.lifecycle.begin", "http.lifecycle.complete"]
HTTP_EVENTS += ["http.lifecycle.read_head", "http.lifecycle.send", "http.lifecycle.read_body"]
HTTP_EVENTS += ["server.exception.report"]


def gen_sig_http(rng):
    regs = []
    for i in range(rng.randint(1, 4)):
        r = {"id": i, "event": rng.choice(HTTP_EVENTS), "enum": rng.random() < 0.3}
        r["do"] = rng.choice(["log"] * 5 + ["raise", "raise_http", "return", "dispatch"])
        if rng.random() < 0.15:
            r["priority"] = rng.choice([1, -1])
        if rng.random() < 0.1:
            r["condition"] = {"k": 1}
        regs.append(r)
    return {
        "regs": regs,
        "middleware": rng.random() < 0.3,
        "requests": [rng.choice(["/ok", "/ok", "/boom", "/nope", "/disp"]) for _ in range(2)],
    }


# ------------------------------------------------------------------ sig_late generator

LATE_STEPS = ["add", "add", "add_dyn", "request", "dispatch", "get", "dispatch_new"]
LATE_STEPS += ["finalized", "add_http", "add_dyn"]


def gen_sig_late(rng):
    # Sanic refuses a second finalize(), and a signal added after an explicit one (a kept
    # item), so one start comes first and finalize/signalize are rare afterwards.
    first = rng.choice(["request"] * 6 + ["finalize", "signalize", "none"])
    steps = [] if first == "none" else [first]
    for _ in range(rng.randint(2, 7)):
        steps.append(
            rng.choice(["finalize", "signalize"]) if rng.random() < 0.05 else rng.choice(LATE_STEPS)
        )
    return {"steps": steps}


GENERATORS15.update(
    {
        "sig_opts": gen_sig_opts,
        "sig_bp": gen_sig_bp,
        "sig_http": gen_sig_http,
        "sig_late": gen_sig_late,
    }
)
SLOW15.update({"sig_http": 0.5, "sig_late": 0.5})


# ------------------------------------------------------------------------ worker side 2


def _event14(ev):
    if isinstance(ev, list) and ev[:1] == ["enum"]:
        from sanic.signals import Event

        return Event[ev[1]]
    return ev


def _handler_do(i, do, log, tag=None):
    """A handler logging its call (``[i, kwargs]``) then doing ``do``."""
    from sanic.exceptions import BadRequest

    def after():
        if do == "raise":
            raise ValueError(f"h{i}")
        if do == "raise_http":
            raise BadRequest(f"bad{i}")
        return {"return": f"r{i}", "sync_return": f"s{i}", "zero": 0}.get(do)

    def record(kw):
        log.append(
            [i if tag is None else f"{tag}{i}", {k: _show14(v) for k, v in sorted(kw.items())}]
        )

    if do.startswith("sync"):

        def h(**kw):
            record(kw)
            return after()

    else:

        async def h(**kw):
            record(kw)
            return after()

    return h


def _show14(v):
    if v is None or isinstance(v, (bool, int, str, float)):
        return v
    if isinstance(v, dict):
        return {str(k): _show14(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_show14(x) for x in v]
    return f"<{type(v).__name__}>"


def _logs14(records):
    """The framework's log records but the server's, and Sanic's debug lines naming each
    server event and signal it dispatches (a kept item of an earlier round; they show
    once an earlier case of the worker turned debug logging on)."""
    return [
        x
        for x in records
        if x[0] != "sanic.server"
        and not x[2].startswith(("Dispatching signal", "Triggering server events"))
    ]


async def _settle(n=3):
    import asyncio

    for _ in range(n):
        await asyncio.sleep(0)


async def _outcome(coro_or_value):
    """What a dispatch gave: its value, or for a Task what awaiting it gives."""
    import asyncio

    r = await coro_or_value
    if isinstance(r, asyncio.Task):
        try:
            got = await asyncio.wait_for(r, 1)
            return ["task", _show14(got)]
        except Exception as e:
            return ["task", _exc14(e)]
    if isinstance(r, list):
        return ["list", [_show14(x) for x in r]]
    return ["ok", _show14(r)]


class Ops15b:
    def op_sig_opts(self, a):
        from apidiff_cases3 import LogTap

        app = self.new_app()
        log = []
        out = {"regs": []}
        for r in a["regs"]:
            h = _handler_do(r["id"], r["do"], log)
            ev = _event14(r["event"])
            kw = r["kw"]
            try:
                if r["how"] == "deco":
                    got = app.signal(ev, **kw)(h)
                elif r["how"] == "add":
                    got = app.add_signal(h, ev, **kw)
                elif r["how"] == "add_none":
                    got = app.add_signal(None, ev, **kw)
                else:
                    got = app.signal_router.add(h, ev, **kw)
                out["regs"].append(["ok", got is h, type(got).__name__])
            except Exception as e:
                out["regs"].append(_exc14(e))

        async def go():
            try:
                app.signal_router.finalize()
            except Exception as e:
                out["finalize"] = _exc14(e)
            res = []
            for ev, kw in a["calls"]:
                log.clear()
                target = app if a["via"] == "app" else app.signal_router
                with LogTap() as tap:
                    try:
                        got = await _outcome(target.dispatch(_event14(ev), **kw))
                    except Exception as e:
                        got = _exc14(e)
                    await _settle()
                logs = _logs14(tap.records)
                res.append([got, list(log), logs])
            return res

        out["calls"] = self.run(go())
        return out

    def op_sig_bp(self, a):
        import asyncio

        from sanic import Blueprint

        app = self.new_app()
        app2 = self.new_app() if a["two_apps"] else None
        bps = {"bp1": Blueprint("bp1"), "bp2": Blueprint("bp2", url_prefix="/b2")}
        log = []
        out = {"regs": []}

        def register(r):
            target = app if r["on"] == "app" else bps[r["on"]]
            h = _handler_do(r["id"], "return" if r["ret"] else "log", log)
            kw = {k: r[k] for k in ("condition", "exclusive") if k in r}
            try:
                if r["how"] == "deco":
                    target.signal(r["event"], **kw)(h)
                else:
                    target.add_signal(h, r["event"], **kw)
                out["regs"].append("ok")
            except Exception as e:
                out["regs"].append(_exc14(e))

        for r in a["regs"]:
            if not r["late"]:
                register(r)
        group = None
        try:
            if a["group"]:
                group = Blueprint.group(bps["bp1"], bps["bp2"], url_prefix="/g")
                app.blueprint(group)
                if app2:
                    app2.blueprint(group)
            else:
                for bp in bps.values():
                    app.blueprint(bp)
                    if app2:
                        app2.blueprint(bp)
        except Exception as e:
            out["blueprint"] = _exc14(e)
        for r in a["regs"]:
            if r["late"]:
                register(r)

        async def go():
            for x in (app, app2):
                if x is not None:
                    x.signal_router.finalize()
            waits = []
            for who, ev in a["waits"]:
                src = app if who == "app" else bps[who]
                try:
                    waits.append(asyncio.ensure_future(src.event(ev, timeout=0.05)))
                except Exception as e:
                    waits.append(_exc14(e))
            await asyncio.sleep(0.005)
            res = []
            for who, ev, kw in a["calls"]:
                log.clear()
                if who == "group":
                    src = group
                elif who == "app2":
                    src = app2
                else:
                    src = app if who == "app" else bps[who]
                try:
                    if src is None:
                        got = "none"
                    else:
                        got = await _outcome(src.dispatch(ev, **kw))
                except Exception as e:
                    got = _exc14(e)
                await _settle()
                res.append([got, list(log)])
            out["calls"] = res
            got = []
            for w in waits:
                if isinstance(w, dict):
                    got.append(w)
                    continue
                try:
                    v = await w
                    got.append(["woke", _show14(v)])
                except (Exception, asyncio.TimeoutError) as e:
                    got.append(_exc14(e))
            out["waits"] = got

        self.run(go())
        return out

    def op_sig_http(self, a):
        from apidiff_cases3 import LogTap

        from sanic import response
        from sanic.signals import Event

        app = self.new_app()
        log = []

        @app.get("/ok")
        async def ok(request):
            return response.text("ok")

        @app.get("/boom")
        async def boom(request):
            raise ValueError("boom")

        @app.get("/disp")
        async def disp(request):
            r = await request.app.dispatch("my.own.thing", context={"q": 1}, inline=True)
            return response.text(repr(r))

        @app.signal("my.own.thing")
        async def own(**kw):
            log.append(["own", sorted(kw)])
            return "own-result"

        if a["middleware"]:

            @app.on_request
            async def mw(request):
                log.append(["mw"])

        out = {"regs": []}
        for r in a["regs"]:
            i, do = r["id"], r["do"]

            def make(i=i, do=do, ev=r["event"]):
                async def h(**ctx):
                    log.append([i, ev, sorted(ctx)])
                    if do == "raise":
                        raise ValueError(f"sig{i}")
                    if do == "raise_http":
                        from sanic.exceptions import Unauthorized

                        raise Unauthorized(f"no{i}")
                    if do == "return":
                        return response.text(f"from-signal{i}")
                    if do == "dispatch":
                        await app.dispatch("my.own.thing", inline=True)

                return h

            ev = Event(r["event"]) if r["enum"] else r["event"]
            kw = {k: r[k] for k in ("priority", "condition") if k in r}
            try:
                app.signal(ev, **kw)(make())
                out["regs"].append("ok")
            except Exception as e:
                out["regs"].append(_exc14(e))

        async def go():
            res = []
            for path in a["requests"]:
                log.clear()
                with LogTap() as tap:
                    try:
                        _, resp = await app.asgi_client.get(path)
                        got = [resp.status, resp.text[:60]]
                    except Exception as e:
                        got = _exc14(e)
                    await _settle()
                logs = [x[:3] for x in _logs14(tap.records) if x[0] != "sanic.access"]
                res.append([got, list(log), logs])
            return res

        out["requests"] = self.run(go())
        return out

    def op_sig_late(self, a):
        from sanic import response

        app = self.new_app()
        log = []

        @app.get("/r")
        async def r(request):
            return response.text("r")

        @app.signal("late.first.one")
        async def first(**kw):
            log.append(["first", sorted(kw)])

        n = [0]

        async def go():
            out = []
            for step in a["steps"]:
                log.clear()
                n[0] += 1
                try:
                    if step == "add":
                        app.add_signal(_handler_do(n[0], "log", log), "late.first.one")
                        got = "added"
                    elif step == "add_dyn":
                        app.add_signal(_handler_do(n[0], "log", log), "late.first.<x>")
                        got = "added"
                    elif step == "add_http":
                        app.add_signal(_handler_do(n[0], "log", log), "http.lifecycle.handle")
                        got = "added"
                    elif step == "finalize":
                        app.signal_router.finalize()
                        got = "finalized"
                    elif step == "signalize":
                        app.signalize()
                        got = "signalized"
                    elif step == "request":
                        _, resp = await app.asgi_client.get("/r")
                        got = resp.status
                    elif step == "dispatch":
                        got = await _outcome(app.dispatch("late.first.one", inline=True))
                    elif step == "dispatch_new":
                        got = await _outcome(app.dispatch("late.first.new", inline=True))
                    elif step == "get":
                        g, hs, p = app.signal_router.get("late.first.one")
                        got = [[s.name for s in g], len(hs), _show14(p)]
                    else:
                        got = app.signal_router.finalized
                except Exception as e:
                    got = _exc14(e)
                await _settle()
                out.append([step, _show14(got), [[str(x[0]), sorted(x[1])] for x in log]])
            return out

        return self.run(go())
