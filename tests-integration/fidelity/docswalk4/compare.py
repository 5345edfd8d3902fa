"""The seeds, fourth walk: compare Sanic 25.12 and this tree on the seeds' examples.

    python3 tests-integration/fidelity/docswalk4/compare.py [served|cases] [-v]

``served``: ``guide_app.py`` (the 0.4 guide's examples) and ``notes_app.py`` (22.9
release notes) under sanic-diff with their ``.http`` request files; responses are
compared with ``date`` left out (Hurtle sends it, RFC 9110 6.6.1) and ``allow`` as a set.
``cases``: the snippets of ``cases.py`` (run options via ``app.run``/``app.prepare``/the
CLI, old-style APIs) run in fresh processes by ``../oldapi/run.py``'s runner.
Kept differences are labelled ``kept:`` with the README section "The seeds, fourth walk".
Exit status 1 when anything not kept differs.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TOOL = "/work/shared/tools/sanic-diff"
SERVED = [("guide_app.py", "guide.http")]

# request name (or case name) -> why the difference is kept
KEPT = {
    "static index dir": "a folder without an index: Hurtle 404, Sanic 500 (listed since the first audit)",
    "static HEAD": "HEAD of a static file: the GET's content-length and cache-control (RFC 9110 9.3.2)",
    "static ims future": "a static 304 keeps cache-control (listed in the seed passes)",
    "opt_ssl_dict_aliases_run": "ssl={'certfile', 'keyfile'} (seed 001's aliases) serves; Sanic: TypeError",
    "opt_ssl_dict_aliases_prep1": "ssl={'certfile', 'keyfile'} (seed 001's aliases) serves; Sanic: TypeError",
    "opt_ssl_dict_aliases_prepw": "ssl={'certfile', 'keyfile'} (seed 001's aliases) serves; Sanic: TypeError",
    "opt_ssl_context_prepw": "an SSLContext for spawned workers: a ServerError saying what to pass",
    "opt_fast_prepw": "a worker's state holds the run's fast/workers; workers race to stop",
    "opt_protocol_sub_prepw": "both cannot pickle the class; Sanic's message names its touchup module",
    "opt_version3_run": "HTTP/3 is not served: a ServerError saying so",
    "opt_version_str": "version='1.1' serves (Sanic: AttributeError)",
    "opt_auto_tls_run": "auto_tls in production: the same exception, a longer message",
    "opt_auto_tls_debug_run": "trustme is installed in Hurtle's venv only (environment)",
    "opt_run_and_prepare": "a second server on an address already prepared: refused (Sanic warns, serves one)",
    "old_static_file_and_dir_kwargs": "stream_large_files under use_modified_since=False keeps Last-Modified",
    "cli_dev": "Hurtle's logo and goodbye lines",
    "cli_debug": "Hurtle's logo and goodbye lines",
    "cli_fast": "a worker's state holds the run's fast/workers; workers race to stop",
    "cli_workers2": "a worker's state holds the run's workers; workers race to stop",
    "cli_unix": "a worker's state holds the run's unix path (Sanic's worker: none, its probe fails)",
}


def _view(side: dict) -> list:
    out = []
    for r in side["responses"]:
        headers = []
        for name, value in r["headers"]:
            if name == "date":
                continue
            if name == "allow":
                value = ", ".join(sorted(v.strip() for v in value.split(",")))
            headers.append((name, value))
        out.append((r["status"], sorted(headers), r.get("body_text", r.get("body"))))
    return [out, side["connection"]]


def _show(view: list) -> str:
    lines = []
    for status, headers, body in view[0]:
        lines.append(f"{status} " + "; ".join(f"{k}: {v}" for k, v in headers))
        lines.append(repr(body)[:600])
    return "\n".join(lines + [f"[{view[1]}]"])


def served(verbose: bool) -> int:
    bad = 0
    for app, reqs in SERVED:
        cmd = [TOOL, "--checkout", str(ROOT), "--json", "--idle", "2", "--settle", "0.3",
               "--total", "6", str(HERE / app), str(HERE / reqs)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=HERE)
        try:
            result = json.loads(done.stdout)
        except ValueError:
            print(f"{app}: setup failed\n{done.stderr[-2000:]}")
            bad += 1
            continue
        same = 0
        for r in result["requests"]:
            a, b = _view(r["sanic"]), _view(r["hurtle"])
            if a == b:
                same += 1
                continue
            if r["name"] in KEPT:
                print(f"kept {app} {r['name']}: {KEPT[r['name']]}")
                if not verbose:
                    continue
            else:
                bad += 1
            print(f"!! {app} {r['name']}\n--- sanic\n{_show(a)}\n--- hurtle\n{_show(b)}")
        print(f"{app}: {len(result['requests'])} requests, {same} alike")
    return bad


MASKS = (
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}"), "TIME"),
    (re.compile(r"\[\d+\]"), "[PID]"),
    (re.compile(r"\d+\.\dms"), "Nms"),
    (re.compile(r"INFO: (Sanic v25\.12\.0|Hurtle v\S+ \(Sanic v25\.12\.0 compatible\))"),
     "INFO: VERSION"),
    (re.compile(r"(packages: sanic-routing==\S+, sanic-testing==[\d.]+)(, hurtle==\S+)?"),
     r"\1"),
    (re.compile(r"/tmp/tmp\w+"), "/tmp/TMP"),
    # app.stop() in a worker under the manager (README: Hurtle logs the request, kept)
    (re.compile(r"^out Main +TIME INFO: Termination requested by a worker; shutting down\.\n"), ""),
    # what a worker sees as app.state.workers (README, first section: kept)
    (re.compile(r"^(out mode .*) workers [01] "), r"\1 workers W "),
)


def _mask(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        for pattern, repl in MASKS:
            line = pattern.sub(repl, line)
        lines.append(line)
    return "".join(lines)


def _run(oldrun, python: str, code: str) -> str:
    """``oldrun.run``, in a session of its own: a worker manager's stop signals its
    process group, which must not reach this script."""
    script = oldrun.PRELUDE + f"_CODE = {code!r}\n" + oldrun.EPILOGUE
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", SANIC_NO_UVLOOP="1")
    proc = subprocess.Popen([python, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd="/tmp", env=env,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the session this script started
        proc.communicate()
        return "TIMEOUT\n"
    return out


def cases(verbose: bool, wanted: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent / "oldapi"))
    import run as oldrun  # the fresh-process runner, its prelude and its masks

    sys.path.insert(0, str(HERE))
    from cases import CASES

    bad = same = 0
    for name, code in CASES.items():
        if wanted and not any(w in name for w in wanted):
            continue
        a = _mask(oldrun.clean(_run(oldrun, oldrun.SANIC_PY, code)))
        b = _mask(oldrun.clean(_run(oldrun, oldrun.HURTLE_PY, code)))
        if a == b:
            same += 1
            if verbose:
                print(f"== {name}\n{a}")
            continue
        if name in KEPT:
            print(f"kept {name}: {KEPT[name]}")
            if not verbose:
                continue
        else:
            bad += 1
        print(f"!! {name}\n--- sanic\n{a}--- hurtle\n{b}")
    print(f"cases: {same} alike")
    return bad


def main() -> int:
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    which = args[0] if args and args[0] in ("served", "cases") else None
    rest = args[1:] if which else args
    bad = 0
    if which in (None, "served"):
        bad += served(verbose)
    if which in (None, "cases"):
        bad += cases(verbose, rest)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
