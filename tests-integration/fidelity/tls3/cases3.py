"""Scenarios for ``probe3.py`` (same shape as ``../tls2/cases.py``): ``run`` is
``app.run``'s keyword arguments with ``{name}`` placeholders, ``cli`` the arguments after
the interpreter, ``config`` applied to ``app.config``, ``actions`` the clients."""

H = {"host": "127.0.0.1", "port": "{port}"}
CLI = ["-m", "sanic", "probe_app:app", "--host", "127.0.0.1", "--port", "{port}"]
A = {"cert": "{a}", "key": "{a_key}"}
CTX_LOCAL = {"context": ["{local}", "{local_key}", None]}
SNI = [("tls", None), ("tls", "a.test"), ("tls", "A.TEST"), ("tls", "a.test."),
       ("tls", "x.a.test"), ("tls", "x.y.a.test"), ("tls", "xa.test"), ("tls", "b.test"),
       ("tls", "localhost"), ("tls", "unknown.test")]
VERSIONS = [("ver", "TLSv1"), ("ver", "TLSv1_1"), ("ver", "TLSv1_2"), ("ver", "TLSv1_3"),
            ("cipher", "AES128-SHA"), ("cipher", "AES256-GCM-SHA384"),
            ("cipher", "ECDHE-RSA-AES128-SHA"), ("cipher", "ECDHE-RSA-AES128-GCM-SHA256"),
            ("alpn", ["h2"]), ("alpn", ["h2", "http/1.1"]), ("alpn", ["http/1.0"])]
VIEW = [("tls", "a.test"), ("tls", "a.test", "a.test:8443"), ("tls", "b.test", "a.test"),
        ("tls", "a.test", None, "/?x=1"), ("wss", "a.test"), ("wss", None),
        ("fwd", "X-Forwarded-Proto: http\r\n"), ("fwd", "Forwarded: proto=http\r\n")]
TIMEOUTS = {"REQUEST_TIMEOUT": 2, "KEEP_ALIVE_TIMEOUT": 2}
IDLE = [("idle", "tcp", 6), ("idle", "tls", 6), ("idle", "half", 6), ("idle", "keepalive", 6)]

CASES2 = [
    {"name": "bulk_dict", "run": {**H, "ssl": A},
     "actions": [("bulk", "big"), ("bulk", "upload")]},
    {"name": "bulk_single", "run": {**H, "single_process": True, "ssl": A},
     "actions": [("bulk", "big"), ("bulk", "upload")]},
    {"name": "cli_tls_and_cert", "cli": [*CLI, "--tls", "{folder_b}", "--cert", "{a}",
     "--key", "{a_key}"], "ready_sni": "a.test", "limit": 12,
     "actions": [("tls", "a.test"), ("tls", "b.test"), ("tls", None)]},
    {"name": "cli_cert_strict", "cli": [*CLI, "--cert", "{a}", "--key", "{a_key}",
     "--tls-strict-host"], "ready_sni": "a.test", "limit": 12,
     "actions": [("tls", "a.test"), ("tls", "b.test"), ("tls", None)]},
    {"name": "cli_cert_encrypted", "cli": [*CLI, "--cert", "{b}", "--key", "{enc_key}"],
     "limit": 12},
    {"name": "cli_tls_strict_single", "cli": [*CLI, "--tls", "{folder}", "--tls",
     "{folder_l}", "--tls-strict-host", "--single-process"], "ready_sni": "a.test",
     "actions": SNI},
    {"name": "cli_tls_single_wss", "cli": [*CLI, "--tls", "{folder}", "--single-process"],
     "actions": [("wss", "a.test"), ("tls", "x.a.test"), ("plain",)]},
    {"name": "auto_tls_none_env", "notrust": True, "env": {"SANIC_LOCAL_CERT_CREATOR": "trustme"},
     "run": {**H, "auto_tls": True, "debug": True}, "limit": 12},
    {"name": "auto_tls_none_single", "notrust": True,
     "run": {**H, "auto_tls": True, "debug": True, "single_process": True}, "limit": 12},
    {"name": "auto_tls_none_prepare", "notrust": True,
     "run": {**H, "_prepare": True, "auto_tls": True, "debug": True}, "limit": 12},
    {"name": "list_same_names", "run": {**H, "single_process": True, "ssl": [
        "{folder_l}", {"cert": "{a}", "key": "{a_key}", "names": ["localhost"]}]},
     "actions": [("tls", "localhost"), ("tls", "a.test"), ("tls", None)]},
    {"name": "list_empty_names", "run": {**H, "single_process": True, "ssl": [
        {"cert": "{a}", "key": "{a_key}", "names": []}, "{folder_b}"]},
     "ready_sni": "b.test", "limit": 12,
     "actions": [("tls", "a.test"), ("tls", "b.test"), ("tls", None)]},
    {"name": "list_one_context_first", "run": {**H, "single_process": True, "ssl": [
        CTX_LOCAL, "{folder}"]}, "actions": [("tls", "a.test"), ("tls", "localhost"),
                                            ("tls", None)]},
    {"name": "list_tuple_workers", "run": {**H, "ssl": ["{folder}", "{folder_b}"],
     "workers": 1}, "actions": [("tls", "b.test"), ("wss", "b.test"), ("bulk", "big")]},
]

CASES3 = [
    {"name": "workers2_dict_all", "config": TIMEOUTS, "run": {**H, "workers": 2, "ssl": A},
     "actions": [("tls", "a.test"), ("wss", "a.test"), ("bulk", "big"), ("bulk", "upload"),
                 ("plain",), *IDLE]},
    {"name": "idle_tcp_long", "config": TIMEOUTS, "run": {**H, "ssl": A},
     "actions": [("idle", "tcp", 70)]},
    {"name": "stop_with_wss_open", "run": {**H, "ssl": A}, "actions": [("wss_open",)]},
    {"name": "stop_with_wss_open_single", "run": {**H, "ssl": A, "single_process": True},
     "actions": [("wss_open",)]},
]

SEED = {**A, "ca_certs": "{client_ca}", "ciphers":
        "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20:!aNULL:!MD5:!DSS",
        "ssl_version": 2, "check_hostname": False, "do_handshake_on_connect": True}
CASES4 = [
    {"name": "seed_dict_advanced", "run": {**H, "ssl": SEED},
     "actions": [("tls", "a.test"), ("clientcert",), *VERSIONS]},
    {"name": "seed_dict_cbc_cipher", "run": {**H, "single_process": True,
     "ssl": {**A, "ciphers": "AES128-SHA:ECDHE-ECDSA-AES128-SHA"}},
     "actions": [("cipher", "ECDHE-ECDSA-AES128-SHA"), ("tls", "a.test")]},
    {"name": "multi_redirect", "cli": ["multi_app.py", "{port}", "{port2}", "{folder_l}"],
     "ready_sni": "localhost",
     "actions": [("tls", "localhost", None, "/info"), ("plain2", "GET /info?x=1 HTTP/1.1\r\n"
                 "Host: localhost\r\nConnection: close\r\n\r\n"), ("tls2", "/info")]},
    {"name": "multi_same_app", "cli": ["multi_app.py", "{port}", "{port2}", "{folder_l}",
     "same"], "ready_sni": "localhost",
     "actions": [("tls", "localhost", None, "/info"), ("plain2", "GET /info HTTP/1.1\r\n"
                 "Host: localhost\r\nConnection: close\r\n\r\n"), ("tls2", "/info")]},
]

HALF = [("halfclose", "fin"), ("halfclose", "notify"), ("halfclose", "both")]
CASES5 = [
    {"name": "halfclose_dict", "run": {**H, "ssl": A}, "actions": HALF},
    {"name": "no_keepalive", "config": {"KEEP_ALIVE": False}, "run": {**H, "ssl": A},
     "actions": [("idle", "keepalive", 6), *HALF]},
]

CASES6 = [
    {"name": "reload_tls", "run": {**H, "ssl": "{folder}", "auto_reload": True},
     "actions": [("tls", "a.test"), ("touch", 5), ("tls", "a.test"), ("wss", "a.test")]},
    {"name": "reload_tls_list", "run": {**H, "ssl": ["{folder}", "{folder_b}"],
     "auto_reload": True}, "ready_sni": "a.test",
     "actions": [("tls", "b.test"), ("touch", 5), ("tls", "b.test")]},
]

ENC = {"cert": "{b}", "key": "{enc_key}"}
CASES7 = [
    {"name": "missing_cert_single", "run": {**H, "single_process": True,
     "ssl": {"cert": "{missing}", "key": "{a_key}"}}, "limit": 12},
    {"name": "missing_key_single", "run": {**H, "single_process": True,
     "ssl": {"cert": "{a}", "key": "{missing}"}}, "limit": 12},
    {"name": "list_dict_missing_key", "run": {**H, "single_process": True,
     "ssl": [A, {"cert": "{b}", "key": "{missing}"}]}, "limit": 12},
    {"name": "password_bytes", "run": {**H, "ssl": {**ENC, "password": {"bytes": "secret"}}},
     "actions": [("tls", "b.test")], "limit": 12},
    {"name": "password_bytes_single", "run": {**H, "single_process": True,
     "ssl": {**ENC, "password": {"bytes": "secret"}}}, "actions": [("tls", "b.test")],
     "limit": 12},
    {"name": "password_in_list", "run": {**H, "ssl": [A, {**ENC, "password": "secret"}]},
     "ready_sni": "a.test", "actions": [("tls", "b.test")], "limit": 12},
    {"name": "wrong_password_in_list_single", "run": {**H, "single_process": True,
     "ssl": [A, {**ENC, "password": "nope"}]}, "limit": 12},
    {"name": "password_empty", "run": {**H, "ssl": {**ENC, "password": ""}}, "limit": 12},
]

CASES8 = [
    {"name": "halfclose_fin_20", "run": {**H, "ssl": A, "single_process": True},
     "actions": [("halfclose", "fin", i) for i in range(20)]},
]

CASES = [
    # -- what a handler sees (HTTP and websocket) over TLS, one process and workers
    {"name": "view_dict_single", "run": {**H, "single_process": True, "ssl": A},
     "actions": VIEW},
    {"name": "view_dict_worker", "run": {**H, "ssl": A}, "actions": VIEW},
    {"name": "view_server_name", "config": {"SERVER_NAME": "example.test"},
     "run": {**H, "ssl": A}, "actions": [("tls", "a.test"), ("wss", "a.test")]},
    {"name": "view_proxies", "config": {"PROXIES_COUNT": 1, "FORWARDED_SECRET": "s"},
     "run": {**H, "ssl": A}, "actions": [("fwd", "X-Forwarded-Proto: http\r\n"),
                                         ("fwd", "Forwarded: proto=http;secret=s\r\n"),
                                         ("fwd", "X-Forwarded-Proto: wss\r\n")]},
    {"name": "view_context_single", "run": {**H, "single_process": True, "ssl": CTX_LOCAL},
     "actions": [("tls", "localhost"), ("wss", "localhost"), *VERSIONS]},
    {"name": "view_prepare_list_workers2", "run": {**H, "_prepare": True, "workers": 2,
     "ssl": [A, "{folder_b}"]}, "actions": [("tls", "a.test"), ("tls", "b.test"),
                                            ("wss", "b.test"), ("tls", None)]},
    {"name": "view_cli_cert_key", "cli": [*CLI, "--cert", "{a}", "--key", "{a_key}"],
     "actions": [("tls", "a.test"), ("wss", "a.test")]},
    # -- handshakes: protocol versions, suites, ALPN
    {"name": "versions_dict", "run": {**H, "ssl": A}, "actions": VERSIONS},
    {"name": "versions_cli_tls", "cli": [*CLI, "--tls", "{folder}"], "actions": VERSIONS},
    # -- client certificates with a user's context
    {"name": "mtls_context_single", "run": {**H, "single_process": True,
     "ssl": {"context": ["{local}", "{local_key}", None, "{client_ca}"]}},
     "actions": [("clientcert",), ("tls", "localhost")]},
    # -- SNI spellings across the ssl= forms
    {"name": "sni_list_mixed", "run": {**H, "single_process": True,
     "ssl": [A, "{folder_b}", "{folder_l}"]}, "actions": SNI},
    {"name": "sni_list_mixed_workers2", "run": {**H, "workers": 2,
     "ssl": [A, "{folder_b}", "{folder_l}"]}, "actions": SNI},
    {"name": "sni_strict_none", "run": {**H, "single_process": True,
     "ssl": [None, A, "{folder_b}"]}, "actions": SNI},
    {"name": "sni_cli_strict", "cli": [*CLI, "--tls", "{folder}", "--tls", "{folder_l}",
     "--tls-strict-host"], "ready_sni": "a.test", "actions": SNI},
    {"name": "sni_one_dict", "run": {**H, "ssl": A}, "actions": SNI},
    {"name": "sni_names_given", "run": {**H, "single_process": True, "ssl": [
        {**A, "names": ["only.test"]}, {"cert": "{b}", "key": "{b_key}", "names": ["*.b.test"]}]},
     "actions": [("tls", None), ("tls", "only.test"), ("tls", "a.test"), ("tls", "b.test"),
                 ("tls", "x.b.test")]},
    {"name": "sni_names_given_worker", "run": {**H, "ssl": [
        {**A, "names": ["only.test"]}, {"cert": "{b}", "key": "{b_key}", "names": ["*.b.test"]}]},
     "ready_sni": "only.test",
     "actions": [("tls", None), ("tls", "only.test"), ("tls", "a.test"), ("tls", "b.test"),
                 ("tls", "x.b.test")]},
    {"name": "sni_names_strict", "run": {**H, "single_process": True, "ssl": [None,
        {**A, "names": ["only.test"]}, {"cert": "{b}", "key": "{b_key}", "names": ["*.b.test"]}]},
     "ready_sni": "only.test",
     "actions": [("tls", None), ("tls", "only.test"), ("tls", "a.test"), ("tls", "b.test"),
                 ("tls", "x.b.test")]},
    # -- the dict: extra keys, Paths, half a pair, passwords
    {"name": "dict_extra_keys", "run": {**H, "single_process": True,
     "ssl": {**A, "creator": "me", "foo": [1, 2]}}, "actions": [("tls", "a.test")]},
    {"name": "dict_creator_worker", "run": {**H, "ssl": {**A, "creator": "me"}},
     "actions": [("tls", "a.test")], "limit": 12},
    {"name": "dict_creator_trustme_single", "run": {**H, "single_process": True,
     "ssl": {**A, "creator": "trustme"}}, "actions": [("tls", "a.test")], "limit": 12},
    {"name": "dict_extra_keys_worker", "run": {**H,
     "ssl": {**A, "foo": "bar", "names": ["a.test"]}}, "actions": [("tls", "a.test")]},
    {"name": "dict_paths", "run": {**H, "ssl": {"cert": {"path": "{a}"},
     "key": {"path": "{a_key}"}}}, "actions": [("tls", "a.test")]},
    {"name": "ssl_pathlike_folder", "run": {**H, "ssl": {"path": "{folder}"}},
     "actions": [("tls", "a.test")]},
    {"name": "dict_cert_only", "run": {**H, "ssl": {"cert": "{a}"}}, "limit": 12},
    {"name": "dict_key_only", "run": {**H, "ssl": {"key": "{a_key}"}}, "limit": 12},
    {"name": "dict_mixed_alias", "run": {**H, "ssl": {"cert": "{a}", "keyfile": "{a_key}"}},
     "actions": [("tls", "a.test")], "limit": 12},
    {"name": "dict_password_plain_key", "run": {**H, "ssl": {**A, "password": "x"}},
     "actions": [("tls", "a.test")], "limit": 12},
    {"name": "dict_password_single", "run": {**H, "single_process": True,
     "ssl": {"cert": "{b}", "key": "{enc_key}", "password": "secret"}},
     "actions": [("tls", "b.test")]},
    {"name": "dict_wrong_password_single", "run": {**H, "single_process": True,
     "ssl": {"cert": "{b}", "key": "{enc_key}", "password": "wrong"}}, "limit": 12},
    {"name": "folder_encrypted_key", "run": {**H, "ssl": "{folder_enc}"}, "limit": 12},
    {"name": "folder_no_key", "run": {**H, "ssl": "{folder_half}"}, "limit": 12},
    {"name": "cli_tls_encrypted", "cli": [*CLI, "--tls", "{folder_enc}"], "limit": 12},
    {"name": "cli_tls_no_key", "cli": [*CLI, "--tls", "{folder_half}"], "limit": 12},
    {"name": "list_with_missing", "run": {**H, "ssl": [A, "{tmp}/nofolder"]}, "limit": 12},
    {"name": "ssl_int", "run": {**H, "ssl": 123}, "limit": 12},
    {"name": "ssl_true", "run": {**H, "ssl": True}, "limit": 12},
    {"name": "ssl_empty_str", "run": {**H, "ssl": ""}, "limit": 12,
     "actions": [("plain",)]},
    {"name": "ssl_empty_list", "run": {**H, "ssl": []}, "limit": 12,
     "actions": [("plain",)]},
    # -- timeouts over TLS
    {"name": "timeouts_dict", "config": TIMEOUTS, "run": {**H, "ssl": A}, "actions": IDLE},
    {"name": "timeouts_plain_on_tls", "config": TIMEOUTS, "run": {**H, "ssl": A},
     "actions": [("plain", b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", 6),
                 ("plain", b"\x16\x03\x01\x00\x05hello", 6)]},
    # -- auto_tls where neither mkcert nor trustme is installed
    {"name": "auto_tls_none_auto", "notrust": True, "run": {**H, "auto_tls": True,
     "debug": True}, "limit": 12},
    {"name": "auto_tls_none_trustme", "notrust": True, "config": {"LOCAL_CERT_CREATOR": "trustme"},
     "run": {**H, "auto_tls": True, "debug": True}, "limit": 12},
    {"name": "auto_tls_none_mkcert", "notrust": True, "config": {"LOCAL_CERT_CREATOR": "mkcert"},
     "run": {**H, "auto_tls": True, "debug": True}, "limit": 12},
    {"name": "auto_tls_none_bad_creator", "notrust": True,
     "config": {"LOCAL_CERT_CREATOR": "openssl"}, "run": {**H, "auto_tls": True, "debug": True},
     "limit": 12},
    {"name": "auto_tls_none_cli", "notrust": True, "cli": [*CLI, "--auto-tls", "--dev"],
     "limit": 12},
    {"name": "auto_tls_trustme_workers2", "trustme_in_sanic": True, "run": {**H, "auto_tls": True,
     "debug": True, "workers": 2}, "ready_sni": "localhost",
     "actions": [("tls", "localhost"), ("tls", None), ("wss", "localhost")]},
]

CASES += CASES2
CASES += CASES3
CASES += CASES4
CASES += CASES5
CASES += CASES6
CASES += CASES7
CASES += CASES8
