"""The app both servers run for ``probe.py``: one route that reports what a handler sees.

``PROBE_RUN`` (JSON) holds the keyword arguments of ``app.run``; ``"ssl"`` may be
``{"context": [cert, key, password]}`` for an ``SSLContext`` made here, or a list of
such entries. ``PROBE_CONFIG`` (JSON) is applied to ``app.config`` first.
"""

import json
import os
import ssl
import sys

from sanic import Sanic
from sanic.response import json as json_response

app = Sanic("Tls2Probe")
app.config.update(json.loads(os.environ.get("PROBE_CONFIG", "{}")))


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return f"<{type(value).__name__}>"


@app.get("/")
async def index(request):
    info = request.conn_info
    cert = dict(info.cert) if info is not None and info.cert else info.cert
    out = {
        "scheme": request.scheme,
        "url": request.url,
        "host": request.host,
        "server_name": request.server_name,
        "server_port": request.server_port,
        "ip": request.ip,
        "port": request.port,
        "remote_addr": request.remote_addr,
        "conn.ssl": info.ssl,
        "conn.cert": _plain(cert),
        "conn.server_name": info.server_name,
        "conn.server": _plain(info.server),
        "conn.server_str": str(info.server),
        "app.state.unix": str(request.app.state.unix),
        "conn.server_port": info.server_port,
        "conn.client": _plain(info.client),
        "conn.client_port": info.client_port,
        "conn.peername": _plain(info.peername),
        "conn.sockname": _plain(info.sockname),
        "url_for": request.url_for("index"),
    }
    try:
        out["app.url_for_ext"] = app.url_for("index", _external=True)
    except Exception as error:
        out["app.url_for_ext"] = f"{type(error).__name__}: {error}"
    try:
        out["app.url_for_https"] = app.url_for("index", _external=True, _scheme="https")
    except Exception as error:
        out["app.url_for_https"] = f"{type(error).__name__}: {error}"
    return json_response(out)


def _context(entry):
    cert, key, password = entry
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key, password)
    return context


def _ssl(value):
    if isinstance(value, dict) and "context" in value:
        return _context(value["context"])
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
