"""Sort the tests of Sanic's own suite that pass under Sanic and fail under Hurtle.

    python oracle_suite.py sanic.xml[+rerun.xml...] hurtle.xml[+rerun.xml...]

The two junit files come from running Sanic 25.12's sdist ``tests/`` (kept outside the
repository) under real Sanic and under this tree (README: "Sanic's own test suite as an
oracle", all rounds). Each such test is matched against ``KEPT`` (a test-id prefix and the
reason it stays failing); the count per reason is printed, then every test no reason
covers, which is what a new round must look at. Exit status 1 when any is left.

``+rerun.xml``: the junit file of some tests run again alone (a port another run held at
the same moment); its outcomes replace the first file's. Absolute paths in test ids (the
parameters of ``test_utils::test_load_module_from_file_location``) are compared without the
folder the suite was in, so the two runs may use copies of the suite in different places.
A ``KEPT`` prefix that matches no failing test is listed as stale.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "plugins"))
from junit_compare import load

_NO_HOST = "an HTTP/1.1 request without Host gets the 400 first (RFC 9112 3.2)"
_MESSAGES = "the manager's messages are tuples (Sanic's strings are understood when received)"

#: (test-id prefix, why it is kept), first match wins.
KEPT: list[tuple[str, str]] = [
    ("tests.test_websockets::", "sanic.server.websockets.frame (the frame assembler), not provided"),
    ("tests.test_daemon::", "SanicCLI's private _kill/_status/_restart/_setup_daemon"),
    ("tests.test_tls::", "TLS creators' internals patched; mkcert/trustme messages say what to do"),
    ("tests.worker.test_multiplexer::", _MESSAGES),
    ("tests.worker.test_inspector::test_run_inspector_", _MESSAGES),
    ("tests.worker.test_reloader::test_reload_send", _MESSAGES),
    ("tests.worker.test_inspector::test_send_inspect_conn_refused",
     "the inspector-unreachable message says how to start one"),
    ("tests.worker.test_reloader::test_reload_delayed", "a never-acking replacement is waited for"),
    ("tests.worker.test_reloader::test_triggered", "reloader file names are str (Sanic: Path too)"),
    ("tests.worker.test_reloader::test_default_reload_shutdown_order",
     "WorkerProcess.restart() of a process never started, threading.Thread.start patched"),
    ("tests.worker.test_manager::", "the manager's processes and sanic.worker.*.os mocked"),
    ("tests.worker.test_worker_serve::", "sanic.worker.serve._serve_http_1 and "
     "sanic.mixins.startup.WorkerManager patched, a Mock() as the app"),
    ("tests.worker.test_runner::", "sanic.server.runners._run_server_forever (private)"),
    ("tests.worker.test_loader::test_cert_loader", "CertLoader: the main process makes the cert"),
    ("tests.worker.test_startup::", "the start-method message says what to do"),
    ("tests.test_http::test_full_message", "the Date field (RFC 9110 6.6.1)"),
    ("tests.test_http::test_invalid_chunk_length", _NO_HOST),
    ("tests.test_http::test_transfer_chunked", _NO_HOST),
    ("tests.test_graceful_shutdown::test_completes_request", _NO_HOST),
    ("tests.test_timeout_logic::", "HttpProtocol's private _setup_connection/_http/_time/_task"),
    ("tests.test_headers::test_header_size",
     "Http's private _receive_more/recv_buffer/http1_request_header"),
    ("tests.test_app::test_uvloop_config", "sanic.mixins.startup.try_use_uvloop patched"),
    ("tests.test_app::test_app_websocket_parameters", "the websocket protocol class patched"),
    ("tests.test_server_loop::test_sets_loop_policy",
     "sanic.server.loop.asyncio patched (the module has no asyncio global)"),
    ("tests.test_touchup::", "TouchUp._registry (private)"),
    ("tests.test_logo::", "the logos are Hurtle's (no COLOR_LOGO/FULL_COLOR_LOGO)"),
    ("tests.test_coffee::", "the logos are Hurtle's"),
    ("tests.test_motd::", "the banner's version line and box are Hurtle's"),
    ("tests.typing.", "mypy names the config class hurtle_app.config.Config"),
    ("tests.test_requests::test_request_server_", "a Host with '_' is a reg-name (RFC 3986)"),
    ("tests.test_requests::test_standard_forwarded", "Forwarded quoted-pairs (RFC 7239)"),
    ("tests.test_app::test_create_asyncio_server", "create_server serves from startup()"),
    ("tests.test_url_for_static::", "url_for percent-encodes 'decode me.txt' (RFC 3986)"),
    ("tests.test_static::test_static_content_range_invalid_unit", "Range: bit= ignored (RFC 9110 14.2)"),
    ("tests.test_server_loop::", "SANIC_NO_UVLOOP is not read"),
    ("tests.test_response::test_send_response_after_eof", "ASGI raises what serving raises"),
    ("tests.test_redirect::", "unquote=True applies to its own route only"),
    ("tests.test_pipelining::test_bad_headers", "431 for too large header fields (RFC 6585 5)"),
    ("tests.test_response_file::test_file_timestamp_validation",
     "If-Modified-Since that is no HTTP-date is ignored (RFC 9110 13.1.3)"),
]


def rule(test_id: str) -> tuple[str, str] | None:
    """The first ``KEPT`` entry whose prefix ``test_id`` starts with, or None."""
    return next((entry for entry in KEPT if test_id.startswith(entry[0])), None)


def reason(test_id: str) -> str | None:
    """Why ``test_id`` stays failing under Hurtle, or None when nothing says."""
    entry = rule(test_id)
    return None if entry is None else entry[1]


#: an absolute path up to the suite's ``tests/`` folder, inside a test id's parameters
_SUITE_PATH = re.compile(r"(?<=[\[-])/[^\[\]]*?/(?=tests/)")


def load_runs(paths: str) -> dict[str, tuple[str, str]]:
    """The outcomes of ``first.xml+rerun.xml+...`` (later files win), by normalised id."""
    results: dict[str, tuple[str, str]] = {}
    for path in paths.split("+"):
        results.update((_SUITE_PATH.sub("<suite>/", key), value)
                       for key, value in load(path).items())
    return results


def main(sanic_xml: str, hurtle_xml: str) -> int:
    sanic, hurtle = load_runs(sanic_xml), load_runs(hurtle_xml)
    differ = sorted(
        key for key, (outcome, _) in sanic.items()
        if outcome == "pass" and hurtle.get(key, ("absent", ""))[0] != "pass"
    )
    counts = Counter(reason(key) for key in differ)
    print(f"passing under Sanic, not under Hurtle: {len(differ)}")
    for why, count in counts.most_common():
        if why is not None:
            print(f"{count:4}  {why}")
    used = {rule(key) for key in differ}
    for entry in KEPT:
        if entry not in used:
            print(f"stale (no failing test): {entry[0]}")
    left = [key for key in differ if reason(key) is None]
    for key in left:
        print(f"UNEXPLAINED {key}: {hurtle.get(key, ('absent', ''))[1][:200]}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
