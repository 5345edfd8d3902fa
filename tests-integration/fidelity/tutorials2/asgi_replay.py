"""Replay the non-raw requests of a `.http` file through sanic-testing's `asgi_client`
(the app in ASGI mode, as suites test it) and print status, headers and body of each.
Run under both interpreters and diff:

    ./asgi_replay.sh                 # every app_<topic>.py with <topic>.http
    python asgi_replay.py app_rest.py rest.http

Blocks starting with `#raw` are skipped (framing is the socket server's business).
"""

import asyncio
import importlib.util
import json
import re
import sys
from pathlib import Path

SKIP_HEADERS = {"date", "content-length"}  # uvicorn-less ASGI: lengths are compared via body


def blocks(text: str):
    for chunk in re.split(r"^###.*$", text, flags=re.M)[1:]:
        lines = [ln for ln in chunk.strip("\n").split("\n")]
        lines = [ln for ln in lines if not (ln.startswith("#") and not ln.startswith("#raw"))]
        if not lines or lines[0].startswith("#raw"):
            continue
        head, _, body = "\n".join(lines).partition("\n\n")
        request_line, *fields = head.split("\n")
        method, target, _ = request_line.split(" ", 2)
        headers = []
        for f in fields:
            name, _, value = f.partition(":")
            if name.lower() in ("content-length", "connection", "host"):
                continue
            headers.append((name.strip(), value.strip()))
        yield method, target, headers, body.rstrip("\n").encode()


async def replay(app, method, target, headers, body):
    try:
        _, response = await app.asgi_client.request(
            method, target, headers=headers, content=body or None
        )
    except Exception as e:
        return {"raised": f"{type(e).__name__}: {str(e)[:160]}"}
    if response is None:
        return {"response": None}
    try:
        text = response.body.decode()
    except UnicodeDecodeError:
        text = repr(response.body)
    text = re.sub(r"<style>.*?</style>|<script>.*?</script>", "", text, flags=re.S)
    heads = sorted(
        (k.lower(), v) for k, v in response.headers.items() if k.lower() not in SKIP_HEADERS
    )
    return {"status": response.status, "headers": heads, "body": text[:1500]}


def main(app_file: str, http_file: str) -> None:
    sys.path.insert(0, str(Path(app_file).resolve().parent))
    spec = importlib.util.spec_from_file_location("replayed_app", app_file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = []
    for method, target, headers, body in blocks(Path(http_file).read_text()):
        res = asyncio.run(replay(mod.app, method, target, headers, body))
        out.append({"request": f"{method} {target}", **res})
    print("===== results =====")
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
