"""``sanic.application.constants.StrEnum``: the base of ``Mode`` and ``Server``."""

from __future__ import annotations

from enum import auto

from sanic.application.constants import Mode, Server, StrEnum


class Colour(StrEnum):
    RED = auto()
    Blue = auto()
    X = "Hello"


def test_mode_and_server_derive_from_the_exported_strenum() -> None:
    assert isinstance(Mode.DEBUG, StrEnum)
    assert isinstance(Server.ASGI, StrEnum)


def test_a_subclass_behaves_as_sanics() -> None:
    # Sanic 25.12: auto() is the lower-cased name, str() and format() the value, and a
    # member equals nothing (not its text, not itself) while != compares the text.
    assert [m.value for m in Colour] == ["red", "blue", "Hello"]
    assert str(Colour.RED) == f"{Colour.RED}" == "red"
    assert repr(Colour.X) == "<Colour.X: 'Hello'>"
    assert (Colour.RED == "red") is False
    assert (Colour.RED != "red") is False
    assert (Colour.RED == Colour.RED) is False
    assert {Colour.RED: 1}[Colour.RED] == 1
    assert Colour("blue") is Colour.Blue
