from sanic import Sanic
from sanic.response import json

app = Sanic("EnvCfg")
@app.get("/cfg")
async def cfg(request):
    c = request.app.config
    return json({k: str(c.get(k)) for k in ("CORS_ORIGINS", "OAS_URL_PREFIX", "CORS_MAX_AGE", "HEALTH", "OAS_UI_DEFAULT", "CORS_ALLOW_HEADERS", "INJECTION_SIGNAL", "LOGGERS", "TEMPLATING_PATH_TO_TEMPLATES", "TRACE_EXCLUDED_HEADERS")} | {"ext_cfg": sorted(k for k in request.app.ext.config.keys())[:5], "types": str(type(c.CORS_MAX_AGE))})
