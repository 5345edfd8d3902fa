"""Behind a reverse proxy: PROXIES_COUNT / REAL_IP_HEADER / FORWARDED_SECRET config
and handlers reading request.remote_addr, request.ip, request.scheme, request.host,
request.url_for and request.forwarded (pattern origin:
https://sanic.dev/en/guide/advanced/proxy-headers.html )."""

from sanic import Sanic
from sanic.response import json

app = Sanic("TutProxy")
app.config.PROXIES_COUNT = 1
app.config.REAL_IP_HEADER = "x-real-ip"
app.config.FORWARDED_SECRET = "sekrit"


@app.get("/whoami", name="whoami")
async def whoami(request):
    return json(
        {
            "remote_addr": request.remote_addr,
            "ip": request.ip,
            "scheme": request.scheme,
            "host": request.host,
            "server_name": request.server_name,
            "server_port": request.server_port,
            "url": request.url,
            "url_for": request.url_for("whoami"),
            "forwarded": dict(request.forwarded),
        }
    )
