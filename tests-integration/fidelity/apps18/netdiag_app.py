"""Network diagnostics API (written for this round): custom path parameter types
registered with ``app.router.register_pattern`` (an ``ipv4`` cast to
``ipaddress.IPv4Address``, a ``cidr`` with a ``/`` inside by a regex, a ``port`` limited to
five digits), ``json(..., default=str)`` for the objects, ``Request.get_current()`` inside a
helper, ``request.get_query_args(keep_blank_values=True)`` and ``request.args.getlist``,
``url_for`` with a custom-typed parameter, and a route ordering check: a typed route beside
a plain ``<name>`` one on the same path."""

import ipaddress

from sanic import Request, Sanic
from sanic.exceptions import BadRequest
from sanic.response import json, text

app = Sanic("netdiag")
app.router.register_pattern(
    "ipv4", ipaddress.IPv4Address, r"^(?:\d{1,3}\.){3}\d{1,3}$"
)
app.router.register_pattern("port", int, r"^\d{1,5}$")


def _caller():
    request = Request.get_current()
    return {"path": request.path, "name": request.route.name if request.route else None}


@app.get("/ip/<addr:ipv4>")
async def ip(request, addr):
    return json({"addr": addr, "private": addr.is_private, "type": type(addr).__name__,
                 "caller": _caller()}, default=str)


@app.get("/ip/<name:str>")
async def ip_name(request, name):
    return json({"name": name, "caller": _caller()})


@app.get(r"/net/<cidr:(?:\d{1,3}\.){3}\d{1,3}/\d{1,2}>")
async def net(request, cidr):
    try:
        network = ipaddress.ip_network(cidr, strict=False)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    hosts = request.args.getlist("host") or []
    return json({"network": network, "size": network.num_addresses,
                 "contains": {h: ipaddress.ip_address(h) in network for h in hosts}},
                default=str)


@app.get("/svc/<host:ipv4>/<port:port>")
async def svc(request, host, port):
    if not 0 < port < 65536:
        raise BadRequest(f"port {port} out of range")
    return json({"host": host, "port": port, "url": request.app.url_for(
        "netdiag.svc", host=host, port=port, _external=True, _server="diag.local")},
        default=str)


@app.get("/args")
async def args(request):
    return json({
        "plain": request.args,
        "blank": request.get_query_args(keep_blank_values=True),
        "raw": request.query_string,
    })


@app.get("/link")
async def link(request):
    return text(request.app.url_for("netdiag.ip", addr="10.0.0.1") + " "
                + request.app.url_for("netdiag.net", cidr="10.0.0.0/8", host=["10.1.2.3", "1.1.1.1"]))
