"""Twelve-factor configuration (written for this round): settings from ``SANIC_*``
environment variables (set here before the app is made, as a process manager would),
their conversion (``true``/``false`` to bool, ints, floats, strings that stay strings),
a custom prefix (``Sanic(env_prefix="TODO_")``), a converter added by
``Config(converters=[...])`` and passed as ``config=``, ``app.config.update_config`` with
a file path holding an environment variable (``${TODO_CONF_DIR}/settings.py``), a file
that does not parse (a ``SyntaxError`` in both, not ``PyFileError``) and one that is
missing, ``app.config.load`` with a
dict and an object, ``app.config.update`` with keywords, ``REQUEST_MAX_SIZE`` and
``FALLBACK_ERROR_FORMAT`` coming from the environment and acting on the server, and a
``/config`` view of what each key became (value and type). As first written the app passed
``env_prefix=`` beside ``config=``: refused alike (``When instantiating Sanic with config,
you cannot also pass env_prefix``); the prefix now goes to the ``Config`` only."""

import os
import tempfile
from pathlib import Path

os.environ.update({
    "TODO_REQUEST_MAX_SIZE": "2048",
    "TODO_FALLBACK_ERROR_FORMAT": "json",
    "TODO_DEBUG_SQL": "true",
    "TODO_CACHE_TTL": "300",
    "TODO_RATIO": "0.75",
    "TODO_ADMINS": "ana,bo",
    "TODO_EMPTY": "",
    "TODO_OFF": "no",
    "TODO_VERSION": "1.2.3",
    "TODO_CONF_DIR": str(Path(__file__).parent / "envconf"),
    "TODO_lower_key": "kept?",
    "SANIC_NOT_OURS": "1",
})

from sanic import Sanic
from sanic.config import Config
from sanic.exceptions import PyFileError
from sanic.response import json


def csv_list(value: str):
    if "," not in value:
        raise ValueError("not a list")
    return [v.strip() for v in value.split(",")]


app = Sanic("todo", config=Config(env_prefix="TODO_", converters=[csv_list]))

LOAD_ERRORS = []
BROKEN = Path(tempfile.mkdtemp(prefix="todo-conf-")) / "broken.py"
BROKEN.write_text("PAGE_SIZE = (\n")
app.config.update_config("${TODO_CONF_DIR}/settings.py")
for target in (str(BROKEN), "${TODO_CONF_DIR}/missing.py"):
    try:
        app.config.update_config(target)
    except (PyFileError, OSError, SyntaxError) as exc:
        LOAD_ERRORS.append(type(exc).__name__)


class Defaults:
    PAGE_SIZE = 50
    TIMEZONE = "UTC"
    not_loaded = 1


app.config.load({"MAIL_FROM": "todo@example.test"})
app.config.load(Defaults)
app.config.update(RATE_LIMIT=10, PAGE_SIZE=25)

KEYS = ["REQUEST_MAX_SIZE", "FALLBACK_ERROR_FORMAT", "DEBUG_SQL", "CACHE_TTL", "RATIO",
        "ADMINS", "EMPTY", "OFF", "VERSION", "CONF_DIR", "lower_key", "NOT_OURS",
        "DATABASE_URL", "PAGE_SIZE", "FEATURES", "lowercase_is_skipped", "_PRIVATE",
        "MAIL_FROM", "TIMEZONE", "not_loaded", "RATE_LIMIT"]


@app.get("/config")
async def config(request):
    out = {}
    for key in KEYS:
        if key in request.app.config:
            value = request.app.config[key]
            out[key] = [value if key != "CONF_DIR" else "<dir>", type(value).__name__]
        else:
            out[key] = None
    return json({"keys": out, "load_errors": LOAD_ERRORS})


@app.post("/todos")
async def create(request):
    return json({"size": len(request.body), "page_size": request.app.config.PAGE_SIZE},
                status=201)


@app.get("/boom")
async def boom(request):
    raise RuntimeError("boom")
