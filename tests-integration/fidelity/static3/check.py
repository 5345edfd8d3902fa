"""Run app.py + requests.http through sanic-diff and sort what differs into labelled kept
items (KEPT) and anything new; also check that no answer of Hurtle's carries a file from
outside the root unless the route's follow_external_symlink_* setting (or a single-file
static, or file() itself) names it. Run from this folder:

    python make_requests.py > requests.http && python check.py [--checkout DIR]

The pipe requests come last: Sanic stays blocked on them, so its later answers are lost.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "static2"))

from check import sort_results  # noqa: E402  (static2's: same / kept by label / new)

TOOL = "/work/shared/tools/sanic-diff"

PIPE = "a named pipe or a device is 404 (Sanic opens it and hangs; its server then stalls)"
NO_INDEX = (
    "a folder without an index, %00, a double-decoded dot or a name too long: 404 (Sanic 500)"
)
HEAD_LENGTH = "HEAD states the GET's Content-Length and Cache-Control (RFC 9110 8.6, 9.3.2)"

KEPT = {  # the first match labels a request
    r"(GET|HEAD) /\w+/(fifo|zero_out) ": PIPE,
    r"HEAD /s/fifo": PIPE,
    r"GET /dv/ \(special": PIPE,
    r"GET /(s|fx|sl|ix|dv|fxd)/(%00|a%00b|hello.txt%00|%2e%2e%00/x|%252e%252e|%2e$|L{100}|a{100})": NO_INDEX,
    r"GET /(s|fx|sl|lr|dd|rel)/(sub|emptydir|dir_in|\.\.d/|sub/\.|sub//|$)": NO_INDEX,
    r"GET /s/$": NO_INDEX,
    r"GET /(dv|fxd|lrv)/": "listing markup (clean room; rows as Sanic's)",
    r"GET /ixo/": "an index= leading out of the root is 404 (Sanic serves the outside file)",
    r"GET /%73/": "an escaped unreserved character is decoded before routing (RFC 3986 6.2.2.2)",
    r"GET /(file|stream)/hello\?fn=": "Content-Disposition quotes/escapes the name, filename* (RFC 6266)",
    r"GET /file/hello\?mt=": "CR/LF in a content type: 500, never a second field (RFC 9110 5.5)",
    r"HEAD /dv/sub": "HEAD of a listed folder without / answers as GET: 302 (RFC 9110 9.3.2)",
    r"HEAD /dv/$": "HEAD of a listing answers as GET (RFC 9110 9.3.2; Sanic octet-stream)",
    r"HEAD ": HEAD_LENGTH,
    r"GET /(sl|cr)/big.bin Range bytes=-99999999": "a suffix past the size is the whole file, 206 (RFC 9110 14.1.2; Sanic 500)",
    r"GET /sl/empty.txt Range": "any range of an empty file is 416 (Sanic 206 0-4/0 or 500)",
    r".* IMS$": "a 304 keeps its 200's Cache-Control (RFC 9110 15.4.5)",
    r"(POST|PUT|DELETE|PATCH|OPTIONS|TRACE|FOO) ": "Allow lists GET, HEAD in that order",
    r"absolute-form http://x$": "absolute-form without a path is / (RFC 9110 4.2.3; Sanic 500)",
    r"absolute-form (x/|s/|\*)": "request-target forms (RFC round 5: 400, Sanic closes or 404)",
    r"raw raw (tab|DEL)": "control bytes in the target: 400 (RFC round 5; Sanic closes)",
    r"keep-alive sequence": "on one connection: the %00 404 and the empty file's 416 (above)",
}
# Answers from outside the root that a setting or the app itself asked for.
OUTSIDE_ALLOWED = re.compile(r"GET /(fx|fxd|onelink|file|stream)/|GET /onelink")


def main() -> int:
    checkout = sys.argv[sys.argv.index("--checkout") + 1] if "--checkout" in sys.argv else None
    cmd = [TOOL, "--json", "--total", "6", "app.py", "requests.http"]
    if checkout:
        cmd[1:1] = ["--checkout", checkout]
    out = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, timeout=900)
    results = json.loads(out.stdout)["requests"]
    same, kept, new = sort_results(results, KEPT)
    leaks = []
    for r in results:
        for answer in r["hurtle"].get("responses") or []:
            text = answer.get("body_text") or ""
            if ("SECRET" in text or "outside index" in text) and not OUTSIDE_ALLOWED.match(
                r["name"]
            ):
                leaks.append(r["name"])
    print(
        f"{len(results)} requests: {same} same, {sum(map(len, kept.values()))} kept, "
        f"{len(new)} new; {len(leaks)} served from outside the root"
    )
    for label, names in kept.items():
        print(f"  kept ({len(names)}): {label}")
    for r in new:
        print(f"NEW: {r['name']}\n{r['diff']}")
    for name in leaks:
        print(f"OUTSIDE: {name}")
    return 1 if new or leaks else 0


if __name__ == "__main__":
    sys.exit(main())
