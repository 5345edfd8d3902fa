"""hurtle_app.helpers: import_string as Sanic's sanic.helpers.import_string."""

from __future__ import annotations

import pytest

from hurtle_app.config import Config
from hurtle_app.helpers import import_string


def test_import_string_gives_modules_instances_and_factory_results() -> None:
    assert import_string("hurtle_app.helpers").__name__ == "hurtle_app.helpers"
    assert isinstance(import_string("hurtle_app.config.Config"), Config)
    # A function is called, as Sanic calls it: a factory path gives what it makes.
    assert import_string("os.getcwd") == __import__("os").getcwd()
    with pytest.raises(TypeError):
        import_string("os.path.join")  # needs arguments: Sanic's TypeError too
    # Not callable: handed back (Sanic fails calling it).
    assert import_string("hurtle_app.helpers.__name__") == "hurtle_app.helpers"


def test_import_string_of_a_leading_dot_is_sanics_value_error() -> None:
    # ".json": the module part is empty, which import_module refuses with ValueError (as
    # in Sanic), not the TypeError of a relative import without a package.
    with pytest.raises(ValueError, match="Empty module name"):
        import_string(".json")
