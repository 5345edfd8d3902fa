"""Scenarios for ``probe.py``: ``run`` is ``app.run``'s keyword arguments (JSON, with
``{name}`` placeholders for certificate paths, ``{port}``, ``{sock}``, ``{tmp}``), ``cli``
the arguments after the interpreter; ``actions`` what the client does once it listens."""

import contextlib
import os
import socket

H = {"host": "127.0.0.1", "port": "{port}", "motd": True}
TLS_ACTIONS = [("tls", None), ("tls", "localhost"), ("tls", "a.test"), ("tls", "x.a.test"),
               ("tls", "b.test"), ("tls", "unknown.test")]
CLI = ["-m", "sanic", "probe_app:app", "--host", "127.0.0.1", "--port", "{port}"]


def stale_socket(names):
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(names["sock"])
    sock.close()  # a socket file nobody listens on, as a killed server leaves


def regular_file(names):
    with open(names["sock"], "w") as handle:
        handle.write("not a socket")


def live_socket(names):
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(names["sock"])
    sock.listen()
    names["_keep"] = sock  # kept open (listening) for the run


def dangling_symlink(names):
    os.symlink(names["tmp"] + "/nowhere.sock", names["sock"])


def symlink_to_stale(names):
    target = names["tmp"] + "/stale-target.sock"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(target)
    sock.close()
    os.symlink(target, names["sock"])


CASES = [
    # -- TLS through app.run / prepare
    {"name": "run_context_single", "run": {**H, "single_process": True,
     "ssl": {"context": ["{local}", "{local_key}", None]}},
     "actions": [("tls", None), ("tls", "localhost"), ("plain",)]},
    {"name": "run_dict", "run": {**H, "ssl": {"cert": "{a}", "key": "{a_key}"}},
     "actions": [("tls", None), ("tls", "a.test"), ("tls", "unknown.test"), ("plain",)]},
    {"name": "run_dict_single", "run": {**H, "single_process": True,
     "ssl": {"cert": "{a}", "key": "{a_key}"}}, "actions": [("tls", "a.test")]},
    {"name": "run_dict_password", "run": {**H, "ssl": {"cert": "{b}", "key": "{enc_key}",
     "password": "secret"}}, "actions": [("tls", "b.test")]},
    {"name": "run_dict_wrong_password", "run": {**H, "ssl": {"cert": "{b}",
     "key": "{enc_key}", "password": "wrong"}}, "limit": 12},
    {"name": "run_dict_no_password", "run": {**H, "ssl": {"cert": "{b}", "key": "{enc_key}"}},
     "limit": 12},
    {"name": "run_dict_names", "run": {**H, "single_process": True, "ssl": [{"cert": "{a}", "key": "{a_key}",
     "names": ["c.test"]}, {"cert": "{b}", "key": "{b_key}"}]},
     "actions": [("tls", "c.test"), ("tls", "a.test"), ("tls", "b.test"), ("tls", None)]},
    {"name": "run_folder", "run": {**H, "ssl": "{folder}"}, "actions": [("tls", "a.test")]},
    {"name": "run_folder_missing", "run": {**H, "ssl": "{tmp}/nofolder"}, "limit": 12},
    {"name": "run_list", "run": {**H, "single_process": True, "ssl": [{"cert": "{a}", "key": "{a_key}"},
     {"cert": "{b}", "key": "{b_key}"}, "{folder_l}"]}, "actions": TLS_ACTIONS},
    {"name": "run_tuple_single", "run": {**H, "single_process": True, "ssl": [
     {"context": ["{a}", "{a_key}", None]}, {"context": ["{b}", "{b_key}", None]}]},
     "actions": TLS_ACTIONS},
    {"name": "run_list_strict_none", "run": {**H, "single_process": True, "ssl": [None, {"cert": "{a}",
     "key": "{a_key}"}, {"cert": "{b}", "key": "{b_key}"}]}, "actions": TLS_ACTIONS,
     "ready_sni": "a.test"},
    {"name": "run_missing_cert", "run": {**H, "ssl": {"cert": "{missing}", "key": "{a_key}"}},
     "limit": 12},
    {"name": "run_missing_key", "run": {**H, "ssl": {"cert": "{a}", "key": "{missing}"}},
     "limit": 12},
    {"name": "run_garbage_key", "run": {**H, "ssl": {"cert": "{a}", "key": "{garbage_key}"}},
     "limit": 12},
    {"name": "run_key_is_dir", "run": {**H, "ssl": {"cert": "{a}", "key": "{keydir}"}},
     "limit": 12},
    {"name": "run_mismatched_key", "run": {**H, "ssl": {"cert": "{a}", "key": "{b_key}"}},
     "limit": 12},
    {"name": "prepare_dict", "run": {**H, "_prepare": True,
     "ssl": {"cert": "{a}", "key": "{a_key}"}}, "actions": [("tls", "a.test")]},
    {"name": "run_http3", "run": {**H, "version": 3, "ssl": {"cert": "{a}", "key": "{a_key}"}},
     "limit": 12},
    {"name": "run_http3_nossl", "run": {**H, "version": 3}, "limit": 12},
    {"name": "run_server_name_https", "run": {**H, "ssl": "{folder}"},
     "config": {"SERVER_NAME": "https://example.com"}, "actions": [("tls", "a.test")]},
    {"name": "run_server_name_plain_host", "run": {**H, "ssl": "{folder}"},
     "config": {"SERVER_NAME": "example.com"}, "actions": [("tls", "a.test")]},
    {"name": "run_ipv6", "host": "::1", "run": {**H, "host": "::1", "ssl": "{folder_l}"},
     "actions": [("tls", None), ("tls", "localhost")]},
    {"name": "run_auto_tls_debug_trustme", "trustme_in_sanic": True, "run": {**H, "auto_tls": True, "debug": True},
     "config": {"LOCAL_CERT_CREATOR": "trustme", "LOCAL_TLS_KEY": "{tmp}/lk.pem",
                "LOCAL_TLS_CERT": "{tmp}/lc.pem"},
     "actions": [("tls", None), ("tls", "localhost")]},
    {"name": "run_auto_tls_debug_auto", "trustme_in_sanic": True, "run": {**H, "auto_tls": True, "debug": True},
     "config": {"LOCAL_TLS_KEY": "{tmp}/lk2.pem", "LOCAL_TLS_CERT": "{tmp}/lc2.pem"},
     "actions": [("tls", "localhost")]},
    {"name": "run_auto_tls_debug_default", "trustme_in_sanic": True,
     "run": {**H, "auto_tls": True, "debug": True}, "actions": [("tls", "localhost")]},
    {"name": "run_auto_tls_dev_trustme", "trustme_in_sanic": True,
     "run": {**H, "auto_tls": True, "dev": True}, "config": {"LOCAL_CERT_CREATOR": "trustme"},
     "actions": [("tls", "localhost")]},
    {"name": "run_auto_tls_debug_mkcert", "run": {**H, "auto_tls": True, "debug": True},
     "config": {"LOCAL_CERT_CREATOR": "mkcert"}, "limit": 12},
    {"name": "run_auto_tls_nodebug", "run": {**H, "auto_tls": True}, "limit": 12},
    {"name": "run_auto_tls_with_ssl", "run": {**H, "auto_tls": True, "debug": True,
     "ssl": "{folder}"}, "limit": 12, "actions": [("tls", "a.test")]},
    {"name": "run_plain_https_probe", "run": {**H}, "actions": [("tls", None)]},
    {"name": "run_dict_aliases", "run": {**H, "ssl": {"certfile": "{a}", "keyfile": "{a_key}"}},
     "limit": 12, "actions": [("tls", "a.test")]},
    {"name": "run_dict_one_names", "run": {**H, "ssl": {"cert": "{a}", "key": "{a_key}",
     "names": ["c.test"]}}, "actions": [("tls", "c.test"), ("tls", None)]},
    {"name": "run_dict_empty", "run": {**H, "ssl": {}}, "limit": 12},
    {"name": "run_ssl_file_not_folder", "run": {**H, "ssl": "{a}"}, "limit": 12},
    {"name": "run_workers2_dict", "run": {**H, "workers": 2, "ssl": {"cert": "{a}",
     "key": "{a_key}"}}, "actions": [("tls", "a.test"), ("tls", "a.test")]},
    {"name": "run_localhost_host", "host": "127.0.0.1", "run": {**H, "host": "localhost",
     "ssl": "{folder_l}"}, "actions": [("tls", "localhost")]},
    {"name": "run_port_443", "fixed_port": 443, "run": {**H, "ssl": "{folder_l}"},
     "actions": [("tls", "localhost"), ("tls", None)]},
    {"name": "run_port_80_plain", "fixed_port": 80, "run": {**H},
     "actions": [("plain", b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")]},
    # -- TLS through the CLI
    {"name": "cli_tls_folder", "cli": [*CLI, "--tls", "{folder}"],
     "actions": [("tls", "a.test"), ("tls", None)]},
    {"name": "cli_tls_two", "cli": [*CLI, "--tls", "{folder}", "--tls", "{folder_b}",
     "--single-process"],
     "actions": TLS_ACTIONS},
    {"name": "cli_tls_strict", "cli": [*CLI, "--tls", "{folder}", "--tls", "{folder_b}",
     "--tls-strict-host", "--single-process"], "actions": TLS_ACTIONS, "ready_sni": "a.test"},
    {"name": "cli_tls_strict_one", "cli": [*CLI, "--tls", "{folder}", "--tls-strict-host",
     "--single-process"], "actions": TLS_ACTIONS, "ready_sni": "a.test"},
    {"name": "cli_strict_no_tls", "cli": [*CLI, "--tls-strict-host"], "limit": 12,
     "actions": [("plain",)]},
    {"name": "cli_cert_key", "cli": [*CLI, "--cert", "{a}", "--key", "{a_key}"],
     "actions": [("tls", "a.test")]},
    {"name": "cli_cert_only", "cli": [*CLI, "--cert", "{a}"], "limit": 12},
    {"name": "cli_key_only", "cli": [*CLI, "--key", "{a_key}"], "limit": 12},
    {"name": "cli_cert_missing", "cli": [*CLI, "--cert", "{missing}", "--key", "{a_key}"],
     "limit": 12},
    {"name": "cli_cert_garbage_key", "cli": [*CLI, "--cert", "{a}", "--key", "{garbage_key}"],
     "limit": 12},
    {"name": "cli_http3", "cli": [*CLI, "--http", "3", "--tls", "{folder}"], "limit": 12},
    {"name": "cli_http1_3", "cli": [*CLI, "--http", "1", "--http", "3", "--tls", "{folder}"],
     "limit": 12, "actions": [("tls", "a.test")]},
    {"name": "cli_auto_tls_dev", "trustme_in_sanic": True, "cli": [*CLI, "--auto-tls", "--debug"],
     "config": {"LOCAL_TLS_KEY": "{tmp}/lk3.pem", "LOCAL_TLS_CERT": "{tmp}/lc3.pem"},
     "env": {"SANIC_LOCAL_TLS_KEY": "{tmp}/lk3.pem", "SANIC_LOCAL_TLS_CERT": "{tmp}/lc3.pem"},
     "actions": [("tls", "localhost")]},
    # -- unix sockets
    {"name": "unix_basic", "unix": True, "run": {"unix": "{sock}", "motd": True},
     "actions": [("unix",)]},
    {"name": "unix_single", "unix": True, "run": {"unix": "{sock}", "single_process": True},
     "actions": [("unix",)]},
    {"name": "unix_workers2", "unix": True, "run": {"unix": "{sock}", "workers": 2},
     "actions": [("unix",), ("unix",)]},
    {"name": "unix_with_host", "unix": True, "run": {"unix": "{sock}", "host": "127.0.0.1",
     "port": "{port}"}, "actions": [("unix",)]},
    {"name": "unix_stale_socket", "unix": True, "run": {"unix": "{sock}"},
     "before": [stale_socket], "actions": [("unix",)]},
    {"name": "unix_regular_file", "unix": True, "run": {"unix": "{sock}"},
     "before": [regular_file], "limit": 12, "actions": [("unix",)]},
    {"name": "unix_missing_dir", "unix": True, "missing_dir": True,
     "run": {"unix": "{sock}"}, "limit": 12},
    {"name": "unix_tls", "unix": True, "run": {"unix": "{sock}", "ssl": "{folder}"},
     "actions": [("unix",), ("unix_tls", "a.test"), ("unix_tls", None)]},
    {"name": "unix_config_mode", "unix": True, "run": {"unix": "{sock}"},
     "config": {"UNIX_MODE": 0o600}, "actions": [("unix",)]},
    {"name": "unix_relative", "unix": True, "run": {"unix": "app.sock"}, "actions": [("unix",)]},
    {"name": "unix_relative_single", "unix": True, "run": {"unix": "app.sock",
     "single_process": True}, "actions": [("unix",)]},
    {"name": "cli_unix_relative", "unix": True, "cli": ["-m", "sanic", "probe_app:app",
     "--unix", "app.sock"], "actions": [("unix",)]},
    {"name": "unix_live_socket", "unix": True, "run": {"unix": "{sock}"},
     "before": [live_socket], "actions": [("unix",)]},
    {"name": "unix_too_long", "unix": True, "run": {"unix": "{tmp}/" + "x" * 120 + ".sock"},
     "limit": 12},
    {"name": "unix_is_dir", "unix": True, "run": {"unix": "{tmp}/folder"}, "limit": 12},
    {"name": "unix_single_stale", "unix": True, "run": {"unix": "{sock}", "single_process": True},
     "before": [stale_socket], "actions": [("unix",)]},
    {"name": "unix_legacy", "unix": True, "run": {"unix": "{sock}", "legacy": True},
     "actions": [("unix",)]},
    {"name": "unix_dangling_symlink", "unix": True, "run": {"unix": "{sock}"},
     "before": [dangling_symlink], "limit": 12, "actions": [("unix",)]},
    {"name": "unix_symlink_to_stale", "unix": True, "run": {"unix": "{sock}"},
     "before": [symlink_to_stale], "limit": 12, "actions": [("unix",)]},
    {"name": "unix_sigterm", "unix": True, "run": {"unix": "{sock}", "workers": 2},
     "stop": "SIGTERM", "actions": [("unix",)]},
    {"name": "tls_sigterm", "run": {**H, "ssl": "{folder}"}, "stop": "SIGTERM",
     "actions": [("tls", "a.test")]},
    {"name": "cli_unix_host", "unix": True, "cli": ["-m", "sanic", "probe_app:app", "--unix",
     "{sock}", "--host", "127.0.0.1", "--port", "{port}"], "actions": [("unix",)]},
    {"name": "cli_unix", "unix": True, "cli": ["-m", "sanic", "probe_app:app", "--unix", "{sock}"],
     "actions": [("unix",)]},
    {"name": "cli_unix_workers", "unix": True, "cli": ["-m", "sanic", "probe_app:app",
     "--unix", "{sock}", "-w", "2"], "actions": [("unix",)]},
]
