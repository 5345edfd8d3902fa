"""opentelemetry-instrumentation-sanic 1.0.0 with the OpenTelemetry SDK 1.45: instrumented
the documented way (``SanicInstrumentor().instrument(...)`` before the app is made, so its
check of the installed ``sanic`` version comes first), spans and HTTP server metrics kept
in memory and shown by ``/spans`` and ``/metrics``; trace ids counted, so the
``traceresponse`` field is the same in both runs. Routes with parameters, errors, aborts,
streams, blueprints, views, an excluded URL and a propagated ``traceparent``."""

import itertools
import re

from opentelemetry import trace
from opentelemetry.instrumentation.sanic import SanicInstrumentor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.id_generator import IdGenerator


class Counted(IdGenerator):
    def __init__(self):
        self._ids = itertools.count(1)

    def generate_span_id(self):
        return next(self._ids)

    def generate_trace_id(self):
        return next(self._ids) << 64


exporter = InMemorySpanExporter()
tracer_provider = TracerProvider(id_generator=Counted())
tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
reader = InMemoryMetricReader()
meter_provider = MeterProvider(metric_readers=[reader])
INSTRUMENTOR = SanicInstrumentor()
INSTRUMENTOR.instrument(
    tracer_provider=tracer_provider, meter_provider=meter_provider, excluded_urls="/health,/spans,/metrics"
)

from sanic import Blueprint, Sanic, response  # noqa: E402
from sanic.exceptions import NotFound  # noqa: E402
from sanic.views import HTTPMethodView  # noqa: E402

app = Sanic("otel_app")
bp = Blueprint("bp", url_prefix="/bp", version=2)
HIDDEN = {"client.port", "network.peer.port", "server.port", "client.address"}


@app.get("/")
async def index(request):
    return response.text("ok")


@app.get("/items/<item_id:int>")
async def item(request, item_id):
    with trace.get_tracer("app", tracer_provider=tracer_provider).start_as_current_span("inner") as span:
        span.set_attribute("item", item_id)
    return response.json({"id": item_id, "instrumented": INSTRUMENTOR.is_instrumented_by_opentelemetry})


@app.post("/echo")
async def echo(request):
    return response.raw(request.body, status=201)


@app.get("/missing")
async def missing(request):
    raise NotFound("gone")


@app.get("/boom")
async def boom(request):
    raise RuntimeError("boom")


@app.get("/stream")
async def stream(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("a")
    await resp.send("b")
    await resp.eof()


@app.get("/health")
async def health(request):
    return response.text("fine")


@bp.get("/things/<name>")
async def thing(request, name):
    return response.text(name)


class View(HTTPMethodView):
    async def get(self, request):
        return response.text("view")

    async def patch(self, request):
        return response.empty(status=204)


app.blueprint(bp)
app.add_route(View.as_view(), "/view")


@app.get("/spans")
async def spans(request):
    out = []
    for span in exporter.get_finished_spans():
        attrs = {k: v for k, v in span.attributes.items() if k not in HIDDEN}
        if "url.full" in attrs:  # the test client's random port
            attrs["url.full"] = re.sub(r":\d+/", ":PORT/", attrs["url.full"])
        out.append({
            "name": span.name, "kind": span.kind.name, "status": span.status.status_code.name,
            "description": span.status.description, "attributes": attrs,
            "trace": format(span.context.trace_id, "x"),
            "parent": format(span.parent.span_id, "x") if span.parent else None,
            "events": [e.name for e in span.events],
        })
    exporter.clear()
    return response.json(out)


@app.get("/metrics")
async def metrics(request):
    out = {}
    data = reader.get_metrics_data()
    for rm in data.resource_metrics if data else []:
        for sm in rm.scope_metrics:
            for metric in sm.metrics:
                points = []
                for point in metric.data.data_points:
                    attrs = {k: v for k, v in point.attributes.items() if k not in HIDDEN}
                    value = getattr(point, "count", None)
                    if value is None:
                        value = point.value
                    points.append([sorted(attrs.items()), value])
                out[metric.name] = sorted(points, key=repr)
    return response.json(out)
