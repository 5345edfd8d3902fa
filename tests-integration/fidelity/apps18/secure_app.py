"""Security headers and request ids behind one proxy (written for this round): a
``Request`` subclass whose ``generate_id`` makes a sequential id when the client sends no
``X-Request-ID`` (``REQUEST_ID_HEADER`` renamed to ``X-Correlation-ID``), the id (an int,
a client's string) echoed; ``PROXIES_COUNT = 1`` with ``REAL_IP_HEADER`` unset, so
``X-Forwarded-For``/``-Proto``/``-Host`` are believed one hop deep; HSTS only when
``request.scheme`` is https; a CSP nonce from ``secrets`` kept in ``request.ctx`` and put
into an HTML page; ``X-Frame-Options`` etc. from an ``on_response`` middleware that leaves a
handler's own value; ``request.url_for`` and ``request.url`` as the proxy tells them."""

import itertools

from sanic import Request, Sanic
from sanic.response import html, json

COUNTER = itertools.count(1)


class TracedRequest(Request):
    @classmethod
    def generate_id(cls, *_):
        return next(COUNTER)


app = Sanic("secure", request_class=TracedRequest)
app.config.REQUEST_ID_HEADER = "X-Correlation-ID"
app.config.PROXIES_COUNT = 1


@app.on_request
async def nonce(request):
    request.ctx.nonce = f"n{request.id}"


@app.on_response
async def headers(request, response):
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Correlation-ID"] = str(request.id)
    if request.scheme == "https":
        response.headers["Strict-Transport-Security"] = "max-age=63072000"
    if response.content_type and response.content_type.startswith("text/html"):
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'nonce-{request.ctx.nonce}'")


@app.get("/")
async def page(request):
    return html(f'<script nonce="{request.ctx.nonce}">go()</script>')


@app.get("/framed")
async def framed(request):
    return html("<p>embeddable</p>", headers={"X-Frame-Options": "SAMEORIGIN"})


@app.get("/whoami")
async def whoami(request):
    return json({
        "id": request.id, "id_type": type(request.id).__name__,
        "ip": request.ip, "remote_addr": request.remote_addr, "client_ip": request.client_ip,
        "scheme": request.scheme, "host": request.host, "url": request.url,
        "url_for": request.url_for("secure.page"), "forwarded": dict(request.forwarded),
        "server_name": request.server_name, "server_port": request.server_port,
    })
