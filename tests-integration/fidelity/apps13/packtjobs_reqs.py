"""Requests for packtjobs_app.py (served by plugins/serve.py). The DRIVER: a job asked for
before the backend file exists (500); a job without an operation (400); `hello` for Adam,
read at once (running) and after it ends (complete, its return value); a second job with
no kwargs; a job whose operation is unknown (accepted; the worker that takes it fails, its
task's error is logged); the list route with GET (405), a trailing slash, a bad uuid.
Timestamps and uids are masked."""

import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/job"), ("GET", "/job/"), ("GET", "/job/not-a-uuid"),
        ("POST", "/job", {"Content-Type": "application/json"}, b"{bad json")]

UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?")


def mask(text):
    return STAMP.sub("<T>", UID.sub("<UID>", text))


def DRIVER(port):
    lines = []

    def post(body):
        status, data = w.http(port, "POST", "/job", body.encode(), "Content-Type: application/json\r\n")
        lines.append(mask(f"{status} {data.decode(errors='replace')}"))
        try:
            return json.loads(data)["uid"]
        except Exception:
            return None

    def get(uid):
        status, data = w.http(port, "GET", f"/job/{uid}")
        lines.append(mask(f"{status} {data.decode(errors='replace')[:300]}"))

    get("00000000-0000-4000-8000-000000000000")
    post("{}")
    post('{"kwargs": {"name": "x"}}')
    uid = post('{"operation": "hello", "kwargs": {"name": "Adam"}}')
    time.sleep(0.1)
    get(uid)
    time.sleep(0.6)
    get(uid)
    uid2 = post('{"operation": "hello"}')
    time.sleep(0.6)
    get(uid2)
    uid3 = post('{"operation": "goodbye"}')
    time.sleep(0.3)
    get(uid3)
    get("00000000-0000-4000-8000-000000000000")
    uid4 = post('{"operation": "hello", "kwargs": {"name": "again"}}')
    time.sleep(0.6)
    get(uid4)
    return lines

# Kept (README, "Real-world apps, thirteenth round"): answers the same; in the log the
# failed worker's `Task exception was never retrieved` names Sanic's task wrapper (listed)
# and the source line under each listener's DeprecationWarning (listed).
KEPT = "log only: the task-wrapper name and the DeprecationWarning source line (listed)"
