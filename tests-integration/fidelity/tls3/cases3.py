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
