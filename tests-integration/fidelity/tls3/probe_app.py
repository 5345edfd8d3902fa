"""The app both servers run for ``probe3.py``: what a handler (HTTP and websocket) sees
over TLS.

``PROBE_RUN`` (JSON) holds ``app.run``'s keyword arguments; inside ``"ssl"`` an entry
``{"context": [cert, key, password, client_ca]}`` becomes an ``SSLContext`` made here
(``client_ca`` set: client certificates are required), ``{"path": p}`` a ``Path``,
``{"bytes": s}`` ``s`` encoded.
``PROBE_CONFIG`` (JSON) is applied to ``app.config`` first.
"""

import hashlib
import json
import os
import ssl
import sys
from pathlib import Path

from sanic import Sanic
from sanic.response import json as json_response
from sanic.response import raw

app = Sanic("Tls3Probe")
app.config.update(json.loads(os.environ.get("PROBE_CONFIG", "{}")))


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return f"<{type(value).__name__}>"


def _view(request) -> dict:
    info = request.conn_info
    transport = request.transport
    ssl_object = transport.get_extra_info("ssl_object") if transport else None
    peer = transport.get_extra_info("peercert") if transport else None
    return {
        "scheme": request.scheme,
        "url": request.url,
        "host": request.host,
        "server_name": request.server_name,
        "conn.ssl": info.ssl,
        "conn.cert": _plain(dict(info.cert) if info.cert else info.cert),
        "conn.server_name": info.server_name,
        "version": ssl_object.version() if ssl_object else None,
        "alpn": ssl_object.selected_alpn_protocol() if ssl_object else None,
        "peercert_subject": _plain(peer.get("subject")) if peer else None,
        "url_for": request.url_for("index"),
        "url_for_ws": request.url_for("ws"),
        "app.url_for_ext": _try(lambda: app.url_for("index", _external=True)),
        "app.url_for_wss": _try(lambda: app.url_for("ws", _external=True, _scheme="wss")),
    }


def _try(call):
    try:
        return call()
    except Exception as error:
        return f"{type(error).__name__}: {error}"


@app.get("/")
async def index(request):
    return json_response(_view(request))


@app.get("/big")
async def big(request):
    return raw(b"x" * 3_000_000)


@app.post("/echo")
async def echo(request):
    return raw(hashlib.sha256(request.body).hexdigest().encode())


@app.websocket("/ws")
async def ws(request, websocket):
    await websocket.send(json.dumps(_view(request)))
    message = await websocket.recv()
    await websocket.send(f"echo:{message}")


def _context(entry):
    cert, key, password, *rest = entry
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key, password)
    if rest and rest[0]:
        context.load_verify_locations(rest[0])
        context.verify_mode = ssl.CERT_REQUIRED
    return context


def _ssl(value):
    if isinstance(value, dict) and "context" in value:
        return _context(value["context"])
    if isinstance(value, dict) and "bytes" in value:
        return value["bytes"].encode()
    if isinstance(value, dict) and "path" in value:
        return Path(value["path"])
    if isinstance(value, dict):
        return {k: _ssl(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_ssl(v) for v in value]
    return value


if __name__ == "__main__":
    kwargs = json.loads(os.environ.get("PROBE_RUN", "{}"))
    if "ssl" in kwargs:
        kwargs["ssl"] = _ssl(kwargs["ssl"])
    if kwargs.pop("_prepare", False):
        app.prepare(**kwargs)
        Sanic.serve()
    else:
        app.run(**kwargs)
    sys.stdout.flush()
