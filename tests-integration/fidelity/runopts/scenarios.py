"""The runopts scenarios: name -> (script body, actions). See run.py."""

from __future__ import annotations

from scenarios_life import LIFE

SERVE = ["ready", "GET /", "INT"]
SERVE_W2 = ["ready2", "GET /", "INT"]
EXIT = ["ready", "GET /", "INT"]  # a wrong value that is taken still gets stopped

RUN = """
app = make_app()
if __name__ == "__main__":
    {pre}
    app.run({args})
    ev("after run")
"""


def run(args: str, action: list[str], pre: str = "pass") -> tuple[str, list[str]]:
    return RUN.format(args=args, pre=pre), action


H = 'host="127.0.0.1", port=PORT'
S = H + ", single_process=True"
TMPDIR = 'import os; D = os.environ["PROBE_TMP"]'

SCENARIOS: dict[str, tuple[str, list[str]]] = {
    # each keyword, a value that serves
    "kw_default_workers": run(H, SERVE),
    "kw_single": run(S, SERVE),
    "kw_dev": run(S + ", dev=True", SERVE),
    "kw_dev_workers": run(H + ", dev=True", SERVE),
    "kw_debug": run(S + ", debug=True", ["ready", "GET /", "GET /nope", "INT"]),
    "kw_auto_reload_single": run(S + ", auto_reload=True", SERVE),
    "kw_auto_reload": run(H + ", auto_reload=True", SERVE),
    "kw_version_1": run(S + ", version=1", SERVE),
    "kw_version_http": run(S + ", version=HTTP.VERSION_1", SERVE, "from sanic.http.constants import HTTP"),
    "kw_workers_2": run(H + ", workers=2", SERVE_W2),
    "kw_protocol": run(S + ", protocol=P", SERVE,
                       "from sanic.server.protocols.http_protocol import HttpProtocol\n"
                       "    class P(HttpProtocol): pass"),
    "kw_backlog": run(S + ", backlog=5", SERVE),
    "kw_register_sys_signals_false": run(S + ", register_sys_signals=False", SERVE),
    "kw_access_log": run(S + ", access_log=True", ["ready", "GET /", "GET /nope", "INT"]),
    "kw_access_log_false_debug": run(S + ", access_log=False, debug=True", ["ready", "GET /", "INT"]),
    "kw_unix": run('unix=D + "/s.sock", single_process=True', ["ready", "INT"], TMPDIR),
    "kw_unix_workers": run('unix=D + "/s.sock", workers=2', ["ready2", "INT"], TMPDIR),
    "kw_sock": run("sock=sk, single_process=True", SERVE,
                   "import socket; sk = socket.socket(); sk.bind(('127.0.0.1', PORT))"),
    "kw_loop_none": run(S + ", loop=None", SERVE),
    "kw_reload_dir": run(S + ", reload_dir=D, auto_reload=True", SERVE, TMPDIR),
    "kw_reload_dir_workers": run(H + ", reload_dir=D", SERVE, TMPDIR),
    "kw_noisy_exceptions": run(S + ", noisy_exceptions=True", ["ready", "GET /nope", "INT"]),
    "kw_motd_false": run(S + ", motd=False", SERVE),
    "kw_fast": run(H + ", fast=True", SERVE_W2),
    "kw_verbosity_1": run(S + ", verbosity=1", SERVE),
    "kw_verbosity_2": run(S + ", verbosity=2", ["ready", "GET /", "INT"]),
    "kw_motd_display": run(S + ', motd_display={"db": "postgres", "k": "v"}', SERVE),
    "kw_single_process_false": run(H + ", single_process=False", SERVE),
    "kw_positional": run('"127.0.0.1", PORT, single_process=True', SERVE),
    # each keyword, a wrong value
    "bad_port_str": run('host="127.0.0.1", port="abc", single_process=True', EXIT),
    "bad_port_neg": run('host="127.0.0.1", port=-1, single_process=True', EXIT),
    "bad_port_big": run('host="127.0.0.1", port=99999, single_process=True', EXIT),
    "bad_port_float": run('host="127.0.0.1", port=8000.5, single_process=True', EXIT),
    "bad_port_taken": run(S, EXIT, "import socket; sk = socket.socket(); sk.bind(('127.0.0.1', PORT)); sk.listen()"),
    "bad_port_taken_workers": run(H, EXIT, "import socket; sk = socket.socket(); sk.bind(('127.0.0.1', PORT)); sk.listen()"),
    "bad_host_int": run("host=123, port=PORT, single_process=True", EXIT),
    "bad_host_unknown": run('host="no.such.host.invalid", port=PORT, single_process=True', EXIT),
    "bad_host_notlocal": run('host="192.0.2.1", port=PORT, single_process=True', EXIT),
    "bad_workers_0": run(H + ", workers=0", EXIT),
    "bad_workers_neg": run(H + ", workers=-1", EXIT),
    "bad_workers_str": run(H + ', workers="2"', EXIT),
    "bad_workers_single": run(S + ", workers=2", EXIT),
    "bad_fast_workers": run(H + ", fast=True, workers=2", EXIT),
    "bad_version_3": run(S + ", version=3", EXIT),
    "bad_version_2": run(S + ", version=2", EXIT),
    "bad_version_str": run(S + ', version="1"', EXIT),
    "bad_ssl_missing": run(S + ', ssl="/nonexistent/dir"', EXIT),
    "bad_ssl_int": run(S + ", ssl=123", EXIT),
    "bad_sock_str": run('sock="x", single_process=True', EXIT),
    "bad_sock_and_host": run(S + ", sock=sk", EXIT,
                             "import socket; sk = socket.socket(); sk.bind(('127.0.0.1', PORT + 1))"),
    "bad_protocol_int": run(S + ", protocol=int", ["sleep3", "GET /", "INT"]),
    "bad_protocol_str": run(S + ', protocol="x"', EXIT),
    "bad_backlog_str": run(S + ', backlog="x"', EXIT),
    "bad_unix_int": run("unix=123, single_process=True", EXIT),
    "bad_unix_dir": run('unix="/nonexistent/dir/s.sock", single_process=True', EXIT),
    "bad_unix_and_host": run(S + ', unix=D + "/s.sock"', ["ready", "INT"], TMPDIR),
    "bad_loop": run(S + ", loop=asyncio.new_event_loop()", EXIT),
    "bad_reload_dir": run(S + ', auto_reload=True, reload_dir="/nonexistent/dir"', EXIT),
    "bad_reload_dir_workers": run(H + ', reload_dir="/nonexistent/dir"', EXIT),
    "bad_motd_display_str": run(S + ', motd_display="x"', EXIT),
    "bad_motd_display_int_value": run(S + ', motd_display={"a": 1}', ["ready", "INT"]),
    "bad_verbosity_str": run(S + ', verbosity="x"', EXIT),
    "bad_verbosity_neg": run(S + ", verbosity=-1", SERVE),
    "bad_auto_tls_nodebug": run(S + ", auto_tls=True", EXIT),
    "bad_legacy": run(S + ", legacy=True", EXIT),
    "bad_unknown_kw": run(S + ", bogus=1", EXIT),
    "bad_positional_3": run('"127.0.0.1", PORT, True', EXIT),
    "bad_access_log_str": run(S + ', access_log="no"', ["ready", "GET /", "INT"]),
}
SCENARIOS.update(LIFE)
SCENARIOS.update({
    "host_ipv6": run('host="::1", port=PORT, single_process=True', ["ready", "INT"]),
    "host_localhost": run('host="localhost", port=PORT, single_process=True', ["ready", "GET /", "INT"]),
    "host_any": run('host="0.0.0.0", port=PORT, single_process=True', ["ready", "GET /", "INT"]),
    "host_any_workers": run('host="0.0.0.0", port=PORT, workers=1', ["ready", "GET /", "INT"]),
    "host_none_port": run("port=PORT, single_process=True", ["ready", "GET /", "INT"]),
})
