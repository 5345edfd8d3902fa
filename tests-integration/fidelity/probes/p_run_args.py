"""app.prepare()/run() argument validation and constructor combinations (nothing is served)."""

from _probe import new_app, show

from sanic import Sanic
from sanic.config import Config

show(
    "config + env_prefix",
    lambda: Sanic("cfgenv", config=Config(), env_prefix="FOO_", configure_logging=False),
)
show(
    "config + env_prefix default",
    lambda: Sanic("cfgenv2", config=Config(), env_prefix="SANIC_", configure_logging=False).name,
)


class MyConfig(Config):
    pass


show(
    "config subclass",
    lambda: type(Sanic("cfgsub", config=MyConfig(), configure_logging=False).config).__name__,
)
show(
    "subclass Sanic",
    lambda: type(type("MySanic", (Sanic,), {})("subapp", configure_logging=False)).__name__,
)

CASES = [
    ("workers=0", {"workers": 0}),
    ("fast and workers", {"fast": True, "workers": 2}),
    ("single_process and workers", {"single_process": True, "workers": 2}),
    ("single_process and auto_reload", {"single_process": True, "auto_reload": True}),
    ("legacy and single_process", {"legacy": True, "single_process": True}),
    ("version 3 no ssl", {"version": 3}),
    ("version 4", {"version": 4}),
    ("port str", {"port": "8000"}),
    ("unix and host", {"unix": "/tmp/x.sock", "host": "127.0.0.1"}),
    ("bad ssl", {"ssl": 123}),
    ("ssl missing files", {"ssl": {"cert": "/nope/c.pem", "key": "/nope/k.pem"}}),
    ("ssl dir missing", {"ssl": "/nope/dir"}),
    ("dev", {"dev": True}),
    ("access_log", {"access_log": True}),
    ("motd False", {"motd": False}),
    ("noisy", {"noisy_exceptions": True}),
    ("workers 2", {"workers": 2}),
    ("reload_dir missing", {"reload_dir": "/nope/dir", "auto_reload": True}),
]
for label, kw in CASES:
    app = new_app("run" + label.replace(" ", "_").replace("=", "_").replace("/", "_"))
    kw = dict(kw)
    kw.setdefault("port", 0) if "port" not in kw else None

    def go(app=app, kw=kw):
        app.prepare(**kw)
        st = app.state
        return (
            st.mode if hasattr(st, "mode") else None,
            st.workers,
            st.fast,
            st.auto_reload if hasattr(st, "auto_reload") else None,
            app.config.ACCESS_LOG,
            app.config.MOTD,
            app.config.NOISY_EXCEPTIONS,
            str(st.host),
        )

    show(f"prepare {label}", go)
