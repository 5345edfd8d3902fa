"""What reaches the app from Host / X-Forwarded-* / Forwarded, per proxy setting
(SEC_PROXY=none|secret|proxies2|realip|servername|realiponly|secretp1|p1; proxy.http)."""

import os

from sanic import Sanic, response

V = os.environ.get("SEC_PROXY", "none")
app = Sanic("px_" + V)
app.config.update(
    {
        "none": {},
        "secret": {"FORWARDED_SECRET": "s3cr3t"},
        "proxies2": {"PROXIES_COUNT": 2},
        "realip": {"REAL_IP_HEADER": "x-real-ip", "PROXIES_COUNT": 1},
        "servername": {"SERVER_NAME": "good.example"},
        "realiponly": {"REAL_IP_HEADER": "x-real-ip"},
        "secretp1": {"FORWARDED_SECRET": "s3cr3t", "PROXIES_COUNT": 1},
        "p1": {"PROXIES_COUNT": 1},
    }[V]
)
FIELDS = (
    "url",
    "host",
    "scheme",
    "server_name",
    "server_port",
    "remote_addr",
    "ip",
    "forwarded",
    "path",
    "server_path",
)


@app.get("/info/<x>")
async def info(request, x):
    d = {k: getattr(request, k) for k in FIELDS}
    d["url_for_req"] = request.url_for("info", x="q")
    d["url_for_ext"] = request.app.url_for("info", x="q", _external=True)
    return response.json(d)
