"""Diff the two server logs of a ``sanic-diff --logs`` run (saved to a file): timestamps,
PIDs, ports, addresses, durations and the frames of either framework in tracebacks (and
the source line of a deprecation warning) are masked; frames of the app file stay.

    sanic-diff --logs NAME_app.py NAME.http > out.txt; python3 logdiff.py out.txt

(The shared sanic-diff prints the last 60 lines of each log; this round used a copy
printing them whole.)"""
import difflib
import re
import sys

t = open(sys.argv[1]).read()
s = t.split("----- sanic server log -----", 1)[1]
s, h = s.split("----- hurtle server log -----", 1)
def norm(x):
    out = []
    skipping = False
    for line in x.splitlines():
        m = re.match(r"\s*\|?\s*File \"", line)
        if m:
            skipping = not re.search(r"fidelity/apps\d+/", line)
            if skipping:
                out.append("  | FRAME")
                continue
        elif skipping and re.match(r"\s*\|?\s{4,}", line):
            continue
        else:
            skipping = False
        line = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.,\d]*", "T", line)
        line = re.sub(r"\b\d\d:\d\d:\d\d\b", "T", line)
        line = re.sub(r"\[\d+\]", "[PID]", line)
        line = re.sub(r"/\S+/(site-packages|src)/\S+", "SRC", line)
        line = re.sub(r"0x[0-9a-f]+", "0xADDR", line)
        line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
        line = re.sub(r"\d+\.\d+ms", "Nms", line)
        if re.match(r"\s*\|\s+(warn\(|_warn)", line):
            continue
        out.append(line.rstrip())
    return out
a, b = norm(s), norm(h)
def squash(lines):
    res = []
    for line in lines:
        if line == "  | FRAME" and res and res[-1] == line:
            continue
        res.append(line)
    return res
a, b = squash(a), squash(b)
d = list(difflib.unified_diff(a, b, "sanic", "hurtle", lineterm="", n=1))
print("\n".join(d) if d else "LOGS SAME")
