"""mask.py FILE: print FILE with times, PIDs, ports, durations and the framework's own
traceback frames masked (only frames of app.py are kept)."""

import re
import sys

text = open(sys.argv[1], errors="replace").read()
for pattern, repl in [
    (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}", "DATE"),
    (r"\d\d:\d\d:\d\d", "TIME"),
    (r'"timestamp":"[^"]*"', '"timestamp":"T"'),
    (r"\[\d+\]", "[PID]"),
    (r"127\.0\.0\.1:\d+", "127.0.0.1:PORT"),
    (r"\b\d+\.\d+m?s\b", "D"),
    (r'"duration":[0-9.e-]+', '"duration":D'),
    (r"duration=[0-9.e-]+", "duration=D"),
    (r"[0-9A-F]{4}unx", "XXXXunx"),
    (r"pid=\d+|PID: \d+|\(\d+\)", "PID"),
    (r'"lineno":\d+', '"lineno":N'),
    (r'"pathname":"[^"]*"', '"pathname":"P"'),
    (r'"process":\d+', '"process":N'),
    (r'/[^"]*/site-packages/|/[^"]*/packages/[a-z-]+/src/', "SITE/"),
    (r"line \d+", "line N"),
]:
    text = re.sub(pattern, repl, text)
out = []
skip = False
for line in text.split("\n"):
    if line.startswith("  File "):
        skip = "SITE/" in line or "app.py" not in line
        if skip:
            continue
    elif skip and line.startswith("    "):
        continue
    else:
        skip = False
    out.append(line)
print("\n".join(out), end="")
