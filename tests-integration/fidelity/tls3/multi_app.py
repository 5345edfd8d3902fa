"""Two listeners for ``probe3.py``: an HTTPS app and a plain HTTP app that redirects to it
(the HTTP-to-HTTPS pattern), started with ``prepare`` + ``Sanic.serve()``.

argv: HTTPS port, HTTP port, certificate folder, then ``same`` to put both listeners on
one app (``app.prepare`` twice) instead of two apps.
"""

import sys

from sanic import Sanic
from sanic.response import json, redirect

https_port, http_port, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
same = sys.argv[4:] == ["same"]

secure = Sanic("Secure")
secure.config.SERVER_NAME = f"localhost:{https_port}"
plain = secure if same else Sanic("Plain")
if not same:
    plain.config.SERVER_NAME = f"localhost:{http_port}"


@secure.get("/info")
async def info(request):
    return json({"app": request.app.name, "scheme": request.scheme, "url": request.url,
                 "ssl": request.conn_info.ssl, "port": request.server_port,
                 "url_for": request.app.url_for("info", _external=True)})


if not same:
    @plain.get("/<path:path>")
    async def proxy(request, path):
        url = request.app.url_for("proxy", path=path, _server=secure.config.SERVER_NAME,
                                  _external=True, _scheme="https")
        return redirect(url)


if __name__ == "__main__":
    secure.prepare(host="127.0.0.1", port=https_port, ssl=folder)
    plain.prepare(host="127.0.0.1", port=http_port)
    Sanic.serve(primary=secure)
