"""Config: Sanic's defaults, environment variables, files/objects, error format."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_app.config import DEFAULT_CONFIG, RUN_DEFAULTS, Config, DetailedConverter
from hurtle_app.constants import LocalCertCreator
from hurtle_app.helpers import Default
from hurtle_http.config import HTTP_DEFAULTS
from hurtle_http.exceptions import PyFileError, SanicException

SEED_001_KEYS = [
    "GRACEFUL_SHUTDOWN_TIMEOUT",
    "KEEP_ALIVE_TIMEOUT",
    "REQUEST_TIMEOUT",
    "RESPONSE_TIMEOUT",
    "AUTO_RELOAD",
    "ACCESS_LOG",
    "MOTD",
    "FORWARDED_SECRET",
    "REAL_IP_HEADER",
    "PROXIES_COUNT",
    "REQUEST_MAX_SIZE",
]


def test_defaults_are_sanics() -> None:
    config = Config(env_prefix=None)
    for key, value in HTTP_DEFAULTS.items():
        assert config[key] == value
    assert config.ACCESS_LOG is False
    assert config.KEEP_ALIVE_TIMEOUT == 120
    assert config.AUTO_EXTEND is True
    assert config.DEPRECATION_FILTER == "once"
    assert config.INSPECTOR_PORT == 6457
    assert config.LOCAL_CERT_CREATOR is LocalCertCreator.AUTO
    assert isinstance(config.TOUCHUP, Default)
    assert "SERVER_NAME" not in config


@pytest.mark.parametrize("key", SEED_001_KEYS)
def test_every_seed_key_resolves(key: str) -> None:
    assert key in Config(env_prefix=None)


@pytest.mark.parametrize(
    "key",
    [
        "HOST",
        "PORT",
        "UNIX",
        "UNIX_MODE",
        "WORKERS",
        "WORKER_CLASS",
        "WORKER_CONNECTIONS",
        "WORKER_MAX_REQUESTS",
        "WORKER_MAX_REQUESTS_JITTER",
        "LOGO",
    ],
)
def test_run_settings_are_not_config_keys(key: str) -> None:
    # As Sanic 25.12: they are app.run() arguments, not settings. Extra keys would show in
    # app.config (sanic-ext's load_constants() turns each into a value injected into any
    # handler argument of that name: a route's <port> would get 8000). Read as attributes
    # they give the defaults seed 001 documents; a value set by the app wins.
    config = Config(env_prefix=None)
    assert key not in config and key not in dict(config)
    assert getattr(config, key) == RUN_DEFAULTS[key]
    config.update({key: "set"})
    assert getattr(config, key) == "set"


def test_attribute_and_item_access() -> None:
    config = Config(env_prefix=None)
    config.FOO = 1
    config["BAR"] = 2
    assert config["FOO"] == 1 and config.BAR == 2
    with pytest.raises(AttributeError, match="Config has no 'missing'"):
        _ = config.missing
    config.lower_attr = 5
    assert config["lower_attr"] == 5


@pytest.mark.parametrize("name", ["NOT_THERE", "FALLBACK_ERROR_FORMAT"])
def test_a_missing_setting_logs_the_failed_lookup_before_the_attribute_error(name: str) -> None:
    config = Config(env_prefix=None)
    config.clear()
    with pytest.raises(AttributeError) as info:
        getattr(config, name)
    # What the error log shows for a handler reading it: the KeyError, then "During
    # handling of the above exception" and the AttributeError (Sanic's traceback).
    text = "".join(traceback.format_exception(info.value))
    assert f"KeyError: '{name}'" in text
    assert "During handling of the above exception" in text
    assert text.rstrip().endswith(f"AttributeError: Config has no '{name}'")


def test_environment_variables_are_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "SANIC_INT": "1",
        "SANIC_FLOAT": "1.5",
        "SANIC_EXP": "1e3",
        "SANIC_TRUE": "yes",
        "SANIC_FALSE": "false",
        "SANIC_ZERO": "0",
        "SANIC_STR": "hello",
        "SANIC_NONE": "None",
        "SANIC_lower": "skipped",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    config = Config()
    assert config.INT == 1 and isinstance(config.INT, int)
    assert config.FLOAT == 1.5
    assert config.EXP == 1000.0
    assert config.TRUE is True and config.FALSE is False
    assert config.ZERO == 0
    assert config.STR == "hello" and config.NONE == "None"
    assert "lower" not in config


def test_custom_prefix_and_no_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYAPP_X", "5")
    monkeypatch.setenv("SANIC_Y", "6")
    config = Config(env_prefix="MYAPP_")
    assert config.X == 5 and "Y" not in config
    assert "Y" not in Config(env_prefix=None)
    config.load_environment_vars("SANIC_")
    assert config.Y == 6


def test_loading_with_an_empty_prefix_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sanic raises ValueError here; loading every variable of the environment (HOME, PATH,
    # ...) as settings is never what was meant.
    monkeypatch.setenv("HOMELIKE", "/root")
    config = Config(env_prefix=None)
    with pytest.raises(ValueError, match="prefix"):
        config.load_environment_vars("")
    assert "HOMELIKE" not in config
    assert "HOMELIKE" not in Config(env_prefix="")


def test_a_variable_named_just_the_prefix_is_the_empty_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MYAPP_", "yes")
    assert Config(env_prefix="MYAPP_")[""] is True


def test_custom_converters_run_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANIC_CPLX", "2j")
    monkeypatch.setenv("SANIC_N", "1")

    def to_complex(value: str) -> complex:
        if not value.endswith("j"):
            raise ValueError(value)
        return complex(value)

    config = Config(converters=[to_complex])
    assert config.CPLX == 2j and config.N == 1
    tagged = Config(env_prefix=None)
    tagged.register_type(lambda value: f"conv:{value}")
    tagged.load_environment_vars()
    assert tagged.N == "conv:1"


def test_keep_alive_and_defaults_arguments() -> None:
    config = Config(defaults={"X": 1}, env_prefix=None, keep_alive=False)
    assert config.X == 1 and config.KEEP_ALIVE is False


def test_update_config_from_dict_object_class_and_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config(env_prefix=None)
    config.update_config({"A": 1, "b": 2})
    assert config.A == 1 and "b" not in config

    class Settings:
        FROM_CLASS = 1
        lower = 2
        _PRIVATE = 3

    config.update_config(Settings)
    config.update_config(Settings())
    assert config.FROM_CLASS == 1 and "lower" not in config
    # An upper-case name is a setting even with a leading underscore (as in Sanic).
    assert config["_PRIVATE"] == 3 and config.get("_PRIVATE") == 3

    path = tmp_path / "settings.py"
    path.write_text("PY_KEY = 'py'\nlower = 'x'\n_HIDDEN = 'h'\n")
    config.update_config(str(path))
    assert config.PY_KEY == "py" and "lower" not in config
    assert config.get("_HIDDEN") == "h"
    other = tmp_path / "other.cfg"
    other.write_text("CFG_KEY = 3\n")
    config.update_config(other)
    monkeypatch.setenv("CFG_DIR", str(tmp_path))
    config.update_config(b"${CFG_DIR}/settings.py")
    assert config.CFG_KEY == 3
    with pytest.raises(FileNotFoundError):
        config.update_config(str(tmp_path / "missing.py"))
    with pytest.raises(OSError, match="Unable to load configuration"):
        config.update_config("nonexistent_module_xyz")


def test_config_file_errors_are_those_a_sanic_user_catches(tmp_path: Path) -> None:
    config = Config(env_prefix=None)
    raising = tmp_path / "raising.py"
    raising.write_text("A = 1\nraise ValueError('boom')\n")
    with pytest.raises(ValueError, match="boom"):
        config.update_config(raising)
    broken = tmp_path / "broken.cfg"
    broken.write_text("A = (\n")
    with pytest.raises(PyFileError) as info:
        config.update_config(broken)
    assert isinstance(info.value.__cause__, SyntaxError)
    with pytest.raises(FileNotFoundError, match="Unable to load configuration file"):
        config.update_config(tmp_path / "missing.cfg")
    with pytest.raises(IsADirectoryError):
        config.update_config(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="'nope_xyz'"):
        config.update_config("nope_xyz.py")
    with pytest.raises(AttributeError):
        config.update_config("os.not_there")
    with pytest.raises(OSError, match="^Unable to load configuration os$"):
        config.update_config("os")


def test_fallback_error_format(caplog: pytest.LogCaptureFixture) -> None:
    config = Config(env_prefix=None)
    assert config.FALLBACK_ERROR_FORMAT == "auto"
    assert isinstance(config._FALLBACK_ERROR_FORMAT, Default)
    config.FALLBACK_ERROR_FORMAT = "json"
    assert config.FALLBACK_ERROR_FORMAT == "json"
    assert "FALLBACK_ERROR_FORMAT" not in config
    with caplog.at_level(logging.WARNING, logger="sanic.error"):
        config.update({"FALLBACK_ERROR_FORMAT": "html"})
    assert config.FALLBACK_ERROR_FORMAT == "html"
    assert "already configured" in caplog.text
    with pytest.raises(SanicException, match="Unknown format: xml"):
        config.FALLBACK_ERROR_FORMAT = "xml"


def test_fallback_error_format_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANIC_FALLBACK_ERROR_FORMAT", "json")
    monkeypatch.setenv("SANIC_LOCAL_CERT_CREATOR", "trustme")
    config = Config()
    assert config.FALLBACK_ERROR_FORMAT == "json"
    assert config.LOCAL_CERT_CREATOR is LocalCertCreator.TRUSTME


def test_local_cert_creator_is_looked_up_by_name() -> None:
    config = Config(env_prefix=None)
    config.LOCAL_CERT_CREATOR = "mkcert"
    assert config.LOCAL_CERT_CREATOR is LocalCertCreator.MKCERT
    with pytest.raises(KeyError, match="OPENSSL"):
        config.LOCAL_CERT_CREATOR = "openssl"


@pytest.mark.parametrize("value", [None, 1, ["mkcert"]])
def test_a_local_cert_creator_that_is_no_name_is_an_attribute_error(value: Any) -> None:
    # As Sanic: the name is upper-cased, so a value that is no str fails there
    # (AttributeError); it was a KeyError for its str() ('NONE').
    config = Config(env_prefix=None)
    with pytest.raises(AttributeError, match="has no attribute 'upper'"):
        config.LOCAL_CERT_CREATOR = value
    with pytest.raises(AttributeError, match="has no attribute 'upper'"):
        config.update_config({"LOCAL_CERT_CREATOR": value})


def test_deprecation_filter_configures_warnings() -> None:
    import warnings

    config = Config(env_prefix=None)
    config.DEPRECATION_FILTER = "ignore"
    assert warnings.filters[0][0] == "ignore"
    assert warnings.filters[0][2] is DeprecationWarning


@pytest.mark.parametrize(("action", "shown"), [("ignore", 0), ("once", 1), ("default", 1)])
def test_deprecation_filter_decides_what_deprecation_shows(action: str, shown: int) -> None:
    import warnings

    from hurtle_app.logging.deprecation import deprecation

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Config(env_prefix=None).DEPRECATION_FILTER = action
        deprecation("old thing", 99.9)
        deprecation("old thing", 99.9)
    assert [str(w.message) for w in caught] == ["[DEPRECATION v99.9] old thing"] * shown


@pytest.mark.parametrize("module", ["sanic_routing.route", "sanic_ext.bootstrap", "hurtle_http.x"])
def test_deprecation_filter_covers_the_router_and_plugins(module: str) -> None:
    # As Sanic: the filter applies to sanic_routing's own warnings (a <t:number> route
    # warns once there, and DEPRECATION_FILTER="ignore" silences it).
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Config(env_prefix=None).DEPRECATION_FILTER = "ignore"
        warnings.warn_explicit("old", DeprecationWarning, "m.py", 1, module=module)
    assert caught == []


def test_default_config_keys_are_upper_case_or_private() -> None:
    assert all(key.isupper() for key in DEFAULT_CONFIG)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integer_environment_values_round_trip(value: int) -> None:
    config = Config(env_prefix=None)
    assert config._convert("K", str(value)) == value


def test_a_detailed_converter_gets_both_keys_the_text_and_the_defaults(monkeypatch) -> None:
    from hurtle_app.config import DetailedConverter

    class Echo(DetailedConverter):
        def __call__(self, full_key, config_key, value, defaults):
            return (full_key, config_key, value, defaults.get(config_key), "ACCESS_LOG" in defaults)

    monkeypatch.setenv("SANIC_LIMIT", "7")
    monkeypatch.setenv("MINE_OTHER", "x")
    config = Config(defaults={"LIMIT": 5}, converters=[Echo()])
    assert config.LIMIT == ("SANIC_LIMIT", "LIMIT", "7", 5, True)
    mine = Config(env_prefix="MINE_", converters=[Echo()])
    assert mine.OTHER == ("MINE_OTHER", "OTHER", "x", None, True)


def test_a_detailed_converter_that_passes_leaves_the_others(monkeypatch) -> None:
    from hurtle_app.config import DetailedConverter

    class Refuse(DetailedConverter):
        def __call__(self, full_key, config_key, value, defaults):
            raise ValueError

    monkeypatch.setenv("SANIC_LIMIT", "7")
    assert Config(converters=[Refuse()]).LIMIT == 7


def test_a_converter_error_other_than_valueerror_surfaces(monkeypatch) -> None:
    # ValueError passes the value on to the next converter; a converter that fails
    # otherwise has a bug, which Sanic lets out of Config() rather than loading the string.
    def broken(value: str) -> str:
        raise TypeError("broken converter")

    class BrokenDetailed(DetailedConverter):
        def __call__(self, full_key, config_key, value, defaults):
            raise KeyError(config_key)

    monkeypatch.setenv("SANIC_CONVERTED", "x")
    with pytest.raises(TypeError, match="broken converter"):
        Config(converters=[broken])
    with pytest.raises(KeyError, match="CONVERTED"):
        Config(converters=[BrokenDetailed()])


def test_detailed_converter_is_abstract() -> None:
    """Like Sanic's: a subclass must define ``__call__`` before it can be made."""
    with pytest.raises(TypeError, match="abstract"):
        DetailedConverter()  # type: ignore[abstract]

    class Partial(DetailedConverter):
        pass

    with pytest.raises(TypeError, match="__call__"):
        Partial()  # type: ignore[abstract]


def test_config_lists_its_defaults_in_sanics_order() -> None:
    # ``for key in app.config`` (a config dump, sanic-ext's constants) sees Sanic's order.
    assert list(Config())[:8] == [
        "_FALLBACK_ERROR_FORMAT",
        "ACCESS_LOG",
        "AUTO_EXTEND",
        "AUTO_RELOAD",
        "EVENT_AUTOREGISTER",
        "DEPRECATION_FILTER",
        "FORWARDED_FOR_HEADER",
        "FORWARDED_SECRET",
    ]
    assert list(Config())[-4:] == [
        "USE_UVLOOP",
        "WEBSOCKET_MAX_SIZE",
        "WEBSOCKET_PING_INTERVAL",
        "WEBSOCKET_PING_TIMEOUT",
    ]
    assert list(DEFAULT_CONFIG).index("KEEP_ALIVE_TIMEOUT") + 1 == list(DEFAULT_CONFIG).index(
        "KEEP_ALIVE"
    )
    # No HTTP setting is left out of the ordered list.
    assert set(HTTP_DEFAULTS) <= set(DEFAULT_CONFIG)
    assert len(DEFAULT_CONFIG) == 41


def test_auto_reload_from_the_environment_does_not_turn_the_reloader_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As Sanic: SANIC_AUTO_RELOAD=true (or a Config given with AUTO_RELOAD) is reset when
    # the app is made, so `sanic server` / app.run() start no reloader process for it.
    from hurtle_app.app import Sanic

    monkeypatch.setenv("SANIC_AUTO_RELOAD", "true")
    app = Sanic("AutoReloadFromEnv")
    assert app.config.AUTO_RELOAD is False and app.auto_reload is False
    given_config = Config()
    given_config.AUTO_RELOAD = True
    other = Sanic("AutoReloadFromConfig", config=given_config)
    assert other.auto_reload is False
    other.auto_reload = True
    assert other.config.AUTO_RELOAD is True and other.state.auto_reload is True


def test_a_lower_case_key_with_a_leading_underscore_is_an_item_like_any_other() -> None:
    config = Config(env_prefix=None)
    config["_token"] = "t"
    config._cache = 3
    config.update({"_x": 1}, _y=2)
    for key, value in [("_token", "t"), ("_cache", 3), ("_x", 1), ("_y", 2)]:
        assert key in config
        assert config.get(key) == value and config[key] == value
        assert getattr(config, key) == value
    # The config's own state stays out of its items.
    assert "defaults" not in config and "_converters" not in config


def test_config_defaults_holds_sanics_defaults_and_the_given_ones() -> None:
    config = Config(defaults={"TAX_RATE": 0.2, "REQUEST_TIMEOUT": 5}, env_prefix=None)
    config.REQUEST_TIMEOUT = 30
    config.update(KEEP_ALIVE_TIMEOUT=1)
    # What a reset to the default reads: the values from before any setting was changed.
    assert config.defaults["REQUEST_TIMEOUT"] == 5
    assert config.defaults["TAX_RATE"] == 0.2
    assert config.defaults["KEEP_ALIVE_TIMEOUT"] == DEFAULT_CONFIG["KEEP_ALIVE_TIMEOUT"]
    assert Config(env_prefix=None).defaults == DEFAULT_CONFIG


def test_a_config_subclass_update_sees_the_defaults_set_by_name() -> None:
    seen: list[list[str]] = []

    class Counting(Config):
        def update(self, *other: Any, **kwargs: Any) -> None:
            super().update(*other, **kwargs)
            seen.append(sorted(k for o in other for k in dict(o)) + sorted(kwargs))

    Counting(defaults={"A": 1}, env_prefix=None)
    # As in Sanic, the constructor's first update is the public `defaults` attribute.
    assert seen[0] == ["defaults"]


@pytest.mark.parametrize("key", [1, None, ("A",), b"K"])
def test_a_key_that_is_no_string_is_a_type_error(key: Any) -> None:
    config = Config(env_prefix=None)
    with pytest.raises(TypeError, match="keywords must be strings"):
        config[key] = "x"
    with pytest.raises(TypeError, match="keywords must be strings"):
        config.update({key: "x"})
    assert key not in config


def test_a_dunder_name_is_an_item_like_any_other() -> None:
    config = Config(env_prefix=None)
    config.update({"__weakref__": "v", "__doc__": "d"})
    assert config["__weakref__"] == "v" and config["__doc__"] == "d"


@pytest.mark.parametrize("how", ["clear", "del"])
def test_the_error_format_is_gone_once_its_key_is(how: str) -> None:
    config = Config(env_prefix=None)
    if how == "clear":
        config.clear()
    else:
        del config["_FALLBACK_ERROR_FORMAT"]
    with pytest.raises(AttributeError, match="Config has no 'FALLBACK_ERROR_FORMAT'"):
        config.FALLBACK_ERROR_FORMAT  # noqa: B018
    config.FALLBACK_ERROR_FORMAT = "json"
    assert config.FALLBACK_ERROR_FORMAT == "json"
