"""app.config: defaults, env vars, casting, update_config, load, access styles."""

import os
import shutil
from pathlib import Path

from _probe import show

from sanic import Sanic
from sanic.config import DEFAULT_CONFIG, Config

Sanic.test_mode = True
KEYS = sorted(DEFAULT_CONFIG)
print("DEFAULT_CONFIG keys:", KEYS)
cfg = Config()
for key in KEYS:
    show(f"default {key}", lambda k=key: getattr(cfg, k))
show("sorted config keys", lambda: sorted(k for k in cfg if k.isupper()))
show("len>0", lambda: len(cfg) > 0)
show("isinstance dict", lambda: isinstance(cfg, dict))
show("item access", lambda: cfg["REQUEST_TIMEOUT"])
show("missing attr", lambda: cfg.NOPE)
show("missing item", lambda: cfg["NOPE"])
show("get missing", lambda: cfg.get("NOPE", "dflt"))
cfg.FOO = 1
show("set attr -> item", lambda: cfg["FOO"])
cfg["BAR"] = 2
show("set item -> attr", lambda: cfg.BAR)
cfg.lower = 3
show("lowercase attr", lambda: cfg.get("lower"))
show("lowercase in dict", lambda: "lower" in cfg)
del cfg["BAR"]
show("del item", lambda: cfg.BAR)
show("del attr", lambda: delattr(cfg, "FOO"))
show("after del attr", lambda: "FOO" in cfg)
show("update kwargs", lambda: (cfg.update(A=1, B=2), cfg.A, cfg.B))
show("update dict", lambda: (cfg.update({"C": 3}), cfg.C))
show("update bad", lambda: cfg.update(1, 2))


class Obj:
    X = 10
    lower = 11
    _private = 12


show(
    "update_config obj",
    lambda: (cfg.update_config(Obj), cfg.get("X"), cfg.get("lower"), cfg.get("_private")),
)
show("update_config instance", lambda: (cfg.update_config(Obj()), cfg.get("X")))
show(
    "update_config dict", lambda: (cfg.update_config({"Y": 1, "y": 2}), cfg.get("Y"), cfg.get("y"))
)
shutil.rmtree("/tmp/sanic_probe_config", ignore_errors=True)
os.makedirs("/tmp/sanic_probe_config")
if True:
    tmp = "/tmp/sanic_probe_config"
    f = Path(tmp) / "conf.py"
    f.write_text("Z = 5\nlow = 6\nimport os\n_h = 1\n")
    show(
        "update_config path str",
        lambda: (
            cfg.update_config(str(f)),
            cfg.get("Z"),
            cfg.get("low"),
            cfg.get("_h"),
            cfg.get("os") is not None,
        ),
    )
    show("update_config Path", lambda: (cfg.update_config(f), cfg.get("Z")))
    os.environ["PROBE_CONF_DIR"] = tmp
    show(
        "update_config ${env}",
        lambda: (cfg.update_config("${PROBE_CONF_DIR}/conf.py"), cfg.get("Z")),
    )
    show("update_config missing file", lambda: cfg.update_config(Path(tmp) / "missing.py"))
    show("update_config missing env", lambda: cfg.update_config("${PROBE_NOT_SET}/x.py"))
    bad = Path(tmp) / "bad.py"
    bad.write_text("this is not python(\n")
    show("update_config bad syntax", lambda: type(cfg.update_config(bad)))
    show("load alias", lambda: (cfg.load({"LOADED": 1}), cfg.LOADED))
show("update_config int", lambda: cfg.update_config(5))

env = {
    "SANIC_INTVAL": "42",
    "SANIC_FLOATVAL": "1.5",
    "SANIC_TRUEVAL": "true",
    "SANIC_TRUE2": "yes",
    "SANIC_TRUE3": "1",
    "SANIC_TRUE4": "ON",
    "SANIC_FALSEVAL": "false",
    "SANIC_FALSE2": "no",
    "SANIC_FALSE3": "0",
    "SANIC_FALSE4": "off",
    "SANIC_NONEVAL": "none",
    "SANIC_NONE2": "None",
    "SANIC_STRVAL": "hello",
    "SANIC_EMPTY": "",
    "SANIC_lower": "low",
    "SANIC_REQUEST_TIMEOUT": "7",
    "SANIC_KEEP_ALIVE": "False",
    "SANIC_NEGINT": "-3",
    "SANIC_EXP": "1e3",
    "SANIC_HEX": "0x10",
    "SANIC_SPACEINT": " 5 ",
    "SANIC_TRUEY": "t",
    "SANIC_Y": "y",
    "MYAPP_CUSTOM": "9",
    "MYAPP_": "x",
    "SANIC_": "y",
}
os.environ.update(env)
c2 = Config()
for k in sorted(env):
    name = k.removeprefix("SANIC_")
    show(f"env {k}", lambda n=name: (repr(c2.get(n)), type(c2.get(n)).__name__))
show("env MYAPP_CUSTOM with default prefix", lambda: c2.get("CUSTOM"))
c3 = Config(env_prefix="MYAPP_")
show("env_prefix MYAPP_ CUSTOM", lambda: (c3.get("CUSTOM"), type(c3.get("CUSTOM")).__name__))
show("env_prefix MYAPP_ INTVAL", lambda: c3.get("INTVAL"))
c4 = Config(env_prefix=None)
show("env_prefix None INTVAL", lambda: c4.get("INTVAL"))
c5 = Config(load_env=False)
show("load_env False INTVAL", lambda: c5.get("INTVAL"))
c6 = Config(load_env="MYAPP_")
show("load_env str CUSTOM", lambda: c6.get("CUSTOM"))
show("app env_prefix", lambda: Sanic("envapp", env_prefix="MYAPP_").config.get("CUSTOM"))
show("app default env", lambda: Sanic("envapp2").config.get("INTVAL"))
show("app env REQUEST_TIMEOUT", lambda: Sanic("envapp3").config.REQUEST_TIMEOUT)
show("load_environment_vars", lambda: (c5.load_environment_vars("MYAPP_"), c5.get("CUSTOM")))


class UUIDish:
    def __init__(self, v):
        if not v.startswith("u-"):
            raise ValueError
        self.v = v

    def __repr__(self):
        return f"UUIDish({self.v})"


os.environ["SANIC_CONV"] = "u-123"
c7 = Config(converters=[UUIDish])
show("converter", lambda: c7.get("CONV"))
show("converter on int still int", lambda: c7.get("INTVAL"))
c8 = Config()
c8.register_type(UUIDish)
show("register_type then load", lambda: (c8.load_environment_vars(), c8.get("CONV")))
show("register_type nonc", lambda: c8.register_type(1))
for k in list(os.environ):
    if k.startswith(("SANIC_", "MYAPP_")):
        del os.environ[k]

c9 = Config()
for key, value in [
    ("FALLBACK_ERROR_FORMAT", "json"),
    ("FALLBACK_ERROR_FORMAT", "text"),
    ("FALLBACK_ERROR_FORMAT", "html"),
    ("FALLBACK_ERROR_FORMAT", "auto"),
    ("FALLBACK_ERROR_FORMAT", "xml"),
    ("FALLBACK_ERROR_FORMAT", "JSON"),
    ("LOCAL_CERT_CREATOR", "auto"),
    ("LOCAL_CERT_CREATOR", "mkcert"),
    ("LOCAL_CERT_CREATOR", "TRUSTME"),
    ("LOCAL_CERT_CREATOR", "nope"),
    ("REQUEST_TIMEOUT", "5"),
    ("KEEP_ALIVE_TIMEOUT", 2.5),
    ("AUTO_EXTEND", False),
    ("SERVER_NAME", "example.com"),
]:
    show(f"set {key}={value!r}", lambda k=key, v=value: (c9.update({k: v}), c9[k]))
show(
    "FALLBACK via attr",
    lambda: (setattr(c9, "FALLBACK_ERROR_FORMAT", "json"), c9.FALLBACK_ERROR_FORMAT),
)
show("FALLBACK reset after set", lambda: setattr(c9, "FALLBACK_ERROR_FORMAT", "text"))

app = Sanic("cfgapp")
show(
    "app FALLBACK set once",
    lambda: (
        setattr(app.config, "FALLBACK_ERROR_FORMAT", "json"),
        app.config.FALLBACK_ERROR_FORMAT,
    ),
)
show(
    "app FALLBACK set again",
    lambda: (
        setattr(app.config, "FALLBACK_ERROR_FORMAT", "text"),
        app.config.FALLBACK_ERROR_FORMAT,
    ),
)
show("app.update_config", lambda: (app.update_config({"ZZZ": 1}), app.config.ZZZ))
show("app config repr type", lambda: type(repr(app.config)).__name__)
show("config keys after app", lambda: "ZZZ" in app.config)
show("app.config._LOGO", lambda: app.config.get("_LOGO") is None)
show("app.config.LOGO", lambda: app.config.LOGO is None)
show("app.config.ENV_PREFIX", lambda: app.config.get("ENV_PREFIX"))
show("TOUCHUP", lambda: app.config.TOUCHUP)
show("config setattr _x", lambda: (setattr(app.config, "_x", 1), "_x" in app.config, app.config._x))
show("DEFAULT_CONFIG values", lambda: sorted((k, repr(v)) for k, v in DEFAULT_CONFIG.items()))
