"""An ASGI server that sends no lifespan (uvicorn --lifespan off, as daphne): requests are
served and one warning says that the server listeners do not run."""

from __future__ import annotations

from pathlib import Path

import httpx
from helpers import free_port, running

HOST = "127.0.0.1"
APP = '''
from sanic import Sanic
from sanic.response import text

app = Sanic("NoLifespan")


@app.before_server_start
async def setup(app):
    app.ctx.ready = True


@app.get("/")
async def index(request):
    return text(str(getattr(request.app.ctx, "ready", False)))
'''


def test_requests_without_lifespan_warn_once_that_listeners_do_not_run(tmp_path: Path) -> None:
    (tmp_path / "nolifespan_app.py").write_text(APP)
    port = free_port(HOST)
    args = ["-m", "uvicorn", "nolifespan_app:app", "--host", HOST, "--port", str(port),
            "--lifespan", "off"]
    with running(args, HOST, port, cwd=tmp_path) as proc:
        with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=10) as client:
            answers = [client.get("/") for _ in range(3)]
    assert [(a.status_code, a.text) for a in answers] == [(200, "False")] * 3
    output = proc.stdout.read() if proc.stdout else ""
    assert output.count("sent no lifespan.startup before the first request") == 1
    assert 'the listeners for "before_server_start" do not run' in output
