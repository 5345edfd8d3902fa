"""``deprecation(message, version)``: the warning's text, as Sanic's."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from hurtle_app.logging.deprecation import deprecation


def _shown(*args: Any) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deprecation(*args)
    return [str(w.message) for w in caught]


@pytest.mark.parametrize("version", [None, 0, "", False])
def test_no_version_is_left_out_of_the_prefix(version: Any) -> None:
    # Plugins call deprecation("...", None) for "some future release"; it said "vNone".
    assert _shown("old thing", version) == ["[DEPRECATION] old thing"]
    assert _shown("old thing", 26.6) == ["[DEPRECATION v26.6] old thing"]


@pytest.mark.parametrize("message", [None, 5, b"old"])
def test_a_message_that_is_not_a_str_is_a_type_error(message: Any) -> None:
    with pytest.raises(TypeError, match="can only concatenate str"):
        deprecation(message, 26.6)


def test_a_filter_on_sanic_modules_applies_to_the_warning() -> None:
    # The warning is attributed to ``sanic.logging.deprecation``, the module users (and
    # pytest's ``ignore::DeprecationWarning:sanic.*``) filter on, as under Sanic.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"sanic\.logging")
        deprecation("old thing", 26.6)
    assert caught == []
    assert _shown("old thing", 26.6) == ["[DEPRECATION v26.6] old thing"]
