"""prometheus-sanic 3.0.0 (``python prometheus_monitor.py new``) or sanic-prometheus 0.2.1
(``... old``) on a Sanic app, run under either interpreter: requests of several outcomes
through a ``ReusableClient`` (its listeners register the metrics once), then the request
counters of ``/metrics`` printed (their ``_created`` timestamps left out) for diffing."""

import socket
import sys

from sanic import Sanic, text
from sanic.exceptions import NotFound
from sanic_testing.reusable import ReusableClient

if sys.argv[1:] == ["new"]:
    from prometheus_sanic import monitor
else:
    from sanic_prometheus import monitor

app = Sanic("prom")


@app.get("/a/b")
async def ab(request):
    return text("ab")


@app.get("/err")
async def err(request):
    raise ValueError("x")


@app.get("/nf")
async def nf(request):
    raise NotFound("nope")


@app.post("/p/<x:int>")
async def p(request, x):
    return text(str(x), status=201)


monitor(app).expose_endpoint()

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
client = ReusableClient(app, port=port)
client.run()
try:
    for method, url in [
        ("get", "/a/b"), ("get", "/a/b?q=1"), ("get", "/err"), ("get", "/nf"),
        ("get", "/missing"), ("post", "/a/b"), ("post", "/p/3"), ("options", "/a/b"),
        ("head", "/a/b"),
    ]:
        _, response = getattr(client, method)(url)
        print(method, url, response.status)
    _, response = client.get("/metrics")
    print(response.status, response.headers.get("content-type"))
    for line in response.text.splitlines():
        if not line.startswith("#") and "_created" not in line and "count" in line:
            print(line)
finally:
    client.stop()
