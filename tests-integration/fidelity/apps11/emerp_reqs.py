"""``python emerp_app.py`` (app.run: a worker process, main_process_start with a
multiprocessing Manager, tasks at import, an after_server_stop that gathers every task)."""
REQS = [("GET", "/shared"), ("POST", "/ean/list", {"Authorization": "Bearer tok-admin"}, b"")]
