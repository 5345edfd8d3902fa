"""A terminal spinner shown while something slow loads (e.g. making local certificates)."""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Spinner:
    """Shows ``message`` and a turning bar on stderr (only on a terminal)."""

    def __init__(self, message: str) -> None:
        self.message = message
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _spin(self) -> None:
        for char in itertools.cycle("|/-\\"):
            sys.stderr.write(f"\r{self.message} {char}")
            sys.stderr.flush()
            if self._stop.wait(0.1):
                break
        sys.stderr.write("\r" + " " * (len(self.message) + 2) + "\r")
        sys.stderr.flush()

    def start(self) -> None:
        """Start spinning (no-op when stderr is not a terminal)."""
        if sys.stderr is None or not sys.stderr.isatty() or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._spin, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop spinning and clear the line."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)
            self._thread = None


@contextmanager
def loading(message: str = "Loading") -> Iterator[Spinner]:
    """``with loading("Making certificates"):`` shows a spinner for the block's duration."""
    spinner = Spinner(message)
    spinner.start()
    try:
        yield spinner
    finally:
        spinner.stop()


__all__ = ["Spinner", "loading"]
