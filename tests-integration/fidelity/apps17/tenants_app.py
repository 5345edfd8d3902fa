"""A multi-tenant SaaS front (written for this round): one blueprint per tenant bound to
its ``host=`` (a string, a list of hosts, a host with a port), the same paths served for
different hosts, an ``api`` blueprint with ``url_prefix`` and ``version=`` and
``version_prefix="/api/v"``, a blueprint group with ``url_prefix`` and its own
``version``, routes taking the tenant from ``request.host``/``request.server_name``/
``request.server_port``, an app route with ``host=`` beside a catch-all, ``url_for`` with
``_host=`` and ``_external=True`` (``SERVER_NAME`` set), blueprint middleware that tags the
tenant in ``request.ctx``, and a 404 for an unknown host."""

from sanic import Blueprint, Sanic
from sanic.response import json, text

app = Sanic("tenants")
app.config.SERVER_NAME = "saas.test"

acme = Blueprint("acme", host="acme.saas.test")
globex = Blueprint("globex", host=["globex.saas.test", "globex.test"])
portal = Blueprint("portal", host="portal.saas.test:8443")
api = Blueprint("api", url_prefix="/tenants", version=2, version_prefix="/api/v")
reports = Blueprint("reports", url_prefix="/reports")
billing = Blueprint("billing", url_prefix="/billing")
admin = Blueprint.group(reports, billing, url_prefix="/admin", version=3)

PLANS = {"acme": "gold", "globex": "silver"}


@acme.middleware("request")
async def tag_acme(request):
    request.ctx.tenant = "acme"


@globex.middleware("request")
async def tag_globex(request):
    request.ctx.tenant = "globex"


def describe(request):
    return {"tenant": getattr(request.ctx, "tenant", None), "host": request.host,
            "server_name": request.server_name, "port": request.server_port,
            "route": request.route.name if request.route else None}


@acme.get("/")
async def acme_home(request):
    return json(describe(request))


@acme.get("/plan")
async def acme_plan(request):
    return text(f"acme plan: {PLANS['acme']}")


@globex.get("/")
async def globex_home(request):
    return json(describe(request))


@globex.get("/plan")
async def globex_plan(request):
    return text(f"globex plan: {PLANS['globex']}")


@portal.get("/")
async def portal_home(request):
    return json(describe(request))


@api.get("/<name>")
async def tenant_info(request, name):
    if name not in PLANS:
        return json({"error": f"unknown tenant {name}"}, status=404)
    return json({"name": name, "plan": PLANS[name],
                 "home": request.app.url_for(f"{name}.{name}_home", _external=True,
                                             _server=f"{name}.saas.test")})


@api.get("/", name="tenant_list")
async def tenant_list(request):
    return json(sorted(PLANS))


@reports.get("/usage")
async def usage(request):
    return json({"usage": {k: len(k) for k in PLANS}, "path": request.path})


@billing.get("/invoices/<year:int>")
async def invoices(request, year):
    return json({"year": year, "path": request.path})


@app.get("/", host="saas.test")
async def landing(request):
    return text("welcome to saas.test")


@app.get("/whoami")
async def whoami(request):
    return json(describe(request))


@app.get("/links")
async def links(request):
    return json({
        "acme": app.url_for("acme.acme_home", _external=True, _server="acme.saas.test"),
        "globex_plan": app.url_for("globex.globex_plan", _external=True,
                                   _server="globex.test"),
        "api": app.url_for("api.tenant_info", name="acme"),
        "api_list": app.url_for("api.tenant_list"),
        "usage": app.url_for("reports.usage"),
        "invoices": app.url_for("billing.invoices", year=2024, _external=True),
        "whoami": app.url_for("whoami", _external=True, _scheme="https"),
    })


app.blueprint([acme, globex, portal, api, admin])
