"""An app for envdiff.py: settings from SANIC_* variables, and from CFG_FILE if set.

CFG_FILE is given to ``app.config.update_config`` as is (so ``${VAR}`` in it is expanded).
``/cfg`` shows the settings the served app sees, with their types. Settings changed while
serving (late.http): ``/set/KEY?v=JSON`` sets one from a handler; LATE (JSON, in the
environment) is set in a ``before_server_start`` listener.
"""

import asyncio
import json
import os

from sanic import Sanic, response

app = Sanic("config2")
if os.environ.get("CFG_FILE"):
    app.config.update_config(os.environ["CFG_FILE"])

KEYS = [
    "ACCESS_LOG", "KEEP_ALIVE", "KEEP_ALIVE_TIMEOUT", "REQUEST_TIMEOUT", "RESPONSE_TIMEOUT",
    "REQUEST_MAX_SIZE", "PROXIES_COUNT", "REAL_IP_HEADER", "FORWARDED_SECRET",
    "FALLBACK_ERROR_FORMAT", "NOISY_EXCEPTIONS", "REQUEST_ID_HEADER", "FOO", "MOTD",
]  # fmt: skip


@app.before_server_start
async def late(app):
    app.config.update(json.loads(os.environ.get("LATE", "{}")))


@app.get("/set/<key>")
async def set_key(request, key):
    app.config[key] = json.loads(request.args.get("v"))
    return response.text(f"{key} set")


def _id(request):
    value = str(request.id)
    return "uuid" if len(value) == 36 and value.count("-") == 4 else value


@app.route("/", methods=["GET", "POST"])
async def index(request):
    return response.json(
        {
            "id": _id(request),
            "ip": request.ip,
            "remote": request.remote_addr,
            "scheme": request.scheme,
            "len": len(request.body),
            "fwd": dict(request.forwarded),
        }
    )


@app.get("/cfg")
async def cfg(request):
    return response.json(
        {k: [type(app.config.get(k)).__name__, str(app.config.get(k))] for k in KEYS}
    )


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(1.5)
    return response.text("slow")


@app.get("/err")
async def err(request):
    raise ValueError("boom")
