"""``Config``: the app's settings, a dict with attribute access.

Values come, in order, from Sanic's defaults, the ``defaults`` argument, and environment
variables named ``SANIC_<KEY>`` (or another prefix), converted by the first converter
that accepts them: custom converters (``register_type``), then ``int``, ``float``,
``str_to_bool``, and finally the raw string.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from inspect import getmembers, isclass, isdatadescriptor
from os import environ
from pathlib import Path
from typing import Any, Literal
from warnings import filterwarnings

from hurtle_app.constants import LocalCertCreator
from hurtle_app.errorpages import DEFAULT_FORMAT, check_error_format
from hurtle_app.errors import ConfigSourceError
from hurtle_app.helpers import Default, _default
from hurtle_app.utils import load_module_from_file_location, str_to_bool
from hurtle_http.config import HTTP_DEFAULTS
from hurtle_http.http import Http

SANIC_PREFIX = "SANIC_"

FilterWarningType = Literal["default", "error", "ignore", "always", "module", "once"]

error_logger = logging.getLogger("sanic.error")

#: Sanic 25.12's defaults (the HTTP core's settings included), in Sanic's order, which is
#: the order ``app.config`` lists them in.
_APP_DEFAULTS: dict[str, Any] = {
    "_FALLBACK_ERROR_FORMAT": _default,
    "ACCESS_LOG": False,
    "AUTO_EXTEND": True,
    "AUTO_RELOAD": False,
    "EVENT_AUTOREGISTER": False,
    "DEPRECATION_FILTER": "once",
    "INSPECTOR": False,
    "INSPECTOR_HOST": "localhost",
    "INSPECTOR_PORT": 6457,
    "INSPECTOR_TLS_KEY": _default,
    "INSPECTOR_TLS_CERT": _default,
    "INSPECTOR_API_KEY": "",
    "LOCAL_CERT_CREATOR": LocalCertCreator.AUTO,
    "LOCAL_TLS_KEY": _default,
    "LOCAL_TLS_CERT": _default,
    "LOCALHOST": "localhost",
    "LOG_EXTRA": _default,
    "MOTD": True,
    "MOTD_DISPLAY": {},
    "NO_COLOR": False,
    "TLS_CERT_PASSWORD": "",
    "TOUCHUP": _default,
    "USE_UVLOOP": _default,
}
_ORDER = (
    "_FALLBACK_ERROR_FORMAT", "ACCESS_LOG", "AUTO_EXTEND", "AUTO_RELOAD", "EVENT_AUTOREGISTER",
    "DEPRECATION_FILTER", "FORWARDED_FOR_HEADER", "FORWARDED_SECRET",
    "GRACEFUL_SHUTDOWN_TIMEOUT", "GRACEFUL_TCP_CLOSE_TIMEOUT", "INSPECTOR", "INSPECTOR_HOST",
    "INSPECTOR_PORT", "INSPECTOR_TLS_KEY", "INSPECTOR_TLS_CERT", "INSPECTOR_API_KEY",
    "KEEP_ALIVE_TIMEOUT", "KEEP_ALIVE", "LOCAL_CERT_CREATOR", "LOCAL_TLS_KEY", "LOCAL_TLS_CERT",
    "LOCALHOST", "LOG_EXTRA", "MOTD", "MOTD_DISPLAY", "NO_COLOR", "NOISY_EXCEPTIONS",
    "PROXIES_COUNT", "REAL_IP_HEADER", "REQUEST_BUFFER_SIZE", "REQUEST_MAX_HEADER_SIZE",
    "REQUEST_ID_HEADER", "REQUEST_MAX_SIZE", "REQUEST_TIMEOUT", "RESPONSE_TIMEOUT",
    "TLS_CERT_PASSWORD", "TOUCHUP", "USE_UVLOOP", "WEBSOCKET_MAX_SIZE",
    "WEBSOCKET_PING_INTERVAL", "WEBSOCKET_PING_TIMEOUT",
)  # fmt: skip
_MERGED = {**HTTP_DEFAULTS, **_APP_DEFAULTS}
# A default missing from _ORDER still counts (after Sanic's keys), never dropped.
DEFAULT_CONFIG: dict[str, Any] = {**{key: _MERGED[key] for key in _ORDER}, **_MERGED}
del _MERGED

#: Run settings the seed documents (001) list as config options. Sanic 25.12 has no such
#: keys (they are ``app.run`` arguments): they are not in ``app.config`` (so iterating it,
#: or sanic-ext's ``load_constants()``, never sees them), but reading one as an attribute
#: gives the documented default instead of an AttributeError, for code written from those
#: documents (``app.run(host=app.config.HOST, ...)``).
RUN_DEFAULTS: dict[str, Any] = {
    "HOST": "127.0.0.1",
    "PORT": 8000,
    "UNIX": None,
    "UNIX_MODE": 0o666,
    "WORKERS": 1,
    "WORKER_CLASS": "sanic.worker.GunicornWorker",
    "WORKER_CONNECTIONS": 1000,
    "WORKER_MAX_REQUESTS": 0,
    "WORKER_MAX_REQUESTS_JITTER": 0,
    "LOGO": None,
}


#: Byte sizes Sanic compares with numbers as soon as they are set (a TypeError for a
#: string, from the settings, the environment or a file alike).
_SIZE_KEYS = frozenset({"REQUEST_MAX_SIZE", "REQUEST_BUFFER_SIZE", "REQUEST_MAX_HEADER_SIZE"})


def _check_size(key: str, value: Any) -> None:
    if not isinstance(value, (int, float)):
        raise TypeError(
            f"config.{key} is a number of bytes, such as {DEFAULT_CONFIG[key]}, not {value!r}"
        )


class DescriptorMeta(type):
    """Metaclass kept for API parity: lists the class's properties as settable descriptors."""

    def __init__(cls, *args: Any) -> None:
        super().__init__(*args)
        # Python's own slots (``__weakref__``) are no settings: a key of that name is an
        # item like any other, as in Sanic.
        cls.__setters__ = {
            name for name, _ in getmembers(cls, isdatadescriptor) if not name.startswith("__")
        }


class DetailedConverter(ABC):
    """Abstract base for converters that want more than the value.

    ``__call__(full_key, config_key, value, defaults)``: the environment variable's name
    (``SANIC_TIMEOUT``), the setting it fills (``TIMEOUT``), its text, and the defaults
    (Sanic's, with those given to ``Config``). Raise ``ValueError`` to pass it on.
    """

    @abstractmethod
    def __call__(
        self, full_key: str, config_key: str, value: str, defaults: dict[str, Any]
    ) -> Any:  # pragma: no cover - interface
        raise NotImplementedError


# Attributes of the Config object itself, kept out of its items.
# ``defaults`` is public as in Sanic (``app.config.defaults["REQUEST_TIMEOUT"]``): Sanic's
# defaults with the ``defaults=`` given to the config, as they were before any setting.
_INSTANCE_STATE = frozenset({"defaults", "_converters"})


class Config(dict, metaclass=DescriptorMeta):
    """The app's settings: Sanic's defaults, overridden by arguments and environment."""

    ACCESS_LOG: bool
    AUTO_EXTEND: bool
    AUTO_RELOAD: bool
    EVENT_AUTOREGISTER: bool
    DEPRECATION_FILTER: FilterWarningType
    FORWARDED_FOR_HEADER: str
    FORWARDED_SECRET: str | None
    GRACEFUL_SHUTDOWN_TIMEOUT: float
    GRACEFUL_TCP_CLOSE_TIMEOUT: float
    INSPECTOR: bool
    INSPECTOR_HOST: str
    INSPECTOR_PORT: int
    INSPECTOR_TLS_KEY: Path | str | Default
    INSPECTOR_TLS_CERT: Path | str | Default
    INSPECTOR_API_KEY: str
    KEEP_ALIVE_TIMEOUT: int
    KEEP_ALIVE: bool
    LOCAL_CERT_CREATOR: str | LocalCertCreator
    LOCAL_TLS_KEY: Path | str | Default
    LOCAL_TLS_CERT: Path | str | Default
    LOCALHOST: str
    LOG_EXTRA: Default | bool
    MOTD: bool
    MOTD_DISPLAY: dict[str, str]
    NO_COLOR: bool
    NOISY_EXCEPTIONS: bool
    PROXIES_COUNT: int | None
    REAL_IP_HEADER: str | None
    REQUEST_BUFFER_SIZE: int
    REQUEST_MAX_HEADER_SIZE: int
    REQUEST_ID_HEADER: str
    REQUEST_MAX_SIZE: int
    REQUEST_TIMEOUT: int
    RESPONSE_TIMEOUT: int
    SERVER_NAME: str
    TLS_CERT_PASSWORD: str
    TOUCHUP: Default | bool
    USE_UVLOOP: Default | bool
    WEBSOCKET_MAX_SIZE: int
    WEBSOCKET_PING_INTERVAL: int
    WEBSOCKET_PING_TIMEOUT: int

    def __init__(
        self,
        defaults: dict[str, str | bool | int | float | None] | None = None,
        env_prefix: str | None = SANIC_PREFIX,
        keep_alive: bool | None = None,
        *,
        converters: Sequence[Callable[[str], Any]] | None = None,
    ) -> None:
        super().__init__({**DEFAULT_CONFIG, **(defaults or {})})
        self.defaults: dict[str, Any] = {**DEFAULT_CONFIG, **(defaults or {})}
        self._converters: list[Callable[..., Any]] = [str, str_to_bool, float, int]
        for converter in converters or ():
            self.register_type(converter)
        if keep_alive is not None:
            self.KEEP_ALIVE = keep_alive
        # As Sanic: every config made (and every REQUEST_MAX_HEADER_SIZE set, below) sets
        # the head limit of the connections opened from then on, in the whole process.
        Http.set_header_max_size(self["REQUEST_MAX_HEADER_SIZE"])
        if env_prefix:
            self.load_environment_vars(env_prefix)
        self._configure_warnings()
        self._check_error_format()

    # -- access ---------------------------------------------------------------------------

    def __getattr__(self, attr: Any) -> Any:
        try:
            return self[attr]
        except KeyError:
            if attr in RUN_DEFAULTS:
                return RUN_DEFAULTS[attr]
            # Chained to the KeyError, as Sanic's: the logged traceback of a handler that
            # reads a missing setting shows the lookup that failed first.
            raise AttributeError(f"Config has no '{attr}'")  # noqa: B904 (implicit, as Sanic's)

    def __setattr__(self, attr: str, value: Any) -> None:
        self.update({attr: value})

    def __setitem__(self, attr: str, value: Any) -> None:
        self.update({attr: value})

    def update(self, *other: Any, **kwargs: Any) -> None:
        """Set several keys (dict, pairs or keywords), applying each key's side effects."""
        merged: dict[str, Any] = {}
        for item in (*other, kwargs):
            try:
                merged.update(item)
            except TypeError:
                # dict.update's own type (as Sanic), saying what is taken.
                raise TypeError(
                    f"config.update() takes dicts or KEY=value arguments, not {item!r}"
                ) from None
        for key, value in merged.items():
            if not isinstance(key, str):
                # Sanic's TypeError: settings are named, as keyword arguments are.
                raise TypeError(f"keywords must be strings: config keys are names, not {key!r}")
            if key in self.__setters__:
                try:
                    object.__setattr__(self, key, value)
                except AttributeError:
                    # A subclass's read-only property (or a setter refusing with
                    # AttributeError) keeps its value: the write is dropped, as in Sanic,
                    # so SANIC_* variables or update_config() cannot break start-up.
                    pass
                continue
            if key in _INSTANCE_STATE:
                # The config's own state (defaults, converters), not settings; any other
                # key, even a private-looking one (_secret), is a setting, as in Sanic.
                object.__setattr__(self, key, value)
                continue
            if key in _SIZE_KEYS:
                _check_size(key, value)
            super().__setitem__(key, value)
            self._post_set(key, value)

    def _post_set(self, attr: str, value: Any) -> None:
        """Apply the side effects of changing one setting."""
        if attr == "LOCAL_CERT_CREATOR" and not isinstance(value, LocalCertCreator):
            # By name, as Sanic: an unknown creator is a KeyError ('OPENSSL'), and a value
            # that is no str an AttributeError (no .upper()).
            dict.__setitem__(self, attr, LocalCertCreator[value.upper()])
        elif attr == "DEPRECATION_FILTER":
            self._configure_warnings()
        elif attr == "REQUEST_MAX_HEADER_SIZE":
            # Live, as in Sanic: set in a listener or a handler, it bounds the heads of
            # the connections opened after (it was read once, at start-up).
            Http.set_header_max_size(value)
        elif attr == "_FALLBACK_ERROR_FORMAT" and not isinstance(value, Default):
            check_error_format(value)

    # -- error format ---------------------------------------------------------------------

    @property
    def FALLBACK_ERROR_FORMAT(self) -> str:
        """The error page format when nothing else decides: ``auto``, ``html``, ``json``, ``text``."""
        try:
            value = self["_FALLBACK_ERROR_FORMAT"]
        except KeyError:
            # Gone with config.clear() (or a del), as every other setting then is.
            raise AttributeError("Config has no 'FALLBACK_ERROR_FORMAT'") from None
        return DEFAULT_FORMAT if isinstance(value, Default) else value

    @FALLBACK_ERROR_FORMAT.setter
    def FALLBACK_ERROR_FORMAT(self, value: str) -> None:
        self._check_error_format(value)
        current = self.get("_FALLBACK_ERROR_FORMAT", _default)
        if not isinstance(current, Default) and current != value:
            error_logger.warning(
                "Setting config.FALLBACK_ERROR_FORMAT on an already configured value may "
                "have unintended consequences."
            )
        dict.__setitem__(self, "_FALLBACK_ERROR_FORMAT", value)

    def _check_error_format(self, format: str | None = None) -> None:
        check_error_format(format or self.FALLBACK_ERROR_FORMAT)

    def _configure_warnings(self) -> None:
        filterwarnings(
            self.get("DEPRECATION_FILTER", "once"),
            category=DeprecationWarning,
            # As Sanic's: every module whose name starts with "sanic" (sanic_routing's
            # warnings too, and sanic_ext's), and Hurtle's own packages.
            module=r"(sanic|hurtle_).*",
        )

    # -- loading --------------------------------------------------------------------------

    def load_environment_vars(self, prefix: str = SANIC_PREFIX) -> None:
        """Load every ``<prefix><KEY>`` environment variable as ``KEY``, converted.

        Only upper-case keys are read. Converters are tried newest custom first, then
        ``int``, ``float``, booleans (``str_to_bool``), and the string as is. An empty
        prefix is a ``ValueError``, as in Sanic (it would load the whole environment).
        """
        if not prefix and isinstance(prefix, str):
            raise ValueError(
                "empty separator: load_environment_vars() needs a prefix such as 'SANIC_' "
                "(an empty one would load every environment variable)"
            )
        for key, value in environ.items():
            if not key.startswith(prefix) or not key.isupper():
                continue
            config_key = key[len(prefix) :]
            self[config_key] = self._convert(config_key, value, key)

    def _convert(self, key: str, value: str, full_key: str | None = None) -> Any:
        for converter in reversed(self._converters):
            try:
                if isinstance(converter, DetailedConverter):
                    return converter(full_key or key, key, value, self.defaults)
                return converter(value)
            except ValueError:
                # Only ValueError means "not my type" (Sanic's rule); any other error is
                # the converter's own bug and surfaces, as in Sanic.
                continue
        return value

    def register_type(self, converter: Callable[[str], Any]) -> None:
        """Add a converter for environment values, tried before the built-in ones.

        It takes the string and returns the value, or raises ``ValueError`` to pass.
        """
        if converter in self._converters:
            error_logger.warning(
                f"Configuration value converter '{getattr(converter, '__name__', converter)}' "
                "has already been registered"
            )
            return
        self._converters.append(converter)

    def update_config(self, config: bytes | str | dict[str, Any] | Any) -> None:
        """Load the upper-case settings of a file path, a dict, a module, a class or an object.

        A string path may hold ``${ENV_VAR}`` parts; a string that is not a path is read
        as an import string (``"mypackage.settings"``).
        """
        if isinstance(config, (bytes, str, Path)):
            config = load_module_from_file_location(location=config)
        if not isinstance(config, dict):
            if not hasattr(config, "__dict__"):
                raise ConfigSourceError(
                    "update_config() takes a dict, a path to a Python file, an import string, "
                    f"or a module, class or object with upper-case attributes, not {config!r}"
                )
            cfg: dict[str, Any] = {}
            if not isclass(config):
                cfg.update(
                    {
                        key: getattr(config, key)
                        for key in config.__class__.__dict__
                        if not key.startswith("__")
                    }
                )
            cfg.update(config.__dict__)
            config = cfg
        self.update({key: value for key, value in config.items() if key.isupper()})

    load = update_config


__all__ = [
    "DEFAULT_CONFIG",
    "RUN_DEFAULTS",
    "SANIC_PREFIX",
    "Config",
    "DescriptorMeta",
    "DetailedConverter",
    "FilterWarningType",
]
