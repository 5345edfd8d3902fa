"""sanic-ext's health monitor with workers: HEALTH, HEALTH_ENDPOINT, a custom prefix and
URI, the reports the workers send, and the /__health__-style endpoint's keys (values that
change per run are reduced to their types)."""
from sanic import Sanic
from sanic.response import json

app = Sanic("Health2")
app.config.HEALTH = True
app.config.HEALTH_ENDPOINT = True
app.config.HEALTH_URL_PREFIX = "/hc"
app.config.HEALTH_URI_TO_INFO = "/info"
app.config.HEALTH_REPORT_INTERVAL = 1


@app.get("/shape")
async def shape(request):
    workers = dict(request.app.m.workers)
    out = {}
    for name, info in workers.items():
        out[name.rsplit("-", 1)[0]] = {k: type(v).__name__ if k in ("pid", "start_at", "starts", "restart_at", "health") else v
                                       for k, v in info.items()}
    return json({"workers": out, "name": request.app.m.name.rsplit("-", 1)[0],
                 "health_queue": type(getattr(request.app.shared_ctx, "health_queue", None)).__name__,
                 "stage": str(request.app.state.stage)})
