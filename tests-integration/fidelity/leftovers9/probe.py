"""One side of ``run.py``: prints one JSON object of observations as its last line (run
under Sanic 25.12's interpreter and under Hurtle's)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

OUT: dict[str, object] = {}

# 1. USE_UVLOOP: the loop the listeners see, per value, per runner.
LOOPS = """
import asyncio, os, sys
from sanic import Sanic, text
app = Sanic("L9loop")
SETTING
app.get("/")(lambda r: text("x"))
def which(where):
    uv = type(asyncio.get_running_loop()).__module__.startswith("uvloop")
    os.write(1, f"{where} {'uvloop' if uv else 'asyncio'}\\n".encode())
@app.main_process_start
async def main_loop(app):
    which("main")
@app.before_server_start
async def worker_loop(app):
    which("worker")
app.after_server_start(lambda app: app.stop())
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=PORT, single_process=SINGLE, access_log=False)
"""


def loops(setting: str, env: dict[str, str], single: bool, port: int) -> str:
    code = LOOPS.replace("SETTING", setting).replace("SINGLE", str(single))
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "served.py").write_text(code.replace("PORT", str(port)))
        proc = subprocess.run([sys.executable, "served.py"], capture_output=True, text=True,
                              timeout=60, start_new_session=True, cwd=folder,
                              env={**os.environ, "SANIC_NO_COLOR": "1", **env})
    seen = sorted(ln for ln in proc.stdout.splitlines() if ln.startswith(("main", "worker")))
    return ", ".join(seen) or f"none: {proc.stderr[-300:]}"


CONFIG_VALUES = ["True", "False", "0", "1", "None", "'false'", "'yes'", "''"]
ENV_VALUES = ["true", "yes", "false", "0", "1", "other"]
port = 18931
for value in [None, *CONFIG_VALUES]:
    setting = "" if value is None else f"app.config.USE_UVLOOP = {value}"
    OUT[f"1 single_process, USE_UVLOOP={value or 'default'}"] = loops(setting, {}, True, port)
for env in ENV_VALUES:
    OUT[f"1 single_process, SANIC_USE_UVLOOP={env}"] = loops(
        "", {"SANIC_USE_UVLOOP": env}, True, port)
for value in ["True", "1", "'false'", "0"]:
    OUT[f"1 workers, USE_UVLOOP={value}"] = loops(
        f"app.config.USE_UVLOOP = {value}", {}, False, port + 1)
OUT["1 workers, SANIC_USE_UVLOOP=1"] = loops("", {"SANIC_USE_UVLOOP": "1"}, False, port + 1)

from sanic import Sanic, text  # noqa: E402
from sanic import json as json_response  # noqa: E402
from sanic.headers import parse_accept  # noqa: E402
from sanic.response import redirect  # noqa: E402

# 2. A stray "%" in url_for values, an anchor, a route path, a redirect target.
pct = Sanic("L9pct")
pct.add_route(lambda r, p: text(p), "/x/<p>", name="seg")
pct.add_route(lambda r: text("z"), "/z", name="z")
for i, path in enumerate(["/a%", "/a%zz", "/a%2", "/%E2%82", "/b%41"]):
    pct.add_route(lambda r: text("r"), path, name=f"r{i}")
VALUES = ["a%", "a%zz", "a%2", "%E2%82", "a%41"]
for value in VALUES:
    OUT[f"2 url_for param {value!r}"] = pct.url_for("seg", p=value)
    OUT[f"2 url_for query {value!r}"] = pct.url_for("z", q=value)
    OUT[f"2 url_for _anchor {value!r}"] = pct.url_for("z", _anchor=value)
for i, path in enumerate(["/a%", "/a%zz", "/a%2", "/%E2%82", "/b%41"]):
    OUT[f"2 url_for route {path}"] = pct.url_for(f"r{i}")
for target in ["/a%", "/a%zz", "/a%2", "/%E2%82", "/a%25", "http://x/a%"]:
    OUT[f"2 redirect {target!r}"] = redirect(target).headers["location"]

# 4. request.cookies: present, missing, prefixed, private names.
EXPRS = ['c.get("x")', 'c.get("missing")', 'c.get("missing", "d")', 'c["x"]', 'c["missing"]',
         'c.getlist("x")', 'c.getlist("missing")', 'c.getlist("missing", ["d"])', 'c.get("z")',
         'c["z"]', 'c.z', 'c.missing', 'c.foo_bar', '"z" in c', 'c.get("__Host-x")',
         'c.get("x", host_prefix=True)', 'c.getlist("x", secure_prefix=True)', 'c._foo',
         'c.__foo', 'c._get_prefixed_cookie("x")', 'c._get_prefixed_cookie("plain")']
ck = Sanic("L9cookies")


@ck.get("/")
async def cookies(request):
    c = request.cookies  # noqa: F841 (read by the expressions)
    out = {}
    for expr in EXPRS:
        try:
            out[expr] = repr(eval(expr))
        except Exception as exc:
            out[expr] = f"{type(exc).__name__}: {exc}"
    return json_response(out)


async def cookie_call() -> None:
    header = "x=1; x=2; __Host-x=h1; __Host-x=h2; __Secure-z=s; plain=p; foo-bar=fb; _foo=u"
    _, resp = await ck.asgi_client.get("/", headers={"cookie": header})
    for expr, seen in resp.json.items():
        OUT[f"4 {expr}"] = seen


asyncio.run(cookie_call())

# 5. Accept q values, and match().
for q in ["nan", "inf", "-1", "2", "1.0001", "1.0000", "0.1234", "0.5abc", ".5", "1e-1", "+0.5",
          "0", "0.", "-0"]:
    try:
        accept = parse_accept(f"a/a;q={q}, b/b;q=0.4")
        OUT[f"5 Accept a/a;q={q}, b/b;q=0.4"] = [
            [str(m) for m in accept], str(accept.match("a/a", "b/b")), str(accept.match("a/a"))]
    except Exception as exc:
        OUT[f"5 Accept a/a;q={q}, b/b;q=0.4"] = f"{type(exc).__name__}: {exc}"

# 6. create_server(port=0, unix=""): the banner and the port bound.
BANNER = """
import asyncio
from sanic import Sanic, text
app = Sanic("L9cs")
app.get("/")(lambda r: text("x"))
async def main():
    srv = await app.create_server(host="127.0.0.1", port=0, unix="", return_asyncio_server=True)
    print("BOUND", srv.server.sockets[0].getsockname()[1], flush=True)
    srv.close()
asyncio.run(main())
"""
proc = subprocess.run([sys.executable, "-c", BANNER], capture_output=True, text=True, timeout=60,
                      env={**os.environ, "SANIC_NO_COLOR": "1"})
out = proc.stdout + proc.stderr
bound = re.search(r"BOUND (\d+)", out)
banner = re.findall(r"Goin' Fast @ \S+:(\d+)", out)
OUT["6 create_server(port=0, unix='') banner names the port bound"] = (
    bool(bound) and banner == [bound[1]])

print(json.dumps(OUT))
