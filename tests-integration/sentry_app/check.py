"""An app monitored by sentry-sdk's Sanic integration, driven through the test client
(a real server on loopback) and the ASGI client. Events go to an in-process transport
(no network); prints one JSON line per event: what Sentry would show for it."""

import asyncio
import json
import sys

import sentry_sdk
from sentry_sdk.integrations.sanic import SanicIntegration
from sentry_sdk.transport import Transport

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import text

captured = []


class InProcess(Transport):
    """Keeps each error and transaction event instead of sending it."""

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type in ("event", "transaction"):
                captured.append(item.payload.json)


sentry_sdk.init(
    integrations=[SanicIntegration()],
    default_integrations=False,
    auto_enabling_integrations=False,
    transport=InProcess(),
    traces_sample_rate=1.0,
)

app = Sanic("monitored")


@app.get("/items/<item_id:int>")
async def show_item(request, item_id):
    sentry_sdk.capture_message(f"item {item_id}")
    return text("item")


@app.post("/divide")
async def divide(request):
    return text(str(1 / request.json["by"]))


@app.get("/gone")
async def gone(request):
    raise NotFound("no such thing")


@app.exception(KeyError)
async def on_key_error(request, exception):
    raise ValueError("the handler failed too")


@app.get("/lookup")
async def lookup(request):
    raise KeyError("missing")


REQUESTS = [
    ("get", "/items/7?verbose=1", {}),
    ("post", "/divide?twice=no", {"json": {"by": 0}}),
    ("get", "/gone", {}),
    ("get", "/lookup", {}),
    ("get", "/nowhere", {}),
]


def summary(event):
    request = event.get("request") or {}
    url = request.get("url", "")
    if url:  # the port is a free one, different on every run
        scheme, _, rest = url.partition("://")
        host, _, path = rest.partition("/")
        url = f"{scheme}://{host.split(':')[0]}/{path}"
    return {
        "type": event.get("type", "event"),
        "transaction": event.get("transaction"),
        "source": str((event.get("transaction_info") or {}).get("source")),
        "method": request.get("method"),
        "url": url,
        "query": request.get("query_string"),
        "data": request.get("data"),
        "message": (event.get("logentry") or {}).get("message") or event.get("message"),
        "errors": [
            [value["type"], value.get("mechanism", {}).get("type")]
            for value in (event.get("exception") or {}).get("values", [])
        ],
        "status": ((event.get("contexts") or {}).get("trace") or {}).get("status"),
    }


async def through_asgi(method, path, kwargs):
    return await getattr(app.asgi_client, method)(path, **kwargs)


def main():
    for method, path, kwargs in REQUESTS:
        if sys.argv[1:] == ["asgi"]:
            _, response = asyncio.run(through_asgi(method, path, kwargs))
        else:
            _, response = getattr(app.test_client, method)(path, **kwargs)
        print(json.dumps({"answer": [method.upper(), path, response.status]}))
    sentry_sdk.flush()
    for event in captured:
        print(json.dumps(summary(event), sort_keys=True))


main()
