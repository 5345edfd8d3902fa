"""Write errors.http: every error route of app_errors.py under each way of asking for a format.

Run: python3 make_errors_http.py  (the .http file is committed; rerun after adding routes)
"""

from pathlib import Path

PATHS = [
    "GET /nowhere", "GET /nowhere/", "POST /ok", "DELETE /get-put", "GET /only-post",
    "GET /raise", "GET /raise-key", "GET /sanic", "GET /sanic-status", "GET /sanic-full",
    "GET /sanic-context-quiet", "GET /teapot", "GET /teapot-msg", "GET /loud",
    "GET /bad-request", "GET /notfound", "GET /forbidden", "GET /unauthorized",
    "GET /unauthorized-bearer", "GET /unavailable", "GET /server-error",
    "GET /html-in-message", "GET /unicode",
    "GET /empty-message", "GET /bytes-message", "GET /status-only", "GET /fmt-json",
    "GET /fmt-html", "GET /fmt-text", "GET /fmt-json-500", "GET /handled",
    "GET /handler-raises", "GET /mw-request", "GET /mw-response", "GET /mw-request-sanic",
    "GET /return-none", "GET /return-str", "GET /return-dict", "GET /sync-raise",
    "GET /typed/abc", "GET /typed/12", "GET /status/100", "GET /status/199",
    "GET /raise-status/100", "GET /raise-status/421", "GET /raise-status/299",
    "GET /raise-status/600",
]
ASKS = {
    "no accept": [],
    "html": ["Accept: text/html"],
    "json": ["Accept: application/json"],
    "any": ["Accept: */*"],
    "text": ["Accept: text/plain"],
    "weighted": ["Accept: text/html;q=0.5, application/json;q=0.9, */*;q=0.1"],
    "browser": ["Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    "json body": ["Content-Type: application/json", "Content-Length: auto", "", '{"a": 1}'],
    "json ctype only": ["Content-Type: application/json"],
}
FOCUS = {"GET /raise", "GET /sanic-full", "GET /teapot", "GET /nowhere", "POST /ok",
         "GET /fmt-json", "GET /fmt-html", "GET /handled", "GET /mw-request"}

blocks = []
for target in PATHS:
    asks = ASKS if target in FOCUS else {k: ASKS[k] for k in ("no accept", "json", "html")}
    for name, lines in asks.items():
        method, path = target.split(" ", 1)
        head = [f"{method} {path} HTTP/1.1", "Host: x", "Connection: close"]
        body: list[str] = []
        if "" in lines:
            i = lines.index("")
            head += lines[:i]
            body = lines[i:]
        else:
            head += lines
        blocks.append(f"### {target} ({name})\n" + "\n".join(head + body) + "\n")
# HEAD and OPTIONS on error paths: same head as GET would give, no body.
for target in ("HEAD /nowhere", "HEAD /raise", "HEAD /sanic-full", "HEAD /only-post",
               "OPTIONS /ok", "OPTIONS /nowhere", "HEAD /teapot", "HEAD /status/199"):
    method, path = target.split(" ", 1)
    blocks.append(f"### {target}\n{method} {path} HTTP/1.1\nHost: x\nConnection: close\n")
# Error responses on a kept-alive connection: is the connection reused afterwards?
for target in ("GET /nowhere", "POST /ok", "GET /raise", "GET /sanic-full", "GET /teapot",
               "GET /handled", "GET /mw-request", "GET /status/100", "GET /raise-status/421"):
    method, path = target.split(" ", 1)
    blocks.append(
        f"### {target} then GET /ok on the same connection\n#raw\n"
        f"{method} {path} HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"
        "GET /ok HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n\n"
    )
Path(__file__).with_name("errors.http").write_text("\n".join(blocks))
