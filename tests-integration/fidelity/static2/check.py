"""Run app_options.py + requests.http through sanic-diff and sort what differs into the
labelled kept items (KEPT) and anything new. Run from this folder:

    python make_requests.py > requests.http && python check.py [--checkout DIR]

A missing `date` field in Sanic's answers is not counted (Hurtle sends one, RFC 9110 6.6.1).
"""

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
TOOL = "/work/shared/tools/sanic-diff"

NO_INDEX = "a folder without an index: 404 (Sanic 500; HEAD: an empty 200)"
HEAD_LENGTH = "HEAD states the GET's Content-Length and Cache-Control (RFC 9110 8.6, 9.3.2)"
CACHE_304 = "a 304 keeps its 200's Cache-Control (RFC 9110 15.4.5)"
MARKUP = "listing markup (clean room; rows, order and sizes as Sanic's)"

# Request name (or the part before its first quote) -> why it differs on purpose.
KEPT = {  # the first match labels a request
    r"GET /dv/(sub)? 'If-Modified-Since": "no 304 for a listing, which has no date (13.1.3)",
    r"GET /(d|d2|rtd|ss)/(sub/?|emptydir|)$": NO_INDEX,
    r"GET /$": NO_INDEX,
    r"GET /d/(\./|sub/\.)$": NO_INDEX,
    r"HEAD /d/$": NO_INDEX,
    r"GET /d/sub/ 'Accept": NO_INDEX,
    r"GET /d/.*%00": "%00 in a static path: 404 (Sanic 500)",
    r"GET /p/": "a static uri with a parameter is served (Sanic: 500, the handler refuses it)",
    r"GET /(dv|dvi|dh|dvct)/": MARKUP,
    r"GET /bp/v/$": "a blueprint's listing (Sanic 500: folder found by cutting the bp-local uri)",
    r"GET /urls": "url_for percent-encodes the file name (RFC 3986; Sanic leaves it raw)",
    r"HEAD /(f|d/hello.txt|cr/hello.txt|sl/big.bin|sli/big.bin|ct/hello.txt|ix/|cr/hello.txt\?x)$": HEAD_LENGTH,
    r"HEAD /dv/$": "HEAD of a listing answers as GET (RFC 9110 9.3.2; Sanic octet-stream)",
    r"GET /cr/hello.txt 'Range: bytes=0-100'": "Content-Range last-pos within the file (14.4)",
    r"GET /cr/hello.txt 'Range: (bytes=0-1,4-5|items=0-3|0-3)'": "Range ignored (14.2)",
    r"GET /cr/hello.txt 'Range: bytes=0-4\\r\\nIf-Range: (Mon|\")": "If-Range (13.1.5)",
    r"GET /cr/empty.txt": "any range of an empty file is 416 (Sanic 206 0-4/0 or 500)",
    r"GET .* 'If-Modified-Since: Tue": CACHE_304,
    r"GET /d/hello.txt 'If-None-Match: \*'": "If-None-Match (RFC 9110 13.2.2)",
    r"GET /cr/hello.txt 'Range: bytes=0-4\\r\\nIf-Unmodified-Since": "If-Unmodified-Since 412 (13.2.2)",
    r"GET /cr/hello.txt 'Range: bytes=0-9999": "an end past any integer is clamped (Sanic 500)",
    r"GET /d/missing.txt 'Accept: text/html'": "HTML error page markup",
    r"POST /d/hello.txt": "Allow lists GET, HEAD sorted",
}


def only_date(diff: str) -> bool:
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return all(line[1:].startswith("date:") for line in changed)


def sort_results(results: list[dict], labels: dict[str, str]) -> tuple[int, dict, list]:
    """(how many are the same, {label: names} of the kept, the new differences)."""
    same, kept, new = 0, {}, []
    for r in results:
        if r["same"] or only_date(r["diff"]):
            same += 1
            continue
        label = next((why for pat, why in labels.items() if re.match(pat, r["name"])), None)
        if label:
            kept.setdefault(label, []).append(r["name"])
        else:
            new.append(r)
    return same, kept, new


def main() -> int:
    checkout = sys.argv[sys.argv.index("--checkout") + 1] if "--checkout" in sys.argv else None
    cmd = [TOOL, "--json", "app_options.py", "requests.http"]
    if checkout:
        cmd[1:1] = ["--checkout", checkout]
    out = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, timeout=900)
    results = json.loads(out.stdout)["requests"]
    same, kept, new = sort_results(results, KEPT)
    print(
        f"{len(results)} requests: {same} same, {sum(map(len, kept.values()))} kept, {len(new)} new"
    )
    for label, names in kept.items():
        print(f"  kept ({len(names)}): {label}")
    for r in new:
        print(f"NEW: {r['name']}\n{r['diff']}")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
