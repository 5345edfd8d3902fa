"""``sanic.server.goodbye``: a farewell for the shutdown log line."""

from __future__ import annotations

import random

# Hurtle's own list: "goodbye" in a few languages.
ascii_phrases = {
    "Goodbye",
    "Adios",
    "Au revoir",
    "Arrivederci",
    "Tschuss",
    "Tot ziens",
    "Hej da",
    "Ciao",
    "Sayonara",
    "Do widzenia",
    "Nakemiin",
    "Adeus",
}
non_ascii_phrases = {
    "Tschüss",
    "Hej då",
    "Näkemiin",
    "До свидания",
    "さようなら",
    "再见",
    "안녕히 가세요",
}
all_phrases = ascii_phrases | non_ascii_phrases


def get_goodbye() -> str:
    """A random farewell."""
    return random.choice(sorted(all_phrases))


__all__ = ["all_phrases", "ascii_phrases", "get_goodbye", "non_ascii_phrases"]
