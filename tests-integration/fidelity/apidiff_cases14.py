"""Fourteenth-round areas for ``apidiff.py``: signals, the namespace round.

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

Generators (``GENERATORS14``) are run by the driver; the worker's operations (``Ops14``)
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
    return {
        "defs": defs,
        "calls": dispatches,
        "get": rng.sample(NS_ONE_EVENTS if one else NS_EVENTS, 2),
    }


GENERATORS14 = {
    "sig_ns": gen_sig_ns,
}
SLOW14: dict[str, float] = {}


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


class Ops14:
    def op_sig_ns(self, a):

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
            return calls, gets

        out["calls"], out["get"] = self.run(go())
        return out
