"""``python booktracker_app.py`` (--main): the `main_process_start` listener's route list
in the log, then a few requests."""

REQS = [("GET", "/book/"), ("GET", "/v2/book/"), ("GET", "/author"), ("GET", "/_routes")]

KEPT = ""
