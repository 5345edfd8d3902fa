"""``Sanic[ConfigType, CtxType]``: the app class is generic, and a false ``ctx`` is replaced."""

from __future__ import annotations

import typing
from types import SimpleNamespace

import pytest

from hurtle_app import Sanic
from hurtle_app.config import Config


class TunedConfig(Config):
    pass


class Pantry:
    pass


def test_the_app_class_takes_config_and_context_type_parameters() -> None:
    alias = Sanic[TunedConfig, Pantry]
    assert typing.get_origin(alias) is Sanic
    assert typing.get_args(alias) == (TunedConfig, Pantry)
    assert [p.__name__ for p in Sanic.__parameters__] == ["config_type", "ctx_type"]


def test_an_app_made_through_the_parameterised_class_is_a_plain_app() -> None:
    app = Sanic[TunedConfig, Pantry](
        "Parameterised", config=TunedConfig(), ctx=Pantry(), configure_logging=False
    )
    assert type(app) is Sanic
    assert isinstance(app.config, TunedConfig) and isinstance(app.ctx, Pantry)


def test_a_subclass_can_fix_the_type_parameters() -> None:
    class PantryApp(Sanic[Config, Pantry]):
        pass

    app = PantryApp("Fixed", ctx=Pantry(), configure_logging=False)
    assert isinstance(app, Sanic) and isinstance(app.ctx, Pantry)


@pytest.mark.parametrize("falsy", [None, {}, [], 0, "", False])
def test_a_false_ctx_becomes_a_fresh_namespace(falsy: object) -> None:
    app = Sanic("FalsyCtx", ctx=falsy, configure_logging=False)
    assert isinstance(app.ctx, SimpleNamespace)
    app.ctx.db = "attached"
    assert app.ctx.db == "attached"


def test_a_true_ctx_is_kept_as_given() -> None:
    given = {"db": "kept"}
    assert Sanic("DictCtx", ctx=given, configure_logging=False).ctx is given
