"""One side of ``run.py``: prints one JSON object of observations as its last line (run
under Sanic 25.12's interpreter and under Hurtle's)."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import tempfile
from pathlib import Path

from sanic import Sanic
from sanic import json as json_response
from sanic.config import Config
from sanic.headers import fwd_normalize_address, parse_forwarded
from sanic_testing.testing import SanicASGITestClient, SanicTestClient

OUT: dict[str, object] = {}

# 2. Forwarded addresses: bracketed IPv6 (with and without a port) and neighbours.
ADDRESSES = ["[2001:db8::1]:4711", "[2001:DB8::1]", "2001:DB8::1", "[::1]", "[::1]:80",
             "1.2.3.4:80", "[1.2.3.4]", "[zz]", "[::1]:x", "_Hidden", "unknown",
             "::ffff:1.2.3.4", "[::ffff:1.2.3.4]:5"]


class Headers(dict):
    def getall(self, key, default=None):
        return [self[key]] if key in self else default

    def getone(self, key, default=None):
        return self.get(key, default)


config = Config()
config.FORWARDED_SECRET = "s"
for address in ADDRESSES:
    try:
        OUT[f"2 fwd_normalize_address {address}"] = fwd_normalize_address(address)
    except ValueError:
        OUT[f"2 fwd_normalize_address {address}"] = "ValueError"
    headers = Headers(forwarded=f'for="{address}";secret=s;by="{address}"')
    OUT[f"2 parse_forwarded {address}"] = parse_forwarded(headers, config)

# 3. asgi_client given a full https:// URL, and a hand-made ASGI scope with scheme https.
app3 = Sanic("L11Asgi")


@app3.get("/p")
async def p(request):
    return json_response({"scheme": request.scheme, "url": request.url,
                          "server_port": request.server_port, "url_for": request.url_for("p")})


async def asgi_calls() -> None:
    for url in ["/p", "https://example.com/p", "https://example.com:8443/p",
                "http://example.com/p", "wss://example.com/p"]:
        _, response = await app3.asgi_client.get(url)
        OUT[f"3 asgi_client.get({url!r})"] = response.json
    client = SanicASGITestClient(app3, base_url="https://mine:5")
    _, response = await client.get("/p")
    OUT["3 SanicASGITestClient(base_url='https://mine:5').get('/p')"] = response.json


asyncio.run(asgi_calls())

# 4. app.state.host/port across test_client calls, and with a port given to the client.
app4 = Sanic("L11State")
seen4: list[tuple[str, object, object]] = []


@app4.before_server_start
async def before(app):
    seen4.append(("before_server_start", app.state.host, app.state.port))


@app4.get("/")
async def state(request):
    seen4.append(("handler", request.app.state.host, request.app.state.port))
    return json_response({"port": request.server_port})


for call in range(3):
    seen4.clear()
    _, response = app4.test_client.get("/")
    port = response.json["port"]
    named = [(w, h, "this call's port" if p == port else p) for w, h, p in seen4]
    after = (app4.state.host, "this call's port" if app4.state.port == port else app4.state.port)
    OUT[f"4 test_client call {call + 1}: (listeners and handler, after)"] = [named, after]

app4b = Sanic("L11StateGiven")


@app4b.get("/")
async def given(request):
    return json_response([request.app.state.host, request.app.state.port == request.server_port])


sock = socket.socket()
sock.bind(("127.0.0.1", 0))
free = sock.getsockname()[1]
sock.close()
_, response = SanicTestClient(app4b, port=free).get("/")
OUT["4 SanicTestClient(port=free) first call: (state.host, state.port is the port)"] = response.json

# 5. The listing's size column for a folder, and _prepare_file's row.
with tempfile.TemporaryDirectory() as folder:
    root = Path(folder)
    (root / "sub").mkdir()
    (root / "a.txt").write_text("hi\n")
    app5 = Sanic("L11Static")
    app5.static("/s", root, directory_view=True)
    _, response = app5.test_client.get("/s/")
    size = (root / "sub").stat().st_size
    row = re.search(r'href="sub/">sub/</a>(.{0,40})', response.text)
    OUT["5 listing: the folder's size on disk is in its row"] = bool(
        row and re.search(rf"\b{size}\b", row.group(1)))
    from sanic.handlers.directory import DirectoryHandler

    handler = DirectoryHandler("/s", root, directory_view=True)
    for name in ["sub", "a.txt"]:
        info = handler._prepare_file(root / name)
        OUT[f"5 _prepare_file({name!r}): (file_size type, is st_size)"] = [
            type(info["file_size"]).__name__, info["file_size"] == (root / name).stat().st_size]

print(json.dumps(OUT, sort_keys=True, default=repr))
