"""Compare the two server logs in sanic-diff --logs output (pids, times and
addresses masked)."""

import difflib
import re
import sys


def norm(text):
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}", "T", text)
    text = re.sub(r"\[\d+\]", "[P]", text)
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    text = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:N", text)
    text = re.sub(r"/tmp/tut-\w+-\w+", "/tmp/U", text)
    text = re.sub(r'File "[^"]*/(site-packages|src)/', 'File "LIB/', text)
    text = re.sub(r"\S*/logging/deprecation\.py:\d+", "DEPRECATION", text)
    out, skip = [], 0
    for ln in text.splitlines():
        if re.search(r'File "(LIB/|[^/"]+")', ln):
            skip = 2  # a framework frame: its source line and caret line
            continue
        if skip and re.match(r"\s*\|\s{4,}", ln):
            skip -= 1
            continue
        skip = 0
        if re.match(r"\s*\|\s+(warn|warn_explicit)\(", ln) or not ln.strip():
            continue
        out.append(ln)
    return out


for path in sys.argv[1:]:
    text = open(path).read()
    if "----- sanic server log -----" not in text:
        print(f"{path}: no logs (start-up failed?)")
        continue
    s = text.split("----- sanic server log -----")[1].split("----- hurtle server log -----")
    diff = list(difflib.unified_diff(norm(s[0]), norm(s[1]), "sanic", "hurtle", lineterm="", n=1))
    print(f"{path}: logs {'same' if not diff else 'differ'}")
    for ln in diff[:60]:
        print("   ", ln)
