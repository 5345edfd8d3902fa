"""Configuration as deployment tutorials do it: environment variables with a custom
env_prefix (typed conversion of ints, floats, booleans), update_config from a .py
file and from a class, config read in handlers with .get and attribute access
(pattern origin: https://community.sanicframework.org/t/how-to-share-db-pool-session-data-between-multiple-requests/417
(app.config["DB_CONFIG"]), GitHub caitinggui/stodo (createApp factory))."""

import os
import tempfile

from sanic import Sanic
from sanic.response import json

os.environ.update(
    {
        "MYAPP_DB_URL": "sqlite://mem",
        "MYAPP_WORKERS": "4",
        "MYAPP_RATIO": "0.5",
        "MYAPP_DEBUG_SQL": "true",
        "MYAPP_FLAG_NO": "no",
        "MYAPP_lower": "x",
    }
)
CFG = os.path.join(tempfile.mkdtemp(prefix="tut-cfg-"), "settings.py")
with open(CFG, "w") as fh:
    fh.write("PAGE_SIZE = 25\nlowercase_ignored = 1\nDB_CONFIG = {'database': 'app'}\n")


class Defaults:
    FEATURE_X = True
    TIMEOUT_S = 3.5
    _private = "hidden"


def create_app():
    app = Sanic("TutConfig", env_prefix="MYAPP_")
    app.update_config(CFG)
    app.update_config(Defaults)

    @app.get("/config")
    async def config(request):
        c = request.app.config
        return json(
            {
                k: c.get(k)
                for k in (
                    "DB_URL",
                    "WORKERS",
                    "RATIO",
                    "DEBUG_SQL",
                    "FLAG_NO",
                    "lower",
                    "PAGE_SIZE",
                    "lowercase_ignored",
                    "DB_CONFIG",
                    "FEATURE_X",
                    "TIMEOUT_S",
                    "_private",
                )
            }
            | {
                "types": [
                    type(c.WORKERS).__name__,
                    type(c.RATIO).__name__,
                    type(c.DEBUG_SQL).__name__,
                ]
            }
        )

    @app.get("/missing")
    async def missing(request):
        return json({"v": request.app.config.NOT_THERE})

    return app


app = create_app()
