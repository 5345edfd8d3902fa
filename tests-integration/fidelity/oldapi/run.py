"""Run each snippet of ``cases*.py`` in a fresh process under real Sanic and
under this tree, and print the cases whose output differs.

    python3 tests-integration/fidelity/oldapi/run.py [-v] [SUBSTRING ...]

A snippet prints what it observes; the wrapper adds every warning
(``WARN Category: message``), every log record at WARNING or above
(``LOG logger LEVEL: message``) and an escaping exception (``EXC Type: message``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", str(ROOT / ".venv/bin/python"))

PRELUDE = r'''
import logging, sys, warnings
warnings.simplefilter("always")
def _show(message, category, filename, lineno, file=None, line=None):
    print(f"WARN {category.__name__}: {message}", flush=True)
warnings.showwarning = _show
_handle = logging.Logger.handle
def _log(self, record):
    if record.levelno >= logging.WARNING:
        text = record.getMessage().splitlines()[0][:300] if record.getMessage() else ""
        print(f"LOG {record.name} {record.levelname}: {text}", flush=True)
    return _handle(self, record)
logging.Logger.handle = _log
def req(app, path="/", method="get", **kw):
    kw.setdefault("debug", False)
    try:
        _, r = getattr(app.test_client, method)(path, **kw)
    except Exception as e:
        print(f"REQEXC {type(e).__name__}: {e}")
        return None
    if r is None:
        print("RESP None")
        return None
    print(f"RESP {r.status} {r.headers.get('content-type')} {r.body[:200]!r}")
    return r
'''

EPILOGUE = '''
try:
    exec(compile(_CODE, "<case>", "exec"), {"__name__": "__main__", "req": req})
except BaseException as e:
    print(f"EXC {type(e).__name__}: {str(e)[:400]}", flush=True)
'''


def load_cases() -> dict[str, str]:
    cases: dict[str, str] = {}
    sys.path.insert(0, str(HERE))
    for path in sorted(HERE.glob("cases*.py")):
        mod = __import__(path.stem)
        cases.update(mod.CASES)
    return cases


def run(python: str, code: str) -> str:
    script = PRELUDE + f"_CODE = {code!r}\n" + EPILOGUE
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", SANIC_NO_UVLOOP="1")
    try:
        out = subprocess.run(
            [python, "-c", script], capture_output=True, text=True, timeout=40,
            cwd="/tmp", env=env,
        )
    except subprocess.TimeoutExpired:
        return "TIMEOUT\n"
    return out.stdout


NOISE = (
    re.compile(r"^(Main|Srv \d+) +(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d "),
    re.compile(r"^\s*$"),
    re.compile(r"^(Traceback \(most recent call last\)|  )"),  # printed tracebacks
    re.compile(r"^WARN DeprecationWarning: websockets.legacy is deprecated"),
    # sanic-testing's own listener takes (app, loop): Sanic 25.12 warns about it
    # on every test-client run; Hurtle's test client has no such listener.
    re.compile(r"^WARN DeprecationWarning: .*listener 'SanicTestClient._run_request'"),
)


SUBS = (
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:PORT"),
    (re.compile(r"\(/\S+\.py\)"), "(FILE)"),
    (re.compile(r"fd=\d+"), "fd=N"),
    (re.compile(r" at 0x[0-9a-f]+"), " at 0xADDR"),
    (re.compile(r"laddr=\([^)]*\)"), "laddr=(ADDR)"),
    (re.compile(r"/tmp/tmp\w+"), "/tmp/TMP"),
)

# Differences written down in ../README.md (the section each reason names).
KEPT = {
    "composition_view_import": "seed audit: CompositionView kept working",
    "import_sanic.views": "seed audit: CompositionView kept working",
    "import_sanic.server": "seed audit: serve_multiple kept",
    "run_legacy": "seed audit: legacy=True kept",
    "config_old_keys": "first section: LOGO",
    "app_old_attrs": "seed audit (app.logger, app.loads); this section (app.dumps)",
    "run_port_str": "worker audits: a str port is taken",
    "run_version_str": "worker audits: version='1' serves",
    "run_ssl_dict_missing": "TLS serving: the error names the file",
    "register_middleware_bad": "API misuse: a KeyError subclass saying what to write",
    "add_route_old_forms": "apidiff seventh round: methods='GET' message",
    "route_bad_kw": "API misuse: hints in Hurtle's messages",
    "bp_same_name_twice": "API misuse: an AssertionError subclass",
    "exceptions_positional_status": "seed audit: status_code taken by HTTP exceptions",
    "request_by_hand_app": "apidiff seventh round: Request built without an app",
    "request_old_attrs": "this section: parsed_* caches, _socket",
    "error_handler_attrs": "this section / surface: Hurtle's ErrorHandler.handlers",
    "error_handler_init_old_noarg_super": "both fail alike; the private attribute named differs",
    "error_handler_lookup_one_arg": "error in the error handler: content-type None (kept)",
    "error_handler_log_old_msg": "error in the error handler: content-type None (kept)",
    "tc_follow_redirects": "test clients: follow_redirects honoured",
    "tc_cookies_per_request": "this section: httpx's per-request cookies warning",
    "websocket_old": "test clients: the websockets client library",
    "websocket_config_old": "test clients: ConnectionClosedOK after the mimic",
    "logging_config_old": "log section: the formatter's module path",
    "create_server_ensure_future": "first section: no serving before startup()/after_start()",
    "create_server_ensure_future_default": "first section: no serving before startup()/after_start()",
    "create_server_startup_serve_forever": "test clients: app.loop under create_server",
    "ws_legacy_attrs": "websocket handler API: internal attributes",
    "ws_legacy_methods": "websocket handler API: internal attributes",
    "task_fails_in_handler": "known bugs: a failed task's exception reported at the stop",
}


def clean(text: str) -> str:
    for pattern, repl in SUBS:
        text = pattern.sub(repl, text)
    return "".join(
        line for line in text.splitlines(keepends=True)
        if not any(n.search(line) for n in NOISE)
    )


def main() -> None:
    args = sys.argv[1:]
    verbose = "-v" in args
    wanted = [a for a in args if a != "-v"]
    same = 0
    for name, code in load_cases().items():
        if wanted and not any(w in name for w in wanted):
            continue
        a, b = clean(run(SANIC_PY, code)), clean(run(HURTLE_PY, code))
        if a == b:
            same += 1
            if verbose:
                print(f"== {name}\n{a}")
            continue
        if name in KEPT and not verbose:
            print(f"kept {name}: {KEPT[name]}")
            continue
        print(f"!! {name}\n--- sanic\n{a}--- hurtle\n{b}")
    print(f"{same} alike")


if __name__ == "__main__":
    main()
