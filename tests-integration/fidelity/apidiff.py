"""In-process differential fuzzing of Sanic's Python-level APIs (helpers, not the wire).

The driver generates seeded random cases (``apidiff_cases.py``) and sends each, as a JSON
line, to two worker processes: one running real Sanic 25.12, one running this tree. Each
worker evaluates the case with the public API (``sanic.headers``, ``sanic.cookies``,
``Request`` argument and form parsing, the router and ``url_for``, the response helpers,
exception error pages) and answers a JSON line: the normalised result, or the exception's
type names and message. Differences are bucketed by area and a short signature; those kept
on purpose (``apidiff_kept.py``) are labelled ``kept: ...`` and listed last.

    python3 tests-integration/fidelity/apidiff.py --count 500 --seed 1
    python3 tests-integration/fidelity/apidiff.py --only router --only url_for -v

Fourteenth-round areas (``apidiff_cases14.py``, the README's "Differential fuzzing,
fourteenth round"): ``req_parsed``, ``resp_stream``, ``log_fmt``, ``shared_ctx``, ``catch_exc``
and ``route_utils``: a ``Request``'s ``parsed_*`` caches, ``get_cookies``, ``raw_headers``,
``scope``, ``conn_info`` and friends (through ``asgi_client`` and, for some cases,
sanic-testing's server), ``ResponseStream`` made by hand and ``guess_content_type``, the
``sanic.logging.formatter`` classes over odd records, ``SharedContext`` and
``HashableDict``, ``app.catch_exception``, and ``sanic_routing``'s path helpers,
``parse_date`` and ``REGEX_TYPES``.

Fifteenth-round areas (``apidiff_cases15.py``, the README's "Signals, namespace round"):
``sig_ns``, ``sig_opts``, ``sig_bp``, ``sig_http`` and ``sig_late``: static and dynamic
signals sharing a namespace, ``dispatch``/``event`` options, blueprint signals, the
built-in ``http.*`` events and signals added late.

Sixteenth-round areas (``apidiff_cases16.py``, the README's "In-process API fuzzer,
sixteenth round"): ``wstate16``, ``mw_obj16``, ``startup16``, ``daemon16``, ``loader16``,
``trigger16``, ``view16``, ``consts16``, ``asgi_tr16`` and ``async_srv16``: ``WorkerState``
as a mapping, ``Middleware`` objects made by hand, an app's start-up helpers outside a run,
``sanic.worker.daemon``, ``AppLoader`` and ``CertLoader``, ``trigger_events`` and the process
listener decorators, ``HTTPMethodView.dispatch_request``, enums and constants with
``generate_name``, the ASGI transport, and ``create_server``'s ``AsyncioServer`` on loopback.

Seventeenth-round areas (``apidiff_cases17.py``, the README's "In-process API fuzzer,
seventeenth round"): ``jsonmut17``, ``resphdr17``, ``rstream17``, ``cookiejar17``,
``hdrfn17``, ``exc17``, ``cfg17``, ``bpcomp17``, ``urlfor17``, ``views17`` and ``names17``:
``JSONResponse``'s mutators with ``dumps`` arguments, ``processed_headers`` of every helper,
``ResponseStream`` made by hand, cookie jars with prefixes, the header parsers together,
exceptions' constructor keywords, ``Config`` loading, blueprint composition, ``url_for``
variants, routed ``HTTPMethodView``s and the names no area had read.

Thirteenth-round areas (``apidiff_cases13.py``, the README's "Differential fuzzing,
thirteenth round"): ``reg_pattern``, ``named_mw`` and ``form_direct``:
``router.register_pattern`` with odd labels, casts and patterns, named and prioritised
middleware registered every way, and ``parse_multipart_form``/``parse_cookie`` called
directly.

Twelfth-round areas (``apidiff_cases12.py``, the README's "Differential fuzzing, twelfth
round"): ``tls_ctx``, ``sock_bind`` and ``router_direct``: ``sanic.http.tls.context``'s
helpers over certificates made with ``openssl``, ``sanic.server.socket``'s binding
helpers, and ``sanic_routing.BaseRouter`` used alone.

Eleventh-round areas (``apidiff_cases11.py``, the README's "Differential fuzzing, eleventh
round"): ``static_links``, ``sig_prio``, ``cfg_obj``, ``req_genid`` and ``grp_hooks``:
``app.static`` over symbolic links, signal priorities and odd ``signal``/``add_signal``
arguments, ``update_config`` with classes and instances of every shape, ``generate_id``
overrides and hooks registered on a ``BlueprintGroup``.

Tenth-round areas (``apidiff_cases10.py``, the README's "Differential fuzzing, tenth
round"): ``range_direct``, ``file_cond``, ``err_render``, ``late_reg``, ``bp_copy``,
``report_exc``, ``run_enums`` and ``fwd_addr``: ``ContentRangeHandler`` and
``validate_file`` called directly, ``sanic.errorpages`` renderers, registration after the
app has served, ``Blueprint.copy`` keywords, ``app.report_exception``, the run-time enums
and ``fwd_normalize_address``.

Ninth-round areas (``apidiff_cases9.py``, the README's "Differential fuzzing, ninth
round"): ``config_dict``, ``route_stack``, ``req_accept``, ``req_params`` and ``exc_copy``:
``app.config`` as a mapping, route decorators stacked on one handler, ``request.accept``,
``RequestParameters``/``File`` made by hand, and exceptions copied and pickled.

Eighth-round areas (``apidiff_cases8.py``, the README's "Differential fuzzing, eighth
round"): ``url_ext``, ``err_origin``, ``ws_reg``, ``route_wire8``, ``file_names``,
``req_current`` and ``sig_events``: ``url_for`` inside a handler under ``SERVER_NAME``
and proxies, errors raised in middleware, exception handlers and signals under each
error format, websocket routes registered every way, typed parameters with route
options through the test client, ``file``/``file_stream`` with odd names and mime types,
``Request.get_current()`` wherever a request's code runs, and which ``http.*`` signals
fire, in which order and with what, for requests of each outcome.

Seventh-round areas (``apidiff_cases7.py``, the README's "Differential fuzzing, seventh
round"): ``req_ctor``, ``resp_ctor``, ``add_route_forms`` and ``cookie_obj``: a
``Request`` built by hand and read before any server, an ``HTTPResponse`` built, changed
and read back, ``add_route``/``add_websocket_route`` on apps and blueprints with every
argument form, and ``Cookie``/``CookieJar`` objects made by hand.

Sixth-round areas (``apidiff_cases6.py``, the README's "Differential fuzzing, sixth
round"): ``media_type``, ``url_names``, ``sig_names``, ``app_state``, ``route_coll``,
``exc_classes``, ``app_ctor``, ``bp_nest`` and ``bp_attrs``: ``MediaType``/``Matched``/``AcceptList`` as
objects, ``url_for`` of every kind of route name, signal names on apps and blueprints, an
app's state outside a run, route registration collisions, exception classes defined by
users (two bases, class attributes), the ``Sanic()`` constructor's arguments, and nested
blueprint groups with middleware and exception handlers at each level, and one
blueprint's options, attributes and registration.

Fifth-round areas (``apidiff_cases5.py``, the README's "Differential fuzzing, fifth
round"): ``helpers``, ``constants``, ``log_cfg``, ``config_conv``, ``static_opts``,
``req_route``, ``router_intro``, ``resp_args``, ``err_lookup``, ``get_form``,
``bp_group_api``, ``decor_returns`` and ``stream_req``: ``sanic.helpers``/``utils``,
``sanic.constants`` and ``sanic.log``, ``Config`` from the environment with converters,
``app.static`` options, what a handler reads of its route, the router's tables, the
response helpers' argument types, ``ErrorHandler``, ``get_form``, ``BlueprintGroup`` as a
sequence, what registration decorators return and streamed request bodies.

Fourth-round areas (``apidiff_cases4.py``, the README's "Differential fuzzing, fourth
round"): ``views``, ``ctx``, ``registry``, ``json_resp``, ``header_api``, ``req_body``,
``route_defs``, ``cookiejar``, ``exc_attrs``, ``tasks``, ``listeners``, ``resp_mut``,
``url_static`` and ``respond_api``: class-based views, the context objects, the app registry,
``JSONResponse``'s mutators, the ``Header`` multidict, a request's body and credentials,
route definitions, cookie jars, exception instances, background tasks, listeners,
responses changed after they were made, ``url_for`` of static routes and
``request.respond()``/``reset_response()``. Sanic reads
handlers' source (to guess their error format): run from a copy of these files while
editing them.

Third-round areas (``apidiff_cases3.py``, the README's "Differential fuzzing, third
round"): ``exc3``, ``exc_handlers``, ``middleware``, ``blueprints``, ``config``,
``request_props`` and ``signals``: what an app's exceptions, handlers, middleware,
blueprints, configuration and signals make of requests.

Second-round areas (``apidiff_cases2.py``, see the README's "Differential fuzzing, second
round"): ``args2``, ``form2``, ``cookie_req2``, ``router2``, ``wire2``, ``url_for2`` and
``redirect2`` send wider inputs through the first round's operations; ``cookie_attrs``,
``json_odd`` and ``file_wire`` have their own.

``--ref-python`` (default ``/tmp/st-ref/bin/python``, Sanic without sanic-ext) and
``--hurtle-python`` (default ``.venv/bin/python``) choose the interpreters. Exit status 1
when a difference is not a kept one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from apidiff_cases3 import Ops3  # noqa: E402
from apidiff_cases4 import Ops4  # noqa: E402
from apidiff_cases5 import Ops5  # noqa: E402
from apidiff_cases6 import Ops6  # noqa: E402
from apidiff_cases7 import Ops7  # noqa: E402
from apidiff_cases8 import Ops8  # noqa: E402
from apidiff_cases9 import Ops9  # noqa: E402
from apidiff_cases10 import Ops10  # noqa: E402
from apidiff_cases11 import Ops11  # noqa: E402
from apidiff_cases12 import Ops12  # noqa: E402
from apidiff_cases13 import Ops13  # noqa: E402
from apidiff_cases14 import Ops14  # noqa: E402
from apidiff_cases15 import Ops15, Ops15b  # noqa: E402
from apidiff_cases16 import Ops16  # noqa: E402
from apidiff_cases17 import Ops17  # noqa: E402

# ---------------------------------------------------------------------------- worker side


def norm(v):
    """A JSON-able picture of a value, keeping types that users compare on."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, (bytes, bytearray)):
        return {"bytes": bytes(v).decode("latin-1")}
    if isinstance(v, dict):
        return {"dict": [[norm(k), norm(x)] for k, x in v.items()]}
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    return {"obj": type(v).__name__, "str": str(v)}


def exc_info(e):
    return {"exc": [c.__name__ for c in type(e).__mro__], "msg": str(e)}


class Worker(
    Ops3, Ops4, Ops5, Ops6, Ops7, Ops8, Ops9, Ops10, Ops11, Ops12, Ops13, Ops14, Ops15, Ops15b,
    Ops16, Ops17,
):
    def __init__(self):
        import asyncio

        from sanic import Sanic

        Sanic.test_mode = True
        self.loop = asyncio.new_event_loop()
        self.n = 0
        self.apps = {}

    def new_app(self, **config):
        from sanic import Sanic

        self.n += 1
        app = Sanic(f"fz{self.n}")
        for k, v in config.items():
            setattr(app.config, k, v)
        return app

    def run(self, coro):
        return self.loop.run_until_complete(coro)

    # sanic.headers -------------------------------------------------------------
    def op_content_header(self, a):
        from sanic.headers import parse_content_header

        return parse_content_header(a["value"])

    def op_forwarded(self, a):
        from sanic.compat import Header
        from sanic.config import Config
        from sanic.headers import parse_forwarded, parse_xforwarded

        cfg = Config()
        for k, v in a["config"].items():
            setattr(cfg, k, v)
        h = Header([tuple(p) for p in a["headers"]])
        fn = parse_forwarded if a["which"] == "forwarded" else parse_xforwarded
        return fn(h, cfg)

    def op_fwd_normalize(self, a):
        from sanic.headers import fwd_normalize

        return fwd_normalize([tuple(p) for p in a["pairs"]])

    def op_parse_host(self, a):
        from sanic.headers import parse_host

        return parse_host(a["value"])

    def op_http1(self, a):
        from sanic.headers import format_http1_response

        hs = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in a["headers"]]
        return format_http1_response(a["status"], hs)

    def op_accept(self, a):
        from sanic.headers import parse_accept

        acc = parse_accept(a["value"])
        out = {"list": [[str(m), m.type, m.subtype, m.q, m.params] for m in acc]}
        m = acc.match(*a["mimes"], accept_wildcards=a["wild"])
        out["match"] = [str(m), m.mime, str(m.header) if m.header else None, bool(m)]
        return out

    def op_credentials(self, a):
        from sanic.headers import parse_credentials

        return parse_credentials(a["value"], a["prefixes"])

    # request: cookies, args, forms ------------------------------------------------
    def request(self, target, headers, body=b""):
        from sanic.compat import Header
        from sanic.request import Request

        if "app" not in self.apps:
            self.apps["app"] = self.new_app()
        req = Request(target, Header(headers), "1.1", "POST", None, self.apps["app"])
        req.body = body
        return req

    def op_cookie_req(self, a):
        req = self.request(b"/", [("cookie", c) for c in a["headers"]])
        ck = req.cookies
        out = {"cookies": dict(ck)}
        for n in a["names"]:
            out[n] = [ck.get(n), ck.getlist(n), ck.get(n, "dflt")]
        return out

    def op_cookie_resp(self, a):
        import datetime

        from sanic import response

        r = response.text("x")
        for kw in a["add"]:
            kw = dict(kw)
            if "expires" in kw:
                kw["expires"] = datetime.datetime.fromtimestamp(kw["expires"], datetime.UTC)
            r.add_cookie(**kw)
        for kw in a["delete"]:
            r.delete_cookie(**kw)
        return [[k, v] for k, v in r.headers.items() if k.lower() == "set-cookie"]

    def op_args(self, a):
        req = self.request(b"/p?" + a["qs"].encode("latin-1"), [])
        out = {"args": dict(req.args), "query_args": req.query_args, "qs": req.query_string}
        kw = a["kw"]
        out["get_args"] = dict(req.get_args(**kw))
        out["get_query_args"] = req.get_query_args(**kw)
        return out

    def op_form(self, a):
        req = self.request(b"/f", [("content-type", a["ctype"])], a["body"].encode("latin-1"))
        form = req.form
        files = req.files
        out = {"form": dict(form) if form is not None else None}
        out["files"] = (
            {k: [[f.name, f.type, f.body] for f in v] for k, v in files.items()}
            if files is not None
            else None
        )
        out["get"] = [form.get(k) for k in a["names"]] if form is not None else None
        return out

    # router and url_for ------------------------------------------------------------
    def build_app(self, routes, cfg):
        from sanic import response

        app = self.new_app(**cfg)
        for i, r in enumerate(routes):

            async def handler(request, **kw):
                return response.text("x")

            handler.__name__ = f"h{i}"
            kw = {k: v for k, v in r.items() if k != "path"}
            try:
                app.route(r["path"], name=f"h{i}", **kw)(handler)
            except Exception as e:
                return app, exc_info(e)
        return app, None

    def op_router(self, a):
        app, err = self.build_app(a["routes"], a.get("config", {}))
        if err:
            return {"register": err}
        try:
            app.router.finalize()
        except Exception as e:
            return {"finalize": exc_info(e)}
        out = []
        for path, method, host in a["requests"]:
            try:
                route, _h, params = app.router.get(path, method, host)
                out.append([route.name.split(".", 1)[1], params])
            except Exception as e:
                out.append(exc_info(e))
        return out

    def op_url_for(self, a):
        app, err = self.build_app(a["routes"], a.get("config", {}))
        if err:
            return {"register": err}
        out = []
        for name, kw in a["calls"]:
            try:
                out.append(app.url_for(f"{app.name}.{name}", **kw))
            except Exception as e:
                out.append(exc_info(e))
        return out

    def op_wire(self, a):
        """Requests through app.asgi_client to an app holding the routes."""
        app, err = self.build_app(a["routes"], a.get("config", {}))
        if err:
            return {"register": err}
        from sanic import response

        @app.on_request
        async def tag(request):
            r = request.route
            return response.json(
                [r.name.split(".", 1)[1] if r else None, request.match_info],
                headers={"x": "1"},
            )

        async def go():
            out = []
            for path, method, host in a["requests"]:
                hs = {"host": host} if host else {}
                _, resp = await app.asgi_client.request(method.lower(), path, headers=hs)
                out.append([resp.status, resp.text])
            return out

        return self.run(go())

    # responses ---------------------------------------------------------------------
    def op_response(self, a):
        from sanic import response

        kind, kw = a["kind"], dict(a["kw"])
        if kind == "file":
            r = self.run(response.file(**kw))
        else:
            if kw.pop("as_bytes", False) and isinstance(kw["body"], str):
                kw["body"] = kw["body"].encode("utf-8")
            r = getattr(response, kind)(**kw)
        return {
            "status": r.status,
            "headers": [[k, v] for k, v in r.headers.items()],
            "ctype": r.content_type,
            "body": r.body,
        }

    def op_response_wire(self, a):
        app = self.apps.get("resp")
        if app is None:
            app = self.apps["resp"] = self.new_app()
            from sanic import response

            @app.post("/r")
            async def make(request):
                spec = request.json
                kw = dict(spec["kw"])
                if kw.pop("as_bytes", False) and isinstance(kw["body"], str):
                    kw["body"] = kw["body"].encode("utf-8")
                if spec["kind"] == "file":
                    return await response.file(**kw)
                return getattr(response, spec["kind"])(**kw)

        async def go():
            _, resp = await app.asgi_client.post("/r", json=a)
            hs = sorted(
                [k.lower(), v] for k, v in resp.headers.items() if k.lower() != "content-length"
            )
            return {"status": resp.status, "headers": hs, "body": resp.content}

        return self.run(go())

    # second round (apidiff_cases2.py) -------------------------------------------------
    def op_cookie_attrs(self, a):
        import datetime as dt

        from sanic import response

        utc = dt.timezone.utc
        expires = {
            "utc": dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=utc),
            "naive": dt.datetime(2030, 1, 2, 3, 4, 5),
            "+02:00": dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            "str": "Wed, 02 Jan 2030 03:04:05 GMT",
            "int": 1893553445,
            "date": dt.date(2030, 1, 2),
            "epoch": dt.datetime(1970, 1, 1, tzinfo=utc),
            "far": dt.datetime(9999, 12, 31, tzinfo=utc),
        }
        r = response.text("x")
        out = []
        for kind, kw in a["calls"]:
            kw = dict(kw)
            if "expires" in kw:
                kw["expires"] = expires[kw["expires"]]
            try:
                if kind == "add":
                    c = r.add_cookie(**kw)
                    out.append(["added", type(c).__name__, str(c)])
                else:
                    out.append(["deleted", r.delete_cookie(**kw)])
            except Exception as e:
                out.append(exc_info(e))
        try:
            out.append([str(v) for k, v in r.headers.items() if k.lower() == "set-cookie"])
        except Exception as e:
            out.append(exc_info(e))
        return out

    def op_json_odd(self, a):
        import datetime as dt
        import decimal

        from sanic import response

        odd = {
            "nan": lambda: float("nan"),
            "inf": lambda: float("inf"),
            "-inf": lambda: float("-inf"),
            "bytes": lambda: b"by",
            "set": lambda: {1},
            "tuple": lambda: (1, "t"),
            "decimal": lambda: decimal.Decimal("1.10"),
            "datetime": lambda: dt.datetime(2020, 1, 2, 3, 4, 5),
            "big": lambda: 10**30,
            "neg0": lambda: -0.0,
            "intkey": lambda: {1: "a"},
            "floatkey": lambda: {1.5: "a"},
            "nonekey": lambda: {None: 1},
            "boolkey": lambda: {True: 1},
            "tuplekey": lambda: {(1, 2): 1},
            "surrogate": lambda: "\ud800",
            "obj": lambda: Odd(),
            "nested": lambda: {"a": [{"b": (2, None)}]},
        }

        def build(v):
            if isinstance(v, dict) and "odd" in v:
                return odd[v["odd"]]()
            if isinstance(v, dict):
                return {k: build(x) for k, x in v["dict"]}
            if isinstance(v, list):
                return [build(x) for x in v]
            return v

        kw = dict(a["kw"])
        if "default" in kw:
            kw["default"] = {"str": str, "repr": repr}[kw["default"]]
        r = response.json(build(a["body"]), status=a["status"], **kw)
        return {"status": r.status, "ctype": r.content_type, "body": r.body}

    def op_file_wire(self, a):
        app = self.apps.get("files")
        if app is None:
            app = self.apps["files"] = self.files_app()

        async def go():
            url = {
                "static": "/s/f{size}.txt",
                "static_range": "/r/f{size}.txt",
            }.get(a["how"], "/h/{how}/{size}/{chunk}").format(**a)
            last = {"LASTMOD": "40", "LASTMOD+1": "41", "LASTMOD-1": "39"}
            headers = {
                k: f"Sun, 13 Sep 2020 12:26:{last[v]} GMT" if v in last else v
                for k, v in a["headers"].items()
            }
            _, resp = await app.asgi_client.request(a["method"], url, headers=headers)
            hs = sorted(
                [k.lower(), v] for k, v in resp.headers.items() if k.lower() != "content-length"
            )
            return {"status": resp.status, "headers": hs, "body": resp.content}

        return self.run(go())

    def op_file_args(self, a):
        import datetime as dt

        from sanic import response

        if "files" not in self.apps:  # it writes the files
            self.apps["files"] = self.files_app()
        utc = dt.timezone.utc
        modified = {
            "aware": dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=utc),
            "naive": dt.datetime(2021, 1, 2, 3, 4, 5),
            "plus2": dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            "float": 1609556645.5,
            "int": 1609556645,
            "zero": 0,
            "none": None,
            "str": "Sat, 02 Jan 2021 03:04:05 GMT",
        }
        kw = dict(a["kw"])
        if "last_modified" in kw:
            kw["last_modified"] = modified[kw["last_modified"]]
        path = f"/tmp/apidiff_files/f{a['size']}.txt"
        r = self.run(getattr(response, a["how"])(path, **kw))
        headers = sorted(
            [k.lower(), "<date>" if k.lower() == "expires" else str(v)]
            for k, v in r.headers.items()
        )
        return {"status": r.status, "ctype": str(r.content_type), "headers": headers}

    def files_app(self):
        import os

        from sanic import response
        from sanic.exceptions import HeaderNotFound
        from sanic.handlers import ContentRangeHandler

        root = "/tmp/apidiff_files"
        os.makedirs(root, exist_ok=True)
        for size in (0, 1, 10, 100):
            path = f"{root}/f{size}.txt"
            with open(path, "wb") as fh:
                fh.write(bytes(48 + i % 10 for i in range(size)))
            os.utime(path, (1600000000, 1600000000))
        app = self.new_app()
        app.static("/s", root)
        app.static("/r", root, use_content_range=True, name="ranged")

        @app.route("/h/<how>/<size:int>/<chunk:int>", methods=["GET", "HEAD"])
        async def serve(request, how, size, chunk):
            path = f"{root}/f{size}.txt"
            rng = None
            if how.endswith("_range"):
                try:
                    rng = ContentRangeHandler(request, os.stat(path))
                except HeaderNotFound:
                    rng = None
            if how.startswith("file_stream"):
                return await response.file_stream(path, chunk_size=chunk, _range=rng)
            if how == "file_headers":
                return await response.file(path, request_headers=request.headers)
            return await response.file(path, _range=rng)

        return app

    # exceptions --------------------------------------------------------------------
    def op_error_page(self, a):
        key = json.dumps(a["config"], sort_keys=True)
        app = self.apps.get(key)
        if app is None:
            config = dict(a["config"])
            debug = config.pop("DEBUG", False)
            app = self.apps[key] = self.new_app(**config)
            if debug:
                from sanic.application.constants import Mode

                app.state.mode = Mode.DEBUG
            from sanic import exceptions as E

            @app.post("/e")
            async def boom(request):
                spec = request.json
                import builtins

                cls = getattr(E, spec["cls"], None) or getattr(builtins, spec["cls"])
                args = list(spec["args"])
                if spec.get("bytes") and args:
                    args[0] = args[0].encode("utf-8")
                raise cls(*args, **spec["kw"])

        async def go():
            hs = {"accept": a["accept"]} if a["accept"] is not None else {}
            _, resp = await app.asgi_client.post("/e", json=a["exc"], headers=hs)
            hs = sorted(
                [k.lower(), v] for k, v in resp.headers.items() if k.lower() != "content-length"
            )
            return {"status": resp.status, "headers": hs, "body": page(resp)}

        return self.run(go())


class Odd:
    """An object JSON cannot encode, whose str() is the same in both processes."""

    def __str__(self):
        return "odd"

    def __repr__(self):
        return "Odd()"


def page(resp):
    """An error page without what differs by design: HTML markup (the title is compared),
    and the frames of debug tracebacks (file names and lines are each framework's)."""
    import re

    ctype = resp.headers.get("content-type", "")
    text = resp.text
    if "html" in ctype:
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        return {"title": title.group(1) if title else None}
    if "json" in ctype:
        try:
            data = json.loads(text)
        except ValueError:
            return text
        if isinstance(data, dict):
            for item in data.get("exceptions", ()):
                item["frames"] = len(item.get("frames", ()))
        return data
    return re.sub(r"\n    File [^\n]*\n    [^\n]*\n", "\n", text)


def worker_main():
    import io
    import logging

    logging.disable(logging.CRITICAL)
    w = Worker()
    out = sys.stdout
    sys.stdout = io.StringIO()  # keep prints of the framework off the pipe
    for line in sys.stdin:
        case = json.loads(line)
        if any(
            hasattr(o, "op_" + case["op"])
            for o in (
                Ops3, Ops4, Ops5, Ops6, Ops7, Ops8, Ops9, Ops10, Ops11, Ops12, Ops13, Ops14, Ops15,
                Ops15b, Ops16, Ops17,
            )
        ):
            w.n = 0  # app names by their order in the case (test_mode allows reuse)
        try:
            res = {"ok": norm(getattr(w, "op_" + case["op"])(case["args"]))}
        except Exception as e:
            res = exc_info(e)
        sys.stdout.seek(0)
        sys.stdout.truncate()
        out.write(json.dumps(res) + "\n")
        out.flush()


# ---------------------------------------------------------------------------- driver


class Proc:
    def __init__(self, python, env=None):
        self.p = subprocess.Popen(
            [python, __file__, "worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd="/tmp",
            env=env,
        )

    def ask(self, case):
        self.p.stdin.write(json.dumps(case) + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        if not line:
            raise RuntimeError("worker died")
        return json.loads(line)

    def close(self):
        self.p.stdin.close()
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:  # a worker an app's thread keeps alive
            self.p.kill()
            self.p.wait(10)


def _as_exc(v):
    """A nested exception picture ({"dict": [["exc", ...], ["msg", ...]]}) as a plain one."""
    if isinstance(v, dict) and list(v) == ["dict"] and [k for k, _ in v["dict"]] == ["exc", "msg"]:
        return dict(v["dict"])
    return v


def deep_same(ref, hur):
    """Equal, but for nested exceptions that ``same`` takes as the same."""
    if ref == hur:
        return True
    ref, hur = _as_exc(ref), _as_exc(hur)
    if isinstance(ref, dict) and isinstance(hur, dict):
        if "exc" in ref and "exc" in hur:
            return same(ref, hur)
        return list(ref) == list(hur) and all(deep_same(ref[k], hur[k]) for k in ref)
    if isinstance(ref, list) and isinstance(hur, list):
        return len(ref) == len(hur) and all(deep_same(a, b) for a, b in zip(ref, hur, strict=True))
    return False


def same(ref, hur):
    if ref == hur:
        return True
    if "ok" in ref and "ok" in hur:
        return deep_same(ref["ok"], hur["ok"])
    if "exc" in ref and "exc" in hur:
        # Hurtle may raise a class that is also Sanic's type and a clearer one, with its own
        # message (Sanic's is then a bare Python error).
        if ref["exc"][0] == hur["exc"][0]:
            return ref["msg"] == hur["msg"]
        return ref["exc"][0] in hur["exc"]
    return False


def short(v):
    if isinstance(v, dict) and "exc" in v:
        return v["exc"][0]
    return "value"


def _exc_dict(v):
    if isinstance(v, list) and v and isinstance(v[0], list) and v[0][:1] == ["exc"]:
        return dict(v)
    return v


def split(case, ref, hur):
    """Cases whose result is a list per request: one (case, ref, hur) per differing item."""
    items = case["args"].get("requests") or case["args"].get("calls")
    if (
        "ok" in ref
        and "ok" in hur
        and items
        and isinstance(ref["ok"], list)
        and len(ref["ok"]) == len(hur["ok"])
    ):
        out = []
        for item, a, b in zip(items, ref["ok"], hur["ok"], strict=False):
            a = a["dict"] if isinstance(a, dict) and "dict" in a else a
            b = b["dict"] if isinstance(b, dict) and "dict" in b else b
            a, b = _exc_dict(a), _exc_dict(b)
            if not deep_same(a, b):
                sub = dict(case, args=dict(case["args"], item=item))
                sub["args"].pop("requests", None)
                sub["args"].pop("calls", None)
                out.append((sub, a, b))
        return out
    return [(case, ref, hur)]


def signature(op, ref, hur):
    ref = ref.get("ok", ref) if isinstance(ref, dict) else ref
    hur = hur.get("ok", hur) if isinstance(hur, dict) else hur
    a, b = short(ref), short(hur)
    return f"{op}: {a} vs {b}" if (a, b) != ("value", "value") else f"{op}: value"


def main():
    if sys.argv[1:2] == ["worker"]:
        return worker_main()
    sys.path.insert(0, str(HERE))
    from apidiff_cases import GENERATORS, SLOW
    from apidiff_cases2 import GENERATORS2, OP_OF, SLOW2
    from apidiff_cases3 import GENERATORS3, SLOW3
    from apidiff_cases4 import GENERATORS4, SLOW4
    from apidiff_cases5 import GENERATORS5, SLOW5
    from apidiff_cases6 import GENERATORS6, SLOW6
    from apidiff_cases7 import GENERATORS7, SLOW7
    from apidiff_cases8 import GENERATORS8, SLOW8
    from apidiff_cases9 import GENERATORS9, SLOW9
    from apidiff_cases10 import GENERATORS10, SLOW10
    from apidiff_cases11 import GENERATORS11, SLOW11
    from apidiff_cases12 import GENERATORS12, SLOW12
    from apidiff_cases13 import GENERATORS13, SLOW13
    from apidiff_cases14 import GENERATORS14, SLOW14
    from apidiff_cases15 import GENERATORS15, SLOW15
    from apidiff_cases16 import GENERATORS16, SLOW16
    from apidiff_cases17 import GENERATORS17, SLOW17
    from apidiff_kept import kept_label

    GENERATORS = {
        **GENERATORS,
        **GENERATORS2,
        **GENERATORS3,
        **GENERATORS4,
        **GENERATORS5,
        **GENERATORS6,
        **GENERATORS7,
        **GENERATORS8,
        **GENERATORS9,
        **GENERATORS10,
        **GENERATORS11,
        **GENERATORS12,
        **GENERATORS13,
        **GENERATORS14,
        **GENERATORS15,
        **GENERATORS16,
        **GENERATORS17,
    }
    SLOW = {
        **SLOW,
        **SLOW2,
        **SLOW3,
        **SLOW4,
        **SLOW5,
        **SLOW6,
        **SLOW7,
        **SLOW8,
        **SLOW9,
        **SLOW10,
        **SLOW11,
        **SLOW12,
        **SLOW13,
        **SLOW14,
        **SLOW15,
        **SLOW16,
        **SLOW17,
    }

    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300, help="cases per area")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", action="append")
    ap.add_argument("--time", type=float, default=600)
    ap.add_argument("-v", action="count", default=0)
    ap.add_argument("--ref-python", default="/tmp/st-ref/bin/python")
    ap.add_argument("--hurtle-python", default=str(ROOT / ".venv/bin/python"))
    ap.add_argument("--json", help="write every difference here")
    o = ap.parse_args()
    sys.stdout.reconfigure(errors="backslashreplace")  # lone surrogates in JSON results
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
    ref, hur = Proc(o.ref_python, env), Proc(o.hurtle_python, env)
    buckets = defaultdict(list)
    counts = defaultdict(int)
    t0 = time.time()
    areas = o.only or list(GENERATORS)
    for area in areas:
        rng = random.Random(f"{o.seed}-{area}")
        n = max(1, int(o.count * SLOW.get(area, 1)))
        for _ in range(n):
            if time.time() - t0 > o.time:
                break
            case = {"op": OP_OF.get(area, area), "args": GENERATORS[area](rng)}
            a, b = ref.ask(case), hur.ask(case)
            counts[area] += 1
            if not same(a, b):
                for sub, x, y in split(case, a, b):
                    label = kept_label(area, sub, x, y) or kept_label(case["op"], sub, x, y)
                    key = f"{area}: kept: {label}" if label else signature(area, x, y)
                    buckets[key].append((sub, x, y))
    ref.close()
    hur.close()
    total = sum(len(v) for v in buckets.values())
    unexplained = sum(len(v) for k, v in buckets.items() if ": kept: " not in k)
    print(
        f"{sum(counts.values())} cases ({dict(counts)}), {total} differences "
        f"({unexplained} not kept on purpose), {len(buckets)} buckets"
    )
    for sig, items in sorted(buckets.items(), key=lambda kv: (": kept: " in kv[0], kv[0])):
        print(f"\n== {sig}: {len(items)}")
        if ": kept: " in sig and not o.v:
            continue
        for case, a, b in items[: 1 + o.v * 2]:
            print("  case  ", json.dumps(case["args"], ensure_ascii=False)[:1500])
            print("  sanic ", json.dumps(a, ensure_ascii=False)[:1500])
            print("  hurtle", json.dumps(b, ensure_ascii=False)[:1500])
    if o.json:
        Path(o.json).write_text(
            json.dumps([i for v in buckets.values() for i in v], ensure_ascii=False),
            errors="backslashreplace",  # lone surrogates in JSON results
        )
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
