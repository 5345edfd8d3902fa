"""app.run() with the arguments of older releases, served in one process and
stopped at once (the snippets run as ``python -c``, so a spawned worker could not
import them: runs with workers are compared as files with a ``__main__`` guard)."""

CASES: dict[str, str] = {}

_APP = '''
import asyncio, socket
from sanic import Sanic, text
s = socket.socket(); s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]; s.close()
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
@app.after_server_start
async def stop(app):
    print("started")
    app.stop()
@app.after_server_stop
async def stopped(app):
    print("stopped")
'''


def _run(args: str) -> str:
    return _APP + f"app.run(port=PORT, {args})\nprint('returned')\n"


CASES["run_loop_arg"] = _run("single_process=True, loop=asyncio.new_event_loop()")
CASES["run_loop_none"] = _run("single_process=True, loop=None")
CASES["run_workers_single"] = _run("workers=2, single_process=True")
CASES["run_auto_reload_single"] = _run("auto_reload=True, single_process=True")
CASES["run_debug_access_log_none"] = _run("single_process=True, debug=True, access_log=None")
CASES["run_port_str"] = _APP + "app.run(port=str(PORT), single_process=True)\nprint('returned')\n"
CASES["run_host_positional"] = _APP + "app.run('127.0.0.1', PORT, single_process=True)\nprint('returned')\n"
CASES["run_sock_and_host"] = _APP + '''
s = socket.socket(); s.bind(("127.0.0.1", 0))
app.run(host="127.0.0.1", sock=s, single_process=True)
print('returned')
'''
CASES["run_protocol_old"] = _run(
    "single_process=True, protocol=__import__('sanic.server', fromlist=['HttpProtocol']).HttpProtocol"
)
CASES["run_register_sys_signals"] = _run("single_process=True, register_sys_signals=False")
CASES["run_backlog_str"] = _run("single_process=True, backlog='100'")
CASES["run_stop_event"] = _run("single_process=True, stop_event=None")
CASES["run_ssl_dict_missing"] = _run("single_process=True, ssl={'cert': '/nope.pem', 'key': '/nope.key'}")
CASES["run_ssl_str_missing"] = _run("single_process=True, ssl='/nope'")
CASES["run_unix_and_port"] = _run("single_process=True, unix='/tmp/oldapi_x.sock'")
CASES["run_fast_and_workers"] = _run("fast=True, workers=2")
CASES["run_motd_false"] = _run("single_process=True, motd=False, verbosity=1")
CASES["run_legacy"] = _run("legacy=True")
CASES["run_version_str"] = _run("single_process=True, version='1'")
CASES["run_access_log_str"] = _run("single_process=True, access_log='yes'")
CASES["run_log_config_old"] = _run("single_process=True, log_config={'version': 1}")
CASES["run_after_start_kw_old"] = _run("single_process=True, after_start=None")
CASES["run_debug_no_reload"] = _run("single_process=True, debug=True, auto_reload=False")
CASES["run_workers_one_single"] = _run("single_process=True, workers=1")
CASES["run_host_none"] = _run("single_process=True, host=None")
CASES["run_reload_dir_str"] = _run("single_process=True, reload_dir='/tmp'")
CASES["run_access_log_false_config"] = _run("single_process=True, access_log=False")
