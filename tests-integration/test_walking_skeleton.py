"""The smallest Sanic program serves real HTTP on a real socket, through every layer."""

from __future__ import annotations

import textwrap

import httpx
from helpers import free_port, running

HELLO = """
from sanic import Sanic
from sanic.response import text
app = Sanic("Hello")
@app.get("/")
async def hello(request):
    return text("Hello, world.")
if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, single_process=True)
"""


def test_hello_world_app_serves_over_a_real_socket(tmp_path) -> None:
    port = free_port()
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(HELLO).replace("{port}", str(port)))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            first = client.get("/")
            second = client.get("/")  # same keep-alive connection
            missing = client.get("/nope")
    assert first.status_code == 200
    assert first.text == "Hello, world."
    assert first.headers["content-type"].startswith("text/plain")
    assert second.text == "Hello, world."
    assert missing.status_code == 404
