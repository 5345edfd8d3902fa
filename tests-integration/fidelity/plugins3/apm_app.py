"""elastic-apm 6.26.2's Sanic contrib (``elasticapm.contrib.sanic.ElasticAPM``): its request
and response middleware (transactions named from ``request.route.path``, trace parents
from the headers, request and response context), and the error handler it swaps in for
``app.error_handler`` (a subclass of Sanic's ``ErrorHandler`` that reports the exception,
then calls the original handler's ``lookup(exception)`` and ``default()``). Events are kept
in memory by a client whose ``queue()`` stores them (nothing is sent) and shown by
``/events``, without ids, times and durations."""

import re

from elasticapm.base import Client
from elasticapm.contrib.sanic import ElasticAPM

from sanic import Blueprint, Sanic, response
from sanic.exceptions import NotFound, SanicException
from sanic.views import HTTPMethodView

EVENTS: list = []


class MemoryClient(Client):
    def queue(self, event_type, data, flush=False):
        EVENTS.append((event_type, data))


app = Sanic("apm_app")
apm = ElasticAPM(
    app, client_cls=MemoryClient,
    config={
        "SERVICE_NAME": "plugins3", "SERVER_URL": "http://127.0.0.1:9", "CENTRAL_CONFIG": False,
        "CLOUD_PROVIDER": "none", "METRICS_INTERVAL": "0ms", "INSTRUMENT": False,
        "SERVER_VERSION": "8.0.0", "CAPTURE_BODY": "all", "CAPTURE_HEADERS": True,
    },
)
bp = Blueprint("bp", url_prefix="/bp")


class Teapot(SanicException):
    status_code = 418
    message = "short and stout"


@app.get("/")
async def index(request):
    return response.text("ok")


@app.get("/users/<uid:int>")
async def user(request, uid):
    return response.json({"uid": uid})


@app.post("/echo")
async def echo(request):
    return response.json(request.json, status=201)


@app.get("/boom")
async def boom(request):
    raise RuntimeError("boom")


@app.get("/missing")
async def missing(request):
    raise NotFound("gone")


@app.get("/teapot")
async def teapot(request):
    raise Teapot()


@app.get("/handled")
async def handled(request):
    raise KeyError("handled key")


@app.exception(KeyError)
async def on_key(request, exc):
    return response.json({"handled": str(exc)}, status=409)


@bp.get("/x/<name>")
async def bp_route(request, name):
    raise ValueError(f"bp {name}")


class View(HTTPMethodView):
    async def get(self, request):
        return response.text("view")


app.add_route(View.as_view(), "/view")
app.blueprint(bp)

DROP = {"env", "id", "trace_id", "transaction_id", "parent_id", "timestamp", "duration", "span_count",
        "sample_rate", "sampled", "system", "process", "agent", "service", "cloud", "language",
        "runtime", "framework", "remote_address", "port", "socket", "stacktrace", "frames",
        "lineno", "context_line", "pre_context", "post_context", "vars", "abs_path", "filename",
        "module", "function", "library_frame", "culprit", "dropped_spans_stats", "breakdown"}


def clean(value):
    if isinstance(value, dict):
        return {k: clean(v) for k, v in sorted(value.items()) if k not in DROP}
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", value)
    return value


@app.get("/events")
async def events(request):
    out = [[kind, clean(data)] for kind, data in EVENTS if kind in ("transaction", "error")]
    EVENTS.clear()
    return response.json(out)
