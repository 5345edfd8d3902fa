"""app.py's routes through sanic-testing's test_client and asgi_client (httpx building the
forms: data=, files=, json=, content=); one line per request. Run under both and diff."""

import asyncio
import json
import logging
import sys
import warnings

warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)
sys.path.insert(0, __file__.rsplit("/", 1)[0])

from app import app  # noqa: E402

UE = {"content-type": "application/x-www-form-urlencoded"}
CASES = [
    ("/form", {"data": {"a": "1", "b": ["2", "3"], "é": "€"}}),
    ("/form", {"data": {"a": ""}}),
    ("/form", {"files": {"f": ("x.txt", b"hello", "text/plain")}}),
    ("/form", {"files": {"f": ("x.bin", bytes(range(256)))}}),
    ("/form", {"files": [("f", ("1.txt", b"1")), ("f", ("2.txt", b"2"))], "data": {"a": "v"}}),
    ("/form", {"files": {"f": ("naïve €.txt", b"u")}}),
    ("/form", {"files": {"f": ("", b"")}}),
    ("/form", {"files": {"f": ("a.txt", b"")}}),
    ("/form", {"content": b"a=1&b=2", "headers": UE}),
    ("/form", {"content": b"a=1", "headers": {"content-type": "text/plain"}}),
    ("/form", {"json": {"a": 1}}),
    ("/kbfirst", {"data": {"a": "", "b": "x"}}),
    ("/stream", {"data": {"a": "1"}}),
    ("/stream", {"files": {"f": ("s.txt", b"S" * 70000)}}),
    ("/stream_read", {"data": {"a": "1"}}),
    ("/stream_noread", {"data": {"a": "1"}}),
    ("/count", {"content": b"a=" + b"x" * 200_001, "headers": UE}),
    ("/json", {"json": {"a": [1, 2]}}),
    ("/json", {"content": b"{", "headers": {"content-type": "application/json"}}),
    ("/json_raw", {"content": b"{", "headers": {"content-type": "application/json"}}),
    ("/json_raw", {"content": b"", "headers": {"content-type": "application/json"}}),
    ("/load_json", {"content": b"", "headers": {"content-type": "application/json"}}),
    ("/load_json", {"content": b"[1]", "headers": {"content-type": "application/json"}}),
    ("/form_raw", {"content": b"--XX\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=XX"}}),
]


def norm(text):
    try:
        return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)
    except ValueError:
        return text


for client_name in ("test_client", "asgi_client"):
    client = getattr(app, client_name)
    for i, (path, kwargs) in enumerate(CASES):
        _req = None
        try:
            if client_name == "asgi_client":
                _req, resp = asyncio.run(client.post(path, **kwargs))
            else:
                _req, resp = client.post(path, **kwargs)
            line = f"{resp.status} {norm(resp.text)}"
        except Exception as exc:
            line = f"raise {type(exc).__name__} {exc}"
        # httpx draws a random boundary per request: keep it out of the comparison
        ctype = str((_req.headers.get("content-type") if _req else "") or "")
        if "boundary=" in ctype:
            line = line.replace(ctype.split("boundary=")[1], "<boundary>")
        print(client_name, i, path, line[:3000])
