"""Config values and ``Sanic(config=...)`` objects Sanic refuses: the same exception types,
at the same moment, with a message saying what to give instead."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hurtle_app import Sanic
from hurtle_app.config import Config

SIZES = ["REQUEST_MAX_SIZE", "REQUEST_BUFFER_SIZE", "REQUEST_MAX_HEADER_SIZE"]


@pytest.mark.parametrize("key", SIZES)
@pytest.mark.parametrize("value", ["100", None, b"1"])
def test_a_size_that_is_not_a_number_is_a_type_error_when_set(key: str, value) -> None:
    config = Config(env_prefix=None)
    before = config[key]
    for assign in (
        lambda: setattr(config, key, value),
        lambda: config.update({key: value}),
        lambda: config.update_config({key: value}),
    ):
        with pytest.raises(TypeError, match=rf"config\.{key} is a number of bytes, such as"):
            assign()
    assert config[key] == before


@pytest.mark.parametrize("value", [0, 1.5, True, 2**70])
def test_numbers_are_taken_as_sizes(value) -> None:
    config = Config(env_prefix=None)
    config.REQUEST_MAX_SIZE = value
    assert config.REQUEST_MAX_SIZE == value


def test_a_size_from_the_environment_that_is_not_a_number_fails_the_app(monkeypatch) -> None:
    monkeypatch.setenv("SANIC_REQUEST_MAX_SIZE", "lots")
    with pytest.raises(TypeError, match="REQUEST_MAX_SIZE is a number of bytes, .* not 'lots'"):
        Sanic("EnvApp", configure_logging=False)
    monkeypatch.setenv("SANIC_REQUEST_MAX_SIZE", "2048")
    assert Sanic("EnvApp2", configure_logging=False).config.REQUEST_MAX_SIZE == 2048


@pytest.mark.parametrize("config", [{"A": 1}, 5, "x"])
def test_a_config_object_that_takes_no_attributes_is_refused(config) -> None:
    # Sanic raises an AttributeError here; ours is also a TypeError saying what to pass.
    with pytest.raises(AttributeError, match=r"takes a Config object .* app.update_config"):
        Sanic("BadConfig", config=config, configure_logging=False)
    with pytest.raises(TypeError):
        Sanic("BadConfig", config=config, configure_logging=False)


def test_an_empty_config_gets_the_defaults_and_objects_with_attributes_are_kept() -> None:
    assert isinstance(Sanic("Empty", config={}, configure_logging=False).config, Config)
    namespace = SimpleNamespace(A=1)
    assert Sanic("Namespace", config=namespace, configure_logging=False).config is namespace


@pytest.mark.parametrize(
    "key",
    [
        "REQUEST_TIMEOUT",
        "RESPONSE_TIMEOUT",
        "KEEP_ALIVE_TIMEOUT",
        # These two were not checked: a GRACEFUL_TCP_CLOSE_TIMEOUT that is no number
        # dropped every connection as it opened (Sanic serves; it reads it at a close),
        # a GRACEFUL_SHUTDOWN_TIMEOUT failed only at the stop (as Sanic's TypeError).
        "GRACEFUL_TCP_CLOSE_TIMEOUT",
        "GRACEFUL_SHUTDOWN_TIMEOUT",
    ],
)
async def test_a_timeout_that_is_not_a_number_fails_the_start(app: Sanic, key) -> None:
    # Every connection would fail as it opens; the start says which setting is wrong.
    app.config[key] = "soon"
    with pytest.raises(TypeError, match=rf"config\.{key} is a number of seconds, .* 'soon'"):
        await app._startup()
    app.config[key] = "2.5"  # a string of a number is read as one, as before
    await app._startup()


def test_read_only_property_of_a_config_subclass_ignores_writes():
    class ComputedConfig(Config):
        @property
        def DB_URL(self):
            return f"db://{self.get('DB_HOST', 'localhost')}"

    cfg = ComputedConfig(env_prefix="HURTLE_TEST_NOPE_")
    cfg.DB_URL = "db://elsewhere"
    cfg["DB_URL"] = "db://item"
    cfg.update_config({"DB_URL": "db://update", "DB_HOST": "h"})
    assert cfg.DB_URL == "db://h"
    assert "DB_URL" not in cfg
