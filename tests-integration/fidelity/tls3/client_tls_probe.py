"""``app.test_client`` with TLS server settings, one case per run (Sanic's client keeps its
fixed port after a failed case): ``python client_tls_probe.py CASE`` in a folder holding
``cert.pem``/``key.pem`` (trustme, for 127.0.0.1). Cases: ctx-plainurl, dict-plainurl,
dict-httpsurl, httpsurl-nossl, dict-https-verify."""

import ssl
import sys

from sanic import Sanic
from sanic.response import json as j

app = Sanic("TC")


@app.get("/")
async def index(request):
    c = request.conn_info.cert
    return j({"scheme": request.scheme, "url": request.url, "ssl": request.conn_info.ssl,
              "cert_keys": sorted(c) if c else c})


def run(label, *args, **kw):
    if label != sys.argv[1]:
        return
    try:
        _, resp = app.test_client.get(*args, **kw)
        print(label, resp.status, resp.text[:200])
    except Exception as e:
        print(label, "EXC", type(e).__name__, str(e)[:200])


ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain("cert.pem", "key.pem")
d = {"cert": "cert.pem", "key": "key.pem"}
run("ctx-plainurl", "/", server_kwargs={"ssl": ctx})
run("dict-plainurl", "/", server_kwargs={"ssl": d})
run("dict-httpsurl", "https://127.0.0.1:None/", server_kwargs={"ssl": d})
run("httpsurl-nossl", "https://127.0.0.1:None/")
run("dict-https-verify", "/", server_kwargs={"ssl": d}, verify=False)
